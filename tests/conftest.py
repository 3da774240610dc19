from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import webyet

from .preview import ROOT, copy_project

CORPUS = Path(__file__).resolve().parent / "corpus"

TOPIC = """---
title: Web frameworks
kind: topic
summary: Server-side frameworks.
verdict: not-yet
verdict_reason: Fixture topic.
criteria: [A fixture criterion.]
last_reviewed: 2026-01-01
---
"""


def make_content(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A content folder with one valid topic plus `files` (paths under the content folder)."""
    content = tmp_path / "content"
    (content / "topics").mkdir(parents=True)
    (content / "topics" / "web-frameworks.md").write_text(TOPIC)
    for rel, text in (files or {}).items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)
    return content


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 900,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real `webyet` command, in a child process, as a user would run it: the same webyet
    the tests import (a mutation-testing copy, too)."""
    package_root = str(Path(webyet.__file__).resolve().parent.parent)
    base = dict(os.environ if env is None else env)
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, base.get("PYTHONPATH", "")]))
    if base.get("MUTANT_UNDER_TEST") == "stats":  # mutmut records coverage in-process only
        del base["MUTANT_UNDER_TEST"]
    return subprocess.run([sys.executable, "-m", "webyet.cli", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=timeout, env=base)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the site sources to build or break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per test session with `webyet build`."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"
