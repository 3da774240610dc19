"""CI shards: each checks one profile's blocks with its own cache; merging the shards' result
folders (the cache is keyed by content, so merging is copying) leaves nothing to check."""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path

from webyet.snippets.cargo import target_dir

from ..conftest import copy_project, run_cli


def snippets(project: Path, cache: Path, *args: str) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "WEBYET_CARGO_TARGET": str(target_dir())}
    result = run_cli("snippets", "content/shards", "--format", "json", *args, cwd=project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_two_shards_merge_into_a_complete_cache(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content" / "shards").mkdir()
    marker = secrets.randbelow(10**9)
    (project / "content" / "shards" / "plain.md").write_text(
        f"---\ntitle: Plain\n---\n\n```rust\nlet only_std_{marker} = {marker}u64;\n```\n")
    web = f"let router: axum::Router = axum::Router::new(); // {marker}"
    (project / "content" / "shards" / "web.md").write_text(f"---\ntitle: Web\n---\n\n```rust\n{web}\n```\n")
    shard_a = snippets(project, tmp_path / "a", "--profile", "std")
    shard_b = snippets(project, tmp_path / "b", "--profile", "web")
    assert [s["profile"] for s in shard_a["snippets"]] == ["std"]
    assert [s["profile"] for s in shard_b["snippets"]] == ["web"]
    assert not any(s["cached"] for s in shard_a["snippets"] + shard_b["snippets"])
    merged = tmp_path / "merged" / "webyet" / "results"
    for shard in ("a", "b"):
        shutil.copytree(tmp_path / shard / "webyet" / "results", merged, dirs_exist_ok=True)
    everything = snippets(project, tmp_path / "merged")
    assert {s["profile"] for s in everything["snippets"]} == {"std", "web"}
    assert all(s["cached"] and s["status"] == "pass" for s in everything["snippets"])
    assert everything["summary"]["cargo_runs"] == 0
