"""MkDocs 1.6 with Material: runs the webyet plugin itself."""

from __future__ import annotations

import sys
from pathlib import Path

from . import mkdocs_cli_build

NAME = "mkdocs"
RUNS_WEBYET_PLUGIN = True


def build_command(config: Path, site_dir: Path, strict: bool) -> list[str]:
    return mkdocs_cli_build(NAME, config, site_dir, strict)


def serve_command(config: Path, addr: str) -> list[str]:
    # Click >= 8.2.2 turned MkDocs 1.6's default live reload off. `--dirty`: a rebuild renders
    # only the pages the webyet plugin says changed (see webyet.incremental). `--no-strict`: a
    # preview shows problems and keeps serving (`webyet check` and `build` stay strict).
    return [sys.executable, "-m", NAME, "serve", "-f", str(config), "-a", addr, "--livereload",
            "--dirty", "--no-strict"]
