#!/usr/bin/env python3
"""How much the generated views cost: a synthetic catalog of N entries, timed in one run.

    .venv/bin/python benchmarks/views.py [--entries 1000] [--build]

Prints catalog load and check times, the time to render every table, the matrix and the pair
pages, and (with --build) a whole `webyet build` with and without the comparison pages. It
also renders at N/4, N/2 and N to show growth is linear. Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from webyet.catalog import load_catalog
from webyet.checks import content_problems
from webyet.pages import generated_pages
from webyet.render.html import Links
from webyet.views import render_views

ROOT = Path(__file__).resolve().parent.parent
TOPICS = 20
FULL_BODY = ("## What it is\n\nText.\n\n## Minimal example\n\n```rust,ignore,reason=\"synthetic\"\n"
             "fn main() {}\n```\n\n## Gotchas\n\nNone.\n\n## How it compares\n\nText.\n")


def write_catalog(content: Path, n: int, topic_prefix: str = "topic") -> None:
    for t in range(TOPICS):
        (content / "topics").mkdir(parents=True, exist_ok=True)
        k = (7 * t) % TOPICS  # entry i is in topic i % 20 and fw-k is entry 3k
        leading, verdict = (f"fw-{k}", "almost") if 3 * k < n else ("", "not-yet")
        (content / "topics" / f"{topic_prefix}-{t}.md").write_text(
            f"---\ntitle: Topic {t}\nkind: topic\nsummary: Topic {t}.\nverdict: {verdict}\n"
            f"verdict_reason: Synthetic.\ncriteria: [Synthetic.]\nleading: [{leading}]\n"
            "last_reviewed: 2026-01-01\n---\n\nText.\n")
    for i in range(n):
        kind, folder, features = [
            ("framework", "frameworks",
             "{category: backend, runtime: [tokio], websockets: {value: true, source: 'https://e.org/ws'}, "
             "sse: crate}"),
            ("data", "data", "{category: orm, async: {value: true, source: 'https://e.org/async'}, "
             "backends: [postgresql, sqlite]}"),
            ("library", "tooling", "{category: templating, templates: runtime, autoescape: true}"),
        ][i % 3]
        slug = {"framework": "fw", "data": "db", "library": "lib"}[kind] + f"-{i // 3}"
        alt = f"{slug.rsplit('-', 1)[0]}-{i // 3 + 1}" if i + 3 < n else ""
        (content / folder).mkdir(parents=True, exist_ok=True)
        (content / folder / f"{slug}.md").write_text(
            f"---\ntitle: {slug}\nkind: {kind}\nsummary: Synthetic entry {i}.\ncrate: {slug}\n"
            f"status: usable\ndepth: full\ntopics: [{topic_prefix}-{i % TOPICS}]\n"
            + (f"alternatives: [{alt}]\n" if alt else "")
            + f"features: {features}\nlast_reviewed: 2026-01-01\n---\n\n{FULL_BODY}")


def render_all(content: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    start = time.perf_counter()
    catalog = load_catalog(content)
    figures["load"] = time.perf_counter() - start
    start = time.perf_counter()
    problems = [p for p in content_problems(catalog) if p.severity == "error"]
    figures["checks"] = time.perf_counter() - start
    assert not problems, problems[:3]
    links = Links()
    start = time.perf_counter()
    for md in sorted((content / "compare").glob("*.md")):
        render_views(md.read_text(), catalog, links, f"compare/{md.name}")
    render_views("```webyet-matrix\n```\n", catalog, links, "matrix.md")
    figures["tables+matrix"] = time.perf_counter() - start
    start = time.perf_counter()
    pages = generated_pages(catalog, links, set())
    figures["generated pages"] = time.perf_counter() - start
    figures["pages"] = len(pages)
    return figures


def build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "webyet.cli", "build", "--no-strict"], cwd=project,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def project_with(n: int, tmp: Path) -> Path:
    project = tmp / f"p{n}"
    (project / "content").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("index.md", "about.md", "contributing.md", "criteria.md"):
        shutil.copy(ROOT / "content" / name, project / "content" / name)
    shutil.copytree(ROOT / "content" / "compare", project / "content" / "compare")
    for md in (project / "content" / "compare").glob("*.md"):  # point the tables at synthetic data
        md.write_text(md.read_text()
                      .replace("where: {category: [frontend, full-stack, desktop]}\n", "")
                      .replace("where: {category: templating}\n", ""))
    write_catalog(project / "content", n)
    return project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--build", action="store_true", help="also time whole site builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        per_entry = {}
        for n in (args.entries // 4, args.entries // 2, args.entries):
            project = project_with(n, Path(tmp))
            figures = render_all(project / "content")
            per_entry[n] = figures["tables+matrix"] / n
            print(f"{n:5d} entries: " + ", ".join(
                f"{k} {v * 1000:.0f} ms" if k != "pages" else f"{v:.0f} generated pages"
                for k, v in figures.items()))
        small, large = per_entry[args.entries // 4], per_entry[args.entries]
        print(f"tables+matrix time per entry, {args.entries} vs {args.entries // 4} entries: "
              f"{large / small:.2f}x (1.0 = linear)")
        if args.build:
            project = project_with(args.entries, Path(tmp) / "build")
            with_views = build(project)
            for md in (project / "content" / "compare").glob("*.md"):  # same pages, no tables
                md.write_text(md.read_text().split("```webyet-table", 1)[0])
            without = build(project)
            print(f"whole build, {args.entries} entries: {with_views:.1f} s with the comparison pages, "
                  f"{without:.1f} s without ({(with_views - without) / without * 100:+.0f}%)")


if __name__ == "__main__":
    main()
