"""Dependency profiles: reviewed cargo manifests under `snippets/profiles/<name>/`.

A snippet never adds a dependency; it is checked against the one profile that has every crate
it names. Profiles are separate packages (not a workspace) because crates with the same `links`
key (sqlx-sqlite, diesel's libsqlite3) cannot share one dependency graph. Read by the snippet
checker and by the freshness rules (which versions are pinned, which are held back).
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .versions import major_minor


@dataclass(frozen=True)
class Profile:
    name: str
    folder: Path
    manifest: str  # Cargo.toml text
    lock: str  # Cargo.lock text
    crates: dict[str, str] = field(default_factory=dict)  # crate (as used in code) → locked version
    packages: dict[str, str] = field(default_factory=dict)  # registry name → pinned version
    rank: int = 50  # [package.metadata.webyet] rank: lower wins when several profiles fit
    held: dict[str, str] = field(default_factory=dict)  # [package.metadata.webyet.held] crate → why
    # [package.metadata.webyet.accepted-advisories] advisory id → why it does not touch the examples
    accepted: dict[str, str] = field(default_factory=dict)
    # [package.metadata.webyet] previous = "why": an older major kept for migration pages. Only
    # blocks that name it (`profile=NAME`) use it, and freshness ignores its pins.
    previous: str = ""

    @property
    def schema(self) -> Path | None:
        """`schema.sql` beside the manifest: a SQLite database for sqlx's `query!` is made from it."""
        path = self.folder / "schema.sql"
        return path if path.is_file() else None

    def fingerprint(self) -> str:
        parts = [self.manifest, self.lock, self.schema.read_text() if self.schema else ""]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def shown_version(self, crate: str) -> str:
        """`0.8.9` → `0.8.x`, `1.54.1` → `1.x`: what a reader may rely on."""
        version = self.crates.get(crate)
        if version is None:
            return "?"
        major, minor = major_minor(version)
        return f"0.{minor}.x" if major == 0 else f"{major}.x"


def load_profiles(folder: Path) -> tuple[dict[str, Profile], list[str]]:
    """Every profile under `folder` (`snippets/profiles`), and problems with them. Read once
    per state of the files (a build asks several times; an edit is seen at once)."""
    manifests = sorted(folder.glob("*/Cargo.*"))
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in manifests)
    return _load_profiles(folder, signature)


@functools.lru_cache(maxsize=8)
def _load_profiles(folder: Path, signature: tuple[tuple[str, int, int], ...]
                   ) -> tuple[dict[str, Profile], list[str]]:
    profiles: dict[str, Profile] = {}
    problems: list[str] = []
    for manifest_path in sorted(folder.glob("*/Cargo.toml")):
        name = manifest_path.parent.name
        lock_path = manifest_path.with_name("Cargo.lock")
        try:
            manifest = manifest_path.read_text(encoding="utf-8")
            data = tomllib.loads(manifest)
            lock = tomllib.loads(lock_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            problems.append(f"{manifest_path.parent}: {err}")
            continue
        versions = {p["name"]: p["version"] for p in lock.get("package", [])}
        crates, packages = {}, {}
        for dep, spec in data.get("dependencies", {}).items():
            package = spec.get("package", dep) if isinstance(spec, dict) else dep
            requirement = str(spec.get("version", "") if isinstance(spec, dict) else spec)
            # A lock can hold several versions of one crate; the pinned one is `=x.y.z`.
            version = requirement[1:] if requirement.startswith("=") else versions.get(package, "?")
            crates[dep.replace("-", "_")] = packages[package] = version
        meta = data.get("package", {}).get("metadata", {}).get("webyet", {})
        held = {str(k): str(v) for k, v in meta.get("held", {}).items()}
        accepted = {str(k): str(v) for k, v in meta.get("accepted-advisories", {}).items()}
        profiles[name] = Profile(name, manifest_path.parent, manifest, lock_path.read_text(), crates,
                                 packages, int(meta.get("rank", 50)), held, accepted,
                                 str(meta.get("previous", "")))
    return profiles, problems


def lock_packages(lock: str) -> dict[str, list[str]]:
    """Every package a Cargo.lock pins (direct or transitive): name → its versions."""
    found: dict[str, list[str]] = {}
    for package in tomllib.loads(lock).get("package", []):
        found.setdefault(package["name"], []).append(package["version"])
    return found
