from mkdocs.config import base
from mkdocs.config import config_options as c


class WebyetConfig(base.Config):
    # Publish the catalog as JSON (and its JSON Schema) beside the site.
    export = c.Type(bool, default=True)
    export_file = c.Type(str, default="catalog.json")
    # Compile-check uncached snippets during the build (cached results are always used).
    check = c.Type(bool, default=True)
    # Seconds per cargo run before its process group is killed.
    timeout = c.Type(float, default=1800.0)
    jobs = c.Optional(c.Type(int))
    # Relative to the folder of mkdocs.yml.
    folder = c.Type(str, default="snippets")
    playground_crates = c.Type(str, default="snippets/playground-crates.txt")
