"""Section index pages: the entries of a section, listed once (not in every page's nav)."""

from __future__ import annotations

from ..catalog import SECTION_TITLES, Catalog
from .badges import status_badge, verdict_badge
from .html import Links, esc, link, tag


def section_index(catalog: Catalog, section: str, links: Links) -> str:
    """Markdown for `<section>/index.md`: a title and one list item per entry."""
    entries = sorted(catalog.by_section(section), key=lambda e: e.model.title.lower())
    items = []
    for entry in entries:
        badge = status_badge(entry.status)
        verdict = getattr(entry.model, "verdict", None)
        if verdict:
            badge = verdict_badge(verdict)
        url = links.href(f"{section}/index.md", entry.src_uri)
        items.append(tag("li", link(url, entry.model.title) + " " + badge
                         + " — " + esc(entry.model.summary)))
    listing = tag("ul", "".join(items), class_="wy-listing") if items else tag(
        "p", "No entries yet.")
    count = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}."
    return f"# {SECTION_TITLES[section]}\n\n{count}\n\n{listing}\n"
