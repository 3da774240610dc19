"""The versions the snippet profiles pin, by registry crate name."""

from __future__ import annotations

from pathlib import Path

from ..profiles import load_profiles


def pinned_versions(profiles_dir: Path) -> dict[str, set[str]]:
    """crate name → versions that some profile pins as a direct dependency."""
    pins: dict[str, set[str]] = {}
    for profile in load_profiles(profiles_dir)[0].values():
        if profile.previous:
            continue  # an older major on purpose, for a migration page
        for package, version in profile.packages.items():
            pins.setdefault(package, set()).add(version)
    return pins


def held_pins(profiles_dir: Path) -> dict[str, str]:
    """crate name → why a profile deliberately keeps an older version (no "behind" flag)."""
    return {crate: why for profile in load_profiles(profiles_dir)[0].values()
            for crate, why in profile.held.items()}
