"""Validates the catalog, adds generated pages and assets as virtual files, renders views."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ...catalog import ENTRY_DIRS, Catalog, load_catalog
from ...checks import content_problems
from ...export import export_json, export_schema
from ...freshness.flags import all_flags
from ...pages import generated_pages
from ...problems import Severity, render_text
from ...render.changes import atom_feed
from ...render.html import Links, compact_code
from ...render.infobox import entry_footer, entry_header
from ...render.listing import section_index
from ...render.pairs import is_pair_src
from ...render.topicpage import topic_sections
from ...sitebuild import build_date
from ...views import render_views
from .config import CatalogConfig

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/webyet"
CSS = ["webyet.css"]
JS = ["vendor/tablesort/tablesort.min.js", "vendor/tablesort/tablesort.number.min.js",
      "webyet-tables.js"]
OTHER_ASSETS = ["vendor/tablesort/LICENCE"]
OFFLINE_ASSETS = ["vendor/iframe-worker/shim.js", "vendor/iframe-worker/LICENSE"]


class CatalogPlugin(BasePlugin[CatalogConfig]):
    catalog: Catalog
    links: Links

    @event_priority(50)  # before Material's offline plugin, so it finds our local shim
    def on_config(self, config: Any) -> None:
        self.offline = _offline_enabled(config)
        if self.offline:
            # Material's offline plugin would otherwise load this polyfill from a CDN.
            config.extra["polyfills"] = [*config.extra.get("polyfills", []),
                                         f"{ASSET_DIR}/vendor/iframe-worker/shim.js"]
        root = Path(config.docs_dir)
        self.catalog = load_catalog(root, display_root=Path(config.config_file_path).parent)
        self.flags = all_flags(self.catalog, build_date())
        problems = content_problems(self.catalog, flags=self.flags)
        for warning in (p for p in problems if p.severity is Severity.WARNING):
            log.warning(warning.format())
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            # All problems at once, located; MkDocs prints this and aborts the build.
            raise PluginError("content has errors:\n" + render_text(errors))
        config.extra_css[:0] = [f"{ASSET_DIR}/{name}" for name in CSS]
        config.extra_javascript.extend(f"{ASSET_DIR}/{name}" for name in JS)

    def on_files(self, files: Files, *, config: Any) -> Files:
        # Read here, not in on_config: the offline plugin turns directory URLs off after us.
        self.links = Links(directory_urls=config.use_directory_urls)
        existing = {f.src_uri for f in files}
        for src, text in generated_pages(self.catalog, self.links, existing).items():
            file = File.generated(config, src, content=text)
            if is_pair_src(src):
                file.inclusion = InclusionLevel.NOT_IN_NAV  # reached from the entries' infoboxes
            files.append(file)
        for entry in self.catalog.entries.values():
            file = files.get_file_from_path(entry.src_uri)
            if file is not None:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # listed on section pages instead
        assets = resources.files("webyet") / "assets"
        for name in CSS + JS + OTHER_ASSETS + (OFFLINE_ASSETS if self.offline else []):
            files.append(File.generated(config, f"{ASSET_DIR}/{name}",
                                        content=(assets / name).read_bytes()))
        files.append(File.generated(config, "feed.xml", content=atom_feed(
            self.catalog, config.site_name, config.site_url)))
        if self.config.export:
            name = self.config.export_file
            files.append(File.generated(config, name, content=export_json(self.catalog)))
            schema_name = name.removesuffix(".json") + ".schema.json"
            files.append(File.generated(config, schema_name,
                                        content=json.dumps(export_schema(), indent=2) + "\n"))
        return files

    def on_page_content(self, html: str, *, page: Page, config: Any, files: Files) -> str:
        return compact_code(html)

    def on_page_markdown(self, markdown: str, *, page: Page, config: Any, files: Files) -> str:
        src = page.file.src_uri
        entry = self.catalog.entry_for(src)
        if entry is not None:
            extra = topic_sections(entry, self.catalog, self.links) if entry.kind == "topic" else ""
            header = entry_header(entry, self.catalog, self.links, self.flags.get(entry.slug, []))
            markdown = "\n\n".join((header, markdown, extra,
                                      entry_footer(entry)))
        section = src.removesuffix("/index.md")
        if section in ENTRY_DIRS and page.file.generated_by is None:
            # A hand-written section index keeps its text; the listing follows it.
            listing = section_index(self.catalog, section, self.links).split("\n", 1)[1]
            markdown += "\n\n" + listing
        try:
            return render_views(markdown, self.catalog, self.links, src, self.flags,
                                _snippet_counts(config))
        except ValueError as err:  # validated in on_config, so only a bug gets here
            raise PluginError(f"{src}: {err}") from None


def _snippet_counts(config: Any) -> tuple[int, int, str] | None:
    """(checked, passing, rustc) from the snippets plugin, when it runs in this build."""
    plugin = config.plugins.get("webyet-snippets")
    report = getattr(plugin, "report", None)
    if report is None:
        return None
    checked = [r for r in report.results if r.status not in ("ignored", "unchecked")]
    return len(checked), sum(r.status == "pass" for r in checked), report.rustc


def _offline_enabled(config: Any) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)
