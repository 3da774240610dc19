"""ProperDocs, the MkDocs 1.x fork: loads the webyet plugin from the same entry point."""

from __future__ import annotations

import sys
from pathlib import Path

from . import mkdocs_cli_build

NAME = "properdocs"
RUNS_WEBYET_PLUGIN = True


def build_command(config: Path, site_dir: Path, strict: bool) -> list[str]:
    return mkdocs_cli_build(NAME, config, site_dir, strict)


def serve_command(config: Path, addr: str) -> list[str]:
    return [sys.executable, "-m", NAME, "serve", "-f", str(config), "-a", addr, "--dirty", "--no-strict"]
