"""The snippet pipeline without cargo: info strings, regions, line maps, profile choice."""

from __future__ import annotations

from pathlib import Path

from webyet.profiles import load_profiles
from webyet.snippets.extract import regions_in_markdown
from webyet.snippets.infostring import parse_info
from webyet.snippets.profiles import choose_profile
from webyet.snippets.wrap import wrap

from ..conftest import ROOT

PROFILES, _ = load_profiles(ROOT / "snippets" / "profiles")


def test_info_strings_follow_rustdoc() -> None:
    info = parse_info("rust,compile_fail,E0382")
    assert info.is_rust and info.compile_fail and info.error_codes == ("E0382",)
    assert parse_info('rust ignore reason="needs a server"').reason == "needs a server"
    assert parse_info("rust,edition2021").edition == "2021"
    assert parse_info("rust profile=web").profile == "web"
    assert parse_info("compile_fail").is_rust  # rustdoc's untagged form
    assert not parse_info("python").is_rust and not parse_info("").is_rust
    assert parse_info("rust,ignore").problems  # a reason is required
    assert parse_info("rust,compile-fail").problems  # a typo is not silently ignored


def test_hidden_and_indented_lines_keep_their_columns() -> None:
    text = "1. item\n\n    ```rust\n    # let a = 1;\n    ##[derive(Debug)]\n    let b = a;\n    ```\n"
    (region,) = regions_in_markdown(text, Path("x.md"), "x.md")
    assert region.line == 3
    hidden, escaped, plain = region.lines
    assert (hidden.text, hidden.line, hidden.col, hidden.hidden) == ("let a = 1;", 4, 6, True)
    assert (escaped.text, escaped.line) == ("#[derive(Debug)]", 5)
    assert (plain.text, plain.line, plain.col) == ("let b = a;", 6, 4)
    assert region.shown == "#[derive(Debug)]\nlet b = a;\n"


def test_wrapping_keeps_an_exact_line_map() -> None:
    text = "```rust\n#![allow(dead_code)]\nlet x = 1;\nlet y = x.await;\n```\n"
    (region,) = regions_in_markdown(text, Path("x.md"), "x.md")
    wrapped = wrap(region.lines)
    generated = wrapped.source.splitlines()
    mapped = {}
    for number, line in enumerate(generated, start=1):
        origin = wrapped.locate(number)
        if origin is not None:
            assert line == origin.text and text.splitlines()[origin.line - 1] == line
            mapped[origin.line] = number
    assert sorted(mapped) == [2, 3, 4]  # every snippet line maps back, each to its own file line
    assert generated[1] == "#![allow(dead_code)]"  # crate attributes stay at crate level
    assert "async fn" in wrapped.source  # `.await` needs an async body
    assert wrapped.locate(len(generated)) is None


def test_profile_is_inferred_from_the_crates_named() -> None:
    def pick(code: str) -> str:
        profile, why = choose_profile(code, "", PROFILES)
        return profile.name if profile else why

    assert pick("use std::fmt;\nimpl fmt::Display for X {}") == "std"
    assert pick("use axum::Router;\n#[tokio::main]\nasync fn main() {}") == "web"
    assert pick("let pool = sqlx::SqlitePool::connect(url);") == "sqlx"
    assert pick("use diesel::prelude::*;") == "diesel"
    assert pick("use tower_http::cors::CorsLayer;") == "web"  # `-` in a dependency name is `_`
    mixed = pick("use axum::Router;\nuse diesel::prelude::*;")
    assert "no single profile has axum, diesel" in mixed
    assert all(name in mixed.split("profiles: ")[-1] for name in ("diesel", "sqlx", "std", "web"))
    assert "crate `no_such_crate` is in no profile" in pick("use no_such_crate::random;")
    # inside a use tree only the first segment is a crate (`http` is also a profile's crate)
    assert pick("use axum::{http::StatusCode, Router};\nlet s = StatusCode::OK;") == "web"
    assert "no profile `nope`" in choose_profile("", "nope", PROFILES)[1]
