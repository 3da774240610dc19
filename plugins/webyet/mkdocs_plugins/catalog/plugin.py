"""Validates the catalog, adds generated pages as virtual files, renders entry headers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ...catalog import ENTRY_DIRS, Catalog, load_catalog
from ...export import export_json, export_schema
from ...problems import Severity, render_text
from ...render.html import Links
from ...render.infobox import entry_header
from ...render.listing import section_index
from .config import CatalogConfig

log = get_plugin_logger(__name__)


class CatalogPlugin(BasePlugin[CatalogConfig]):
    catalog: Catalog
    links: Links

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: Any) -> None:
        root = Path(config.docs_dir)
        self.catalog = load_catalog(root, display_root=Path(config.config_file_path).parent)
        self.links = Links(directory_urls=config.use_directory_urls)
        errors = [p for p in self.catalog.problems if p.severity is Severity.ERROR]
        for warning in (p for p in self.catalog.problems if p.severity is Severity.WARNING):
            log.warning(warning.format())
        if errors:
            # All problems at once, located; MkDocs prints this and aborts the build.
            raise PluginError("content has errors:\n" + render_text(errors))

    def on_files(self, files: Files, *, config: Any) -> Files:
        for section in ENTRY_DIRS:
            src = f"{section}/index.md"
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=section_index(
                    self.catalog, section, self.links)))
        for entry in self.catalog.entries.values():
            file = files.get_file_from_path(entry.src_uri)
            if file is not None:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # listed on section pages instead
        if self.config.export:
            name = self.config.export_file
            files.append(File.generated(config, name, content=export_json(self.catalog)))
            schema_name = name.removesuffix(".json") + ".schema.json"
            files.append(File.generated(config, schema_name,
                                        content=json.dumps(export_schema(), indent=2) + "\n"))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: Any, files: Files) -> str:
        src = page.file.src_uri
        entry = self.catalog.entry_for(src)
        if entry is not None:
            return entry_header(entry, self.catalog, self.links) + "\n\n" + markdown
        section = src.removesuffix("/index.md")
        if section in ENTRY_DIRS and page.file.generated_by is None:
            return markdown + "\n\n" + section_index(self.catalog, section, self.links).split(
                "\n", 1)[1]
        return markdown
