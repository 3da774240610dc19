"""Generated views: directives validated with locations, tables from front matter only."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from webyet.catalog import load_catalog
from webyet.checks import content_problems
from webyet.directives import find_directives
from webyet.freshness.attach import load_with_registry
from webyet.render.changes import atom_feed, changes
from webyet.render.html import Links
from webyet.views import render_views, table_spec

from .conftest import ROOT, make_content, run_cli


def entry(slug: str, kind: str = "framework", status: str = "usable", extra: str = "",
          topics: str = "[web-frameworks]") -> str:
    crate = "" if kind in ("pattern", "topic") else f"crate: {slug}\nstatus: {status}\ndepth: full\n"
    return (f"---\ntitle: {slug.title()}\nkind: {kind}\nsummary: About {slug}.\n{crate}"
            f"topics: {topics}\nlast_reviewed: 2026-01-01\nsources: [{{title: s, url: 'https://e.org/'}}]\n"
            f"{extra}---\n\n{FULL_BODY}")


FULL_BODY = """## What it is

Body.

## Minimal example

```rust,ignore,reason="fixture"
fn main() {}
```

## Gotchas

None.

## How it compares

Fixture.
"""


def page(body: str) -> str:
    return f"---\ntitle: Page\n---\n\n# Page\n\n{body}\n"


def problems_for(content: Path) -> list[str]:
    return [p.format() for p in content_problems(load_catalog(content))]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path, {
        "frameworks/alpha.md": entry("alpha", extra="features: {websockets: true, runtime: [tokio]}\n"),
        "frameworks/beta.md": entry("beta", extra="features: {websockets: crate}\n"),
        "frameworks/gamma.md": entry("gamma", topics="[]"),
        "data/delta.md": entry("delta", kind="data", topics="[]"),
    })


@pytest.mark.parametrize(("body", "line", "text"), [
    ("```webyet-table\nkind: framework\ncolumns: [title, websocket]\n```", 9,
     "unknown column 'websocket' for framework; did you mean 'websockets'?"),
    ("```webyet-table\ntopic: web-frameworks\nkind: data\ncolumns: [title]\n```", 7,
     "the selection matches no entries"),
    ("```webyet-table\nkind: framework\ncolums: [title]\n```", 9,
     "unknown key 'colums'; did you mean 'columns'?"),
    ("```webyet-table\ntopic: web-framework\ncolumns: [title]\n```", 8,
     "no topic entry named 'web-framework'; did you mean 'web-frameworks'?"),
    ("```webyet-table\ncolumns: [title]\n```", 7, "say which entries to show"),
    ("```webyet-table\nkind: framework\n```", 7, "'columns' lists the columns"),
    ("```webyet-table\nkind: [framework\n```", 9, "invalid YAML"),
    ("```webyet-tabel\n```", 7, "unknown directive 'webyet-tabel'"),
    ("```webyet-table\nslugs: [alpha, nope]\ncolumns: [title]\n```", 8, "no entry named 'nope'"),
    ("```webyet-changes\nlimit: -1\n```", 8, "limit is a positive number"),
])
def test_directive_errors_are_located(content: Path, body: str, line: int, text: str) -> None:
    (content / "compare.md").write_text(page(body))
    found = [p for p in problems_for(content) if p.startswith("content/compare.md:")]
    assert any(p.split(":")[1] == str(line) and text in p for p in found), found


class Rows(HTMLParser):
    """Collects each generated table row's slug and cells (text, data-facet, title)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, list[dict[str, str]]]] = []
        self.headers: list[dict[str, str]] = []
        self._cell: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "tr" and "data-slug" in values:
            self.rows.append((values["data-slug"], []))
        elif tag == "td" and self.rows:
            self._cell = {"text": "", **values}
            self.rows[-1][1].append(self._cell)
        elif tag == "th" and values.get("scope") == "col":
            self._cell = {"text": "", **values}
            self.headers.append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell["href"] = values.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data


def rendered(content: Path, body: str) -> Rows:
    catalog = load_catalog(content)
    html = render_views(body, catalog, Links(), "compare.md")
    parser = Rows()
    parser.feed(html)
    return parser


def test_table_has_one_row_per_matching_entry_and_no_blank_cells(content: Path) -> None:
    rows = rendered(content,
                    "```webyet-table\nkind: framework\ncolumns: [title, status, websockets, runtime]\n```")
    assert [slug for slug, _ in rows.rows] == ["alpha", "beta", "gamma"]
    assert all(cell["text"].strip() for _, cells in rows.rows for cell in cells)
    by_slug = {slug: cells for slug, cells in rows.rows}
    assert by_slug["alpha"][2]["text"].strip() == "✓ yes"
    assert by_slug["beta"][2]["text"].strip() == "+ via crate"
    assert by_slug["gamma"][2]["text"] == "?" and by_slug["gamma"][2]["class"] == "wy-unknown"
    assert by_slug["alpha"][1]["data-facet"] == "usable" and "usable" in by_slug["alpha"][1]["text"]
    assert all(h.get("title") for h in rows.headers), "every header explains itself"


