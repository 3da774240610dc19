"""The built site and the offline bundle in a real browser: search, navigation, dark mode."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from ..conftest import ROOT
from .conftest import screenshot


def search(page: Page, query: str) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key: Material's search reacts to keyboard events, not to a pasted value.
    page.locator("input.md-search__input").press_sequentially(query, delay=30)


def test_search_finds_axum_and_opens_it(page: Page, base_url: str) -> None:
    page.goto(base_url)
    search(page, "axum")
    result = page.locator(".md-search-result__item a[href*='frameworks/axum/']").first
    expect(result).to_be_visible(timeout=15000)
    result.click()
    expect(page).to_have_url(re.compile(re.escape(base_url + "frameworks/axum/")))
    expect(page.locator("h1#wy-title")).to_contain_text("axum")


def test_matrix_renders_every_topic(page: Page, base_url: str) -> None:
    topics = sorted((ROOT / "content" / "topics").glob("*.md"))
    page.goto(base_url + "matrix/")
    expect(page.locator("table.wy-matrix tbody tr")).to_have_count(len(topics))
    screenshot(page, "matrix")


def test_dark_mode_toggle(page: Page, base_url: str) -> None:
    page.goto(base_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before or "")
    after = body.get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    screenshot(page, "home-toggled")


def test_screenshots_of_key_pages(page: Page, base_url: str) -> None:
    for name, path in (("home", ""), ("compare-frameworks", "compare/frameworks/"),
                       ("entry-axum", "frameworks/axum/")):
        page.goto(base_url + path)
        assert screenshot(page, name).stat().st_size > 10_000


def test_offline_bundle_searches_from_file_url(page: Page, offline_site: Path) -> None:
    page.goto((offline_site / "index.html").as_uri())
    search(page, "axum")
    result = page.locator(".md-search-result__item a[href*='frameworks/axum']").first
    expect(result).to_be_visible(timeout=15000)
    result.click()
    expect(page.locator("h1#wy-title")).to_contain_text("axum")
    assert page.url.startswith("file://") and "frameworks/axum.html" in page.url


def test_offline_bundle_links_between_pages(page: Page, offline_site: Path) -> None:
    page.goto((offline_site / "matrix.html").as_uri())
    page.locator("table.wy-matrix a", has_text="Web frameworks").first.click()
    expect(page.locator("h1#wy-title")).to_contain_text("Web frameworks")
    page.locator("table.wy-compare tbody a").first.click()
    assert page.url.startswith("file://") and page.url.endswith(".html")
    expect(page.locator("h1").first).to_be_visible()
