#!/usr/bin/env python3
"""Mutation testing of the core's rules with mutmut: how many small changes the tests notice.

    .venv/bin/pip install mutmut && .venv/bin/python benchmarks/mutation.py [--workdir DIR]

mutmut imports mutated code from `src/` (or `./`), so this copies the project into a work
folder with the package under `src/`, writes mutmut's settings there, runs `mutmut run` and
prints the score (killed / total) and every surviving mutant's name. Figures, not pass/fail;
BENCHMARKS.md records them with the survivors judged equivalent and why.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATE = [
    "rules.py", "versions.py", "evidence.py", "bodyhtml.py", "render/cells.py",
    "freshness/flags.py", "freshness/advisories.py", "freshness/advisory_rules.py",
]
TESTS = [
    "tests/test_views.py", "tests/test_boundaries.py", "tests/test_evidence.py", "tests/test_body_html.py",
    "tests/test_advisories.py", "tests/test_refresh.py", "tests/test_refresh_index.py",
    "tests/test_depth_archive.py", "tests/test_cascade.py", "tests/test_cells.py", "tests/test_versions.py",
]
COPIED = ["tests", "content", "snippets", "data", "schema", "mkdocs.yml", "README.md"]


def workspace(folder: Path) -> None:
    shutil.copytree(ROOT / "plugins", folder / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    listed = lambda items: "[" + ", ".join(f'"{i}"' for i in items) + "]"  # noqa: E731
    (folder / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n\n[tool.mutmut]\nsource_paths = ["src"]\n'
        f"only_mutate = {listed('src/webyet/' + m for m in MUTATE)}\n"
        f"pytest_add_cli_args_test_selection = {listed(TESTS)}\n"
        f"also_copy = {listed(COPIED)}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="webyet-mutation-"))
    if not (folder / "src").exists():
        workspace(folder)
    mutmut = Path(sys.executable).with_name("mutmut")
    subprocess.run([str(mutmut), "run"], cwd=folder, check=False)
    results = subprocess.run([str(mutmut), "results", "--all", "true"], cwd=folder, text=True,
                             capture_output=True).stdout
    states: dict[str, list[str]] = {}
    for line in results.splitlines():
        match = re.match(r"\s*(\S+): (\S.*)$", line)
        if match:
            states.setdefault(match[2], []).append(match[1])
    total = sum(len(v) for v in states.values())
    killed = len(states.get("killed", []))
    print(f"work folder: {folder}")
    print(f"mutants: {total}; " + ", ".join(f"{k}: {len(v)}" for k, v in sorted(states.items())))
    print(f"score: {killed} / {total} killed ({killed / total:.0%})" if total else "no mutants")
    for name in states.get("survived", []):
        print(f"survived: {name}")


if __name__ == "__main__":
    main()
