"""The versions the snippet profiles pin (their committed Cargo.lock files), by crate name."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


def _requirement(spec: Any) -> str:
    return str(spec.get("version", "") if isinstance(spec, dict) else spec).strip()


def pinned_versions(profiles_dir: Path) -> dict[str, set[str]]:
    """crate name → versions locked as direct dependencies of some profile.

    A lock may hold several versions of a crate (one direct, others pulled in by other
    crates); the direct one is the version its `=x.y.z` requirement names.
    """
    pins: dict[str, set[str]] = {}
    for manifest in sorted(profiles_dir.glob("*/Cargo.toml")):
        lock = manifest.with_name("Cargo.lock")
        if not lock.is_file():
            continue
        direct = {name: _requirement(spec)
                  for name, spec in tomllib.loads(manifest.read_text()).get("dependencies", {}).items()}
        locked: dict[str, set[str]] = {}
        for package in tomllib.loads(lock.read_text()).get("package", []):
            locked.setdefault(package["name"], set()).add(package["version"])
        for name, requirement in direct.items():
            exact = requirement.removeprefix("=")
            versions = {exact} if requirement.startswith("=") else locked.get(name, set())
            pins.setdefault(name, set()).update(versions & locked.get(name, set()) or versions)
    return pins
