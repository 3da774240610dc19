"""Size budgets, measured on the built site: small pages, little CSS/JS, a small search index."""

from __future__ import annotations

import re
from pathlib import Path

from webyet.catalog import ENTRY_DIRS

# 40 KB until issue 14 added three infobox rows readers asked for (features with their evidence,
# the versions the examples were checked with, advisories): about 1 KB on the largest pages.
ENTRY_PAGE_BYTES = 44 * 1024
# A topic page lists every entry of its topic (a table of the full ones, a line per brief or
# dead one), so it grows with the topic; about 20 KB of each page is the theme's own markup.
TOPIC_PAGE_BYTES = 64 * 1024
CSS_JS_BYTES_PER_PAGE = 400 * 1024
SEARCH_INDEX_BYTES = 1536 * 1024
ASSET = re.compile(r'<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"')


def entry_pages(site: Path) -> list[Path]:
    return [p for section in ENTRY_DIRS for p in (site / section).glob("*/index.html")]


def test_entry_pages_are_small(built_site: Path) -> None:
    pages = entry_pages(built_site)
    assert pages
    sizes = {p.relative_to(built_site).as_posix(): p.stat().st_size for p in pages}
    too_big = {k: v for k, v in sizes.items()
               if v > (TOPIC_PAGE_BYTES if k.startswith("topics/") else ENTRY_PAGE_BYTES)}
    assert not too_big, f"entry pages over {ENTRY_PAGE_BYTES} bytes (topics {TOPIC_PAGE_BYTES}): {too_big}"


def test_no_page_loads_more_than_400_kb_of_css_and_js(built_site: Path) -> None:
    heaviest = (0, "")
    for page in built_site.rglob("*.html"):
        total = 0
        for ref in ASSET.findall(page.read_text()):
            assert not ref.startswith(("http:", "https:", "//")), f"{page}: external asset {ref}"
            ref = ref.split("?")[0]
            # 404.html uses root-relative URLs (it is served at any depth).
            asset = built_site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref
            total += asset.resolve().stat().st_size
        heaviest = max(heaviest, (total, page.relative_to(built_site).as_posix()))
    assert 0 < heaviest[0] <= CSS_JS_BYTES_PER_PAGE, heaviest


def test_search_index_is_small(built_site: Path) -> None:
    size = (built_site / "search" / "search_index.json").stat().st_size
    assert 0 < size <= SEARCH_INDEX_BYTES, size
