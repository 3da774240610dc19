"""Brief and full entries, dead entries and the Archive page, and coverage of the reference list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from webyet.checks import content_problems
from webyet.coverage import coverage, load_coverage, read_not_crates, read_reference
from webyet.freshness.attach import load_with_registry as load_catalog
from webyet.pages import generated_pages
from webyet.render.html import Links
from webyet.render.topicpage import topic_sections
from webyet.views import render_views

from .conftest import ROOT, make_content
from .test_views import entry

ARCHIVED = """archived:
  date: 2019-01-13
  cause: no-release
  reason: No release since 2019.
  successors: [alpha]
"""


def brief(slug: str, status: str = "usable", extra: str = "", body: str = "One paragraph.\n",
          topics: str = "[web-frameworks]", sources: bool = True) -> str:
    cited = "sources: [{title: docs, url: 'https://docs.rs/x/'}]\n" if sources else ""
    return (f"---\ntitle: {slug.title()}\nkind: framework\ndepth: brief\nsummary: About {slug}.\n"
            f"crate: {slug}\nstatus: {status}\ntopics: {topics}\nlast_reviewed: 2026-01-01\n"
            f"{cited}{extra}---\n\n{body}")


def codes(content: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in content_problems(load_catalog(content)):
        found.setdefault(p.code or p.message, []).append(p.format())
    return found


TOPIC = """---
title: Web frameworks
kind: topic
summary: Server-side frameworks.
verdict: "yes"
verdict_reason: Fixture topic.
criteria: [A fixture criterion.]
leading: [alpha]
last_reviewed: 2026-01-01
---
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path, {
        "topics/web-frameworks.md": TOPIC,
        "frameworks/alpha.md": entry("alpha", status="production"),
        "frameworks/bravo.md": brief("bravo"),
        "frameworks/iron.md": brief("iron", status="unmaintained", extra=ARCHIVED),
    })


def test_valid_brief_full_and_archived_entries_pass(content: Path) -> None:
    assert codes(content) == {}


@pytest.mark.parametrize(("body", "line", "text"), [
    ("## What it is\n\nText.\n", 13, "has a heading"),
    ("One.\n\nTwo.\n", 15, "one paragraph, not 2"),
    ("Text.\n\n```rust\nfn main() {}\n```\n", 15, "has a fence"),
    ("- a list\n", 13, "has a bullet list"),
    ("word " * 201 + "\n", 13, "at most 200 words"),
])
def test_brief_body_shape_is_located(content: Path, body: str, line: int, text: str) -> None:
    (content / "frameworks" / "bravo.md").write_text(brief("bravo", body=body))
    found = codes(content)["depth-shape"]
    assert len(found) == 1 and f"content/frameworks/bravo.md:{line}:1:" in found[0], found
    assert text in found[0]


def test_brief_needs_a_source(content: Path) -> None:
    (content / "frameworks" / "bravo.md").write_text(brief("bravo", sources=False))
    assert codes(content)["brief-sourced"]


def test_full_entry_needs_the_template(content: Path) -> None:
    (content / "frameworks" / "alpha.md").write_text(
        entry("alpha", status="production").replace("## Gotchas\n\nNone.\n\n", "")
        .replace("```rust,ignore,reason=\"fixture\"\nfn main() {}\n```", "```sh\nrun\n```"))
    found = codes(content)["depth-shape"]
    assert len(found) == 1 and "'## Gotchas'" in found[0]
    (content / "frameworks" / "alpha.md").write_text(
        entry("alpha", status="production").replace("```rust,ignore", "```sh,ignore"))
    assert "has a Rust block" in codes(content)["depth-shape"][0]


def test_dead_entries_need_an_archived_block_and_alive_ones_may_not_have_one(content: Path) -> None:
    (content / "frameworks" / "iron.md").write_text(brief("iron", status="deprecated"))
    (content / "frameworks" / "bravo.md").write_text(brief("bravo", extra=ARCHIVED))
    found = codes(content)["archived-explained"]
    assert any("iron.md:7:" in p and "'deprecated' entry says since when" in p for p in found), found
    assert any("bravo.md:7:" in p and "not 'usable'" in p for p in found), found


def test_successors_resolve_and_are_alive(content: Path) -> None:
    (content / "frameworks" / "iron.md").write_text(
        brief("iron", status="archived", extra=ARCHIVED.replace("[alpha]", "[alpah]")))
    problems = [p for ps in codes(content).values() for p in ps]
    assert any("iron.md:15:16:" in p and "no entry named 'alpah'; did you mean 'alpha'?" in p
               for p in problems)
    (content / "frameworks" / "bravo.md").write_text(
        brief("bravo", status="archived", extra=ARCHIVED.replace("[alpha]", "[iron]")))
    (content / "frameworks" / "iron.md").write_text(brief("iron", status="archived", extra=ARCHIVED))
    assert "iron" in codes(content)["successors-alive"][0]


def test_leading_entries_are_full_and_alive(content: Path) -> None:
    topic = content / "topics" / "web-frameworks.md"
    topic.write_text(topic.read_text().replace("leading: [alpha]", "leading: [alpha, bravo, iron]"))
    found = codes(content)
    assert "bravo" in found["leading-full"][0]
    assert "iron" in found["leading-alive"][0]


