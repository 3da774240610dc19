"""The generated part of a topic page: its entries as a table, what is missing, its history."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..schema import MODELS, Topic
from .columns import available_columns
from .html import Links, esc, link, tag
from .table import TableSpec, render_table

COLUMNS = ("title", "kind", "status", "summary", "last_reviewed")


def topic_sections(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    model = entry.model
    assert isinstance(model, Topic)
    rule = {"yes": "verdict-yes", "almost": "verdict-almost", "not-yet": "verdict-not-yet"}[model.verdict]
    criteria = "".join(tag("li", esc(c)) for c in model.criteria)
    rule_link = link(links.href(entry.src_uri, "criteria.md"), rule)
    parts = ["## Criteria\n\n" + tag("p", "What this topic needs for a “yes”:") + tag("ul", criteria)
             + tag("p", f"The verdict also obeys the published rule {rule_link}, which "
                        "<code>webyet check</code> enforces.")]
    members = catalog.by_topic(entry.slug)
    if members:
        available = available_columns(set(MODELS) - {"topic"})
        spec = TableSpec(columns=tuple(available[c] for c in COLUMNS), topic=entry.slug)
        parts.append("## Entries\n\n" + render_table(catalog, spec, links, entry.src_uri))
    if model.missing:
        parts.append("## What is missing\n\n" + tag("p", esc(model.missing)))
    if model.history:
        items = "".join(tag("li", esc(f"{h.date.isoformat()}: {h.from_ or 'new'} → {h.to}. {h.why}"))
                        for h in reversed(model.history))
        parts.append("## Verdict history\n\n" + tag("ul", items))
    return "\n\n".join(parts) + "\n" if parts else ""