def test_topic_selection_and_where(content: Path) -> None:
    rows = rendered(content, "```webyet-table\ntopic: web-frameworks\nwhere: {websockets: true}\n"
                             "columns: [title]\n```")
    assert [slug for slug, _ in rows.rows] == ["alpha"]


def test_site_tables_match_the_export() -> None:
    """The tables and the JSON export read the same catalog: every cell equals the export."""
    catalog = load_with_registry(ROOT / "content")
    exported = json.loads(run_cli("export").stdout)
    data = {e["slug"]: e for e in exported["entries"]}
    words = {True: "yes", False: "no", "partial": "partial", "crate": "via crate"}
    checked = 0
    for md in sorted((ROOT / "content" / "compare").glob("*.md")):
        text = md.read_text()
        directives, _ = find_directives(text)
        lines = text.splitlines(keepends=True)
        for directive in (d for d in directives if d.name == "table"):
            spec, problems = table_spec(directive, catalog)
            assert spec is not None, problems
            rows = Rows()
            rows.feed(render_views("".join(lines[directive.start:directive.end]), catalog, Links(),
                                   f"compare/{md.name}"))
            assert rows.rows, md
            for slug, cells in rows.rows:
                entry = data[slug]
                for column, cell in zip(spec.columns, cells, strict=True):
                    if column.key == "title":
                        assert cell["text"] == entry["data"]["title"]
                    elif column.key == "status":
                        assert cell["data-facet"] == entry["data"]["status"]
                    elif column.key.startswith("features."):
                        value = entry["data"].get("features", {}).get(column.key.split(".", 1)[1])
                        if isinstance(value, dict):  # {value, source}: the cell links the source
                            assert cell.get("href") == value["source"]
                            value = value["value"]
                        if value is None:
                            expected = "?"
                        elif column.style == "support":
                            expected = words[value]
                        elif isinstance(value, list):
                            expected = "|".join(value) or "none"
                        else:
                            expected = str(value)
                        assert cell.get("data-facet") == expected, (md.name, slug, column.key)
                    checked += 1
    assert checked > 300


@pytest.mark.parametrize(("topic_verdict", "entry_status", "rule"), [
    ('"yes"', "usable", "verdict-yes"),
    ("almost", "experimental", "verdict-almost"),
    ("not-yet", "production", "verdict-not-yet"),
])
def test_verdict_rules(tmp_path: Path, topic_verdict: str, entry_status: str, rule: str) -> None:
    topic = (f"---\ntitle: T\nkind: topic\nsummary: s.\nverdict: {topic_verdict}\nverdict_reason: r.\n"
             "criteria: [c.]\nleading: [one]\nlast_reviewed: 2026-01-01\n---\n")
    content = make_content(tmp_path, {"topics/t.md": topic,
                                      "frameworks/one.md": entry("one", status=entry_status, topics="[t]")})
    found = problems_for(content)
    assert any(p.startswith("content/topics/t.md:5:") and f"error[{rule}]" in p for p in found), found


def test_leading_entries_must_be_alive_and_history_current(tmp_path: Path) -> None:
    topic = ("---\ntitle: T\nkind: topic\nsummary: s.\nverdict: almost\nverdict_reason: r.\n"
             "criteria: [c.]\nleading: [old]\nlast_reviewed: 2026-01-01\n---\n")
    history = "history: [{date: 2025-01-01, from: usable, to: production, why: Stable 1.0.}]\n"
    content = make_content(tmp_path, {
        "topics/t.md": topic,
        "frameworks/old.md": entry("old", status="archived", topics="[t]"),
        "frameworks/new.md": entry("new", status="usable", topics="[t]", extra=history),
    })
    found = problems_for(content)
    assert any("topics/t.md:8:" in p and "leading-alive" in p for p in found), found
    assert any("frameworks/new.md:" in p and "history-current" in p for p in found), found


def test_status_change_needs_a_history_item(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"frameworks/one.md": entry("one", status="usable")})
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "init"], cwd=tmp_path, check=True)
    path = content / "frameworks" / "one.md"
    path.write_text(entry("one", status="production"))
    catalog = load_catalog(content)
    found = [p.format() for p in content_problems(catalog, git_base="HEAD")]
    assert any("frameworks/one.md:6:" in p and "status changed from 'usable' to 'production' since HEAD"
               in p for p in found), found
    path.write_text(entry("one", status="production", extra=(
        "history: [{date: 2026-01-01, from: usable, to: production, why: 1.0 released.}]\n")))
    found = [p.format() for p in content_problems(load_catalog(content), git_base="HEAD")]
    assert not [p for p in found if "history" in p], found


