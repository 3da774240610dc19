#!/usr/bin/env python3
"""How long validation takes on each hostile front-matter case (tests/corpus/), one run.

    .venv/bin/python benchmarks/hostile.py

Prints the slowest cases; the goal is "well under a second per file".
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from webyet.catalog import load_catalog
from webyet.checks import content_problems

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
TOPIC = ("---\ntitle: Web frameworks\nkind: topic\nsummary: s.\nverdict: almost\nverdict_reason: r.\n"
         "criteria: [c.]\nlast_reviewed: 2026-01-01\n---\n")


def main() -> None:
    timings = []
    for case in sorted(CORPUS.glob("*.md")):
        with tempfile.TemporaryDirectory() as tmp:
            content = Path(tmp) / "content"
            (content / "topics").mkdir(parents=True)
            (content / "frameworks").mkdir()
            (content / "topics" / "web-frameworks.md").write_text(TOPIC)
            (content / "frameworks" / case.name).write_bytes(case.read_bytes())
            start = time.perf_counter()
            problems = content_problems(load_catalog(content))
            timings.append((time.perf_counter() - start, case.stem, len(problems)))
    timings.sort(reverse=True)
    print(f"{len(timings)} cases; slowest first (seconds, case, problems found):")
    for seconds, name, count in timings[:8]:
        print(f"  {seconds:8.4f}  {name:24} {count}")
    print(f"total {sum(t for t, _, _ in timings):.3f} s, max {timings[0][0]:.4f} s")


if __name__ == "__main__":
    main()
