"""Each table cell, exactly: what it shows, how it sorts (`data-sort`) and filters (`data-facet`)."""

from __future__ import annotations

import datetime as dt

import pytest

from webyet.render.badges import status_badge, verdict_badge
from webyet.render.cells import cell, support_html
from webyet.render.columns import Column

SRC = "https://docs.rs/x/1.0.0/x/"


def col(style: str, key: str = "k") -> Column:
    return Column(key, "K", "", style)


@pytest.mark.parametrize(("column", "value", "expected"), [
    (col("title"), "Axum", '<td data-sort="axum">Axum</td>'),
    (col("text"), "a <b>", "<td>a &lt;b&gt;</td>"),
    (col("enum"), "Builder", '<td data-sort="builder" data-facet="Builder">Builder</td>'),
    (col("list"), ["tokio", "smol"], '<td data-sort="tokio, smol" data-facet="tokio|smol">tokio, smol</td>'),
    (col("list"), [], '<td data-sort="none" data-facet="none">none</td>'),
    (col("number"), 1234567, '<td data-sort="000000001234567">1,234,567</td>'),
    (col("date"), dt.date(2026, 1, 2),
     '<td data-sort="2026-01-02"><time datetime="2026-01-02">2026-01-02</time></td>'),
    (col("support"), True, '<td title="Supported" class="wy-support-yes" data-sort="0" data-facet="yes">'
                           '<span aria-hidden="true">✓</span> yes</td>'),
    (col("support"), False, '<td title="Not supported" class="wy-support-no" data-sort="1" data-facet="no">'
                            '<span aria-hidden="true">✗</span> no</td>'),
    (col("support"), "partial", '<td title="Partly supported" class="wy-support-partial" data-sort="2" '
                                'data-facet="partial"><span aria-hidden="true">◐</span> partial</td>'),
    (col("support"), "crate", '<td title="Through a separate crate" class="wy-support-via-crate" '
                              'data-sort="3" data-facet="via crate">'
                              '<span aria-hidden="true">+</span> via crate</td>'),
    (col("support"), None, '<td class="wy-unknown" data-sort="~" data-facet="?">'
                           '<abbr title="Not recorded in the entry&#x27;s front matter yet">?</abbr></td>'),
    (col("text", "latest_version"), None,
     '<td class="wy-unknown" data-sort="~" data-facet="?"><abbr title="Not in the registry snapshot: its '
     'source does not provide this figure">?</abbr></td>'),
    (col("status"), "usable", f'<td data-sort="1" data-facet="usable">{status_badge("usable")}</td>'),
    (col("verdict"), "almost", f'<td data-sort="1" data-facet="Almost">{verdict_badge("almost")}</td>'),
])
def test_each_style_renders_exactly(column: Column, value: object, expected: str) -> None:
    assert cell(column, value) == expected


def test_a_title_cell_shows_its_link_and_sorts_by_the_name() -> None:
    assert cell(col("title"), "Axum", title_html='<a href="x/">Axum</a>') == \
        '<td data-sort="axum"><a href="x/">Axum</a></td>'


def test_evidence_links_the_word_only_for_capabilities() -> None:
    linked = f'<a href="{SRC}" class="wy-evidence" title="Evidence: {SRC}">yes</a>'
    assert support_html(True, SRC) == f'<span aria-hidden="true">✓</span> {linked}'
    assert support_html("partial", None) == '<span aria-hidden="true">◐</span> partial'
    assert linked in cell(col("support"), True, source=SRC)
    assert "href" not in cell(col("enum"), "x", source=SRC)