def test_changes_newest_first_and_feed_is_valid_atom(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET
    content = make_content(tmp_path, {
        "frameworks/a.md": entry("a", status="production", extra=(
            "history: [{date: 2025-01-01, to: usable, why: Added.}, "
            "{date: 2026-01-01, from: usable, to: production, why: 1.0 <b>released</b>.}]\n")),
    })
    catalog = load_catalog(content)
    dates = [c.item.date for c in changes(catalog)]
    assert dates == [dt.date(2026, 1, 1), dt.date(2025, 1, 1)]
    feed = atom_feed(catalog, "Site & co", None)
    root = ET.fromstring(feed)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 2
    assert entries[0].find("a:summary", ns).text == "1.0 <b>released</b>."
    assert entries[0].find("a:link", ns).get("href") == "frameworks/a/"


def test_matrix_has_one_row_per_topic_and_its_verdict() -> None:
    catalog = load_catalog(ROOT / "content")
    rows = Rows()
    rows.feed(render_views("```webyet-matrix\n```\n", catalog, Links(), "matrix.md"))
    topics = {e.slug: e.model for e in catalog.by_kind("topic")}
    assert sorted(slug for slug, _ in rows.rows) == sorted(topics)
    words = {"yes": "Yes", "almost": "Almost", "not-yet": "Not yet"}
    for slug, cells in rows.rows:
        assert cells[1]["data-facet"] == words[topics[slug].verdict]
        assert topics[slug].verdict_reason in cells[1]["text"]


def test_a_production_entry_cites_a_source(tmp_path: Path) -> None:
    unsourced = entry("one", status="production", topics="[]").replace(
        "sources: [{title: s, url: 'https://e.org/'}]\n", "")
    content = make_content(tmp_path, {"frameworks/one.md": unsourced,
                                      "frameworks/two.md": entry("two", status="production", topics="[]")})
    found = [p for p in problems_for(content) if "production-sourced" in p]
    assert [p.split(":")[0] for p in found] == ["content/frameworks/one.md"], found


def test_history_items_are_oldest_first(tmp_path: Path) -> None:
    history = ("history:\n  - {date: 2026-02-01, to: usable, why: Second.}\n"
               "  - {date: 2026-01-01, to: usable, why: First.}\n")
    content = make_content(tmp_path, {"frameworks/one.md": entry("one", topics="[]", extra=history),
                                      "frameworks/two.md": entry("two", topics="[]", extra=history.replace(
                                          "2026-02-01", "2025-12-01"))})
    found = [p for p in problems_for(content) if "history items are listed oldest first" in p]
    assert [p.split(":")[0] for p in found] == ["content/frameworks/one.md"], found


@pytest.mark.parametrize(("verdict", "status", "leading", "expected"), [
    ('"yes"', "production", "[one]", []),
    ('"yes"', "usable", "[one]", ["verdict-yes: verdict is 'yes' but no entry in this topic has status "
                                  "'production'"]),
    ("almost", "usable", "[one]", []),
    ("almost", "production", "[one]", []),
    ("almost", "experimental", "[one]", ["verdict-almost: verdict is 'almost' but no entry in this topic is "
                                         "'production' or 'usable'"]),
    ("not-yet", "usable", "[]", []),
    ("not-yet", "production", "[]", ["verdict-not-yet: verdict is 'not-yet' but an entry in this topic has "
                                     "status 'production'"]),
    ("almost", "usable", "[]", ["leading-named: a 'almost' topic names its leading entries in 'leading'"]),
    ('"yes"', "production", "[]", ["leading-named: a 'yes' topic names its leading entries in 'leading'"]),
])
def test_verdict_rules_exactly(tmp_path: Path, verdict: str, status: str, leading: str,
                               expected: list[str]) -> None:
    topic = (f"---\ntitle: T\nkind: topic\nsummary: s.\nverdict: {verdict}\nverdict_reason: r.\n"
             f"criteria: [c.]\nleading: {leading}\nlast_reviewed: 2026-01-01\n---\n")
    content = make_content(tmp_path, {"topics/t.md": topic,
                                      "frameworks/one.md": entry("one", status=status, topics="[t]")})
    found = [p.split("error[", 1)[1].replace("]: ", ": ", 1) for p in problems_for(content)
             if p.startswith("content/topics/t.md:")]
    assert found == expected


def test_evidence_is_asked_of_full_framework_and_data_entries_for_every_bare_value(tmp_path: Path) -> None:
    features = "features: {websockets: {value: true, source: 'https://e.org/'}, sse: true, http2: false}\n"
    brief = entry("two", topics="[]", extra=features).replace("depth: full", "depth: brief")
    content = make_content(tmp_path, {"frameworks/one.md": entry("one", topics="[]", extra=features),
                                      "frameworks/two.md": brief.split("\n---\n", 1)[0] + "\n---\n\nOne.\n",
                                      "tooling/lib.md": entry("lib", kind="library", topics="[]",
                                                              extra="features: {async: true}\n")})
    found = [p.split(": warning[evidence]: ")[1].split(" has")[0] for p in problems_for(content)
             if "[evidence]" in p]
    assert found == ["features.sse: true", "features.http2: false"]
