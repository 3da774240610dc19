"""The versions the snippet profiles pin (their committed Cargo.lock files), by crate name."""

from __future__ import annotations

import tomllib
from pathlib import Path


def pinned_versions(profiles_dir: Path) -> dict[str, set[str]]:
    """crate name → versions locked as direct dependencies of some profile."""
    pins: dict[str, set[str]] = {}
    for manifest in sorted(profiles_dir.glob("*/Cargo.toml")):
        lock = manifest.with_name("Cargo.lock")
        if not lock.is_file():
            continue
        direct = set(tomllib.loads(manifest.read_text()).get("dependencies", {}))
        for package in tomllib.loads(lock.read_text()).get("package", []):
            if package["name"] in direct:
                pins.setdefault(package["name"], set()).add(package["version"])
    return pins
