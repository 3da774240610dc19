"""XSS probes in every front-matter value that reaches HTML stay inert in the built site."""

from __future__ import annotations

from pathlib import Path

from .conftest import copy_project, run_cli

PROBES = {
    "summary": '<script>alert("summary")</script>',
    "alias": "<img src=x onerror=alert(1)>",
    "replaces": "<svg onload=alert(2)>",
    "source": "</a><script>alert(3)</script>",
    "reason": "<iframe src=javascript:alert(4)>",
    "why": "<script>alert(5)</script>",
    "quote": 'x" onmouseover="alert(6)',
}
EXECUTABLE = ["<script>alert", "<img src=x", "<svg onload", "<iframe src=javascript",
              '" onmouseover="alert']


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
sources:
  - title: {yaml_str(PROBES["source"])}
    url: https://example.org/?q=<script>
history:
  - {{date: 2026-01-01, to: experimental, why: {yaml_str(PROBES["why"])}}}
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
    topic = project / "content" / "topics" / "templating.md"
    topic.write_text(topic.read_text().replace(
        "verdict_reason: Compile-time", f"verdict_reason: {yaml_str(PROBES['reason'])}\n# was: Compile-time"))
    (project / "content" / "compare" / "probe.md").write_text(
        "---\ntitle: Probe table\n---\n\n# Probe\n\n```webyet-table\nkind: tool\n"
        "columns: [title, summary, aliases, replaces, status]\n```\n")
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
