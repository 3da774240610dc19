"""How much of the public catalogs' crate list the site covers (`data/reference-catalogs.tsv`).

A listed crate is covered when an entry names it in `crate` or `other_crates` (compared as the
registry does: case-insensitive, `-` and `_` alike). A crate the registry snapshot shows alive
(a release within 24 months, or `feature_complete`) counts as covered by any entry; a dead one
only by an entry that says it is dead (unmaintained, deprecated or archived).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog, CatalogEntry
from .freshness.flags import STALE_DAYS
from .schema import CrateEntry

REFERENCE_FILE = "data/reference-catalogs.tsv"  # relative to the folder holding content/


def crate_key(name: str) -> str:
    return name.strip().lower().replace("_", "-")


@dataclass(frozen=True)
class ReferenceRow:
    reference: str  # which catalog lists it
    category: str
    crate: str
    line: int


def read_reference(path: Path) -> list[ReferenceRow]:
    """Rows of the TSV list; `#` lines are comments, the first other line is the header."""
    rows, header_seen = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        reference, category, crate = line.split("\t")[:3]
        rows.append(ReferenceRow(reference, category, crate, number))
    return rows


@dataclass
class Tally:
    alive: int = 0
    alive_covered: int = 0
    dead: int = 0
    dead_covered: int = 0
    missing: int = 0  # listed crates with no entry (alive or dead is not known without one)


@dataclass
class Coverage:
    missing: list[ReferenceRow] = field(default_factory=list)  # no entry at all
    dead_as_alive: list[tuple[ReferenceRow, CatalogEntry]] = field(default_factory=list)
    by_reference: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)

    def summary(self) -> str:
        t = self.total
        text = (f"reference catalogs: alive {t.alive_covered}/{t.alive} covered, "
                f"dead {t.dead_covered}/{t.dead} marked dead")
        return text + (f", {t.missing} listed crates without an entry" if t.missing else "")


def entries_by_crate(catalog: Catalog) -> dict[str, CatalogEntry]:
    found: dict[str, CatalogEntry] = {}
    for entry in catalog.entries.values():
        model = entry.model
        if isinstance(model, CrateEntry):
            for name in [model.crate, *model.other_crates] if model.crate else model.other_crates:
                found.setdefault(crate_key(name), entry)
    return found


def is_alive(entry: CatalogEntry | None, catalog: Catalog) -> bool:
    """Alive by the snapshot: a release within 24 months of its date, or feature-complete.

    Without registry figures, a crate is judged by its entry's status."""
    if entry is None:
        return False
    model = entry.model
    if isinstance(model, CrateEntry) and model.feature_complete:
        return not entry.is_dead
    facts = catalog.facts(entry)
    if facts is None or catalog.snapshot is None or not facts.newest_release:
        return not entry.is_dead
    quiet = catalog.snapshot.date - dt.date.fromisoformat(facts.newest_release)
    return quiet.days <= STALE_DAYS and not entry.is_dead


def coverage(catalog: Catalog, rows: list[ReferenceRow]) -> Coverage:
    result = Coverage()
    index = entries_by_crate(catalog)
    counted: dict[str, set[str]] = {}  # tally name → crate keys counted (rows repeat per category)
    for row in rows:
        key = crate_key(row.crate)
        entry = index.get(key)
        first_time = key not in counted.get("", set())
        if entry is None and first_time:
            result.missing.append(row)
        if entry is not None and first_time and not entry.is_dead and not is_alive(entry, catalog):
            result.dead_as_alive.append((row, entry))
        for name, tally in (("", result.total),
                            (row.reference, result.by_reference.setdefault(row.reference, Tally()))):
            done = counted.setdefault(name, set())
            if key not in done:
                done.add(key)
                _count(tally, entry, catalog)
    return result


def _count(tally: Tally, entry: CatalogEntry | None, catalog: Catalog) -> None:
    if entry is None:
        tally.missing += 1
    elif is_alive(entry, catalog):
        tally.alive += 1
        tally.alive_covered += 1
    else:
        tally.dead += 1
        tally.dead_covered += entry.is_dead


def load_coverage(catalog: Catalog) -> Coverage | None:
    path = catalog.root.parent / REFERENCE_FILE
    return coverage(catalog, read_reference(path)) if path.is_file() else None
