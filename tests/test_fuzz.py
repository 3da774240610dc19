"""Property-based fuzzing: generated hostile input gets located problems, never a traceback.

The strategies, the oracle and the known findings live in tests/fuzzing.py (benchmarks/fuzz.py
runs the same strategies ten thousand times). Runs are derandomized, so CI sees the same
examples every time, and each property's share is bounded: the whole file takes about 20 s on
two cores.

Crashes the fuzzer found are listed in fuzzing.KNOWN: a property meeting one of them discards
that example (so it keeps testing everything else), and the finding's reproducer is a skipped
test below. Fixing a finding means deleting its KNOWN entry and its skip.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from pymdownx.snippets import SnippetMissingError

from webyet.frontmatter import parse_document
from webyet.snippets.extract import regions_in_markdown, split_lines
from webyet.snippets.infostring import EDITIONS, FenceInfo, parse_info

from .fuzzing import (
    ERROR_CODE,
    SNIPPET_FILES,
    Case,
    Outcome,
    bodies,
    build_includes,
    directive_cases,
    front_matter_cases,
    include_cases,
    info_strings,
    known_finding,
    markdown_file,
    run_case,
    rust_block,
    unlocated,
)

FUZZ = settings(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much, HealthCheck.large_base_example])


def fuzz(examples: int) -> settings:
    """Derandomized (the same examples on every run), no deadline, `examples` of them."""
    return settings(FUZZ, max_examples=examples)


def checked(case: Case, tmp: str) -> Outcome:
    """The oracle's verdict on `case` in the empty folder `tmp`; a KNOWN crash discards it."""
    try:
        return run_case(case, Path(tmp))
    except Exception as err:
        if known_finding(err):
            reject()
        raise


# --- front matter ---------------------------------------------------------------------------------

@fuzz(120)
@given(front_matter_cases())
def test_generated_files_load_and_check_with_located_problems(case: Case) -> None:
    # run_case asserts the properties: no exception, every problem located in a file it checked
    # (line and column inside that file), every file either loaded or reported.
    with tempfile.TemporaryDirectory() as tmp:
        checked(case, tmp)


@fuzz(300)
@given(markdown_file(), st.booleans())
def test_front_matter_parser_returns_a_document_or_located_problems(data: bytes, entry: bool) -> None:
    path = Path("/nowhere/content/frameworks/x.md")
    try:
        doc, problems = parse_document(data, path, "content/frameworks/x.md", require_front_matter=entry)
    except Exception as err:
        if known_finding(err):
            reject()
        raise
    assert (doc is None) == bool(problems), "a document, or the problems that stopped it"
    written = {"content/frameworks/x.md": data}
    assert not [p for p in problems if unlocated(p, Path("/nowhere"), written)], problems
    if doc is not None:
        assert doc.body_line >= 1
        assert isinstance(doc.front_matter, dict) or (doc.front_matter is None and not entry)


# --- directives -----------------------------------------------------------------------------------

@fuzz(80)
@given(directive_cases())
def test_directives_are_rendered_or_reported(case: Case) -> None:
    # run_case renders every document's directives: HTML, or the documented ValueError only
    # where `webyet check` reports the page.
    with tempfile.TemporaryDirectory() as tmp:
        outcome = checked(case, tmp)
    assert outcome.rendered + outcome.refused >= 1 or any(
        p.path == "content/compare.md" for p in outcome.problems), "the directive page was neither"


# --- fence info strings and Rust regions ----------------------------------------------------------

def assert_coherent(info: FenceInfo) -> None:
    if not info.is_rust:
        assert info == FenceInfo(is_rust=False), "a non-Rust fence carries nothing else"
        return
    assert info.edition in EDITIONS
    assert all(ERROR_CODE.fullmatch(code) for code in info.error_codes)
    if info.error_codes and not info.compile_fail:
        assert any("without `compile_fail`" in p for p in info.problems)
    if info.ignore and not info.reason:
        assert any("stated reason" in p for p in info.problems)


@fuzz(400)
@given(st.text())
def test_parse_info_takes_any_text(text: str) -> None:
    assert_coherent(parse_info(text))


@fuzz(400)
@given(info_strings())
def test_parse_info_on_rustdoc_like_strings(text: str) -> None:
    info = parse_info(text)
    assert_coherent(info)
    assert parse_info(text) == info


markdown_texts = st.tuples(
    st.one_of(bodies(), st.lists(rust_block(), max_size=4).map("\n".join),
              markdown_file().map(lambda b: b.decode("utf-8", "replace"))),
    st.sampled_from(("\n", "\r\n", "\r")),
).map(lambda pair: pair[0].replace("\n", pair[1]))


