"""Zensical: reads mkdocs.yml but ignores MkDocs plugins, so it builds the staged tree.

Its `build` has no output option: the staged `mkdocs.yml` sets `site_dir: site` inside the
staged folder (Zensical refuses a site_dir outside the config's folder)."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "zensical"
RUNS_WEBYET_PLUGIN = False


def build_command(config: Path, site_dir: Path, strict: bool) -> list[str]:
    return [sys.executable, "-m", NAME, "build", "-f", str(config), "--clean",
            *(["--strict"] if strict else [])]


def serve_command(config: Path, addr: str) -> list[str]:
    return [sys.executable, "-m", NAME, "serve", "-f", str(config), "-a", addr]
