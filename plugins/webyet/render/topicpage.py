"""The generated part of a topic page: its entries as a table, what is missing, its history."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..schema import MODELS, Topic
from .columns import available_columns
from .html import Links, esc, tag
from .table import TableSpec, render_table

COLUMNS = ("title", "kind", "status", "summary", "last_reviewed")


def topic_sections(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    model = entry.model
    assert isinstance(model, Topic)
    parts = []
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
