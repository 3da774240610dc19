"""The published criteria, as code: each rule's text is shown on the criteria page and
`webyet check` enforces the same rule, so verdicts cannot silently contradict the data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalog import Catalog, CatalogEntry
from .problems import Problem
from .schema import CrateEntry, Topic

ALIVE = {"production", "usable", "experimental"}


@dataclass(frozen=True)
class Rule:
    id: str
    text: str  # Markdown, shown on the criteria page
    key: str  # front-matter key a violation points at
    check: Callable[[CatalogEntry, Catalog], str | None]  # a violation message, or None


def _statuses(topic: CatalogEntry, catalog: Catalog) -> set[str]:
    return {e.status for e in catalog.by_topic(topic.slug) if e.status}


def _verdict(entry: CatalogEntry, catalog: Catalog) -> str | None:
    return entry.model.verdict if isinstance(entry.model, Topic) else None


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
    return f"leading entries may not be unmaintained or archived: {', '.join(dead)}" if dead else None


def _production_sourced(entry: CatalogEntry, catalog: Catalog) -> str | None:
    model = entry.model
    if isinstance(model, CrateEntry) and model.status == "production" and not model.sources:
        return "a 'production' entry cites at least one source in 'sources'"
    return None


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
    Rule("leading-alive", "A topic's leading entries are neither `unmaintained` nor `archived`.",
         "leading", _leading_alive),
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
            message = rule.check(entry, catalog)
            if message:
                line, col = entry.doc.position((rule.key,))
                problems.append(Problem(entry.doc.display, line, col, message, code=rule.id))
    return problems
