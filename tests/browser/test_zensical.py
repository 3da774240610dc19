"""The Zensical build (staged tree) in a real browser: search, sorting, no other hosts."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from ..conftest import copy_project, run_cli
from .conftest import _Quiet, screenshot


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    result = run_cli("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(zensical_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_zensical_search_finds_axum(page: Page, zensical_url: str) -> None:
    page.goto(zensical_url)
    page.locator(".md-search__button").first.click()
    page.keyboard.type("axum", delay=30)
    result = page.locator("a[href*='frameworks/axum/']").first
    expect(result).to_be_visible(timeout=15000)
    # The result list sits in a modal whose focus layer takes pointer events; follow the link.
    page.goto(urljoin(page.url, result.get_attribute("href") or ""))
    expect(page).to_have_url(re.compile(re.escape(zensical_url + "frameworks/axum/")))
    expect(page.locator("h1#wy-title")).to_contain_text("axum")
    expect(page.locator(".wy-snippet-pass").first).to_contain_text("compiles")
    screenshot(page, "zensical-axum")


def test_zensical_tables_sort(page: Page, zensical_url: str) -> None:
    page.goto(zensical_url + "matrix/")
    cells = lambda: page.locator("table.wy-matrix tbody tr:not([hidden]) td:first-child").all_inner_texts()  # noqa: E731
    rows = cells()
    header = page.locator("table.wy-matrix thead th", has_text="Topic")
    header.click()
    ascending = cells()
    assert ascending == sorted(rows, key=str.lower)
    header.click()
    assert cells() == list(reversed(ascending))


EXTERNAL = re.compile(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//', re.I)


def test_zensical_pages_load_nothing_from_other_hosts(zensical_site: Path) -> None:
    # The browser tests' own requests are checked by the session fixture; this covers every page.
    pages = list(zensical_site.rglob("*.html"))
    assert len(pages) > 400
    loading = [p.relative_to(zensical_site).as_posix() for p in pages if EXTERNAL.search(p.read_text())]
    assert not loading, loading[:5]
