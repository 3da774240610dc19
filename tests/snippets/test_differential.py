"""webyet and rustdoc agree on every block of the differential corpus (`tests/differential/`).

rustdoc is the oracle: `RUSTC_BOOTSTRAP=1 rustdoc --test -Z unstable-options --no-run FILE`
compiles each block as a doctest without running it. Both tools must give each block the same
verdict: compiles, fails to compile (as intended or not), or ignored.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from webyet.snippets.check import check_paths
from webyet.snippets.extract import regions_in_markdown

from ..conftest import ROOT

CORPUS = ROOT / "tests" / "differential"
FILES = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")
RESULT = re.compile(r"^test .* \(line (\d+)\)(?: - ([a-z ]+))? \.\.\. (ok|FAILED|ignored)$")
RUSTDOC = shutil.which("rustdoc")


def rustdoc_verdicts(path: Path, tmp_path: Path) -> dict[int, str]:
    """Fence line → "pass" | "fail" | "ignored", as rustdoc judges each block (with `--no-run`
    it does not list `ignore` blocks at all; the caller fills them in)."""
    env = {**os.environ, "RUSTC_BOOTSTRAP": "1"}
    done = subprocess.run([RUSTDOC, "--test", "-Z", "unstable-options", "--no-run", "--edition", "2024",
                           str(path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    verdicts = {}
    for line in done.stdout.splitlines():
        if match := RESULT.match(line.strip()):
            verdict = {"ok": "pass", "FAILED": "fail", "ignored": "ignored"}[match.group(3)]
            verdicts[int(match.group(1))] = verdict
    assert verdicts, done.stdout + done.stderr
    return verdicts


def webyet_verdicts(path: Path) -> dict[int, str]:
    report = check_paths([path], ROOT)
    return {r.region.line: r.status for r in report.results}


@pytest.mark.skipif(RUSTDOC is None, reason="rustdoc is not installed")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_same_verdict_as_rustdoc(path: Path, tmp_path: Path) -> None:
    expected = rustdoc_verdicts(path, tmp_path)
    regions = regions_in_markdown(path.read_text(), path, path.name)
    expected |= {r.line: "ignored" for r in regions if r.info.ignore and r.line not in expected}
    got = webyet_verdicts(path)
    assert set(got) == set(expected), f"blocks seen: webyet {sorted(got)}, rustdoc {sorted(expected)}"
    disagree = {line: (got[line], expected[line]) for line in expected if got[line] != expected[line]}
    assert not disagree, f"{path.name}: line → (webyet, rustdoc): {disagree}"


def test_corpus_covers_the_semantics() -> None:
    blocks = [r for p in FILES for r in regions_in_markdown(p.read_text(), p, p.name)]
    assert len(blocks) >= 60
    infos = {w for r in blocks for w in (r.info.compile_fail, r.info.ignore, r.info.edition)}
    assert {True, "2015", "2018", "2021", "2024"} <= infos
    assert any(c.hidden for r in blocks for c in r.lines)
    assert any("\u2028" in c.text for r in blocks for c in r.lines)
    assert any(b"\r\n" in p.read_bytes() for p in FILES)
