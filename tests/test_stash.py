"""Generated HTML is set aside from the engine's Markdown pass and put back unchanged."""

from __future__ import annotations

import markdown

from webyet.stash import Stash


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["md_in_html", "toc"])


def test_generated_html_blocks_round_trip_and_markdown_stays_markdown() -> None:
    stash = Stash()
    table = '<table class="wy-compare"><tr><td>a &amp; b</td></tr></table>'
    text = stash.keep_blocks(f"## Entries\n\n{table}\n\n<h2 id=\"anchor\">Kept in</h2>\n\nSome *text*.")
    assert table not in text and "## Entries" in text and 'id="anchor"' in text
    html = stash.restore(convert(text))
    assert table in html and "<em>text</em>" in html and '<h2 id="entries">' in html
    assert "wy-kept" not in html


def test_a_placeholder_is_used_once_and_unknown_ones_stay() -> None:
    stash = Stash()
    mark = stash.keep("<p>x</p>")
    assert stash.restore(mark) == "<p>x</p>"
    assert stash.restore(mark) == mark  # already put back once: a stray copy is not filled
