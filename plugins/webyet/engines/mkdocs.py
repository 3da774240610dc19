"""MkDocs 1.6 with Material: runs the webyet plugin itself."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "mkdocs"
RUNS_WEBYET_PLUGIN = True


def build_command(config: Path, site_dir: Path, strict: bool) -> list[str]:
    return [sys.executable, "-m", NAME, "build", "--clean", "-f", str(config), "-d", str(site_dir),
            "--strict" if strict else "--no-strict"]


def serve_command(config: Path, addr: str) -> list[str]:
    # Click >= 8.2.2 turned MkDocs 1.6's default live reload off.
    return [sys.executable, "-m", NAME, "serve", "-f", str(config), "-a", addr, "--livereload"]
