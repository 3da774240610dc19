"""Verified compatibility: a page per profile with the exact locked versions, from real results."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from webyet.profiles import load_profiles
from webyet.render.compat import compat_pages, examples_line
from webyet.render.html import Links
from webyet.snippets.check import SnippetResult
from webyet.snippets.extract import SnippetRegion
from webyet.snippets.infostring import parse_info

from .preview import ROOT

PROFILES, _ = load_profiles(ROOT / "snippets" / "profiles")


def result(status: str, profile: str = "web", path: Path = ROOT / "content" / "x.md") -> SnippetResult:
    region = SnippetRegion(path, "content/x.md", 3, parse_info("rust"), ())
    return SnippetResult(region, status, profile=profile, crates={"axum": "0.8.x"}, checked="2026-11-30")


def test_a_profile_page_gives_the_locked_versions_rustc_date_and_count() -> None:
    pages = compat_pages({"web": PROFILES["web"]}, [result("pass"), result("fail"), result("ignored")],
                         "rustc 1.95.0 (abc 2026-01-01)", Links(), ROOT / "content")
    page = pages["compatibility/web.md"]
    lock = tomllib.loads((ROOT / "snippets/profiles/web/Cargo.lock").read_text())
    axum = next(p["version"] for p in lock["package"] if p["name"] == "axum")
    assert f"<td><code>axum</code></td><td>{axum}</td>" in page
    assert "1 of 2 Rust blocks" in page and "rustc 1.95.0" in page and "checked 2026-11-30" in page


def test_no_passing_result_makes_no_claim() -> None:
    pages = compat_pages({"web": PROFILES["web"]}, [result("fail"), result("unchecked")], "rustc 1.95.0",
                         Links(), ROOT / "content")
    assert "makes no claim" in pages["compatibility/web.md"]
    assert "<code>axum</code>" not in pages["compatibility/web.md"]
    assert "no claim: nothing passed" in pages["compatibility/index.md"]


def test_an_entry_names_the_versions_its_own_examples_passed_with() -> None:
    line = examples_line([result("pass"), result("fail", profile="db")], PROFILES, "rustc 1.95.0 (x)",
                         Links(), "frameworks/axum.md")
    assert line.startswith(f"axum {PROFILES['web'].crates['axum']} with rustc 1.95.0, 2026-11-30")
    assert 'href="../../compatibility/web/"' in line and "profile db" not in line
    assert examples_line([result("fail")], PROFILES, "rustc", Links(), "frameworks/axum.md") == ""


def test_the_site_has_a_compatibility_page_for_every_profile(built_site: Path) -> None:
    for profile in sorted((ROOT / "snippets" / "profiles").glob("*/Cargo.toml")):
        page = built_site / "compatibility" / profile.parent.name / "index.html"
        assert page.is_file(), profile.parent.name
    axum = (built_site / "frameworks" / "axum" / "index.html").read_text()
    assert re.search(r"Examples checked with</th><td>axum \d+\.\d+\.\d+", axum)
