"""Semantic versions and Cargo requirements, as the registry and RustSec write them."""

from __future__ import annotations

import pytest

from webyet.versions import is_pre_release, major_minor, release_parts, satisfies, sort_key


def test_release_parts_and_major_minor() -> None:
    assert release_parts("1.2.3-rc.1+meta") == (1, 2, 3)
    assert release_parts("0.x.7") == (0, 0, 7)
    assert major_minor("2") == (2, 0) and major_minor("0.8.9") == (0, 8)
    assert is_pre_release("1.0.0-rc.1") and not is_pre_release("1.2.2+spec-1.1.0")


def test_sort_key_orders_as_semver() -> None:
    ordered = ["0.9.0", "1.0.0-0", "1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-alpha.10", "1.0.0-alpha.beta",
               "1.0.0-beta", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"]  # the semver spec's order
    assert sorted(reversed(ordered), key=sort_key) == ordered
    assert sort_key("1.0.0+build") == sort_key("1.0.0")


@pytest.mark.parametrize(("version", "requirement", "expected"), [
    ("1.2.3", ">= 1.2.3", True), ("1.2.2", ">= 1.2.3", False),
    ("1.2.4", "> 1.2.3", True), ("1.2.3", "> 1.2.3", False),
    ("1.2.3", "<= 1.2.3", True), ("1.2.4", "<= 1.2.3", False),
    ("1.2.2", "< 1.2.3", True), ("1.2.3", "< 1.2.3", False),
    ("1.2.3", "=1.2.3", True), ("1.2.4", "=1.2.3", False),
    ("1.2.9", "=1.2", True), ("1.3.0", "=1.2", False), ("1.2.0", "=1", True), ("2.0.0", "=1", False),
    ("1.9.0", "^1.2.3", True), ("2.0.0", "^1.2.3", False), ("1.2.2", "^1.2.3", False),
    ("0.2.9", "^0.2.3", True), ("0.3.0", "^0.2.3", False), ("0.2.2", "^0.2.3", False),
    ("0.0.3", "^0.0.3", True), ("0.0.4", "^0.0.3", False),
    ("1.2.9", "~1.2.3", True), ("1.3.0", "~1.2.3", False), ("1.2.2", "~1.2.3", False),
    ("1.9.9", "~1", True), ("2.0.0", "~1", False),
    ("1.4.0", "1.2", True), ("2.0.0", "1.2", False),  # bare = caret
    ("5.0.0", "*", True), ("0.0.1", "", True),
    ("1.5.0", ">= 1.2, < 2", True), ("2.0.0", ">= 1.2, < 2", False), ("1.1.0", ">= 1.2, < 2", False),
    ("0.104.0-alpha.6", ">= 0.104.0-alpha.6", True), ("0.104.0-alpha.5", ">= 0.104.0-alpha.6", False),
    ("2.0.0-rc.1", "^1.2", False),  # the next major's pre-releases are outside the caret range
])
def test_requirements(version: str, requirement: str, expected: bool) -> None:
    assert satisfies(version, requirement) is expected
