"""The site as MkDocs (and ProperDocs) build it through `webyet build`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .conftest import run_cli


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_entry_page_has_header_and_infobox(built_site: Path) -> None:
    html = (built_site / "frameworks" / "axum" / "index.html").read_text()
    assert re.search(r'<h1 id="wy-title">axum <span class="wy-badge wy-status-production"', html)
    assert 'class="wy-infobox"' in html and "<code>axum</code>" in html
    assert '<a href="../../topics/web-frameworks/">Web frameworks</a>' in html
    assert '<time datetime="2026-11-23">' in html


def test_section_pages_list_entries_and_nav_does_not(built_site: Path) -> None:
    listing = (built_site / "frameworks" / "index.html").read_text()
    assert '<a href="axum/">axum</a>' in listing
    # An entry page's navigation does not link every other entry (no quadratic nav).
    page = (built_site / "frameworks" / "axum" / "index.html").read_text()
    nav = page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "data/sqlx/" not in nav
    assert "frameworks/" in nav or "../" in nav


def test_export_is_published(built_site: Path) -> None:
    assert (built_site / "catalog.json").is_file() and (built_site / "catalog.schema.json").is_file()


def test_builds_are_byte_identical(project_copy: Path) -> None:
    first = run_cli("build", "--site-dir", "a", cwd=project_copy)
    second = run_cli("build", "--site-dir", "b", cwd=project_copy)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert tree_digest(project_copy / "a") == tree_digest(project_copy / "b")


def test_failed_build_keeps_the_previous_site(project_copy: Path) -> None:
    assert run_cli("build", cwd=project_copy).returncode == 0
    before = tree_digest(project_copy / "site")
    (project_copy / "content" / "frameworks" / "broken.md").write_text("---\nkind: [\n---\n")
    result = run_cli("build", cwd=project_copy)
    assert result.returncode != 0
    assert re.search(r"content/frameworks/broken.md:\d+:\d+: error: invalid YAML", result.stderr)
    assert tree_digest(project_copy / "site") == before
    leftovers = [p.name for p in project_copy.iterdir() if p.name.startswith(".site")]
    assert leftovers == []


def test_build_writes_nothing_into_content(project_copy: Path) -> None:
    before = tree_digest(project_copy / "content")
    assert run_cli("build", cwd=project_copy).returncode == 0
    assert tree_digest(project_copy / "content") == before


def test_properdocs_builds_the_site(project_copy: Path) -> None:
    result = run_cli("build", "--engine", "properdocs", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "frameworks" / "axum" / "index.html").is_file()
