"""Real cargo against the real crates of the profiles: the issue's "done when" cases."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from ..conftest import run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
pytestmark = pytest.mark.skipif(shutil.which("cargo") is None, reason="needs cargo")


def snippets_json(*args: str, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("snippets", "--format", "json", *args, env=env)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture(scope="module")
def fixtures_report() -> dict[str, Any]:
    code, report = snippets_json(str(FIXTURES))
    assert code == 1
    return report


def by_file(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [s for s in report["snippets"] if s["path"].endswith("/" + name)]


def errors(snippet: dict[str, Any]) -> list[tuple[int, int, str]]:
    return [(d["line"], d["column"], d["code"]) for d in snippet["diagnostics"] if d["level"] == "error"]


def test_axum_06_server_fails_at_its_line_and_the_fix_passes(fixtures_report: dict[str, Any]) -> None:
    (broken,) = by_file(fixtures_report, "axum-server-broken.md")
    assert broken["status"] == "fail" and broken["profile"] == "web" and broken["line"] == 3
    assert errors(broken) == [(11, 11, "E0433")]
    assert "Server" in broken["diagnostics"][0]["message"]
    (fixed,) = by_file(fixtures_report, "axum-server-fixed.md")
    assert fixed["status"] == "pass"
    assert fixed["crates"] == {"axum": "0.8.x", "tokio": "1.x"}


def test_query_as_without_fromrow_fails_and_query_macros_see_the_schema(
        fixtures_report: dict[str, Any]) -> None:
    (broken,) = by_file(fixtures_report, "sqlx-fromrow-broken.md")
    assert broken["status"] == "fail" and broken["profile"] == "sqlx"
    assert errors(broken)[0] == (12, 25, "E0277")
    (fixed,) = by_file(fixtures_report, "sqlx-fromrow-fixed.md")
    assert fixed["status"] == "pass"  # includes a query_as! checked against schema.sql
    (bad_column,) = by_file(fixtures_report, "sqlx-query-bad-column.md")
    assert bad_column["status"] == "fail"
    assert "no such column: nickname" in bad_column["diagnostics"][0]["message"]
    assert bad_column["diagnostics"][0]["line"] == 5


def test_syntax_error_is_located(fixtures_report: dict[str, Any]) -> None:
    (broken,) = by_file(fixtures_report, "syntax-error.md")
    assert broken["status"] == "fail" and errors(broken) == [(7, 14, "")]
    (fixed,) = by_file(fixtures_report, "syntax-fixed.md")
    assert fixed["status"] == "pass"


def test_compile_fail_blocks(fixtures_report: dict[str, Any]) -> None:
    right, compiles, wrong_code = by_file(fixtures_report, "compile-fail.md")
    assert right["expect"] == "compile_fail" and right["status"] == "pass"
    assert any(d["code"] == "E0382" for d in right["diagnostics"])
    assert compiles["status"] == "fail" and errors(compiles) == [(13, 1, "compile_fail")]
    assert wrong_code["status"] == "fail"
    assert "expected error E0499" in wrong_code["diagnostics"][-1]["message"]


def test_hidden_lines_and_list_indentation_map_back(fixtures_report: dict[str, Any]) -> None:
    shown_error, hidden_error = by_file(fixtures_report, "hidden-lines.md")
    assert errors(shown_error) == [(10, 47, "E0277")]
    assert errors(hidden_error) == [(16, 31, "E0308")]
    (indented,) = by_file(fixtures_report, "list-indent.md")
    assert errors(indented) == [(8, 22, "E0308")]


def test_annotations_and_profiles_problems(fixtures_report: dict[str, Any]) -> None:
    no_reason, with_reason = by_file(fixtures_report, "ignore.md")
    assert no_reason["status"] == "fail" and "reason" in no_reason["diagnostics"][0]["message"]
    assert with_reason["status"] == "ignored"
    (mixed,) = by_file(fixtures_report, "two-profiles.md")
    assert mixed["status"] == "fail" and errors(mixed) == [(3, 1, "profile")]
    message = mixed["diagnostics"][0]["message"]
    assert re.search(r"axum is in [a-z, ]*\bweb\b", message) and "diesel is in diesel" in message
    old, new = by_file(fixtures_report, "edition.md")
    assert old["status"] == "pass" and new["status"] == "fail"


def test_text_report_and_nothing_changed_runs_no_cargo(fixtures_report: dict[str, Any]) -> None:
    result = run_cli("snippets", str(FIXTURES / "axum-server-broken.md"))
    assert result.returncode == 1
    assert "tests/snippets/fixtures/axum-server-broken.md:11:11: error[E0433]:" in result.stdout
    _, again = snippets_json(str(FIXTURES))
    assert again["summary"]["cargo_runs"] == 0
    assert all(s["cached"] for s in again["snippets"] if s["profile"])
    strip = [{k: v for k, v in s.items() if k != "cached"} for s in fixtures_report["snippets"]]
    assert [{k: v for k, v in s.items() if k != "cached"} for s in again["snippets"]] == strip


def test_time_limit_kills_cargo_and_reports_timeout(tmp_path: Path) -> None:
    page = tmp_path / "slow.md"
    page.write_text(f"# Slow\n\n```rust\nfn main() {{ let _ = \"{tmp_path.name}\"; }}\n```\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "WEBYET_CARGO_TARGET": str(tmp_path / "target")}
    code, report = snippets_json(str(page), "--timeout", "0.05", env=env)
    assert code == 1
    (snippet,) = report["snippets"]
    assert snippet["status"] == "timeout" and snippet["diagnostics"][0]["line"] == 3


def test_without_cargo_snippets_are_not_checked(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run_cli("snippets", str(FIXTURES / "syntax-fixed.md"), env=env)
    assert result.returncode == 0
    assert "cargo not found: 1 snippets not checked" in result.stderr


def test_the_sites_own_snippets_pass() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    _, report = snippets_json()
    paths = {s["path"] for s in report["snippets"] if s["status"] == "pass"}
    assert {"content/patterns/error-enum.md", "snippets/web/hello_axum.rs"} <= paths


def test_check_includes_snippets_unless_told_not_to(project_copy: Path) -> None:
    page = project_copy / "content" / "patterns" / "error-enum.md"
    lines = page.read_text().splitlines()
    page.write_text("\n".join(lines) + "\n\n```rust\nfn main() { let x: u8 = 300u16; }\n```\n")
    result = run_cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert f"content/patterns/error-enum.md:{len(lines) + 3}:25: error[E0308]" in result.stdout
    assert run_cli("check", "--no-snippets", cwd=project_copy).returncode == 0


MERGEABLE = """# Merge

