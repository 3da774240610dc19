"""The published criteria, as code: each rule's text is shown on the criteria page and
`webyet check` enforces the same rule, so verdicts cannot silently contradict the data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalog import Catalog, CatalogEntry
from .depth import FULL_SECTIONS, body_problems
from .problems import Problem
from .schema import ALIVE_STATUSES, DEAD_STATUSES, CrateEntry, Topic

ALIVE = set(ALIVE_STATUSES)


@dataclass(frozen=True)
class AtLine:
    """A violation found in the body, at a file line rather than at a front-matter key."""

    message: str
    line: int


@dataclass(frozen=True)
class Rule:
    id: str
    text: str  # Markdown, shown on the criteria page
    key: str  # front-matter key a violation points at
    check: Callable[[CatalogEntry, Catalog], str | AtLine | None]  # a violation, or None


def _statuses(topic: CatalogEntry, catalog: Catalog) -> set[str]:
    return {e.status for e in catalog.by_topic(topic.slug) if e.status}


def _verdict(entry: CatalogEntry, catalog: Catalog) -> str | None:
    """The topic's verdict, or None when it is not a topic or a member failed to load (its
    status is unknown, so the verdict cannot be judged until that file is fixed)."""
    if not isinstance(entry.model, Topic) or catalog.unsure_topics(entry.slug):
        return None
    return entry.model.verdict


def _verdict_yes(entry: CatalogEntry, catalog: Catalog) -> str | None:
    if _verdict(entry, catalog) == "yes" and "production" not in _statuses(entry, catalog):
        return "verdict is 'yes' but no entry in this topic has status 'production'"
    return None


def _verdict_almost(entry: CatalogEntry, catalog: Catalog) -> str | None:
    if _verdict(entry, catalog) == "almost" and not _statuses(entry, catalog) & {"production", "usable"}:
        return "verdict is 'almost' but no entry in this topic is 'production' or 'usable'"
    return None


def _verdict_not_yet(entry: CatalogEntry, catalog: Catalog) -> str | None:
    if _verdict(entry, catalog) == "not-yet" and "production" in _statuses(entry, catalog):
        return "verdict is 'not-yet' but an entry in this topic has status 'production'"
    return None


def _leading_named(entry: CatalogEntry, catalog: Catalog) -> str | None:
    model = entry.model
    if isinstance(model, Topic) and model.verdict in ("yes", "almost") and not model.leading:
        return f"a '{model.verdict}' topic names its leading entries in 'leading'"
    return None


def _leading_alive(entry: CatalogEntry, catalog: Catalog) -> str | None:
    if not isinstance(entry.model, Topic):
        return None
    dead = [s for s in entry.model.leading if (e := catalog.get(s)) and e.status not in ALIVE | {None}]
    if dead:
        return f"leading entries may not be unmaintained, deprecated or archived: {', '.join(dead)}"
    return None


def _unsourced(entry: CatalogEntry, applies: Callable[[CrateEntry], bool], what: str) -> str | None:
    model = entry.model
    if isinstance(model, CrateEntry) and applies(model) and not model.sources:
        return f"{what} cites at least one source in 'sources'"
    return None


def _production_sourced(entry: CatalogEntry, catalog: Catalog) -> str | None:
    return _unsourced(entry, lambda m: m.status == "production", "a 'production' entry")


def _history_current(entry: CatalogEntry, catalog: Catalog) -> str | None:
    history = entry.model.history
    if not history:
        return None
    current = entry.model.verdict if isinstance(entry.model, Topic) else entry.status
    if history[-1].to != current:
        return f"the newest history item changes to '{history[-1].to}' but the entry says '{current}'"
    dates = [h.date for h in history]
    if dates != sorted(dates):
        return "history items are listed oldest first"
    return None


def _archived_explained(entry: CatalogEntry, catalog: Catalog) -> str | None:
    model = entry.model
    if not isinstance(model, CrateEntry):
        return None
    if model.status in DEAD_STATUSES and model.archived is None:
        return (f"a '{model.status}' entry says since when, why and what to use instead in "
                "'archived' (date, cause, reason, successors)")
    if model.status not in DEAD_STATUSES and model.archived is not None:
        return f"'archived' is only for unmaintained, deprecated or archived entries, not '{model.status}'"
    return None


def _successors_alive(entry: CatalogEntry, catalog: Catalog) -> str | None:
    archived = getattr(entry.model, "archived", None)
    if archived is None:
        return None
    dead = [s for s in archived.successors if (e := catalog.get(s)) and e.status in DEAD_STATUSES]
    return f"successors must be alive entries, not: {', '.join(dead)}" if dead else None


def _leading_full(entry: CatalogEntry, catalog: Catalog) -> str | None:
    if not isinstance(entry.model, Topic):
        return None
    brief = [s for s in entry.model.leading if (e := catalog.get(s)) and not e.is_full]
    return f"leading entries are full entries (`depth: full`), not: {', '.join(brief)}" if brief else None


def _depth_shape(entry: CatalogEntry, catalog: Catalog) -> AtLine | None:
    found = body_problems(entry)
    return AtLine(found[0].message, found[0].line) if found else None


def _brief_sourced(entry: CatalogEntry, catalog: Catalog) -> str | None:
    return _unsourced(entry, lambda m: m.depth == "brief", "a brief entry")


def _registry_licence(entry: CatalogEntry, catalog: Catalog) -> str | None:
    model, facts = entry.model, catalog.facts(entry)
    if not isinstance(model, CrateEntry) or model.license is None or facts is None:
        return None
    if facts.license is not None and facts.license != model.license:
        return (f"license '{model.license}' disagrees with the registry snapshot ('{facts.license}'); "
                "licences of crates come from the snapshot, so remove the key")
    return None


RULES: tuple[Rule, ...] = (
    Rule("verdict-yes", "A topic is **yes** only if at least one of its entries is `production`.",
         "verdict", _verdict_yes),
    Rule("verdict-almost",
         "A topic is **almost** only if at least one of its entries is `production` or `usable`.",
         "verdict", _verdict_almost),
    Rule("verdict-not-yet", "A topic is **not yet** only if none of its entries is `production`.",
         "verdict", _verdict_not_yet),
    Rule("leading-named", "A **yes** or **almost** topic names its leading entries.",
         "leading", _leading_named),
    Rule("leading-alive", "A topic's leading entries are neither `unmaintained`, `deprecated` nor "
         "`archived`, so dead crates never count toward a verdict.", "leading", _leading_alive),
    Rule("leading-full", "A topic's leading entries are full entries.", "leading", _leading_full),
    Rule("archived-explained",
         "An `unmaintained`, `deprecated` or `archived` entry gives the date, the cause, the reason "
         "and at least one successor in `archived`; other entries have no `archived` block.",
         "status", _archived_explained),
    Rule("successors-alive", "The successors of a dead entry are themselves alive.",
         "archived", _successors_alive),
    Rule("depth-shape",
         "A **brief** entry's body is one paragraph (at most 200 words). A **full** crate entry has "
         "the sections " + ", ".join(f"*{s}*" for s in FULL_SECTIONS) + ", and a framework, data or "
         "library entry shows Rust code in its minimal example.", "depth", _depth_shape),
    Rule("brief-sourced", "A brief entry cites at least one primary source.", "sources", _brief_sourced),
    Rule("registry-licence",
         "A crate's licence comes from the registry snapshot; front matter may state one only "
         "where the snapshot has none, and never one that disagrees.", "license", _registry_licence),
    Rule("production-sourced", "A `production` entry cites at least one source.",
         "status", _production_sourced),
    Rule("history-current",
         "An entry's newest history item (oldest first) ends at its current status or verdict; "
         "every change of status or verdict adds one.", "history", _history_current),
)


def check_rules(catalog: Catalog) -> list[Problem]:
    problems = []
    for entry in catalog.entries.values():
        for rule in RULES:
            found = rule.check(entry, catalog)
            if isinstance(found, AtLine):
                problems.append(Problem(entry.doc.display, found.line, 1, found.message, code=rule.id))
            elif found:
                line, col = entry.doc.position((rule.key,))
                problems.append(Problem(entry.doc.display, line, col, found, code=rule.id))
    return problems
