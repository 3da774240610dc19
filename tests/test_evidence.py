"""Evidence behind feature cells: front matter carries the source, tables and infoboxes link it,
and a strict check refuses a yes, no or partial without one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from webyet.catalog import load_catalog
from webyet.render.html import Links
from webyet.render.infobox import infobox
from webyet.views import render_views

from .conftest import make_content
from .test_views import entry, problems_for, rendered

DOCS = "https://docs.rs/alpha/1.0.0/alpha/ws/index.html"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path, {
        "frameworks/alpha.md": entry("alpha", extra=(
            f"features:\n  websockets: {{value: true, source: '{DOCS}'}}\n  sse: false\n"
            "  openapi: crate\n  runtime: [tokio]\n")),
        "data/delta.md": entry("delta", kind="data", topics="[]",
                               extra="features: {async: partial}\n"),
    })


def test_a_cell_links_its_evidence_and_a_bare_value_does_not(content: Path) -> None:
    rows = rendered(content, "```webyet-table\nkind: framework\ncolumns: [title, websockets, sse]\n```")
    cells = dict(rows.rows)["alpha"]
    assert cells[1]["text"].strip() == "✓ yes" and cells[1]["data-facet"] == "yes"
    assert cells[2]["text"].strip() == "✗ no"
    catalog = load_catalog(content)
    table = render_views("```webyet-table\nkind: framework\ncolumns: [title, websockets, sse]\n```",
                         catalog, Links(), "compare.md")
    assert table.count(f'href="{DOCS}"') == 1  # the evidenced yes; the bare "no" has no link
    box = infobox(catalog.entries["alpha"], catalog, Links())
    assert f'WebSockets <span aria-hidden="true">✓</span> <a href="{DOCS}" class="wy-evidence"' in box
    assert 'SSE <span aria-hidden="true">✗</span> no' in box


def test_a_missing_source_is_a_located_warning_for_yes_no_and_partial_only(content: Path) -> None:
    found = [p for p in problems_for(content) if "[evidence]" in p]
    assert sorted(found) == sorted([
        "content/data/delta.md:11:12: warning[evidence]: features.async: \"partial\" has no evidence; "
        "write {value: \"partial\", source: https://…} with the docs, source or changelog page that shows it",
        "content/frameworks/alpha.md:13:3: warning[evidence]: features.sse: false has no evidence; "
        "write {value: false, source: https://…} with the docs, source or changelog page that shows it",
    ])


@pytest.mark.parametrize(("value", "message"), [
    ("{value: true}", "missing required key 'source' in 'features.websockets'"),
    ("{value: true, source: 'http://e.org/'}", "features.websockets.source: only https:// URLs are allowed"),
    ("{value: maybe, source: 'https://e.org/'}", "features.websockets.value: 'maybe' is not allowed"),
    ("{value: true, source: 'https://e.org/', note: x}", "unknown key 'features.websockets.note'"),
])
def test_a_bad_evidence_mapping_is_located_at_its_key(tmp_path: Path, value: str, message: str) -> None:
    content = make_content(tmp_path, {"frameworks/alpha.md": entry(
        "alpha", extra=f"features:\n  websockets: {value}\n")})
    found = [p for p in problems_for(content) if p.startswith("content/frameworks/alpha.md:")]
    assert any(message in p and p.split(":")[1] in ("11", "12") for p in found), found


def test_every_yes_no_and_partial_cell_on_the_comparison_pages_links_evidence(built_site: Path) -> None:
    for page in ("frameworks", "data"):
        html = (built_site / "compare" / page / "index.html").read_text()
        cells = re.findall(r'<td[^>]*class="wy-support-(yes|no|partial)"[^>]*>(.*?)</td>', html)
        assert len(cells) > 20, page
        bare = [c for c in cells if 'class="wy-evidence"' not in c[1]]
        assert not bare, (page, bare[:3])
