"""A preview's rebuild renders what an edit changes, and nothing it does not."""

from __future__ import annotations

import re
from pathlib import Path

from webyet.incremental import BuildMemory
from webyet.render.html import Links
from webyet.site import Site, SiteOptions

from .preview import copy_project


def plan(project: Path, memory: BuildMemory) -> set[str]:
    site = Site(project, project / "content", SiteOptions(check_snippets=False, background_snippets=True))
    existing = {p.relative_to(project / "content").as_posix() for p in (project / "content").rglob("*.md")}
    return site.pages_to_render(site.generated_files(Links(), existing), memory)


def test_a_body_edit_renders_one_page_and_a_front_matter_edit_renders_its_readers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    memory = BuildMemory()
    first = plan(project, memory)
    assert {"frameworks/axum.md", "topics/web-frameworks.md", "compare/frameworks.md"} <= first
    assert plan(project, memory) == set()  # nothing changed: nothing to render

    axum = project / "content" / "frameworks" / "axum.md"
    axum.write_text(axum.read_text() + "\nAn edited paragraph.\n")
    assert plan(project, memory) == {"frameworks/axum.md"}

    axum.write_text(re.sub(r"^summary: .*$", "summary: An edited summary.", axum.read_text(), count=1,
                           flags=re.M))
    again = plan(project, memory)
    naming_axum = {f"frameworks/{p.name}" for p in (project / "content" / "frameworks").glob("*.md")
                   if re.search(r"^alternatives: \[.*\baxum\b", p.read_text(), re.M)}
    assert naming_axum, "the fixture needs an entry that names axum"
    assert {"frameworks/axum.md", "topics/web-frameworks.md", "compare/frameworks.md",
            "frameworks/index.md"} | naming_axum <= again
    assert "data/sqlx.md" not in again and "topics/database-access.md" not in again
    assert plan(project, memory) == set()


def test_leaving_a_topic_renders_the_topic_it_left(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    memory = BuildMemory()
    plan(project, memory)
    axum = project / "content" / "frameworks" / "axum.md"
    axum.write_text(axum.read_text().replace("topics: [web-frameworks]", "topics: [database-access]", 1))
    again = plan(project, memory)
    assert {"topics/web-frameworks.md", "topics/database-access.md"} <= again
