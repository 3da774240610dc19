"""Side-by-side pages for every pair of alternatives named in front matter (static: works offline)."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from .cells import LEGEND, cell
from .columns import available_columns
from .html import Links, esc, link, tag

SKIP = {"title", "kind", "aliases", "topics", "alternatives", "features.category"}


def pair_src(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"compare/{first}-vs-{second}.md"


def is_pair_src(src_uri: str) -> bool:
    return src_uri.startswith("compare/") and "-vs-" in src_uri


def pairs(catalog: Catalog) -> list[tuple[CatalogEntry, CatalogEntry]]:
    """Each unordered pair of full entries where one lists the other as an alternative (brief
    entries have no features to set side by side)."""
    seen: dict[str, tuple[CatalogEntry, CatalogEntry]] = {}
    for entry in catalog.entries.values():
        for slug in entry.model.alternatives:
            other = catalog.entries.get(slug)
            if other is not None and entry.is_full and other.is_full:
                a, b = sorted((entry, other), key=lambda e: e.slug)
                seen.setdefault(pair_src(a.slug, b.slug), (a, b))
    return [seen[k] for k in sorted(seen)]


def render_pair(a: CatalogEntry, b: CatalogEntry, links: Links, catalog: Catalog) -> str:
    src = pair_src(a.slug, b.slug)
    columns = available_columns({a.kind, b.kind})
    rows = []
    for key, column in columns.items():
        if key != column.key or key in SKIP:
            continue  # bare feature aliases repeat a column
        values = (column.value(a.model, catalog.facts(a)), column.value(b.model, catalog.facts(b)))
        if values == (None, None) and key.startswith("features."):
            continue
        rows.append(tag("tr", tag("th", esc(column.label), scope="row", title=column.description or None)
                        + "".join(cell(column, v) for v in values)))
    head = tag("tr", tag("td", "") + "".join(
        tag("th", link(links.href(src, e.src_uri), e.model.title), scope="col") for e in (a, b)))
    table = tag("table", tag("thead", head) + tag("tbody", "".join(rows)), class_="wy-compare wy-pair")
    title = f"{a.model.title} vs {b.model.title}"
    # Pair pages are derived views: kept out of search so results lead to the entries.
    return (f"---\ntitle: \"{title}\"\nsearch:\n  exclude: true\n---\n\n# {esc(title)}\n\n"
            + tag("p", esc(a.model.summary) + "<br>" + esc(b.model.summary)) + "\n\n"
            + tag("div", table + tag("p", esc(LEGEND), class_="wy-legend"), class_="wy-table") + "\n")
