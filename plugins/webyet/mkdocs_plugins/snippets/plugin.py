"""Checks every Rust block of the site (cached) and shows its verdict under it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...snippets.badge import playground_crates, rewrite_page, status_html
from ...snippets.check import CheckReport, SnippetResult, check_regions, find_sources, regions_of
from ...snippets.extract import regions_in_markdown
from ...snippets.report import problems_of
from .config import SnippetsConfig

log = get_plugin_logger(__name__)


class SnippetsPlugin(BasePlugin[SnippetsConfig]):
    report: CheckReport
    by_file: dict[Path, list[SnippetResult]]

    def on_config(self, config: Any) -> None:
        root = Path(config.config_file_path).parent
        folder = root / self.config.folder
        self.playground = playground_crates(root / self.config.playground_crates)
        docs = Path(config.docs_dir)
        regions = regions_of(find_sources([docs, folder] if folder.is_dir() else [docs]), root, folder)
        self.report = check_regions(regions, folder / "profiles", jobs=self.config.jobs,
                                    timeout=self.config.timeout, run_cargo=self.config.check)
        for note in self.report.notes:
            log.warning(note)
        # Under --strict every warning fails the build: a failing snippet does, at path:line.
        for problem in problems_of(self.report):
            log.warning(f"{problem.path}:{problem.line}: {problem.message.splitlines()[0]}")
        self.by_file = {}
        for result in self.report.results:
            self.by_file.setdefault(result.region.path.resolve(), []).append(result)

    def on_page_markdown(self, markdown: str, *, page: Page, config: Any, files: Files) -> str:
        path = Path(page.file.abs_src_path or "").resolve()
        results = self.by_file.get(path, [])
        included = {r.region.path.name: r for r in self.report.results if r.region.path.suffix == ".rs"}
        blocks = []
        checked = iter(results)
        for region in regions_in_markdown(markdown, path, page.file.src_uri):
            if region.includes:
                # The section of an included `.rs` file shows that file's result.
                name = Path(region.includes[0].split(":", 1)[0]).name
                blocks.append((region, status_html(included.get(name), self.report.rustc, self.playground)))
                continue
            # Same order as on disk; another plugin may have added lines above, so match by code.
            result = next((r for r in checked if r.region.code == region.code), None)
            blocks.append((region, status_html(result, self.report.rustc, self.playground)))
        return rewrite_page(markdown, blocks) if blocks else markdown
