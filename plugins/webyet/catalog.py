"""Load every Markdown file under the content root, validate it, and cross-reference entries."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .freshness.snapshot import CrateFacts, Snapshot
from .frontmatter import Document, read_document
from .problems import Problem, display_path
from .schema import DEAD_STATUSES, MODELS, SLUG_RE, CrateEntry, Entry, Pattern, SitePage, Topic
from .validation import suggest, validate

# Where each kind of entry lives; the folder is part of the entry's URL.
KIND_DIRS: dict[str, str] = {
    "framework": "frameworks", "data": "data", "library": "tooling",
    "tool": "tooling", "pattern": "patterns", "topic": "topics",
}
ENTRY_DIRS = ("frameworks", "data", "patterns", "tooling", "topics")
SECTION_TITLES = {
    "frameworks": "Frameworks", "data": "Data access", "patterns": "Patterns",
    "tooling": "Libraries and tools", "topics": "Topics",
}


@dataclass
class CatalogEntry:
    """A validated entry and where it came from."""

    slug: str
    src_uri: str  # path under the content root, e.g. "frameworks/axum.md"
    doc: Document
    model: Entry

    @property
    def kind(self) -> str:
        return self.model.kind

    @property
    def status(self) -> str | None:
        return getattr(self.model, "status", None)

    @property
    def is_full(self) -> bool:
        """Patterns and topics are always full; crate entries say so with `depth`."""
        return getattr(self.model, "depth", "full") == "full"

    @property
    def is_dead(self) -> bool:
        return self.status in DEAD_STATUSES

if TYPE_CHECKING:
    from .freshness.advisories import Advisories


@dataclass
class Catalog:
    root: Path
    entries: dict[str, CatalogEntry] = field(default_factory=dict)
    pages: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    snapshot: Snapshot | None = None  # registry facts, attached by `freshness.attach.load_with_registry`
    advisories: Advisories | None = None  # security advisories, attached there too
    # Entries whose file failed to load, as a compiler keeps a placeholder after an error: slug →
    # the topics its front matter names, or None when unreadable (it may be in any topic). Their
    # own errors are reported once; references to them are not reported again.
    failed: dict[str, frozenset[str] | None] = field(default_factory=dict)

    def unsure_topics(self, topic: str) -> bool:
        """True when a failed entry may belong to `topic`, so rules about its members wait."""
        return any(topics is None or topic in topics for topics in self.failed.values())

    def facts(self, entry: CatalogEntry) -> CrateFacts | None:
        crate = getattr(entry.model, "crate", None)
        return self.snapshot.crates.get(crate) if self.snapshot and crate else None

    def get(self, slug: str) -> CatalogEntry | None:
        return self.entries.get(slug)

    def by_kind(self, *kinds: str) -> list[CatalogEntry]:
        return [e for e in self.entries.values() if e.kind in kinds]

    def by_topic(self, topic: str) -> list[CatalogEntry]:
        return [e for e in self.entries.values() if topic in e.model.topics]

    def by_section(self, section: str) -> list[CatalogEntry]:
        return [e for e in self.entries.values() if e.src_uri.split("/")[0] == section]

    def entry_for(self, src_uri: str) -> CatalogEntry | None:
        return self._by_uri.get(src_uri)

    def __post_init__(self) -> None:
        self._by_uri: dict[str, CatalogEntry] = {}

    def _add(self, entry: CatalogEntry) -> None:
        self.entries[entry.slug] = entry
        self._by_uri[entry.src_uri] = entry


def markdown_files(root: Path) -> Iterator[tuple[Path, list[Problem]]]:
    """Every .md file under `root`, sorted; links that leave `root` are reported, not followed."""
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        for name in list(dirnames):
            link = base / name
            if link.is_symlink():
                dirnames.remove(name)
                yield link, _link_problems(link, real_root, root, is_dir=True)
        for name in sorted(filenames):
            path = base / name
            if not name.endswith(".md"):
                continue
            yield path, _link_problems(path, real_root, root, is_dir=False)


def _link_problems(path: Path, real_root: Path, root: Path, *, is_dir: bool) -> list[Problem]:
    if not path.is_symlink():
        return []
    target = path.resolve()
    shown = display_path(path, root.parent)
    if not target.is_relative_to(real_root):
        return [Problem(shown, 1, 1, f"symbolic link points outside {root.name}/ (to {target})")]
    if not target.exists():
        return [Problem(shown, 1, 1, f"broken symbolic link (to {target})")]
    if is_dir:
        return [Problem(shown, 1, 1, "symbolic links to folders are not followed; move the folder")]
    return []


def load_catalog(root: Path, *, display_root: Path | None = None) -> Catalog:
    """Read and validate everything under `root`; problems are collected, never raised."""
    catalog = Catalog(root=root)
    shown_base = display_root or root.parent
    crates: dict[str, CatalogEntry] = {}
    for path, link_problems in markdown_files(root):
        catalog.problems.extend(link_problems)
        if link_problems or path.is_dir():
            continue
        src_uri = path.relative_to(root).as_posix()
        display = display_path(path, shown_base)
        is_entry = src_uri.split("/")[0] in ENTRY_DIRS and path.name != "index.md"
        doc, problems = read_document(path, display, require_front_matter=is_entry)
        catalog.problems.extend(problems)
        if doc is None:
            if is_entry:
                catalog.failed.setdefault(path.stem, None)
            continue
        if not is_entry:
            if doc.front_matter:
                _, problems = validate(SitePage, doc)
                catalog.problems.extend(problems)
            catalog.pages[src_uri] = doc
            continue
        entry = _load_entry(doc, src_uri, catalog)
        if entry is None:
            catalog.failed.setdefault(path.stem, _raw_topics(doc))
            continue
        if entry.slug in catalog.entries:
            other = catalog.entries[entry.slug]
            catalog.problems.append(Problem(
                display, 1, 1, f"slug '{entry.slug}' is already used by {other.doc.display}"
            ))
            continue
        if isinstance(entry.model, CrateEntry) and entry.model.crate:
            first = crates.get(entry.model.crate.lower())
            if first is not None:
                line, col = doc.position(("crate",))
                catalog.problems.append(Problem(
                    display, line, col,
                    f"crate '{entry.model.crate}' is already described by {first.doc.display}",
                ))
                continue
            crates[entry.model.crate.lower()] = entry
        catalog._add(entry)
    catalog.entries = dict(sorted(catalog.entries.items()))
    for slug in catalog.entries:
        catalog.failed.pop(slug, None)  # a duplicate file failed, but the slug exists
    catalog.problems.extend(cross_reference(catalog))
    return catalog


def _raw_topics(doc: Document) -> frozenset[str] | None:
    """The topics a failed entry's front matter names, if that much is readable."""
    topics = (doc.front_matter or {}).get("topics")
    if isinstance(topics, list) and all(isinstance(t, str) for t in topics):
        return frozenset(topics)
    return None


