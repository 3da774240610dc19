"""Generated tables sort and filter in a real browser, and stay usable from the keyboard."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def visible_first_cells(page: Page) -> list[str]:
    return page.locator("table.wy-matrix tbody tr:not([hidden]) td:first-child").all_inner_texts()


def test_matrix_sorts_by_a_column(page: Page, base_url: str) -> None:
    page.goto(base_url + "matrix/")
    rows = visible_first_cells(page)
    assert len(rows) >= 3
    header = page.locator("table.wy-matrix thead th", has_text="Topic")
    header.click()
    ascending = visible_first_cells(page)
    assert ascending == sorted(rows, key=str.lower)
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    header.click()
    assert visible_first_cells(page) == list(reversed(ascending))


def test_matrix_filters_by_text_and_facet(page: Page, base_url: str) -> None:
    page.goto(base_url + "matrix/")
    total = len(visible_first_cells(page))
    page.get_by_label("Filter", exact=True).fill("templat")
    assert visible_first_cells(page) == ["Templating"]
    expect(page.locator(".wy-filter-status")).to_have_text(f"1 of {total} rows shown")
    page.get_by_label("Filter", exact=True).fill("")
    page.get_by_label("Verdict").select_option("Almost")
    cells = visible_first_cells(page)
    assert cells and len(cells) < total
    for row in page.locator("table.wy-matrix tbody tr:not([hidden])").all():
        assert "Almost" in row.locator("td").nth(1).inner_text()


def test_table_is_complete_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "compare/data/")
    assert page.locator("table.wy-compare tbody tr").count() >= 1
    assert page.locator(".wy-filters").count() == 0
    context.close()


def test_keyboard_only_sorting_and_filtering(page: Page, base_url: str) -> None:
    page.goto(base_url + "matrix/")
    page.locator(".wy-filters input").focus()
    page.keyboard.type("database access")
    assert visible_first_cells(page) == ["Database access"]
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    # Tab forward to the first sortable header and sort with Enter; focus is visible.
    header = page.locator("table.wy-matrix thead th").first
    header.focus()
    outline = header.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
