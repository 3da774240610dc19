from mkdocs.config import base
from mkdocs.config import config_options as c


class CatalogConfig(base.Config):
    # Publish the catalog as JSON (and its JSON Schema) beside the site.
    export = c.Type(bool, default=True)
    export_file = c.Type(str, default="catalog.json")
