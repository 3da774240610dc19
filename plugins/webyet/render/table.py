"""Comparison tables generated from front matter: one row per selected entry, no typed cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog import Catalog, CatalogEntry
from .cells import LEGEND, cell
from .columns import SNAPSHOT_COLUMNS, Column
from .html import Links, esc, link, tag


@dataclass(frozen=True)
class TableSpec:
    """What a `webyet-table` directive asks for, already validated."""

    columns: tuple[Column, ...]
    kinds: tuple[str, ...] = ()
    topic: str | None = None
    slugs: tuple[str, ...] = ()
    where: tuple[tuple[Column, tuple[Any, ...]], ...] = field(default=())
    caption: str | None = None


def select(catalog: Catalog, spec: TableSpec, *, full: bool = True) -> list[CatalogEntry]:
    """The entries a table shows: full entries only (brief ones carry no features to compare);
    with `full=False`, the brief entries the same selection would otherwise have matched."""
    if spec.slugs:
        entries = [catalog.entries[s] for s in spec.slugs if s in catalog.entries]
    else:
        entries = list(catalog.entries.values())
    if spec.kinds:
        entries = [e for e in entries if e.kind in spec.kinds]
    if spec.topic:
        entries = [e for e in entries if spec.topic in e.model.topics]
    entries = [e for e in entries if e.is_full == full]
    for column, allowed in spec.where:
        entries = [e for e in entries if _matches(column.value(e.model, catalog.facts(e)), allowed)]
    if not spec.slugs:
        entries.sort(key=lambda e: e.model.title.lower())
    return entries


def _matches(value: Any, allowed: tuple[Any, ...]) -> bool:
    if isinstance(value, list):
        return any(v in allowed for v in value)
    return value in allowed


def render_table(catalog: Catalog, spec: TableSpec, links: Links, page_src: str,
                 entries: list[CatalogEntry] | None = None, brief_note: bool = True) -> str:
    entries = select(catalog, spec) if entries is None else entries
    head = "".join(
        tag("th", esc(c.label), scope="col", title=c.description or None,
            data_facets="1" if c.style in {"status", "verdict", "support", "enum", "list"} else None)
        for c in spec.columns
    )
    rows = []
    for entry in entries:
        cells = []
        for column in spec.columns:
            value = column.value(entry.model, catalog.facts(entry))
            title_html = None
            if column.style == "title":
                title_html = link(links.href(page_src, entry.src_uri), entry.model.title)
            cells.append(cell(column, value, title_html=title_html, source=column.source(entry.model)))
        rows.append(tag("tr", "".join(cells), data_slug=entry.slug))
    caption = tag("caption", esc(spec.caption)) if spec.caption else ""
    table = tag("table", caption + tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)),
                class_="wy-compare")
    note = f" {len(entries)} entries; generated from their front matter."
    if any(c.key in SNAPSHOT_COLUMNS for c in spec.columns) and catalog.snapshot:
        note += f" Registry data as of {catalog.snapshot.as_of}."
    legend = tag("p", esc(LEGEND + note), class_="wy-legend")
    brief = select(catalog, spec, full=False) if brief_note and not spec.where else []
    if brief:
        names = ", ".join(link(links.href(page_src, e.src_uri), e.model.title) for e in brief)
        legend += tag("p", f"Brief entries, not compared here: {names}.", class_="wy-brief-note")
    return tag("div", table + legend, class_="wy-table", data_wy_table=True)
