"""Hostile and broken front matter: each case gives `path:line:col: error:` and exit 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from webyet.catalog import load_catalog
from webyet.cli import main
from webyet.frontmatter import MAX_FILE_BYTES, MAX_FRONT_MATTER_BYTES

from .conftest import CORPUS, make_content, run_cli

# case file → (line, text the message must contain)
EXPECTED: dict[str, tuple[int, str]] = {
    "empty": (1, "empty file"),
    "whitespace-only": (1, "empty file"),
    "no-front-matter": (1, "missing front matter"),
    "unclosed": (1, "never closed"),
    "invalid-yaml": (4, "invalid YAML"),
    "not-mapping-list": (2, "must be a mapping"),
    "not-mapping-scalar": (2, "must be a mapping"),
    "empty-front-matter": (1, "front matter is empty"),
    "duplicate-key": (5, "duplicate key 'title' (first on line 2)"),
    "python-object-tag": (2, "YAML tag '!!python/object/apply:os.system' is not allowed"),
    "custom-tag": (4, "YAML tag '!secret' is not allowed"),
    "alias-bomb": (3, "YAML alias '*a' is not allowed"),
    "deep-nesting": (8, "nested deeper than"),
    "wrong-type-title": (2, "title: Input should be a valid string"),
    "wrong-type-status": (6, "status: 3 is not allowed"),
    "unknown-status": (6, "did you mean 'production'?"),
    "unknown-key": (4, "unknown key 'summry'; did you mean 'summary'?"),
    "unknown-feature-key": (9, "unknown key 'features.websocket'; did you mean 'websockets'?"),
    "bad-feature-value": (9, "features.websockets: 'maybe' is not allowed; expected true or false"),
    "impossible-date": (8, "impossible date '2026-02-30'"),
    "bad-date-format": (8, "write dates as YYYY-MM-DD"),
    "future-date": (8, "2999-01-01 is in the future"),
    "http-url": (8, "only https:// URLs are allowed"),
    "javascript-url": (8, "only https:// URLs are allowed, not 'javascript'"),
    "missing-kind": (1, "missing required key 'kind'"),
    "unknown-kind": (3, "did you mean 'framework'?"),
    "missing-summary": (1, "missing required key 'summary'"),
    "unknown-topic-ref": (7, "no topic entry named 'web-framework'; did you mean 'web-frameworks'?"),
    "unknown-alternative": (8, "no entry named 'no-such-entry'"),
    "title-html": (2, "title may not contain"),
    "multiline-summary": (4, "must be one line"),
    "non-string-key": (8, "mapping keys must be plain strings"),
    "merge-key": (9, "mapping keys must be plain strings"),
    "wrong-folder": (3, "a data entry belongs in content/data/"),
    "Bad_Name": (1, "must be a slug"),
    "self-alternative": (8, "an entry cannot list itself"),
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert {p.stem for p in CORPUS.glob("*.md")} == set(EXPECTED)


def check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--no-snippets", str(content)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_corpus_case(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = make_content(tmp_path, {f"frameworks/{case}.md": (CORPUS / f"{case}.md").read_text()})
    code, out = check(content, capsys)
    line, text = EXPECTED[case]
    assert code == 1
    lines = [x for x in out.splitlines() if f"frameworks/{case}.md:" in x]
    assert lines, out
    assert any(x.split(":")[1] == str(line) and text in x and ": error: " in x for x in lines), out


def located(out: str, rel: str) -> list[str]:
    return [x for x in out.splitlines() if rel in x and ": error: " in x]


@pytest.mark.parametrize(("name", "data", "line", "text"), [
    ("non-utf8", b"---\ntitle: Caf\xe9\n---\n", 2, "invalid UTF-8 byte 0xe9"),
    ("nul-byte", b"---\ntitle: a\x00b\n---\n", 2, "NUL byte"),
    ("big-front-matter", ("---\n" + "a: b\n" * (MAX_FRONT_MATTER_BYTES // 4) + "---\n").encode(),
     2, "front matter is larger than"),
    ("big-file", b"---\n" + b"x" * (MAX_FILE_BYTES + 1), 1, "the limit is"),
])
def test_bytes_cases(name: str, data: bytes, line: int, text: str, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    content = make_content(tmp_path, {f"frameworks/{name}.md": data})
    code, out = check(content, capsys)
    assert code == 1
    assert any(f"frameworks/{name}.md:{line}:" in x and text in x for x in located(out, name)), out


def test_unquoted_yes_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("---\ntitle: Other\nkind: topic\nsummary: s.\nverdict: yes\nverdict_reason: r.\n"
            "criteria: [c.]\nlast_reviewed: 2026-01-01\n---\n")
    content = make_content(tmp_path, {"topics/other.md": text})
    code, out = check(content, capsys)
    assert code == 1
    assert any("topics/other.md:5:" in x and 'quote it: "yes"' in x for x in located(out, "other")), out


def test_duplicate_slug_and_crate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = (CORPUS / "self-alternative.md").read_text().replace(
        "alternatives: [self-alternative]\n", "")
    data = sample.replace("kind: framework", "kind: data")
    content = make_content(tmp_path, {
        "frameworks/dup.md": sample, "data/dup.md": data,
        "frameworks/twin.md": sample,  # same crate as frameworks/dup.md
    })
    code, out = check(content, capsys)
    assert code == 1
    assert any("frameworks/dup.md:1:1" in x and "slug 'dup' is already used by" in x
               for x in located(out, "dup.md")), out
    assert any("frameworks/twin.md:5:" in x and "'selfalt' is already described by content/data" in x
               for x in located(out, "twin.md")), out


def test_symlink_out_of_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = make_content(tmp_path)
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: s\n---\n")
    os.symlink(outside, content / "topics" / "leak.md")
    os.symlink(tmp_path, content / "topics" / "loop")
    code, out = check(content, capsys)
    assert code == 1
    assert located(out, "topics/leak.md:1:1") and "points outside content/" in out
    assert located(out, "topics/loop:1:1")


def test_all_problems_of_all_files_in_one_run(tmp_path: Path) -> None:
    files = {f"frameworks/{p.stem}.md": p.read_text() for p in CORPUS.glob("*.md")}
    content = make_content(tmp_path, files)
    result = run_cli("check", "--no-snippets", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    reported = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert {f"content/frameworks/{name}.md" for name in EXPECTED} <= reported


def test_catalog_keeps_going_after_bad_files(tmp_path: Path) -> None:
    good = (CORPUS / "self-alternative.md").read_text().replace(
        "alternatives: [self-alternative]\n", "")
    content = make_content(tmp_path, {"frameworks/good.md": good,
                                      "frameworks/bad.md": (CORPUS / "alias-bomb.md").read_text()})
    catalog = load_catalog(content)
    assert "good" in catalog.entries and "bad" not in catalog.entries
    assert len(catalog.problems) == 1
