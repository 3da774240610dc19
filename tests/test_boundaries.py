"""The edges of the published rules, and of the result cache: exactly where a flag starts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from webyet.freshness.attach import load_with_registry
from webyet.freshness.flags import STALE_DAYS, behind, flags_for
from webyet.profiles import load_profiles
from webyet.snippets.cache import ResultCache, result_key
from webyet.snippets.extract import regions_in_markdown
from webyet.snippets.wrap import wrap

from .conftest import ROOT, make_content
from .test_views import entry

AS_OF = dt.date(2026, 6, 1)


def flags(tmp_path: Path, newest: str, released: dt.date, pinned: str = "") -> set[str]:
    pins = {pinned: False} if pinned else {}
    return {rule for rule, *_ in flag_list(tmp_path, newest, released, pins, AS_OF)}


def test_stale_starts_after_exactly_24_months(tmp_path: Path) -> None:
    assert STALE_DAYS == 730
    assert "stale" not in flags(tmp_path / "a", "1.0.0", AS_OF - dt.timedelta(days=730))
    assert "stale" in flags(tmp_path / "b", "1.0.0", AS_OF - dt.timedelta(days=731))


@pytest.mark.parametrize(("pinned", "newest", "is_behind"), [
    ("0.7.3", "0.8.9", False),  # one minor behind (0.x): not yet
    ("0.7.3", "0.9.0", True),  # two minors behind
    ("0.7.3", "0.7.9", False),
    ("1.4.0", "1.99.0", False),  # minors of 1.x do not count
    ("1.4.0", "2.0.0", True),  # a major behind
    ("0.9.5", "1.0.0", True),  # 0.x to 1.0 is a major
])
def test_behind_is_two_minors_or_a_major(pinned: str, newest: str, is_behind: bool) -> None:
    assert behind(pinned, newest) is is_behind


def test_the_behind_flag_follows_the_pins(tmp_path: Path) -> None:
    assert "snippets-behind" not in flags(tmp_path / "a", "0.8.0", AS_OF, pinned="0.7.0")
    assert "snippets-behind" in flags(tmp_path / "b", "0.9.0", AS_OF, pinned="0.7.0")


def test_the_cache_key_depends_on_the_profile_and_its_files() -> None:
    profiles, _ = load_profiles(ROOT / "snippets" / "profiles")
    (region,) = regions_in_markdown("```rust\nfn main() {}\n```\n", Path("x.md"), "x.md")
    wrapped = wrap(region.lines)
    keys = {result_key(wrapped, "compile", profiles[name]) for name in ("std", "web", "libs")}
    assert len(keys) == 3
    std = profiles["std"]
    changed = type(std)(**{**std.__dict__, "lock": std.lock + "\n# changed\n"})
    assert result_key(wrapped, "compile", changed) != result_key(wrapped, "compile", std)


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "results", enabled=False)
    cache.put("ab" * 32, {"compiled": True, "messages": []})
    assert not (tmp_path / "results").exists()
    enabled = ResultCache(tmp_path / "results")
    enabled.put("ab" * 32, {"compiled": True, "messages": []})
    assert enabled.get("ab" * 32) is not None and cache.get("ab" * 32) is None


def flag_list(tmp_path: Path, newest: str, released: dt.date, pinned: dict[str, bool], today: dt.date,
              reviewed: str = "2026-01-01") -> list[tuple[str, str, str, str]]:
    content = make_content(tmp_path, {"tooling/lib.md": entry("lib", kind="library", topics="[]")
                                      .replace("last_reviewed: 2026-01-01", f"last_reviewed: {reviewed}")})
    facts = {"downloads_90d": None, "downloads_total": None, "first_release": "2020-01-01", "license": None,
             "newest_release": released.isoformat(), "newest_version": newest, "pinned": pinned,
             "repository": None, "rust_version": None, "source": "index"}
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "crates.json").write_text(json.dumps(
        {"as_of": AS_OF.isoformat(), "snapshot_version": 1, "crates": {"lib": facts}}))
    catalog = load_with_registry(content)
    return [(f.rule.id, f.message, f.key, f.severity.value)
            for f in flags_for(catalog.entries["lib"], catalog, today)]


def test_each_flag_says_what_and_where(tmp_path: Path) -> None:
    """Messages, the front-matter key each points at, severities; stale counts to the snapshot's
    day, not today's; a pin missing from the snapshot is not yanked."""
    found = flag_list(tmp_path, "0.9.0", AS_OF - dt.timedelta(days=900), {"0.7.0": False, "0.8.9": True},
                      today=AS_OF + dt.timedelta(days=400),
                      reviewed=(AS_OF - dt.timedelta(days=1)).isoformat())
    assert found == [
        ("needs-review", "last reviewed 2026-05-31 (401 days ago)", "last_reviewed", "warning"),
        ("stale", "no release since 2023-12-14 (30 months before the snapshot)", "status", "warning"),
        ("snippets-behind", "snippets use 0.7.0, newest is 0.9.0", "crate", "warning"),
        ("yanked-pin", "snippets pin lib 0.8.9, which is yanked", "crate", "error"),
    ]
    quiet = flag_list(tmp_path / "b", "0.9.0", AS_OF, {}, today=AS_OF + dt.timedelta(days=365),
                      reviewed=AS_OF.isoformat())
    assert quiet == []  # reviewed exactly 365 days ago is not due yet; nothing pinned, nothing yanked
