"""Checked migration pages: old code compiles on the previous major, fails on the current one
with the stated error codes, and the fix compiles."""

from __future__ import annotations

import re
from pathlib import Path

from webyet.freshness.pins import pinned_versions
from webyet.profiles import load_profiles
from webyet.snippets.extract import regions_in_markdown
from webyet.snippets.profiles import choose_profile

from .preview import ROOT

PROFILES_DIR = ROOT / "snippets" / "profiles"
PAGES = sorted((ROOT / "content" / "patterns").glob("migrating-to-*.md"))


def test_three_migration_pages_each_show_before_failing_and_after(built_site: Path) -> None:
    profiles, _ = load_profiles(PROFILES_DIR)
    assert len(PAGES) >= 3
    for page in PAGES:
        regions = regions_in_markdown(page.read_text(), page, page.name)
        assert len(regions) == 3, page.name
        before, failing, after = (r.info for r in regions)
        assert profiles[before.profile].previous, f"{page.name}: the first block uses a previous major"
        assert failing.compile_fail and failing.error_codes and not failing.profile
        assert not after.compile_fail and not after.profile
        html = (built_site / "patterns" / page.stem / "index.html").read_text()
        verdicts = re.findall(r'class="wy-snippet wy-snippet-(\w+)"', html)
        assert verdicts == ["pass", "pass", "pass"], (page.name, verdicts)


def test_a_previous_major_is_used_only_when_a_block_names_it() -> None:
    profiles, _ = load_profiles(PROFILES_DIR)
    previous = {name for name, p in profiles.items() if p.previous}
    assert {"axum07", "seaorm1", "sqlx08"} <= previous
    chosen, _ = choose_profile("use axum::Router;\nfn main() {}\n", "", profiles)
    assert chosen is not None and chosen.name not in previous
    asked, _ = choose_profile("use axum::Router;\nfn main() {}\n", "axum07", profiles)
    assert asked is not None and asked.name == "axum07"
    pins = pinned_versions(PROFILES_DIR)
    assert not any(v.startswith("0.7.") for v in pins["axum"])  # freshness sees the current pins only
