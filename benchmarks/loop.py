#!/usr/bin/env python3
"""A contributor's loop, timed in one run (figures, not pass/fail):

    .venv/bin/python benchmarks/loop.py [--entries 1000] [--skip-cold]

1. the first page of `webyet serve` on an empty cache (no cargo results, no compiled
   dependencies): the preview must not wait for cargo;
2. edit → visible in the preview, for three edits: body text, a front-matter field shown on
   the section listing, and a new Rust block (its text, then its verdict); on this site, and
   on this site with N synthetic entries added;
3. the cost of webyet over plain MkDocs with N extra synthetic entries: `webyet build` against
   `mkdocs build` of the same Markdown without the webyet plugin.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.preview import ROOT, Preview, copy_project
from views import build, project_with, write_catalog

WITH_DATA = ("content", "snippets", "data")


def matches(pattern: str) -> Callable[[str], bool]:
    return lambda text: re.search(pattern, text) is not None


def rounded(seconds: float | None) -> float | None:
    return seconds if seconds is None else round(seconds, 1)


def first_page_cold(tmp: Path) -> None:
    project = copy_project(tmp / "cold", WITH_DATA)
    cache = tmp / "empty-cache"
    start = time.perf_counter()
    cold = {"XDG_CACHE_HOME": str(cache), "WEBYET_CARGO_TARGET": str(cache / "target")}
    server = Preview(project, cold)
    seconds = server.seconds_until("", matches("Are we web yet"), 600)
    server.stop()
    print(f"first page on an empty cache: {rounded(seconds)} s "
          f"(process start to the first answer: {time.perf_counter() - start:.1f} s incl. stop)")


def edits(project: Path, label: str) -> None:
    server = Preview(project)
    assert server.eventually("", matches("Are we web yet"), 900)
    token = secrets.token_hex(4)
    axum = project / "content" / "frameworks" / "axum.md"
    text = axum.read_text()
    axum.write_text(text + f"\nEdited body {token}.\n")
    body = server.seconds_until("frameworks/axum/", matches(f"Edited body {token}"))
    text = axum.read_text()
    edited = re.sub(r"^summary: .*$", f"summary: Edited summary {token}.", text, count=1, flags=re.M)
    axum.write_text(edited)
    summary = server.seconds_until("frameworks/", matches(f"Edited summary {token}"))
    axum.write_text(axum.read_text() + f"\n```rust\nlet edited_{token} = 1u8;\n```\n")
    code = server.seconds_until("frameworks/axum/", matches(f"edited_{token}"))
    verdict = server.seconds_until("frameworks/axum/",
                                   matches(f"edited_{token}[\\s\\S]*?wy-snippet-pass"), 300)
    server.stop()
    for name, seconds in (("body text", body), ("front-matter field (listing)", summary),
                          ("new Rust block (its text)", code), ("new Rust block (its verdict)", verdict)):
        print(f"edit → visible ({label}), {name}: {rounded(seconds)} s")


def build_ratio(tmp: Path, entries: int) -> None:
    project = project_with(entries, tmp / "ratio")
    shutil.copytree(ROOT / "snippets", project / "snippets")
    webyet = build(project)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^  - webyet\n", "", config.read_text(), flags=re.M))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(config)],
                   cwd=project, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    plain = time.perf_counter() - start
    print(f"build with {entries} synthetic entries: webyet {webyet:.1f} s, plain MkDocs {plain:.1f} s "
          f"→ {webyet / plain:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--skip-cold", action="store_true", help="skip the empty-cache first page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_cold:
            first_page_cold(Path(tmp))
        edits(copy_project(Path(tmp) / "warm", WITH_DATA), "this site")
        larger = copy_project(Path(tmp) / "larger", WITH_DATA)
        write_catalog(larger / "content", args.entries, topic_prefix="synthetic-topic")
        edits(larger, f"this site + {args.entries} entries")
        build_ratio(Path(tmp), args.entries)


if __name__ == "__main__":
    main()
