"""The maintenance page and the home page's trust line: what needs a maintainer, how fresh."""

from __future__ import annotations

from ..catalog import Catalog
from ..freshness.flags import Flag
from .compat import short_rustc
from .html import Links, esc, link, tag


def render_maintenance(catalog: Catalog, flags: dict[str, list[Flag]], links: Links,
                       page_src: str) -> str:
    if not flags:
        return tag("p", "No entry is flagged.")
    rows = []
    for slug, entry_flags in sorted(flags.items()):
        entry = catalog.entries[slug]
        for flag in entry_flags:
            rows.append(tag("tr", tag("td", link(links.href(page_src, entry.src_uri), entry.model.title))
                            + tag("td", esc(flag.rule.label), data_facet=flag.rule.label)
                            + tag("td", esc(flag.message))))
    head = tag("tr", "".join(tag("th", h, scope="col") for h in ("Entry", "Flag", "Why")))
    table = tag("table", tag("thead", head) + tag("tbody", "".join(rows)), class_="wy-compare")
    return tag("div", table, class_="wy-table", data_wy_table=True)


def trust_line(catalog: Catalog, snippets: tuple[int, int, str] | None = None) -> str:
    """Entries, newest review, snapshot date and (when known) how many Rust blocks compile.

    `snippets` is (checked blocks, blocks whose check passed, rustc version).
    """
    newest = max((e.model.last_reviewed for e in catalog.entries.values()), default=None)
    topics = [e.model.verdict for e in catalog.by_kind("topic")]
    parts = [f"{topics.count('yes')} of {len(topics)} topics ready, {topics.count('almost')} almost"
             ] if topics else []
    parts.append(f"{len(catalog.entries)} entries")
    if snippets:
        checked, passed, rustc = snippets
        parts.append(f"{passed} of {checked} Rust blocks pass their compile check"
                     + (f" ({short_rustc(rustc)}, crate versions pinned per profile)" if rustc else ""))
    if newest:
        parts.append(f"newest review {newest.isoformat()}")
    parts.append(f"registry data as of {catalog.snapshot.as_of}" if catalog.snapshot
                 else "no registry snapshot yet")
    return tag("p", esc(" · ".join(parts) + "."), class_="wy-trust")
