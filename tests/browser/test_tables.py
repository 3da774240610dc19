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
    # tablesort's first sort of a column is ascending (no `descending` option, no data-sort-reverse).
    assert ascending == sorted(rows, key=str.lower)
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert visible_first_cells(page) == list(reversed(ascending))
    assert header.get_attribute("aria-sort") == "descending"


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
    # The matrix arrives in topic order; reverse its rows so the first sort visibly reorders them.
    # Count tablesort's sorts: one keypress must sort exactly once (Enter used to sort twice,
    # once from tablesort's own handler and once from ours, so it always ended descending).
    page.evaluate("""() => {
        const table = document.querySelector("table.wy-matrix");
        table.tBodies[0].append(...Array.from(table.tBodies[0].rows).reverse());
        window.wySorts = 0;
        table.addEventListener("afterSort", () => window.wySorts++);
    }""")
    rows = visible_first_cells(page)
    ascending = sorted(rows, key=str.lower)
    assert rows != ascending
    # Focus the first sortable header (Topic) and sort with Enter; focus is visible.
    header = page.locator("table.wy-matrix thead th").first
    assert header.inner_text().strip() == "Topic"
    header.focus()
    outline = header.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    descending = list(reversed(ascending))
    # Enter (tablesort's own key) and Space (ours): each press sorts once, ascending first, then
    # descending; after two Enters the column is descending again, so Space starts ascending too.
    for key in ("Enter", "Space"):
        scroll = page.evaluate("window.scrollY")
        for sorts, direction, order in ((1, "ascending", ascending), (2, "descending", descending)):
            page.keyboard.press(key)
            assert visible_first_cells(page) == order, (key, sorts)
            assert header.get_attribute("aria-sort") == direction, (key, sorts)
            assert page.evaluate("window.wySorts") == sorts, (key, sorts)
        assert page.evaluate("window.scrollY") == scroll, key  # Space does not scroll the page
        page.evaluate("window.wySorts = 0")
