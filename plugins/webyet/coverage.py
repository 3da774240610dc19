"""How much of the public catalogs' crate list the site covers (`data/reference-catalogs.tsv`).

A listed crate is covered when an entry names it in `crate` or `other_crates` (compared as the
registry does: case-insensitive, `-` and `_` alike), or, for a tool not on the registry, by
the entry's slug. A crate the registry snapshot shows alive
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
NOT_CRATES_FILE = "data/reference-not-crates.tsv"  # rows judged not to be crates, with why


def crate_key(name: str) -> str:
    return name.strip().lower().replace("_", "-")


@dataclass(frozen=True)
class ReferenceRow:
    reference: str  # which catalog lists it
    category: str
    crate: str
    line: int


def _tsv(path: Path) -> list[tuple[int, list[str]]]:
    """Numbered rows of a TSV file; `#` lines are comments, the first other line is the header."""
    rows, header_seen = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header_seen:
            rows.append((number, line.split("\t")))
        header_seen = True
    return rows


def read_reference(path: Path) -> list[ReferenceRow]:
    return [ReferenceRow(*cells[:3], line=number) for number, cells in _tsv(path)]


def read_not_crates(path: Path) -> dict[str, str]:
    """Listed names judged not to be crates → why (empty when the file does not exist)."""
    return {crate_key(cells[0]): cells[1] for _, cells in _tsv(path)} if path.is_file() else {}


@dataclass
class Tally:
    alive: int = 0
    alive_covered: int = 0
    dead: int = 0
    dead_covered: int = 0
    missing: int = 0  # listed crates with no entry (alive or dead is not known without one)
    not_crates: int = 0  # rows judged not to be crates (data/reference-not-crates.tsv)


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
        text += f", {t.not_crates} rows judged not to be crates" if t.not_crates else ""
        return text + (f", {t.missing} listed crates without an entry" if t.missing else "")


def entries_by_crate(catalog: Catalog) -> dict[str, CatalogEntry]:
    found: dict[str, CatalogEntry] = {}
    for entry in catalog.entries.values():
        model = entry.model
        if isinstance(model, CrateEntry):
            # A tool that is not on the registry (crate unset) covers its own name.
            names = [model.crate or entry.slug, *model.other_crates]
            for name in names:
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


def coverage(catalog: Catalog, rows: list[ReferenceRow],
             not_crates: dict[str, str] | None = None) -> Coverage:
    """Tally each listed crate once overall and once per reference catalog that lists it."""
    result = Coverage()
    index = entries_by_crate(catalog)
    counted: dict[str, set[str]] = {}  # tally name → crate keys counted (rows repeat per category)
    for row in rows:
        key = crate_key(row.crate)
        entry = index.get(key)
        skipped = entry is None and key in (not_crates or {})
        if key not in counted.get("", set()) and not skipped:
            if entry is None:
                result.missing.append(row)
            elif not entry.is_dead and not is_alive(entry, catalog):
                result.dead_as_alive.append((row, entry))
        for name, tally in (("", result.total),
                            (row.reference, result.by_reference.setdefault(row.reference, Tally()))):
            done = counted.setdefault(name, set())
            if key not in done:
                done.add(key)
                if skipped:
                    tally.not_crates += 1
                else:
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
    base = catalog.root.parent
    path = base / REFERENCE_FILE
    if not path.is_file():
        return None
    return coverage(catalog, read_reference(path), read_not_crates(base / NOT_CRATES_FILE))
