"""The generated part of a topic page: its entries as a table, what is missing, its history."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..schema import MODELS, Topic
from .archive import PAGE as ARCHIVE
from .columns import available_columns
from .compact import compact_list
from .html import Links, esc, link, tag
from .table import TableSpec, render_table

COLUMNS = ("title", "kind", "status", "summary", "last_reviewed")


def topic_sections(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    model = entry.model
    assert isinstance(model, Topic)
    rule = f"verdict-{model.verdict}"  # the rule ids in rules.RULES
    criteria = "".join(tag("li", esc(c)) for c in model.criteria)
    rule_link = link(links.href(entry.src_uri, "criteria.md"), rule)
    parts = ["## Criteria\n\n" + tag("p", "What this topic needs for a “yes”:") + tag("ul", criteria)
             + tag("p", f"The verdict also obeys the published rule {rule_link}, which "
                        "<code>webyet check</code> enforces.")]
    members = sorted(catalog.by_topic(entry.slug), key=lambda e: e.model.title.lower())
    full = [e for e in members if e.is_full and not e.is_dead]
    if full:
        available = available_columns(set(MODELS) - {"topic"})
        spec = TableSpec(columns=tuple(available[c] for c in COLUMNS), topic=entry.slug)
        parts.append("## Entries\n\n" + render_table(catalog, spec, links, entry.src_uri, full,
                                                       brief_note=False))
    brief = [e for e in members if not e.is_full and not e.is_dead]
    if brief:
        parts.append("## More crates\n\n" + tag("p", "Brief entries: what each is, and whether it is "
                                                 "alive, in a line.") + compact_list(brief, catalog, links,
                                                                                     entry.src_uri))
    dead = [e for e in members if e.is_dead]
    if dead:
        archive = link(links.href(entry.src_uri, ARCHIVE), "archive")
        parts.append("## No longer maintained\n\n" + tag(
            "p", f"Listed for readers who meet these names; they do not count toward the verdict "
                 f"(see the {archive}).") + compact_list(dead, catalog, links, entry.src_uri))
    if model.missing:
        parts.append("## What is missing\n\n" + tag("p", esc(model.missing)))
    if model.history:
        items = "".join(tag("li", esc(f"{h.date.isoformat()}: {h.from_ or 'new'} → {h.to}. {h.why}"))
                        for h in reversed(model.history))
        parts.append("## Verdict history\n\n" + tag("ul", items))
    return "\n\n".join(parts) + "\n" if parts else ""
