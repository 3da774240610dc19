"""Verdict and status history: the "What changed" list and an Atom feed, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..catalog import Catalog, CatalogEntry
from ..schema import HistoryItem
from .html import Links, esc, link, tag


@dataclass(frozen=True)
class Change:
    entry: CatalogEntry
    item: HistoryItem

    @property
    def field(self) -> str:
        return "verdict" if self.entry.kind == "topic" else "status"


def changes(catalog: Catalog) -> list[Change]:
    found = [Change(e, h) for e in catalog.entries.values() for h in e.model.history]
    return sorted(found, key=lambda c: (c.item.date, c.entry.slug), reverse=True)


def render_changes(catalog: Catalog, links: Links, page_src: str, limit: int | None = None) -> str:
    items = []
    for change in changes(catalog)[:limit]:
        item = change.item
        what = f"{change.field}: {item.from_ or 'new'} → {item.to}"
        items.append(tag("li", tag("time", item.date.isoformat(), datetime=item.date.isoformat())
                         + " " + link(links.href(page_src, change.entry.src_uri),
                                      change.entry.model.title)
                         + " — " + esc(what) + ". " + esc(item.why)))
    if not items:
        return tag("p", "No status or verdict changes recorded yet.")
    return tag("ul", "".join(items), class_="wy-changes")


def atom_feed(catalog: Catalog, site_name: str, base_url: str | None) -> str:
    """An Atom feed of changes; links are relative to the feed (at the site root) without a base."""
    links = Links(directory_urls=True)
    all_changes = changes(catalog)
    updated = max((c.item.date for c in all_changes), default=dt.date(1970, 1, 1))
    base = (base_url or "").rstrip("/") + "/" if base_url else ""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xml_escape(site_name)}: what changed</title>",
        "  <id>urn:webyet:changes</id>",
        f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
        f"  <link rel=\"alternate\" href={quoteattr(base + 'changes/')}/>",
        "  <author><name>webyet maintainers</name></author>",
    ]
    for change in all_changes:
        item, entry = change.item, change.entry
        title = f"{entry.model.title}: {change.field} {item.from_ or 'new'} → {item.to}"
        parts += [
            "  <entry>",
            f"    <title>{xml_escape(title)}</title>",
            f"    <id>urn:webyet:{entry.slug}:{change.field}:{item.date.isoformat()}:{item.to}</id>",
            f"    <updated>{item.date.isoformat()}T00:00:00Z</updated>",
            f"    <link href={quoteattr(base + links.url(entry.src_uri))}/>",
            f"    <summary>{xml_escape(item.why)}</summary>",
            "  </entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
