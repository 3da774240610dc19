"""The site, owned by the core: every generated file and every page's final Markdown.

An engine adapter (the MkDocs/ProperDocs plugin, or the staged docs tree for engines that run
no webyet plugin) only asks a `Site` for these and hands them to its engine. Nothing here
imports an engine.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .catalog import ENTRY_DIRS, Catalog
from .checks import content_problems
from .directives import may_hold_directives
from .export import export_json, export_schema
from .freshness.attach import load_with_registry
from .freshness.flags import Flag, all_flags
from .incremental import BuildMemory, fingerprint, readers_of, verdict_fingerprints, view_pages
from .pages import generated_pages
from .problems import Problem, Severity
from .profiles import load_profiles
from .render.advisories import PAGE as ADVISORY_PAGE
from .render.advisories import render_advisories
from .render.changes import atom_feed
from .render.compat import INDEX, compat_pages, examples_line
from .render.html import Links, compact_code, esc, tag
from .render.infobox import entry_footer, entry_header
from .render.listing import section_index
from .render.pairs import PairPage, is_pair_src, pair_page, pairs
from .render.topicpage import topic_sections
from .sitebuild import build_date
from .snippets.background import BACKGROUND_REASON
from .snippets.badge import playground_crates, rewrite_page, status_html
from .snippets.check import (
    DEFAULT_TIMEOUT,
    CheckReport,
    SnippetResult,
    check_regions,
    find_sources,
    regions_of,
)
from .snippets.extract import regions_in_markdown
from .snippets.report import problems_of
from .stash import Stash
from .views import render_views

ASSET_DIR = "assets/webyet"
CSS = ("webyet.css",)
JS = ("vendor/tablesort/tablesort.min.js", "vendor/tablesort/tablesort.number.min.js", "webyet-tables.js")
OTHER_ASSETS = ("vendor/tablesort/LICENCE",)
OFFLINE_ASSETS = ("vendor/iframe-worker/shim.js", "vendor/iframe-worker/LICENSE")
OFFLINE_SHIM = f"{ASSET_DIR}/vendor/iframe-worker/shim.js"


@dataclass(frozen=True)
class SiteOptions:
    """What a site build may change; every engine adapter exposes the same options."""

    export: bool = True  # publish catalog.json and its schema
    export_file: str = "catalog.json"
    check_snippets: bool = True  # run cargo for uncached snippets (cached results always show)
    snippet_timeout: float = DEFAULT_TIMEOUT
    snippet_jobs: int | None = None
    snippets_folder: str = "snippets"  # relative to the project root
    playground_crates: str = "snippets/playground-crates.txt"
    offline: bool = False  # the file:// build: ship the search worker shim
    background_snippets: bool = False  # a preview: uncached blocks say a check is under way


class Site:
    """Loads the catalog, freshness flags, problems and snippet results once."""

    def __init__(self, root: Path, docs: Path, options: SiteOptions | None = None,
                 today: dt.date | None = None) -> None:
        self.root, self.docs = root, docs
        self.options = options or SiteOptions()
        self.catalog: Catalog = load_with_registry(docs, display_root=root)
        self.flags: dict[str, list[Flag]] = all_flags(self.catalog, today or build_date())
        self.problems: list[Problem] = content_problems(self.catalog, flags=self.flags)
        folder = root / self.options.snippets_folder
        sources = find_sources([docs, folder] if folder.is_dir() else [docs])
        self.snippets: CheckReport = check_regions(
            regions_of(sources, root, folder), folder / "profiles", jobs=self.options.snippet_jobs,
            timeout=self.options.snippet_timeout, run_cargo=self.options.check_snippets,
            note_unchecked=not self.options.background_snippets)
        self.playground = playground_crates(root / self.options.playground_crates)
        if self.options.background_snippets:
            for result in self.snippets.results:
                if result.status == "unchecked":
                    result.reason = BACKGROUND_REASON
        self._results = {(r.region.path.resolve(), r.region.line): r for r in self.snippets.results}
        self._by_file: dict[Path, list[SnippetResult]] = {}
        for result in self.snippets.results:
            self._by_file.setdefault(result.region.path.resolve(), []).append(result)
        self.profiles, _ = load_profiles(folder / "profiles")
        checked = [r for r in self.snippets.results if r.status not in ("ignored", "unchecked")]
        self._counts = (len(checked), sum(r.status == "pass" for r in checked), self.snippets.rustc)

    def error_banner(self) -> str:
        """The content errors as a box at the top of every preview page (the terminal has them
        too); the page shows what could still be built."""
        items = "".join(tag("li", tag("code", esc(p.format()))) for p in self.errors)
        return tag("div", tag("p", "Content errors (webyet check):", class_="admonition-title")
                   + tag("ul", items), class_="admonition failure wy-errors", role="alert")

    @property
    def unchecked(self) -> int:
        """Blocks without a verdict yet (a preview checks them in the background)."""
        return sum(r.status == "unchecked" for r in self.snippets.results)

    # --- what the engine reports ---------------------------------------------------------
    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def warnings(self) -> list[str]:
        """Content warnings, snippet notes and failing snippets (a strict build fails on them)."""
        found = [p.format() for p in self.problems if p.severity is Severity.WARNING]
        found += list(self.snippets.notes)
        found += [f"{p.path}:{p.line}: {p.message.splitlines()[0]}" for p in problems_of(self.snippets)]
        return found

    # --- files -----------------------------------------------------------------------------
    def stylesheets(self) -> list[str]:
        return [f"{ASSET_DIR}/{name}" for name in CSS]

    def scripts(self) -> list[str]:
        return [f"{ASSET_DIR}/{name}" for name in JS]

    def generated_files(self, links: Links, existing: set[str], *, site_name: str = "",
                        site_url: str | None = None, pair_shell_only: bool = False) -> dict[str, str | bytes]:
        """src path → content for every file the site adds to the docs: pages, assets, feed,
        export. With `pair_shell_only` the engine gets one pair page to render, and
        `pair_pages` makes the others from it."""
        files: dict[str, str | bytes] = dict(generated_pages(self.catalog, links, existing,
                                                             pair_shell_only=pair_shell_only))
        assets = resources.files("webyet") / "assets"
        for name in CSS + JS + OTHER_ASSETS + (OFFLINE_ASSETS if self.options.offline else ()):
            files[f"{ASSET_DIR}/{name}"] = (assets / name).read_bytes()
        files.update({src: text for src, text in compat_pages(
            self.profiles, self.snippets.results, self.snippets.rustc, links, self.docs).items()
            if src not in existing})
        if ADVISORY_PAGE not in existing:
            files[ADVISORY_PAGE] = render_advisories(self.catalog, links, self.profiles)
        files["feed.xml"] = atom_feed(self.catalog, site_name, site_url)
        if self.options.export:
            name = self.options.export_file
            files[name] = export_json(self.catalog)
            files[name.removesuffix(".json") + ".schema.json"] = json.dumps(export_schema(), indent=2) + "\n"
        return files

    def pair_pages(self, links: Links, existing: set[str]) -> list[PairPage]:
        """The side-by-side pages, the first of them the shell (see `generated_files`)."""
        return [page for a, b in pairs(self.catalog)
                if (page := pair_page(a, b, links, self.catalog)).src not in existing]

    def in_navigation(self, src_uri: str) -> bool:
        """Entries are listed on their section's page and pair pages are reached from infoboxes;
        listing every entry in the navigation of every page would make the build quadratic."""
        return (self.catalog.entry_for(src_uri) is None and not is_pair_src(src_uri)
                and not (src_uri.startswith("compatibility/") and src_uri != INDEX))

    def pages_to_render(self, generated: dict[str, str | bytes], memory: BuildMemory) -> set[str]:
        """For a rebuild that renders only what changed: the documentation pages whose input
        changed since the build `memory` remembers, or that show an entry whose front matter
        changed."""
        views_read = repr((self._counts, sorted((s, repr(f)) for s, f in self.flags.items())))
        changes = memory.changes(self.catalog, views_read)
        again = changes.files | readers_of(self.catalog, changes.front_matter)
        again |= memory.topic_pages(self.catalog, changes.front_matter)
        if changes.state:
            again |= view_pages(self.catalog)
        for src, content in generated.items():
            if not src.endswith(".md"):
                continue
            text = content.decode() if isinstance(content, bytes) else content
            mark = fingerprint(text)
            if memory.generated.get(src) != mark or (changes.state and may_hold_directives(text)):
                again.add(src)  # new content, or a view of a catalog that changed
            memory.generated[src] = mark
        verdicts = verdict_fingerprints(self.snippets.results, self.docs.resolve())
        again |= {src for src, mark in verdicts.items() if memory.verdicts.get(src) != mark}
        memory.verdicts = verdicts
        errors = fingerprint("\n".join(p.format() for p in self.errors))
        if errors != memory.errors:  # the error box appears on, or leaves, every page
            memory.errors = errors
            again |= set(memory.files) | {src for src in generated if src.endswith(".md")}
        return again

    # --- pages -----------------------------------------------------------------------------
    def page_markdown(self, src_uri: str, markdown: str, links: Links, path: Path | None = None, *,
                      stash: Stash | None = None) -> str:
        """A page's final Markdown: snippet status lines, entry header and footer, topic sections,
        section listing, and the generated views its directives ask for. With a `stash`, the
        generated HTML blocks are left out as placeholders for `page_html` to put back (an
        engine that runs webyet's plugin need not parse them again)."""
        keep = stash.keep_blocks if stash is not None else (lambda text: text)
        # A generated page (no path) is all webyet's; a file gets its snippets' status lines.
        markdown = keep(markdown) if path is None else self._with_snippet_status(markdown, path, src_uri)
        entry = self.catalog.entry_for(src_uri)
        if entry is not None:
            extra = topic_sections(entry, self.catalog, links) if entry.kind == "topic" else ""
            examples = examples_line(self._by_file.get(entry.doc.path.resolve(), []), self.profiles,
                                     self.snippets.rustc, links, src_uri)
            header = entry_header(entry, self.catalog, links, self.flags.get(entry.slug, []), examples)
            markdown = "\n\n".join((keep(header), markdown, keep(extra), entry_footer(entry)))
        section = src_uri.removesuffix("/index.md")
        if section in ENTRY_DIRS and path is not None:
            # A hand-written section index keeps its text; the listing follows it.
            markdown += "\n\n" + keep(section_index(self.catalog, section, links).split("\n", 1)[1])
        if not may_hold_directives(markdown):  # no directive to render (the common case: skip the parse)
            return markdown
        return render_views(markdown, self.catalog, links, src_uri, self.flags, self._counts,
                            keep=stash.keep_blocks if stash is not None else None)

    @staticmethod
    def page_html(html: str, stash: Stash | None = None) -> str:
        return compact_code(stash.restore(html) if stash is not None else html)

    def _with_snippet_status(self, markdown: str, path: Path, src_uri: str) -> str:
        """Each Rust block of the page gets its verdict below it. Results are found by file and
        line: engines hand over the body without its front matter (and leading blank lines), so
        the page's own document says how many lines came before. An included `.rs` section
        shows the result of the included file, found by its path."""
        if "```" not in markdown and "~~~" not in markdown:
            return markdown  # no code block at all
        path = path.resolve()
        folder = self.root / self.options.snippets_folder
        offset = self._body_offset(src_uri, markdown)
        blocks = []
        for region in regions_in_markdown(markdown, path, src_uri):
            if region.includes:
                target = (folder / region.includes[0].split(":", 1)[0]).resolve()
                result: SnippetResult | None = self._results.get((target, 1))
            else:
                result = self._results.get((path, region.line + offset))
            blocks.append((region, status_html(result, self.snippets.rustc, self.playground)))
        return rewrite_page(markdown, blocks) if blocks else markdown

    def _body_offset(self, src_uri: str, markdown: str) -> int:
        """Lines of the file before `markdown` (front matter and the blank lines after it)."""
        entry = self.catalog.entry_for(src_uri)
        doc = entry.doc if entry is not None else self.catalog.pages.get(src_uri)
        if doc is None:
            return 0
        skipped = len(doc.body) - len(doc.body.lstrip("\n"))
        return doc.body_line - 1 + skipped if doc.body[skipped:] == markdown else 0
