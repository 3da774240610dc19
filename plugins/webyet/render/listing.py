"""Section index pages: the entries of a section, listed once (not in every page's nav)."""

from __future__ import annotations

from ..catalog import SECTION_TITLES, Catalog
from .archive import PAGE as ARCHIVE
from .compact import compact_list
from .html import Links, link, tag


def section_index(catalog: Catalog, section: str, links: Links) -> str:
    """Markdown for `<section>/index.md`: one line per entry, dead entries last."""
    page = f"{section}/index.md"
    entries = sorted(catalog.by_section(section), key=lambda e: e.model.title.lower())
    alive = [e for e in entries if not e.is_dead]
    dead = [e for e in entries if e.is_dead]
    count = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}"
    if dead:
        archive = link(links.href(page, ARCHIVE), "archive")
        count += f", {len(dead)} of them no longer maintained (see the {archive})"
    parts = [f"# {SECTION_TITLES[section]}", tag("p", count + ".")]
    parts.append(compact_list(alive, catalog, links, page) if alive else tag("p", "No entries yet."))
    if dead:
        parts += ["## No longer maintained", compact_list(dead, catalog, links, page)]
    return "\n\n".join(parts) + "\n"
