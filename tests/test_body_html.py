"""Markdown bodies: raw HTML passes an allow-list, and no link or image may run script."""

from __future__ import annotations

from pathlib import Path

import pytest

from webyet.bodyhtml import ALLOWED, body_findings

from .conftest import make_content
from .test_views import entry, problems_for


@pytest.mark.parametrize(("body", "line", "col", "message"), [
    ('<script>alert("body")</script>', 0, 1, "<script> is not allowed"),
    ("Text <style>p{}</style>", 0, 6, "<style> is not allowed"),
    ('<iframe src="https://e.org/"></iframe>', 0, 1, "<iframe> is not allowed"),
    ('<object data="x"></object>', 0, 1, "<object> is not allowed"),
    ('<embed src="x">', 0, 1, "<embed> is not allowed"),
    ('<form action="/x"></form>', 0, 1, "<form> is not allowed"),
    ('<div class="a" onclick="alert(1)">x</div>', 0, 1, "event-handler attribute `onclick`"),
    ('A <span class="a" OnMouseOver="x">y</span>', 0, 3, "event-handler attribute `onmouseover`"),
    ('<a href="javascript:alert(2)">x</a>', 0, 1, "<a href>: a `javascript:` URL"),
    ('<a href=" JaVa\tScript:alert(2)">x</a>', 0, 1, "a `javascript:` URL"),
    ('<a href="&#106;avascript:alert(2)">x</a>', 0, 1, "a `javascript:` URL"),
    ("[x](javascript:alert(3))", 0, 5, "link: a `javascript:` URL"),
    ("Some text.\n\n[x](VBScript:msgbox(1))", 2, 5, "link: a `vbscript:` URL"),
    ("![i](data:image/png;base64,AAAA)", 0, 6, "image: a `data:` URL"),
    ("<javascript:alert(1)>", 0, 2, "link: a `javascript:` URL"),
    ('<span style="color:red">x</span>', 0, 1, "attribute `style` is not allowed on <span>"),
    ("<marquee>x</marquee>", 0, 1, "<marquee> is not on the allowed list"),
])
def test_each_probe_is_a_located_error(body: str, line: int, col: int, message: str) -> None:
    found = body_findings(body)
    assert any(f.line == line and f.col == col and message in f.message for f in found), found


@pytest.mark.parametrize("body", [
    "<details markdown>\n<summary>More</summary>\n\nText with *emphasis*.\n\n</details>",
    "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; H<sub>2</sub>O, x<sup>2</sup>, <abbr title=\"Rust\">RS</abbr>.<br>",
    '<div class="admonition note" markdown>\nText.\n</div>',
    "[docs](https://docs.rs/axum/) and [a page](../frameworks/axum.md) and ![logo](logo.png)",
    "```html\n<script>alert(1)</script>\n```",  # code is shown, not run
    "    <script>indented code</script>",
    "`<script>` in inline code",
])
def test_the_allowed_html_and_code_pass(body: str) -> None:
    assert body_findings(body) == ()


def test_the_allow_list_is_published_on_the_contributing_page() -> None:
    page = (Path(__file__).resolve().parent.parent / "content" / "contributing.md").read_text()
    for tag in ALLOWED:
        assert f"`<{tag}>`" in page, tag


def test_webyet_check_reports_body_problems_at_file_lines(tmp_path: Path) -> None:
    probes = '\n<script>alert("body")</script>\n\n<a href="javascript:alert(2)">x</a>\n'
    content = make_content(tmp_path, {"frameworks/alpha.md": entry("alpha") + probes})
    found = [p for p in problems_for(content) if "[body-html]" in p]
    assert found[0].startswith("content/frameworks/alpha.md:31:1: error[body-html]: <script>"), found
    assert any(p.startswith("content/frameworks/alpha.md:33:1: error[body-html]: <a href>") for p in found)


def test_the_messages_name_what_is_allowed() -> None:
    (kbd,) = body_findings('<kbd class="x">K</kbd>')
    assert kbd.message == "attribute `class` is not allowed on <kbd> (allowed: none)"
    (div,) = body_findings('<div id="x">d</div>')
    assert div.message == "attribute `id` is not allowed on <div> (allowed: class, markdown)"
    (tag,) = body_findings("<p>x</p>")
    assert tag.message == ("<p> is not on the allowed list (<details>, <summary>, <kbd>, <abbr>, <sup>, "
                           "<sub>, <br>, <div>, <span>)")