```rust
let total: u32 = [1, 2, 3].iter().sum();
assert_eq!(total, 6);
```

```rust
fn double(x: i32) -> i32 { x * 2 }
let _ = double(2);
```
"""


def test_mergeable_snippets_are_checked_in_one_crate(tmp_path: Path) -> None:
    page = tmp_path / "merge.md"
    page.write_text(MERGEABLE)
    code, report = snippets_json("--no-cache", str(page))
    assert code == 0
    assert report["summary"]["cargo_runs"] == 1  # one crate of modules, not one bin each
    assert [s["status"] for s in report["snippets"]] == ["pass", "pass"]


def test_a_failure_in_a_merged_crate_is_attributed_to_its_snippet(tmp_path: Path) -> None:
    page = tmp_path / "merge.md"
    page.write_text(MERGEABLE + '\n```rust\nlet n: u8 = "not a number";\n```\n')
    code, report = snippets_json("--no-cache", str(page))
    assert code == 1
    assert report["summary"]["cargo_runs"] == 2  # the merged try, then one bin each
    statuses = [(s["line"], s["status"]) for s in report["snippets"]]
    assert statuses == [(3, "pass"), (8, "pass"), (13, "fail")]
    assert errors(report["snippets"][2]) == [(14, 13, "E0308")]
