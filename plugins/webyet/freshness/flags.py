"""Staleness rules, published on the criteria page and checked by `webyet check`.

Warnings by default (errors with `--strict`), except a yanked pinned version, which is always
an error: a snippet compiled against a yanked release teaches something retracted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..catalog import Catalog, CatalogEntry
from ..problems import Problem, Severity
from ..schema import DEAD_STATUSES, CrateEntry
from ..versions import major_minor
from .pins import held_pins, pinned_versions

STALE_DAYS = 730
REVIEW_DAYS = 365


@dataclass(frozen=True)
class FreshnessRule:
    id: str
    label: str  # shown next to the entry
    text: str  # Markdown, shown on the criteria page


RULES = {
    "stale": FreshnessRule("stale", "stale", "**stale**: no release for 24 months, unless the entry "
                           "declares `feature_complete` with a reason."),
    "needs-review": FreshnessRule("needs-review", "needs review",
                                  "**needs review**: `last_reviewed` is more than 12 months old."),
    "snippets-behind": FreshnessRule(
        "snippets-behind", "snippets behind",
        "**snippets behind**: the version the snippets are checked against is two or more minor "
        "versions (0.x) or a major version behind the newest release, unless the profile holds it "
        "back with a reason (`[package.metadata.webyet.held]`)."),
    "yanked-pin": FreshnessRule("yanked-pin", "yanked pin",
                                "**yanked pin** (always an error): a snippet profile pins a yanked version."),
}


@dataclass(frozen=True)
class Flag:
    rule: FreshnessRule
    message: str
    key: str  # front-matter key the problem points at
    severity: Severity = Severity.WARNING


def behind(pinned: str, newest: str) -> bool:
    (p_major, p_minor), (n_major, n_minor) = major_minor(pinned), major_minor(newest)
    if p_major == 0 and n_major == 0:
        return n_minor - p_minor >= 2
    return n_major > p_major


def flags_for(entry: CatalogEntry, catalog: Catalog, today: dt.date,
              held: dict[str, str] | None = None, pins: dict[str, set[str]] | None = None) -> list[Flag]:
    """The freshness flags of one entry. `pins` are the versions the profiles pin now (the
    snapshot's own list may predate a profile change); `held` crates are not "behind"."""
    flags = []
    model = entry.model
    age = (today - model.last_reviewed).days
    if age > REVIEW_DAYS:
        flags.append(Flag(RULES["needs-review"], f"last reviewed {model.last_reviewed} ({age} days ago)",
                          "last_reviewed"))
    facts = catalog.facts(entry)
    if facts is None or not isinstance(model, CrateEntry):
        return flags
    as_of = dt.date.fromisoformat(catalog.snapshot.as_of) if catalog.snapshot else today
    if facts.newest_release and not model.feature_complete and model.status not in DEAD_STATUSES:
        quiet = (as_of - dt.date.fromisoformat(facts.newest_release)).days
        if quiet > STALE_DAYS:
            flags.append(Flag(RULES["stale"], f"no release since {facts.newest_release} "
                              f"({quiet // 30} months before the snapshot)", "status"))
    pinned = sorted(pins.get(model.crate, set())) if pins is not None else sorted(facts.pinned)
    for version in pinned:
        if facts.pinned.get(version, False):
            flags.append(Flag(RULES["yanked-pin"], f"snippets pin {model.crate} {version}, which is "
                              "yanked", "crate", Severity.ERROR))
        elif (facts.newest_version and behind(version, facts.newest_version)
              and model.crate not in (held or {})):
            flags.append(Flag(RULES["snippets-behind"], f"snippets use {version}, newest is "
                              f"{facts.newest_version}", "crate"))
    return flags


def all_flags(catalog: Catalog, today: dt.date) -> dict[str, list[Flag]]:
    profiles = catalog.root.parent / "snippets" / "profiles"
    held = held_pins(profiles)
    pins = pinned_versions(profiles) if profiles.is_dir() else None
    found = {slug: flags_for(e, catalog, today, held, pins) for slug, e in catalog.entries.items()}
    return {slug: flags for slug, flags in found.items() if flags}


def freshness_problems(catalog: Catalog, flags_by_slug: dict[str, list[Flag]]) -> list[Problem]:
    problems = []
    for slug, flags in flags_by_slug.items():
        entry = catalog.entries[slug]
        for flag in flags:
            line, col = entry.doc.position((flag.key,))
            problems.append(Problem(entry.doc.display, line, col, f"{flag.rule.label}: {flag.message}",
                                    flag.severity, flag.rule.id))
    return problems