def test_tables_compare_full_entries_and_name_the_brief_ones(content: Path) -> None:
    catalog = load_catalog(content)
    html = render_views("```webyet-table\nkind: framework\ncolumns: [title, status]\n```",
                        catalog, Links(), "compare.md")
    assert 'data-slug="alpha"' in html and 'data-slug="bravo"' not in html
    assert "Brief entries, not compared here:" in html and "frameworks/bravo/" in html
    (content / "compare.md").write_text("---\ntitle: C\n---\n\n```webyet-table\nslugs: [alpha, bravo]\n"
                                        "columns: [title]\n```\n")
    problems = [p.format() for p in content_problems(load_catalog(content))]
    assert any("compare.md:6:16:" in p and "'bravo' is a brief entry" in p for p in problems), problems


def test_topic_page_lists_brief_and_dead_entries_compactly(content: Path) -> None:
    catalog = load_catalog(content)
    topic = catalog.entries["web-frameworks"]
    html = topic_sections(topic, catalog, Links())
    table, rest = html.split("## More crates")
    assert 'data-slug="alpha"' in table and "bravo" not in table
    more, dead = rest.split("## No longer maintained")
    assert "frameworks/bravo/" in more and "iron" not in more
    assert "frameworks/iron/" in dead and "archive/" in dead


def test_archive_page_groups_dead_entries_by_topic(content: Path) -> None:
    catalog = load_catalog(content)
    archive = generated_pages(catalog, Links(), set())["archive.md"]
    section = archive.split("## Web frameworks", 1)[1]
    assert 'data-slug="iron"' in section and "2019-01-13" in section
    assert "no release for 24 months" in section and "No release since 2019." in section
    assert '<a href="../frameworks/alpha/">Alpha</a>' in section  # the successor links
    assert 'data-slug="bravo"' not in archive and 'data-slug="alpha"' not in archive
    listing = generated_pages(catalog, Links(), set())["frameworks/index.md"]
    alive, dead = listing.split("## No longer maintained")
    assert "Iron" in dead and "Iron" not in alive and "Bravo" in alive


def test_licence_in_front_matter_must_agree_with_the_snapshot(content: Path) -> None:
    snapshot = {"snapshot_version": 1, "as_of": "2026-11-01", "crates": {
        name: {"newest_version": "1.0.0", "newest_release": "2026-10-01", "license": "MIT",
               "source": "index"} for name in ("alpha", "bravo", "iron")}}
    (content.parent / "data").mkdir()
    (content.parent / "data" / "crates.json").write_text(json.dumps(snapshot))
    (content / "frameworks" / "bravo.md").write_text(brief("bravo", extra="license: Apache-2.0\n"))
    found = codes(content)["registry-licence"]
    assert len(found) == 1 and "bravo.md:11:1:" in found[0] and "'Apache-2.0' disagrees" in found[0]
    (content / "frameworks" / "bravo.md").write_text(brief("bravo", extra="license: MIT\n"))
    assert "registry-licence" not in codes(content)


def test_coverage_counts_alive_and_dead_per_reference(content: Path) -> None:
    (content / "frameworks" / "bravo.md").write_text(brief("bravo", extra="other_crates: [bravo_old]\n"))
    (content / "frameworks" / "stale.md").write_text(brief("stale"))
    snapshot = {"snapshot_version": 1, "as_of": "2026-11-01", "crates": {
        "alpha": {"newest_release": "2026-10-01", "source": "index"},
        "bravo": {"newest_release": "2025-01-01", "source": "index"},
        "iron": {"newest_release": "2019-01-13", "source": "index"},
        "stale": {"newest_release": "2020-01-01", "source": "index"}}}
    (content.parent / "data").mkdir()
    (content.parent / "data" / "crates.json").write_text(json.dumps(snapshot))
    (content.parent / "data" / "reference-catalogs.tsv").write_text(
        "# comment\nreference\tcategory\tcrate\none\tweb\tAlpha\none\tweb\tBravo-Old\none\told\tiron\n"
        "two\tweb\talpha\ntwo\tweb\tstale\ntwo\tweb\tnowhere\ntwo\tweb\tdemo\n")
    (content.parent / "data" / "reference-not-crates.tsv").write_text("name\twhy\ndemo\tnever published\n")
    result = load_coverage(load_catalog(content))
    assert result is not None
    one, two = result.by_reference["one"], result.by_reference["two"]
    assert (one.alive, one.alive_covered, one.dead, one.dead_covered) == (2, 2, 1, 1)
    assert (two.alive, two.dead, two.dead_covered, two.missing) == (1, 1, 0, 1)
    assert [r.crate for r in result.missing] == ["nowhere"]
    assert [(r.crate, e.slug) for r, e in result.dead_as_alive] == [("stale", "stale")]
    assert (result.total.alive, result.total.dead, result.total.missing) == (2, 2, 1)
    assert two.not_crates == 1 and result.total.not_crates == 1


def test_every_crate_on_the_reference_list_has_an_entry() -> None:
    """The site covers the public catalogs' list: a listed crate without an entry fails here."""
    catalog = load_catalog(ROOT / "content")
    result = coverage(catalog, read_reference(ROOT / "data" / "reference-catalogs.tsv"),
                      read_not_crates(ROOT / "data" / "reference-not-crates.tsv"))
    missing = [f"data/reference-catalogs.tsv:{r.line}: {r.crate} ({r.reference}: {r.category})"
               for r in result.missing]
    assert not missing, f"{len(missing)} listed crates have no entry:\n" + "\n".join(missing)
    wrong = [f"{r.crate}: {e.doc.display} says '{e.status}'" for r, e in result.dead_as_alive]
    assert not wrong, "dead by the snapshot but not marked dead:\n" + "\n".join(wrong)
