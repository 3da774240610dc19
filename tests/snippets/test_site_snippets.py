"""On the site: a status line under every Rust block; a failing block fails a strict build."""

from __future__ import annotations

import re
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


PAGE_HEAD = "---\ntitle: Snippet test\n---\n\n# Snippet test\n\n```rust\nlet n: u8 = 1;\n```\n"


def add_to_page(project: Path, text: str) -> tuple[Path, int]:
    """A page of its own (one std-only block first), so counts do not depend on real content."""
    page = project / "content" / "snippet-test.md"
    page.write_text(PAGE_HEAD + text)
    return page, PAGE_HEAD.count("\n")


def test_every_rust_block_shows_its_status(project_copy: Path) -> None:
    page, _ = add_to_page(project_copy, BLOCKS)
    result = run_cli("build", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    html = (project_copy / "site" / "snippet-test" / "index.html").read_text()
    rust_blocks = len(re.findall(r"^\s*```rust", page.read_text(), re.MULTILINE))
    assert html.count('class="wy-snippet ') == rust_blocks
    assert "✓ compiles · rustc 1.95" in html  # the std-only block at the top
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
    assert f"content/snippet-test.md:{lines + 3}: mismatched types" in result.stderr
