"""The `webyet` command as contributors use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from webyet.catalog import KIND_DIRS

from .conftest import copy_project, make_content, run_cli


def test_check_passes_on_the_site() -> None:
    result = run_cli("check", "--no-snippets")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stderr


def test_check_json_format(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"frameworks/x.md": "---\ntitle: x\n---\n"})
    result = run_cli("check", "--no-snippets", "--format", "json", str(content), cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == len(report["problems"]) >= 1
    first = report["problems"][0]
    assert first["path"] == "content/frameworks/x.md" and first["line"] >= 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("check", str(tmp_path / "missing")).returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("new", "widget", "x").returncode == 2


@pytest.mark.parametrize(("kind", "depth"), [(k, "brief") for k in sorted(KIND_DIRS)]
                         + [(k, "full") for k in ("framework", "tool")])
def test_new_entry_passes_check(kind: str, depth: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_cli("new", kind, "My New Thing", "--depth", depth, cwd=project)
    assert result.returncode == 0, result.stderr
    created = project / result.stdout.strip()
    assert created == project / "content" / KIND_DIRS[kind] / "my-new-thing.md"
    check = run_cli("check", "--no-snippets", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    again = run_cli("new", kind, "My New Thing", cwd=project)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_check_path_inside_content_reports_only_that_path(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content" / "data" / "broken.md").write_text("---\ntitle: b\n---\n")
    assert run_cli("check", "--no-snippets", "content/frameworks", cwd=project).returncode == 0
    result = run_cli("check", "--no-snippets", "content/data", cwd=project)
    assert result.returncode == 1 and "content/data/broken.md:" in result.stdout


def test_export_writes_json_and_schema(tmp_path: Path) -> None:
    out = tmp_path / "out" / "catalog.json"
    result = run_cli("export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert {e["slug"] for e in data["entries"]} >= {"axum", "sqlx"}
    schema = json.loads((tmp_path / "out" / "catalog.schema.json").read_text())
    assert schema["properties"]["schema_version"]
