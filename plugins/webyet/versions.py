"""Semantic versions as the registry publishes them: one parser for every part of webyet."""

from __future__ import annotations


def is_pre_release(version: str) -> bool:
    """A pre-release has `-` before any `+` build metadata: 1.0.0-rc.1 is one,
    1.2.2+spec-1.1.0 (toml's style) is not."""
    return "-" in version.split("+", 1)[0]


def release_parts(version: str) -> tuple[int, ...]:
    """`1.2.3-rc.1+meta` → (1, 2, 3); a non-numeric part counts as 0."""
    core = version.split("+", 1)[0].split("-", 1)[0]
    return tuple(int(p) if p.isdigit() else 0 for p in core.split("."))


def sort_key(version: str) -> tuple[tuple[int, ...], int, tuple[tuple[int, str], ...]]:
    """Orders versions as semver does: releases after their pre-releases, `alpha.10` after
    `alpha.9` (numeric identifiers compare as numbers)."""
    pre = version.split("+", 1)[0].partition("-")[2]
    identifiers = tuple((int(p), "") if p.isdigit() else (-1, p) for p in pre.split(".")) if pre else ()
    return release_parts(version), 0 if pre else 1, identifiers


def major_minor(version: str) -> tuple[int, int]:
    parts = [*release_parts(version), 0, 0]
    return parts[0], parts[1]
