"""The Archive page: every unmaintained, deprecated or archived entry, grouped by topic, with
the date, the cause, the reason and what to use instead. Dead entries stay in search and keep
their own pages; they never count toward a verdict or a topic's leading entries."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..schema import DEATH_CAUSES, CrateEntry
from .badges import status_badge
from .html import Links, esc, link, tag

PAGE = "archive.md"


def dead_entries(catalog: Catalog) -> list[CatalogEntry]:
    return sorted((e for e in catalog.entries.values() if e.is_dead), key=lambda e: e.model.title.lower())


def render_archive(catalog: Catalog, links: Links) -> str:
    dead = dead_entries(catalog)
    titles = {e.slug: e.model.title for e in catalog.by_kind("topic")}
    groups: dict[str, list[CatalogEntry]] = {}
    for entry in dead:
        for topic in entry.model.topics or ["other"]:
            groups.setdefault(topic, []).append(entry)
    order = sorted(groups, key=lambda t: (t == "other", titles.get(t, t).lower()))
    parts = ["---\ntitle: Archive\n---\n\n# Archive\n",
             f"{len(dead)} entries are unmaintained, deprecated or archived. They keep their pages "
             "(and stay in search) so that a reader who meets an old name learns what happened "
             "and what to use instead; they never count toward a topic's verdict or its leading "
             "entries. Grouped by topic; an entry in two topics is listed twice.\n"]
    for topic in order:
        heading = titles.get(topic, "Other")
        if topic in titles:
            heading_html = link(links.href(PAGE, f"topics/{topic}.md"), heading)
        else:
            heading_html = esc(heading)
        rows = "".join(_row(e, catalog, links) for e in groups[topic])
        head = "".join(tag("th", h, scope="col") for h in
                       ("Entry", "Status", "Since", "Cause", "Reason", "Use instead"))
        table = tag("table", tag("thead", tag("tr", head)) + tag("tbody", rows), class_="wy-archive")
        parts.append(f"## {esc(heading)}\n\n" + tag("p", heading_html + f": {len(groups[topic])}",
                                                     class_="wy-archive-topic") + table + "\n")
    return "\n".join(parts)


def _row(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    model = entry.model
    assert isinstance(model, CrateEntry) and model.archived is not None
    successors = ", ".join(
        link(links.href(PAGE, catalog.entries[s].src_uri), catalog.entries[s].model.title)
        if s in catalog.entries else esc(s) for s in model.archived.successors)
    cells = [link(links.href(PAGE, entry.src_uri), model.title), status_badge(model.status),
             tag("time", esc(model.archived.date.isoformat()), datetime=model.archived.date.isoformat()),
             esc(DEATH_CAUSES[model.archived.cause]), esc(model.archived.reason), successors]
    return tag("tr", "".join(tag("td", c) for c in cells), data_slug=entry.slug)
