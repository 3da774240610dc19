"""The header and infobox shown at the top of every entry page."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..schema import CrateEntry, Pattern, Topic
from .badges import status_badge, verdict_badge
from .html import Links, esc, link, tag
from .pairs import pair_src


def entry_header(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    """Title, badge, summary and infobox as one HTML block (placed before the body)."""
    model = entry.model
    badge = status_badge(entry.status)
    if isinstance(model, Topic):
        badge = verdict_badge(model.verdict)
    head = tag("h1", esc(model.title) + (" " + badge if badge else ""), id="wy-title")
    summary = tag("p", esc(model.summary), class_="wy-summary")
    return tag("header", head + summary + infobox(entry, catalog, links), class_="wy-entry-head")


def infobox(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    model = entry.model
    rows: list[tuple[str, str]] = []
    if isinstance(model, CrateEntry):
        if model.crate:
            rows.append(("Crate", tag("code", esc(model.crate))))
        rows.append(("Status", status_badge(model.status)))
        if model.license:
            rows.append(("Licence", esc(model.license)))
        outside = [link(url, label) for label, url in (
            ("repository", model.repository), ("docs", model.docs), ("homepage", model.homepage)
        ) if url]
        if outside:
            rows.append(("Links", " · ".join(outside)))
    if isinstance(model, Topic):
        rows.append(("Verdict", verdict_badge(model.verdict) + " " + esc(model.verdict_reason)))
    if model.aliases:
        rows.append(("Also known as", ", ".join(esc(a) for a in model.aliases)))
    rows.append(("Topics", _entry_links(entry, catalog, links, model.topics)))
    if isinstance(model, Pattern) and model.crates:
        rows.append(("Uses", _entry_links(entry, catalog, links, model.crates)))
    if model.alternatives:
        rows.append(("Alternatives", _alternatives(entry, catalog, links)))
    rows.append(("Last reviewed", tag("time", esc(model.last_reviewed.isoformat()),
                                      datetime=model.last_reviewed.isoformat())))
    body = "".join(tag("tr", tag("th", esc(k), scope="row") + tag("td", v or "—"))
                   for k, v in rows)
    return tag("table", tag("tbody", body), class_="wy-infobox",
               aria_label=f"{model.title} at a glance")


def _entry_links(entry: CatalogEntry, catalog: Catalog, links: Links, slugs: list[str]) -> str:
    items = []
    for slug in slugs:
        other = catalog.get(slug)
        if other is None:
            items.append(esc(slug))
        else:
            items.append(link(links.href(entry.src_uri, other.src_uri), other.model.title))
    return ", ".join(items)


def _alternatives(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    """Each alternative links to its page and to the side-by-side comparison."""
    items = []
    for slug in entry.model.alternatives:
        other = catalog.entries[slug]
        compare = link(links.href(entry.src_uri, pair_src(entry.slug, slug)), "compare",
                       title=f"{entry.model.title} and {other.model.title} side by side")
        items.append(link(links.href(entry.src_uri, other.src_uri), other.model.title)
                     + f" ({compare})")
    return ", ".join(items)


def entry_footer(entry: CatalogEntry) -> str:
    """The entry's sources, from front matter (Markdown heading so it joins the table of contents)."""
    if not entry.model.sources:
        return ""
    items = "".join(tag("li", link(s.url, s.title)) for s in entry.model.sources)
    return "## Sources\n\n" + tag("ul", items, class_="wy-sources") + "\n"
