"""One line per entry: title, status, newest release "as of" the snapshot, summary.

Used wherever many entries are listed (section listings, topic pages, the archive), so a topic
with thirty crates stays readable.
"""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from .badges import status_badge, verdict_badge
from .html import Links, esc, link, tag


def release_note(entry: CatalogEntry, catalog: Catalog) -> str:
    """"0.8.1, 2026-07-25" from the registry snapshot, or "" when there are no figures."""
    facts = catalog.facts(entry)
    if facts is None or catalog.snapshot is None or not facts.newest_version:
        return ""
    dated = f"{facts.newest_version}" + (f", {facts.newest_release}" if facts.newest_release else "")
    return tag("span", esc(dated), class_="wy-release",
               title=f"Newest release (registry data as of {catalog.snapshot.as_of})")


def compact_item(entry: CatalogEntry, catalog: Catalog, links: Links, page_src: str) -> str:
    verdict = getattr(entry.model, "verdict", None)
    # No per-item tooltips: a long list would repeat each status's meaning; the criteria page
    # (linked from every badge's page) defines them once.
    badge = (verdict_badge(verdict, tooltip=False) if verdict
             else status_badge(entry.status, tooltip=False))
    release = release_note(entry, catalog)
    head = link(links.href(page_src, entry.src_uri), entry.model.title) + " " + badge
    if release:
        head += " " + release
    return tag("li", head + " — " + esc(entry.model.summary))


def dead_item(entry: CatalogEntry, catalog: Catalog, links: Links, page_src: str) -> str:
    """A dead entry in a line: since when, and what to use instead (its page has the rest)."""
    archived = getattr(entry.model, "archived", None)
    head = (link(links.href(page_src, entry.src_uri), entry.model.title) + " "
            + status_badge(entry.status, tooltip=False))
    if archived is None:
        return tag("li", head)
    successors = ", ".join(
        link(links.href(page_src, other.src_uri), other.model.title)
        for other in (catalog.entries[s] for s in archived.successors if s in catalog.entries))
    return tag("li", head + f" since {esc(archived.date.isoformat())} — use {successors}")


def compact_list(entries: list[CatalogEntry], catalog: Catalog, links: Links, page_src: str) -> str:
    items = "".join((dead_item if e.is_dead else compact_item)(e, catalog, links, page_src)
                    for e in entries)
    return tag("ul", items, class_="wy-listing")
