"""XSS probes in every free-text and URL field of every kind (the schema says which) stay inert
in the built site."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .conftest import copy_project, run_cli

PROBES = {
    "summary": '<script>alert("summary")</script>',
    "alias": "<img src=x onerror=alert(1)>",
    "replaces": "<svg onload=alert(2)>",
    "source": "</a><script>alert(3)</script>",
    "reason": "<iframe src=javascript:alert(4)>",
    "why": "<script>alert(5)</script>",
    "quote": 'x" onmouseover="alert(6)',
    "criteria": "<script>alert(12)</script>",
    "missing": "<img src=x onerror=alert(13)>",
    "archived": "<script>alert(14)</script>",
    "complete": "<svg onload=alert(15)>",
    "from": "<script>alert(16)</script>",
    "caption": "<script>alert(17)</script>",
}
# In URLs: the query part may hold anything a URL may, so it must be escaped in attributes.
URL_PROBE = 'https://example.org/?q="><script>alert(18)</script>'
EXECUTABLE = ["<script>alert", "<img src=x", "<svg onload", "<iframe src=javascript",
              '" onmouseover="alert', '"><script>']
# Every free-text or URL field of every kind, by its path in front matter (or a directive).
PROBED = {"summary", "aliases", "features.replaces", "sources.title", "sources.url", "archived.reason",
          "history.why", "history.from", "verdict_reason", "criteria", "missing", "feature_complete",
          "docs", "homepage", "repository", "features.*.source", "caption"}
NOT_FREE_TEXT = {"title", "crate", "other_crates", "topics", "alternatives", "archived.successors",
                 "leading", "crates", "history.to", "features.category", "license"}  # validated shapes


def yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_probes_are_escaped_everywhere(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content" / "tooling" / "probe.md").write_text(f"""---
title: Probe tool
kind: tool
depth: full
summary: {yaml_str(PROBES["summary"])}
aliases: [{yaml_str(PROBES["alias"])}, {yaml_str(PROBES["quote"])}]
status: experimental
topics: [templating]
alternatives: [askama]
features:
  category: other
  replaces: [{yaml_str(PROBES["replaces"])}]
last_reviewed: 2026-01-01
feature_complete: {yaml_str(PROBES["complete"])}
docs: {yaml_str(URL_PROBE)}
homepage: {yaml_str(URL_PROBE)}
repository: {yaml_str(URL_PROBE)}
sources:
  - title: {yaml_str(PROBES["source"])}
    url: {yaml_str(URL_PROBE)}
history:
  - {{date: 2026-01-01, from: {yaml_str(PROBES["from"])}, to: experimental, why: {yaml_str(PROBES["why"])}}}
---

## What it is

Text.

## Minimal example

Text.

## Gotchas

Text.

## How it compares

Text.
""")
    (project / "content" / "topics" / "probe-topic.md").write_text(f"""---
title: Probe topic
kind: topic
summary: A probe.
verdict: not-yet
verdict_reason: A probe.
criteria: [{yaml_str(PROBES["criteria"])}]
missing: {yaml_str(PROBES["missing"])}
last_reviewed: 2026-01-01
---
""")
    (project / "content" / "tooling" / "probe-dead.md").write_text(f"""---
title: Probe dead
kind: library
depth: brief
crate: probe-dead
summary: A probe.
status: unmaintained
topics: [templating]
archived:
  {{date: 2020-01-01, cause: no-release, reason: {yaml_str(PROBES["archived"])}, successors: [askama]}}
last_reviewed: 2026-01-01
sources: [{{title: s, url: 'https://example.org/'}}]
---

One paragraph.
""")
    axum = project / "content" / "frameworks" / "axum.md"
    axum.write_text(axum.read_text().replace(
        "  admin: {value: false, source: 'https://docs.rs/axum/0.8.9/axum/'}",
        f"  admin: {{value: false, source: {yaml_str(URL_PROBE)}}}"))
    topic = project / "content" / "topics" / "templating.md"
    topic.write_text(topic.read_text().replace(
        "verdict_reason: Compile-time", f"verdict_reason: {yaml_str(PROBES['reason'])}\n# was: Compile-time"))
    (project / "content" / "compare" / "probe.md").write_text(
        "---\ntitle: Probe table\n---\n\n# Probe\n\n```webyet-table\nkind: tool\n"
        f"caption: {yaml_str(PROBES['caption'])}\n"
        "columns: [title, summary, aliases, replaces, status]\n```\n\n```webyet-table\nkind: framework\n"
        "columns: [title, admin]\n```\n")
    result = run_cli("build", "--no-strict", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    # catalog.json is the raw data export (served as JSON, not markup), so it keeps the text.
    outputs = [p for p in site.rglob("*") if p.suffix in {".html", ".xml", ".json", ".js"}
               and "assets" not in p.parts and p.name != "catalog.json"]
    assert len(outputs) > 10
    for path in outputs:
        text = path.read_text()
        for bad in EXECUTABLE:
            assert bad not in text, f"{bad!r} unescaped in {path.relative_to(site)}"
    entry_page = (site / "tooling" / "probe" / "index.html").read_text()
    assert "&lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;" in entry_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in entry_page
    table = (site / "compare" / "probe" / "index.html").read_text()
    assert "&lt;svg onload=alert(2)&gt;" in table
    assert "&lt;iframe src=javascript:alert(4)&gt;" in (site / "matrix" / "index.html").read_text()
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in (site / "changes" / "index.html").read_text()


def test_titles_with_markup_are_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "content" / "about.md"
    about.write_text(about.read_text().replace("title: About", 'title: "<script>x</script>"'))
    result = run_cli("check", "--no-snippets", cwd=project)
    assert result.returncode == 1
    assert "content/about.md:2:1: error: title: title may not contain" in result.stdout


def free_text_fields() -> set[str]:
    """Front-matter paths of every string field of every kind, from the schema itself."""
    from typing import get_args, get_origin

    from pydantic import BaseModel

    from webyet.schema import MODELS

    found: set[str] = set()

    def walk(annotation: object, path: str) -> None:
        if annotation is str:
            found.add(path)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            for name, info in annotation.model_fields.items():
                walk(info.annotation, f"{path}.{info.alias or name}".lstrip("."))
        elif get_origin(annotation) is not Literal:
            for arg in get_args(annotation):
                walk(arg, path)

    for model in MODELS.values():
        walk(model, "")
    return {("features.*.source" if p.startswith("features.") and p.endswith(".source") else p)
            for p in found}


def test_every_string_field_is_probed() -> None:
    """A new free-text field fails here until the escaping probe above covers it."""
    assert free_text_fields() - NOT_FREE_TEXT <= PROBED, free_text_fields() - NOT_FREE_TEXT - PROBED