@fuzz(300)
@given(markdown_texts)
def test_regions_point_at_their_lines(text: str) -> None:
    source = split_lines(text)
    last = 0
    for region in regions_in_markdown(text, Path("x.md"), "x.md"):
        assert last < region.line <= region.end <= max(len(source), 1), "in order, inside the text"
        assert source[region.line - 1].lstrip(" >-0123456789.").startswith(("```", "~~~"))
        last = region.end
        for code in region.lines:
            assert region.line < code.line <= region.end
            shown = source[code.line - 1]
            # A compiler column maps back exactly: the line's text starts at `col` in the file
            # (tabs re-indented and NULs replaced by the parser, `##` unescaped, are the exceptions).
            if "\t" not in shown and "\x00" not in shown and not code.text.lstrip().startswith("#"):
                assert shown[code.col:] == code.text
        inside = "\n".join(source[region.line:region.end])
        assert all(target in inside for target in region.includes), "includes come from the block's lines"
        assert not (region.includes and region.lines), "an include block compiles the included files"


# --- includes -------------------------------------------------------------------------------------

@fuzz(100)
@given(include_cases())
def test_includes_are_reported_where_they_are(case: Case) -> None:
    """An include problem is reported exactly when the build (pymdownx.snippets) would fail,
    once per page (the build stops at the first), on a line that names what is missing."""
    data = case.files["page.md"]
    with tempfile.TemporaryDirectory() as tmp:
        outcome = checked(case, tmp)
        page = outcome.catalog.pages.get("page.md")
        if page is None:
            return  # front matter refused: no body to check
        found = [p for p in outcome.problems if p.message.startswith(("included ", "include failed"))]
        assert len(found) <= 1, found
        try:
            build_includes(page.body, Path(tmp) / "snippets")
            builds = True
        except (SnippetMissingError, OSError):
            builds = False
        assert builds is (not found), (found, data)
        if found:
            lines = split_lines(data.decode("utf-8", "replace"))
            named = re.search(r"'(.*?)(?:…)?'", found[0].message)
            shown = lines[found[0].line - 1]
            assert "8<" in shown or (named is not None and named.group(1)[:20] in shown), (found[0], shown)


# --- the findings, as reproducers -----------------------------------------------------------------

def page(body: bytes) -> dict[str, bytes]:
    return {"page.md": b"---\ntitle: P\n---\n" + body}


def reproducer(name: str, why: str, files: dict[str, bytes], line: int | None) -> object:
    """A finding's smallest input (`why` is what it did before the fix), kept as a regression test."""
    return pytest.param(files, line, id=name)


@pytest.mark.parametrize(("files", "line"), [
    reproducer("F1-long-include-path", "OSError ENAMETOOLONG escapes includes.missing_includes",
               page(b'```rust\n--8<-- "' + b"a/" * 2100 + b'x.rs"\n```\n'), 5),
    reproducer("F2-table-topic-list", "TypeError: unhashable 'topic' in views.table_spec",
               page(b"```webyet-table\ntopic: [web-frameworks]\ncolumns: [title]\n```\n"), 5),
    reproducer("F3-changes-limit-float", "render_views raises TypeError, not its documented ValueError",
               page(b"```webyet-changes\nlimit: 1.5\n```\n"), 5),
    reproducer("F4-bom-only-file", "IndexError on a file holding only a BOM",
               {"page.md": b"\xef\xbb\xbf"}, None),
    reproducer("F5-kind-list", "TypeError: unhashable 'kind' in catalog._load_entry",
               {"frameworks/x.md": b"---\nkind: [framework]\n---\n"}, 2),
    reproducer("F7-crlf-include", "CRLF include lines are not checked; the build raises",
               {"page.md": b'---\r\ntitle: P\r\n---\r\n```rust\r\n--8<-- "web/gone.rs"\r\n```\r\n'}, 5),
    reproducer("F7-include-outside-snippets", "an include outside snippets/ passes; the build raises",
               page(b'```rust\n--8<-- "../content/page.md"\n```\n'), 5),
    reproducer("F7b-missing-section", "a missing section passes; the build raises",
               page(b'```rust\n--8<-- "web/there.rs:nosuch"\n```\n'), 5),
    reproducer("F7-block-include", "block-form includes are not checked; the build raises",
               page(b"```rust\n--8<--\nweb/gone.rs\n--8<--\n```\n"), 6),
    reproducer("F7-quoted-space", "a quoted path with a space is not checked; the build raises",
               page(b'```rust\n--8<-- "web/gone rs"\n```\n'), 5),
    reproducer("F7c-block-folder", "a block-form path naming a folder: IsADirectoryError in the build",
               page(b"```rust\n--8<--\nweb\n--8<--\n```\n"), 6),
])
def test_finding_reproducer(files: dict[str, bytes], line: int | None, tmp_path: Path) -> None:
    """No traceback, and (where `line` says) an error on the line that caused it."""
    outcome = run_case(Case(files, dict(SNIPPET_FILES)), tmp_path)
    if line is not None:
        rel = f"content/{next(iter(files))}"
        assert any(p.path == rel and p.line == line for p in outcome.problems), outcome.problems
