"""Side-by-side pages for every pair of alternatives named in front matter (static: works offline)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class PairPage:
    src: str
    title: str
    body: str  # the HTML under the heading: both summaries and the side-by-side table

    @property
    def markdown(self) -> str:
        # Pair pages are derived views: kept out of search so results lead to the entries.
        return (f"---\ntitle: \"{self.title}\"\nsearch:\n  exclude: true\n---\n\n# {esc(self.title)}\n\n"
                f"{BODY_START}\n\n{self.body}\n\n{BODY_END}\n")


BODY_START, BODY_END = "<!-- webyet pair -->", "<!-- /webyet pair -->"


# A preview rebuilds every pair page's table on every edit unless it keeps them: models are
# shared per file content (`validation.validate`), so unchanged entries give the same objects.
_MADE: dict[tuple[object, ...], tuple[object, object, PairPage]] = {}
_MAX_MADE = 20_000


def pair_page(a: CatalogEntry, b: CatalogEntry, links: Links, catalog: Catalog) -> PairPage:
    key = (id(a.model), id(b.model), repr(catalog.facts(a)), repr(catalog.facts(b)), links)
    made = _MADE.get(key)
    if made is not None and made[0] is a.model and made[1] is b.model:
        return made[2]
    page = _pair_page(a, b, links, catalog)
    if len(_MADE) >= _MAX_MADE:
        _MADE.clear()
    _MADE[key] = (a.model, b.model, page)
    return page


def _pair_page(a: CatalogEntry, b: CatalogEntry, links: Links, catalog: Catalog) -> PairPage:
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
                        + "".join(cell(column, v, source=column.source(e.model))
                                  for v, e in zip(values, (a, b), strict=True))))
    head = tag("tr", tag("td", "") + "".join(
        tag("th", link(links.href(src, e.src_uri), e.model.title), scope="col") for e in (a, b)))
    table = tag("table", tag("thead", head) + tag("tbody", "".join(rows)), class_="wy-compare wy-pair")
    body = (tag("p", esc(a.model.summary) + "<br>" + esc(b.model.summary))  # one line: one HTML block
            + tag("div", table + tag("p", esc(LEGEND), class_="wy-legend"), class_="wy-table"))
    return PairPage(src, f"{a.model.title} vs {b.model.title}", body)


def render_pair(a: CatalogEntry, b: CatalogEntry, links: Links, catalog: Catalog) -> str:
    return pair_page(a, b, links, catalog).markdown


def from_shell(shell_html: str, shell: PairPage, page: PairPage, links: Links) -> str:
    """`page` as a finished HTML page, made from the engine's rendering of another pair page:
    every pair page has the same depth and the same frame, so rendering one through the theme
    is enough (a thousand pair pages would otherwise double a large site's build).

    The frame's own traces of the shell are its title, its heading's id and its address."""
    head, rest = shell_html.split(BODY_START, 1)
    tail = rest.split(BODY_END, 1)[1]
    frame = head + "\0" + tail
    heading = re.search(r'<h1 id="([^"]+)"', head)
    if heading:
        slug = Path(page.src).stem
        frame = frame.replace(f'id="{heading[1]}"', f'id="{slug}"').replace(f'"#{heading[1]}"', f'"#{slug}"')
    for old, new in ((esc(shell.title), esc(page.title)), (shell.title, page.title),
                     (links.url(shell.src), links.url(page.src))):
        frame = frame.replace(old, new)
    head, tail = frame.split("\0", 1)
    return f"{head}{BODY_START}\n{page.body}\n{BODY_END}{tail}"
