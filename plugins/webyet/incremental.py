"""Which pages a rebuild must render again, for a preview that rebuilds only what changed.

Between two builds of one preview session this remembers each page's inputs (its file, its
generated text, its snippet verdicts). A page is rendered again when its own input changed or
when it reads an entry that changed: its topic pages, the entries that name it (alternatives,
successors, leading, crates), and every page with a generated view (tables, matrix, listings).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .directives import may_hold_directives
from .schema import Pattern, Topic
from .snippets.check import SnippetResult


def fingerprint(text: str | bytes) -> str:
    data = text.encode() if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@dataclass
class BuildMemory:
    """What the previous build of a preview session saw."""

    files: dict[str, str] = field(default_factory=dict)  # src → fingerprint of its Markdown file
    generated: dict[str, str] = field(default_factory=dict)  # src → fingerprint of its content
    verdicts: dict[str, str] = field(default_factory=dict)  # src → fingerprint of its snippet verdicts
    errors: str = ""  # fingerprint of the content errors (every preview page shows them)

    def changed_files(self, catalog: Catalog) -> set[str]:
        """src paths of the Markdown files (entries and site pages) that changed, came or went."""
        docs = [*(e.doc for e in catalog.entries.values()), *catalog.pages.values()]
        now = {doc.path.relative_to(catalog.root).as_posix(): fingerprint(repr(doc.front_matter) + doc.body)
               for doc in docs}
        changed = {s for s in now.keys() | self.files.keys() if now.get(s) != self.files.get(s)}
        self.files = now
        return changed


def readers_of(catalog: Catalog, changed: set[str]) -> set[str]:
    """src paths of the pages that show something of the `changed` entries."""
    pages: set[str] = set()
    if not changed:
        return pages
    for slug, entry in catalog.entries.items():
        model = entry.model
        named = set(model.alternatives) | set(getattr(getattr(model, "archived", None), "successors", []))
        if isinstance(model, Pattern):
            named |= set(model.crates)
        # A topic page lists its entries, and an entry may have left a topic: all topics.
        if isinstance(model, Topic) or named & changed or slug in changed:
            pages.add(entry.src_uri)
    # Pages with generated views read many entries; there are few of them.
    pages |= {src for src, doc in catalog.pages.items() if may_hold_directives(doc.body)}
    pages |= {e.src_uri for e in catalog.entries.values() if may_hold_directives(e.doc.body)}
    return pages


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
