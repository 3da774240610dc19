"""One bad field reports one error: references to an entry that failed to load are not
reported again (the failed entry stays as a placeholder, as in a compiler's error recovery)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import run_cli


@pytest.mark.parametrize(("find", "replace", "line"), [
    (r"^docs: (https://docs.rs/axum)$", r"homepage: javascript:alert(1)\ndocs: \1", "9:1"),
    (r"^status: production$", "status: finished", "10:1"),
    (r"^kind: framework$", "kind: frameworks", "3:1"),
])
def test_a_broken_entry_reports_its_own_error_only(project_copy: Path, find: str, replace: str,
                                                   line: str) -> None:
    axum = project_copy / "content" / "frameworks" / "axum.md"
    text = axum.read_text()
    broken = re.sub(find, replace, text, count=1, flags=re.M)
    assert broken != text
    axum.write_text(broken)
    result = run_cli("check", "--no-snippets", cwd=project_copy)
    assert result.returncode == 1
    errors = [x for x in result.stdout.splitlines() if ": error" in x]
    assert len(errors) == 1, errors  # not actix-web's alternatives, the topic's leading or verdict
    assert errors[0].startswith(f"content/frameworks/axum.md:{line}: error"), errors[0]


def test_an_unreadable_entry_is_a_placeholder_too(project_copy: Path) -> None:
    axum = project_copy / "content" / "frameworks" / "axum.md"
    axum.write_text("---\ntitle: [unclosed\n---\n")
    result = run_cli("check", "--no-snippets", cwd=project_copy)
    files = {x.split(":")[0] for x in result.stdout.splitlines() if ": error" in x}
    assert files == {"content/frameworks/axum.md"}, result.stdout