def _load_entry(doc: Document, src_uri: str, catalog: Catalog) -> CatalogEntry | None:
    assert doc.front_matter is not None
    slug = doc.path.stem
    if not SLUG_RE.match(slug):
        catalog.problems.append(Problem(
            doc.display, 1, 1,
            f"file name '{doc.path.name}' must be a slug: lowercase letters, digits and hyphens",
        ))
        return None
    kind = doc.front_matter.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        line, col = doc.position(("kind",))
        if kind is None:
            message = f"missing required key 'kind' (one of: {', '.join(MODELS)})"
        else:
            message = f"kind: {kind!r} is not a kind; expected one of: {', '.join(MODELS)}"
            message += suggest(str(kind), set(MODELS))
        catalog.problems.append(Problem(doc.display, line, col, message))
        return None
    model, problems = validate(MODELS[kind], doc)
    catalog.problems.extend(problems)
    if model is None:
        return None
    section = src_uri.split("/")[0]
    if KIND_DIRS[kind] != section:
        line, col = doc.position(("kind",))
        catalog.problems.append(Problem(
            doc.display, line, col,
            f"a {kind} entry belongs in content/{KIND_DIRS[kind]}/, not content/{section}/",
        ))
    return CatalogEntry(slug=slug, src_uri=src_uri, doc=doc, model=model)  # type: ignore[arg-type]


def cross_reference(catalog: Catalog) -> list[Problem]:
    """References between entries must resolve, to the right kind of entry."""
    problems: list[Problem] = []
    # A failed entry is a placeholder: naming it is not an error (its own file already has one).
    failed = set(catalog.failed)
    topics = {s for s, e in catalog.entries.items() if e.kind == "topic"} | failed
    everything = set(catalog.entries) | failed

    def check(entry: CatalogEntry, key: str, slugs: Iterable[str], allowed: set[str], what: str):
        seen: set[str] = set()
        for index, slug in enumerate(slugs):
            line, col = entry.doc.position((key, index))
            if slug in seen:
                problems.append(Problem(entry.doc.display, line, col, f"{key}: '{slug}' is listed twice"))
            elif slug == entry.slug:
                problems.append(Problem(entry.doc.display, line, col, f"{key}: an entry cannot list itself"))
            elif slug not in allowed:
                message = f"{key}: no {what} named '{slug}'{suggest(slug, allowed)}"
                problems.append(Problem(entry.doc.display, line, col, message))
            seen.add(slug)

    for entry in catalog.entries.values():
        model = entry.model
        check(entry, "topics", model.topics, topics, "topic entry")
        check(entry, "alternatives", model.alternatives, everything, "entry")
        if isinstance(model, Pattern):
            check(entry, "crates", model.crates, everything, "entry")
        archived = getattr(model, "archived", None)
        if archived is not None:
            for index, slug in enumerate(archived.successors):
                line, col = entry.doc.position(("archived", "successors", index))
                if slug == entry.slug:
                    problems.append(Problem(entry.doc.display, line, col,
                                            "archived.successors: an entry cannot succeed itself"))
                elif slug not in everything:
                    problems.append(Problem(entry.doc.display, line, col, "archived.successors: no entry "
                                            f"named '{slug}'{suggest(slug, everything)}"))
        if isinstance(model, Topic):
            members = {e.slug for e in catalog.by_topic(entry.slug)} | failed
            check(entry, "leading", model.leading, members, f"entry in topic '{entry.slug}'")
    return problems
