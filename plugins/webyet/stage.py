"""A staged docs tree: the whole site as plain Markdown and files, for engines that run no
webyet plugin (Zensical ignores unknown MkDocs plugins silently).

`stage()` asks the core `Site` for every page's final Markdown and every generated file, and
writes them with a `mkdocs.yml` that no longer names webyet: any Material-family engine that
reads `mkdocs.yml` builds the same site from it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from .frontmatter import CLOSE, FENCE
from .problems import Problem
from .project import read_mkdocs_config
from .render.html import Links
from .site import Site, SiteOptions

OUR_PLUGINS = {"webyet"}


def stage(root: Path, config_file: Path, out: Path, *, options: SiteOptions | None = None,
          today: dt.date | None = None) -> tuple[list[Problem], list[str]]:
    """Write the staged tree to `out` (`out/docs/` and `out/mkdocs.yml`, which builds into
    `out/site/`). Returns (errors, warnings); with errors nothing is written."""
    config = read_mkdocs_config(config_file)
    docs = (root / str(config.get("docs_dir") or "docs")).resolve()
    site = Site(root, docs, options or SiteOptions(offline=False), today=today)
    if site.errors:
        return site.errors, site.warnings()
    links = Links(directory_urls=bool(config.get("use_directory_urls", True)))
    if out.exists():
        shutil.rmtree(out)
    target = out / "docs"
    existing = set()
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        src = path.relative_to(docs).as_posix()
        existing.add(src)
        dest = target / src
        dest.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copyfile(path, dest)
            continue
        head, body = split_front_matter(path.read_text(encoding="utf-8"))
        dest.write_text(head + site.page_markdown(src, body, links, path), encoding="utf-8")
    for src, content in site.generated_files(links, existing, site_name=str(config.get("site_name", "")),
                                             site_url=config.get("site_url")).items():
        dest = target / src
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            dest.write_bytes(content)
        elif src.endswith(".md"):  # a generated page still has directives to render
            head, body = split_front_matter(content)
            dest.write_text(head + site.page_markdown(src, body, links), encoding="utf-8")
        else:
            dest.write_text(content, encoding="utf-8")
    staged = staged_config(config, root, site)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(staged, sort_keys=False, allow_unicode=True),
                                    encoding="utf-8")
    return [], site.warnings()


def split_front_matter(text: str) -> tuple[str, str]:
    """(the front matter block with its fences and the blank lines after it, the body), the way
    MkDocs hands a page's Markdown to its plugins."""
    lines = text.split("\n")
    if lines and FENCE.match(lines[0]):
        for index in range(1, len(lines)):
            if CLOSE.match(lines[index]):  # the front matter grammar of frontmatter.py
                head = "\n".join(lines[:index + 1]) + "\n"
                body = "\n".join(lines[index + 1:])
                stripped = body.lstrip("\n")
                return head + "\n" * (len(body) - len(stripped)), stripped
    return "", text


def staged_config(config: dict[str, Any], root: Path, site: Site) -> dict[str, Any]:
    """mkdocs.yml for the staged tree: webyet's plugins gone, its assets listed, paths absolute."""
    staged = {k: v for k, v in config.items() if k not in ("plugins", "docs_dir", "site_dir")}
    staged["docs_dir"] = "docs"  # engines such as Zensical want both inside the config's folder
    staged["site_dir"] = "site"
    plugins = []
    for plugin in config.get("plugins") or []:
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        if name in OUR_PLUGINS or name == "offline":  # the offline variant is MkDocs-only here
            continue
        plugins.append(plugin)
    staged["plugins"] = plugins
    staged["extra_css"] = [*site.stylesheets(), *config.get("extra_css", [])]
    staged["extra_javascript"] = [*config.get("extra_javascript", []), *site.scripts()]
    extensions = []
    for extension in config.get("markdown_extensions") or []:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            settings = dict(extension["pymdownx.snippets"] or {})
            settings["base_path"] = [str(root / p) for p in settings.get("base_path", ["."])]
            extension = {"pymdownx.snippets": settings}
        extensions.append(extension)
    staged["markdown_extensions"] = extensions
    return staged
