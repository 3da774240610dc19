"""On the site: a status line under every Rust block; a failing block fails a strict build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import run_cli

pytestmark = pytest.mark.skipif(shutil.which("cargo") is None, reason="needs cargo")

BLOCKS = '''

```rust,compile_fail,E0382
let v = vec![1];
let w = v;
println!("{v:?}");
```

```rust,ignore,reason="needs a running PostgreSQL server"
let conn = connect();
```

```rust
# fn secret_setup() -> u8 { 1 }
let value = secret_setup();
```

```rust
use axum::{routing::get, Router};
let app: Router = Router::new().route("/", get(|| async { "hi" }));
```
'''


def add_to_page(project: Path, text: str) -> tuple[Path, int]:
    page = project / "content" / "patterns" / "error-enum.md"
    before = page.read_text()
    page.write_text(before + text)
    return page, before.count("\n")


def test_every_rust_block_shows_its_status(project_copy: Path) -> None:
    add_to_page(project_copy, BLOCKS)
    result = run_cli("build", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    html = (project_copy / "site" / "patterns" / "error-enum" / "index.html").read_text()
    assert html.count('class="wy-snippet ') == 5
    assert "✓ compiles · rustc 1.95" in html  # the std-only block of the page itself
    assert "✓ fails to compile as intended: E0382 borrow of moved value: <code>" not in html
    assert "✓ fails to compile as intended: E0382 borrow of moved value: `v`" in html
    assert "not checked: needs a running PostgreSQL server" in html
    assert "secret_setup" in html and '<span class="nf">secret_setup</span>' not in html  # hidden line
    assert "✓ compiles · axum 0.8.x · rustc 1.95" in html
    # Run links only where the Playground has every crate (not for axum).
    assert html.count('class="wy-snippet-run"') == 3
    assert "play.rust-lang.org/?version=stable&amp;mode=debug&amp;edition=2024&amp;code=" in html


def test_a_failing_block_fails_the_strict_build_at_its_line(project_copy: Path) -> None:
    _, lines = add_to_page(project_copy, "\n```rust\nfn main() { let s: String = 5; }\n```\n")
    result = run_cli("build", cwd=project_copy)
    assert result.returncode != 0
    assert f"content/patterns/error-enum.md:{lines + 3}: mismatched types" in result.stderr
