"""ProperDocs, the MkDocs 1.x fork: loads the webyet plugin from the same entry point."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "properdocs"
RUNS_WEBYET_PLUGIN = True


def build_command(config: Path, site_dir: Path, strict: bool) -> list[str]:
    return [sys.executable, "-m", NAME, "build", "--clean", "-f", str(config), "-d", str(site_dir),
            "--strict" if strict else "--no-strict"]


def serve_command(config: Path, addr: str) -> list[str]:
    return [sys.executable, "-m", NAME, "serve", "-f", str(config), "-a", addr]
