"""`--8<--` includes must name files under snippets/, quoted or not (one include grammar)."""

from __future__ import annotations

from pathlib import Path

from webyet.catalog import load_catalog
from webyet.includes import missing_includes

from .conftest import make_content


def test_missing_includes_are_located_quoted_or_not(tmp_path: Path) -> None:
    page = ('---\ntitle: P\n---\n\n```rust\n--8<-- "web/there.rs"\n```\n\n```rust\n'
            '--8<-- "web/gone.rs:part"\n```\n\n```rust\n--8<-- web/also-gone.rs\n```\n')
    content = make_content(tmp_path, {"page.md": page})
    (tmp_path / "snippets" / "web").mkdir(parents=True)
    (tmp_path / "snippets" / "web" / "there.rs").write_text("fn main() {}\n")
    found = [(p.line, p.message) for p in missing_includes(load_catalog(content), tmp_path / "snippets")]
    assert found == [(10, "included file 'web/gone.rs' does not exist under snippets/"),
                     (14, "included file 'web/also-gone.rs' does not exist under snippets/")]
