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


def sort_key(version: str) -> tuple[tuple[int, ...], int, tuple[tuple[int, int, str], ...]]:
    """Orders versions as semver does: releases after their pre-releases, `alpha.10` after
    `alpha.9` (numeric identifiers compare as numbers, and below alphanumeric ones)."""
    pre = version.split("+", 1)[0].partition("-")[2]
    identifiers = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split(".")) if pre else ()
    return release_parts(version), 0 if pre else 1, identifiers


def major_minor(version: str) -> tuple[int, int]:
    parts = [*release_parts(version), 0, 0]
    return parts[0], parts[1]


def satisfies(version: str, requirement: str) -> bool:
    """Whether `version` meets a Cargo version requirement (`>= 1.2.3, < 2`, `^0.4`, `~1.2`,
    `=1.0.0`, a bare `1.2.3` meaning `^1.2.3`, `*`). Comma-separated parts must all hold."""
    return all(_meets(version, part.strip()) for part in requirement.split(",") if part.strip())


def _meets(version: str, part: str) -> bool:
    for op in (">=", "<=", ">", "<", "=", "^", "~"):
        if part.startswith(op):
            bound = part[len(op):].strip()
            break
    else:
        op, bound = "^", part
    if bound in ("*", ""):
        return True
    given = [int(p) if p.isdigit() else 0 for p in bound.split("+")[0].split("-")[0].split(".") if p != "*"]
    low = sort_key(".".join(str(p) for p in [*given, 0, 0][:3]) + _pre(bound))
    key = sort_key(version)
    if op in (">=", ">", "<=", "<", "="):
        if op == "=" and len(given) < 3:  # `=1.2` means any 1.2.x
            return low <= key < _next(given, len(given) - 1)
        return {">=": key >= low, ">": key > low, "<=": key <= low, "<": key < low, "=": key == low}[op]
    if op == "~":  # ~1.2.3 and ~1.2: same minor; ~1: same major
        return low <= key < _next(given, min(len(given), 2) - 1)
    # ^: the left-most non-zero part stays (^0.2.3: 0.2.x; ^0.0.3: 0.0.3 only; ^1.2: 1.x)
    first = next((i for i, p in enumerate(given) if p != 0), len(given) - 1)
    return low <= key < _next(given, first)


def _pre(bound: str) -> str:
    core = bound.split("+")[0]
    return "-" + core.split("-", 1)[1] if "-" in core else ""


def _next(given: list[int], index: int) -> tuple[tuple[int, ...], int, tuple[tuple[int, int, str], ...]]:
    """The smallest version above every version that keeps parts[0..index] (a pre-release of it
    counts as above, as Cargo's bounds exclude the next version's pre-releases too)."""
    parts = [*given, 0, 0][:3]
    parts[index] += 1
    for i in range(index + 1, 3):
        parts[i] = 0
    return sort_key(".".join(map(str, parts)) + "-0")
