"""Real READMEs (tests/realworld/, copied from published packages) keep their expected verdicts.

Each block's verdict and its class (compiles, fragment, upstream-error, profile-gap) is recorded
with why in tests/realworld/expected.tsv; a change in the checker that moves a verdict shows
up here.
"""

from __future__ import annotations

from webyet.snippets.check import check_paths

from ..conftest import ROOT

FOLDER = ROOT / "tests" / "realworld"


def expected() -> dict[tuple[str, int], tuple[str, str, str]]:
    rows = {}
    lines = [x for x in (FOLDER / "expected.tsv").read_text().splitlines() if x and not x.startswith("#")]
    for line in lines[1:]:
        name, number, verdict, kind, why = line.split("\t")
        rows[(name, int(number))] = (verdict, kind, why)
    return rows


def test_every_file_names_its_source() -> None:
    for path in FOLDER.glob("*.md"):
        first = path.read_text().splitlines()[0]
        assert first.startswith("<!-- README.md of the published ") and "commit" in first, path.name


def test_verdicts_stay_put() -> None:
    report = check_paths([FOLDER], ROOT)
    got = {(r.region.display.rsplit("/", 1)[-1], r.region.line): r for r in report.results}
    want = expected()
    assert set(got) == set(want), sorted(set(got) ^ set(want))
    moved = {key: (got[key].status, want[key][0]) for key in want if got[key].status != want[key][0]}
    assert not moved, f"(file, line) → (now, expected): {moved}"
    for key, (_, kind, _) in want.items():
        errors = [d for d in got[key].diagnostics if d.level == "error"]
        if kind == "upstream-error":
            assert any("error returned from database" in d.message for d in errors), key
        if kind == "profile-gap":
            assert errors, key
    kinds = [kind for _, kind, _ in want.values()]
    assert {"compiles", "fragment", "upstream-error", "profile-gap"} <= set(kinds)
