"""Which pages a rebuild must render again, for a preview that rebuilds only what changed.

Between two builds of one preview session this remembers each page's inputs: its file (front
matter and body apart), its generated text, its snippet verdicts, and the state of the whole
catalog that generated views read. A page is rendered again when its own input changed, or
when it shows the front matter of an entry that changed: the topics the entry is (or was) in,
the entries that name it (alternatives, successors, a pattern's crates), and the pages with a
generated view (tables, matrix, listings). A body-only edit renders one page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import ENTRY_DIRS, Catalog
from .directives import may_hold_directives
from .frontmatter import Document
from .schema import Pattern
from .snippets.check import SnippetResult


def fingerprint(text: str | bytes) -> str:
    data = text.encode() if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Changes:
    """What changed since the previous build of a preview session."""

    files: set[str]  # src paths of Markdown files that changed, came or went
    front_matter: set[str]  # slugs of entries whose front matter changed, came or went
    state: bool  # what generated views read: every front matter, snippet counts, flags


@dataclass
class BuildMemory:
    """What the previous build of a preview session saw."""

    files: dict[str, tuple[str, str]] = field(default_factory=dict)  # src → (front matter, body) prints
    topics: dict[str, frozenset[str]] = field(default_factory=dict)  # entry slug → its topics
    state: str = ""  # fingerprint of what generated views read
    generated: dict[str, str] = field(default_factory=dict)  # src → fingerprint of its content
    verdicts: dict[str, str] = field(default_factory=dict)  # src → fingerprint of its snippet verdicts
    errors: str = ""  # fingerprint of the content errors (every preview page shows them)

    def changes(self, catalog: Catalog, views_read: str) -> Changes:
        """Compare the catalog with the previous build's, and remember it for the next one."""
        now = {_src(catalog, doc): (fingerprint(repr(doc.front_matter)), fingerprint(doc.body))
               for doc in [*(e.doc for e in catalog.entries.values()), *catalog.pages.values()]}
        files = {s for s in now.keys() | self.files.keys() if now.get(s) != self.files.get(s)}
        by_src = {e.src_uri: slug for slug, e in catalog.entries.items()}
        front = {s for s in files if (now.get(s) or ("",))[0] != (self.files.get(s) or ("",))[0]}
        slugs = {by_src.get(s, Path(s).stem) for s in front if s.split("/")[0] in ENTRY_DIRS}
        state = fingerprint(views_read + "\n".join(sorted(p[0] for p in now.values())))
        changes = Changes(files, slugs, state != self.state)
        self.files, self.state = now, state
        return changes

    def topic_pages(self, catalog: Catalog, slugs: Iterable[str]) -> set[str]:
        """src paths of the topics that `slugs` are in now or were in at the previous build."""
        named: set[str] = set()
        for slug in slugs:
            entry = catalog.entries.get(slug)
            named |= set(entry.model.topics) if entry is not None else set()
            named |= self.topics.get(slug, frozenset())
        self.topics = {s: frozenset(e.model.topics) for s, e in catalog.entries.items()}
        return {catalog.entries[t].src_uri for t in named if t in catalog.entries}


def readers_of(catalog: Catalog, changed: set[str]) -> set[str]:
    """src paths of the entry pages that name one of the `changed` entries (or are one)."""
    pages: set[str] = set()
    if not changed:
        return pages
    for slug, entry in catalog.entries.items():
        model = entry.model
        named = set(model.alternatives) | set(getattr(getattr(model, "archived", None), "successors", []))
        if isinstance(model, Pattern):
            named |= set(model.crates)
        if named & changed or slug in changed:
            pages.add(entry.src_uri)
    return pages


def view_pages(catalog: Catalog) -> set[str]:
    """src paths of the documentation pages that read the whole catalog: generated views and
    section listings."""
    pages = {src for src, doc in catalog.pages.items()
             if may_hold_directives(doc.body) or src.removesuffix("/index.md") in ENTRY_DIRS}
    return pages | {e.src_uri for e in catalog.entries.values() if may_hold_directives(e.doc.body)}


def verdict_fingerprints(results: list[SnippetResult], docs_root: Path) -> dict[str, str]:
    """src path → fingerprint of the verdicts of its snippets (a background check changes them)."""
    by_page: dict[str, list[str]] = {}
    for result in results:
        try:
            src = result.region.path.resolve().relative_to(docs_root).as_posix()
        except ValueError:
            continue  # an included `.rs` file: its pages are found by their own verdict lines
        notes = "|".join(d.message for d in result.diagnostics)
        by_page.setdefault(src, []).append(f"{result.region.line}:{result.status}:{notes}")
    return {src: fingerprint("\n".join(sorted(lines))) for src, lines in by_page.items()}


def _src(catalog: Catalog, doc: Document) -> str:
    return doc.path.relative_to(catalog.root).as_posix()
