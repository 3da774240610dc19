"""The fifteen places where webyet disagreed with rustdoc (issue 11), one test each.

Cases that need a compiler run real cargo on the `std` profile; the differential test
(`test_differential.py`) also compares most of them with rustdoc itself.
"""

from __future__ import annotations

from pathlib import Path

from webyet.profiles import load_profiles
from webyet.snippets.badge import rewrite_page
from webyet.snippets.check import check_paths
from webyet.snippets.extract import CodeLine, regions_in_markdown, split_lines
from webyet.snippets.infostring import parse_info
from webyet.snippets.profiles import choose_profile, crates_named
from webyet.snippets.wrap import wrap

from ..conftest import ROOT

PROFILES, _ = load_profiles(ROOT / "snippets" / "profiles")


def lines(code: str) -> tuple[CodeLine, ...]:
    return tuple(CodeLine(text, n, 0) for n, text in enumerate(code.split("\n"), 1))


def profile_of(code: str) -> str:
    profile, why = choose_profile(code, "", PROFILES)
    return profile.name if profile else why


def check(tmp_path: Path, markdown: str, name: str = "case.md") -> list[tuple[str, set[str]]]:
    """(status, error codes) of each block, checked by real cargo."""
    path = tmp_path / name
    path.write_text(markdown)
    report = check_paths([path], ROOT, use_cache=False)
    return [(r.status, {d.code for d in r.diagnostics if d.level == "error"}) for r in report.results]


def block(code: str, info: str = "rust") -> str:
    return f"```{info}\n{code}\n```\n\n"


def test_case_01_crate_level_items_are_hoisted(tmp_path: Path) -> None:
    source = wrap(lines("#[macro_use] extern crate alloc;\nlet v = vec![1];")).source
    assert source.index("extern crate alloc") < source.index("fn main")
    assert check(tmp_path, block("#[macro_use] extern crate alloc;\nlet v = vec![1];")) == [("pass", set())]


def test_case_02_local_items_and_tool_attributes_are_not_crates() -> None:
    assert crates_named("enum Color {Red, Green}\nuse Color::*;\nlet c = Red;") == (set(), set())
    local_module = "mod handlers { pub fn hello() {} }\nuse handlers::hello;\nhello();"
    assert crates_named(local_module) == (set(), set())
    assert crates_named("#[rustfmt::skip]\nfn f() {}") == (set(), set())
    assert crates_named('#[diagnostic::on_unimplemented(message = "x")]\ntrait T {}') == (set(), set())
    assert profile_of("mod handlers { pub fn hello() {} }\nuse handlers::hello;") == "std"


def test_case_03_use_self_binds_a_module_not_a_crate() -> None:
    code = "use tokio::time::{self, Duration};\nuse sqlx::SqlitePool;\ntime::sleep(Duration::from_secs(1));"
    assert crates_named(code)[0] == {"tokio", "sqlx"}
    assert profile_of(code) == "sqlx"


def test_case_04_main_after_an_attribute_on_one_line() -> None:
    for code in ("#[allow(unused_mut)] fn main() {\n}", "#[tokio::main] async fn main() {\n}"):
        assert wrap(lines(code)).source.count("fn main") == 1


def test_case_05_a_tail_with_a_semicolon_is_a_statement(tmp_path: Path) -> None:
    assert "Result" not in wrap(lines("Ok::<(), std::io::Error>(());")).source
    assert check(tmp_path, block("Ok::<(), std::io::Error>(());")) == [("pass", set())]


def test_case_06_code_compiled_out_by_cfg_is_an_error_not_a_pass(tmp_path: Path) -> None:
    guarded = '# #[cfg(feature = "sqlite")]\nfn f() {\n    let x: u8 = "a type error";\n}'
    (status, codes), = check(tmp_path, block(guarded))
    assert status == "fail" and codes == {"vacuous"}
    all_hidden = "# fn hidden() {}\n# let y = 1;"
    assert check(tmp_path, block(all_hidden), "hidden.md") == [("fail", {"vacuous"})]
    never = '#[cfg(any())]\nfn never() { let x: u8 = "x"; }'
    assert check(tmp_path, block(never), "any.md") == [("fail", {"vacuous"})]


