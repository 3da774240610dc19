"""`--8<--` includes are checked as the build reads them (pymdownx.snippets), before the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from webyet.catalog import load_catalog
from webyet.includes import missing_includes
from webyet.snippets.extract import regions_in_markdown

from .conftest import make_content


@pytest.mark.parametrize(("body", "line", "message"), [
    ('```rust\n--8<-- "web/gone.rs"\n```\n', 6, "included file 'web/gone.rs' does not exist"),
    ('```rust\r\n--8<-- "web/gone.rs"\r\n```\r\n', 6, "included file 'web/gone.rs' does not exist"),
    ('```rust\n--8<-- "web/there.rs:nosuch"\n```\n', 6, "included section 'nosuch' is not marked"),
    ('```rust\n--8<-- "../mkdocs.yml"\n```\n', 6, "included file '../mkdocs.yml' does not exist"),
    ('```rust\n--8<--\nweb/gone.rs\n--8<--\n```\n', 7, "included file 'web/gone.rs' does not exist"),
    ('```rust\n--8<-- "web/gone rs"\n```\n', 6, "included file 'web/gone rs' does not exist"),
    ('```rust\n--8<--\nweb\n--8<--\n```\n', 7, "include failed: Is a directory"),
    ('```rust\n--8<-- "' + "a/" * 2100 + 'x.rs"\n```\n', 6, "included file 'a/a/a/"),
])
def test_includes_the_build_would_fail_on_are_located(tmp_path: Path, body: str, line: int,
                                                      message: str) -> None:
    """The check reads includes with pymdownx.snippets itself, as the build will."""
    content = make_content(tmp_path, {"page.md": "---\ntitle: P\n---\n\n" + body})
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "snippets" / "web").mkdir(parents=True)
    (tmp_path / "snippets" / "web" / "there.rs").write_text("fn main() {}\n")
    found = [(p.line, p.message) for p in missing_includes(load_catalog(content), tmp_path / "snippets")]
    assert len(found) == 1 and found[0][0] == line and found[0][1].startswith(message), found
    assert len(found[0][1]) < 200  # a huge path is shortened in the message


def test_an_unquoted_include_is_text_as_pymdownx_leaves_it(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"page.md": "---\ntitle: P\n---\n\n```rust\n--8<-- web/gone.rs\n```\n"})
    assert missing_includes(load_catalog(content), tmp_path / "snippets") == []
    (region,) = regions_in_markdown((content / "page.md").read_text(), content / "page.md", "page.md")
    assert region.includes == () and "--8<-- web/gone.rs" in region.code  # compiled as written