def test_case_07_unicode_line_separators_are_not_line_breaks() -> None:
    text = '```rust\nlet s = "a\u2028b";\nlet n: u8 = s;\n```\n'
    (region,) = regions_in_markdown(text, Path("x.md"), "x.md")
    assert [c.line for c in region.lines] == [2, 3]
    assert split_lines("a\u2028b\u0085c\nd") == ["a\u2028b\u0085c", "d"]


def test_case_08_a_quote_char_does_not_hide_later_crates() -> None:
    code = "let s = x.trim_matches('\"');\nlet v: serde_json::Value = serde_json::from_str(s).unwrap();"
    assert "serde_json" in crates_named(code)[0]
    assert profile_of(code) != "std"


def test_case_09_a_rust_file_without_main_is_checked_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "lib_style.rs").write_text(
        "pub mod outer {\n    pub fn f() -> u8 { super::g() }\n}\nfn g() -> u8 { 1 }\n")
    report = check_paths([tmp_path / "lib_style.rs"], ROOT, use_cache=False)
    assert [r.status for r in report.results] == ["pass"]


def test_case_10_highlight_options_are_accepted_and_passed_to_the_page() -> None:
    for info in ('rust title="x.rs"', 'rust hl_lines="2 3"', "{.rust .numberLines}", 'rust linenums="1"'):
        assert parse_info(info).is_rust and not parse_info(info).problems, info
    page = '```rust,no_run title="main.rs" hl_lines="2"\nlet a = 1;\nlet b = 2;\n```\n'
    (region,) = regions_in_markdown(page, Path("x.md"), "x.md")
    assert rewrite_page(page, [(region, "<p>ok</p>")]).startswith('```rust title="main.rs" hl_lines="2"\n')


def test_case_11_mains_signature_is_checked(tmp_path: Path) -> None:
    markdown = (block("async fn main() {}") + block("fn main() -> i32 {\n    0\n}")
                + block("struct Opaque;\nfn main() -> Result<(), Opaque> {\n    Ok(())\n}"))
    assert check(tmp_path, markdown) == [("fail", {"E0752"}), ("fail", {"E0277"}), ("fail", {"E0277"})]


def test_case_12_a_test_module_with_use_super_passes_and_is_type_checked(tmp_path: Path) -> None:
    good = "fn add(a: i32) -> i32 { a }\n#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n" \
           "    fn t() { assert_eq!(add(1), 1); }\n}"
    broken = good.replace("add(1)", "add(true)")
    assert check(tmp_path, block(good) + block(broken)) == [("pass", set()), ("fail", {"E0308"})]


def test_case_13_compile_fail_blocks_are_built(tmp_path: Path) -> None:
    post_mono = "fn check<T>() {\n    const { assert!(std::mem::size_of::<T>() == 1) };\n}\ncheck::<u32>();"
    (status, _), = check(tmp_path, block(post_mono, "rust,compile_fail"))
    assert status == "pass"


def test_case_14_every_listed_error_code_is_required(tmp_path: Path) -> None:
    one = 'let a: i32 = "x";'
    both = 'let a: i32 = "x";\nlet b = 1u8.no_such_method();'
    info = "rust,compile_fail,E0308,E0599"
    results = check(tmp_path, block(one, info) + block(both, info))
    assert [status for status, _ in results] == ["fail", "pass"]


def test_case_15_main_in_a_string_or_a_method_is_not_the_main() -> None:
    for code in ('let s = r#"fn main() {}"#;', "struct S;\nimpl S { fn main(&self) {} }\nS.main();"):
        wrapped = wrap(lines(code))
        assert wrapped.source.splitlines()[1] == "fn main() {" and wrapped.locate(2) is None  # wrapped


def test_postgresql_query_macros_say_they_are_not_checked(tmp_path: Path) -> None:
    code = ("async fn f(pool: sqlx::PgPool) -> Result<(), sqlx::Error> {\n"
            "    let query = sqlx::query!(\"SELECT $1::text[] AS tags\", &[\"a\"] as &[&str]);\n"
            "    let rows = query.fetch_all(&pool).await?;\n"
            "    Ok(())\n}")
    path = tmp_path / "pg.md"
    path.write_text(block(code))
    (result,) = check_paths([path], ROOT, use_cache=False).results
    assert result.status == "ignored" and "PostgreSQL queries are not checked" in result.reason
