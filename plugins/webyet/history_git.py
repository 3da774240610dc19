"""A change of `status` or `verdict` since a git revision must come with a history item.

The check compares each entry with its version at `base` (HEAD by default: the last commit;
CI on a pull request passes the target branch). Outside a git checkout it does nothing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .catalog import Catalog, CatalogEntry
from .frontmatter import parse_document
from .problems import Problem


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def changed_without_history(catalog: Catalog, base: str = "HEAD") -> list[Problem]:
    root = catalog.root
    try:
        top = _git(root, "rev-parse", "--show-toplevel")
    except OSError:
        return []
    if top.returncode != 0 or _git(root, "rev-parse", "--verify", "--quiet", base).returncode != 0:
        return []
    repo = Path(top.stdout.decode().strip())
    problems = []
    for entry in catalog.entries.values():
        rel = entry.doc.path.resolve().relative_to(repo.resolve()).as_posix()
        shown = _git(repo, "show", f"{base}:{rel}")
        if shown.returncode != 0:
            continue  # new file: nothing to compare with
        old, _ = parse_document(shown.stdout, entry.doc.path, entry.doc.display,
                                require_front_matter=True)
        if old is None or old.front_matter is None:
            continue
        problem = _compare(entry, old.front_matter, base)
        if problem:
            problems.append(problem)
    return problems


def _compare(entry: CatalogEntry, old: dict[str, object], base: str) -> Problem | None:
    key = "verdict" if entry.kind == "topic" else "status"
    before, now = old.get(key), getattr(entry.model, key, None)
    if before is None or before == now:
        return None
    if any(h.from_ == before and h.to == now for h in entry.model.history):
        return None
    line, col = entry.doc.position((key,))
    return Problem(
        entry.doc.display, line, col,
        f"{key} changed from '{before}' to '{now}' since {base}: add a history item "
        f"{{date, from: {before}, to: {now}, why}}", code="history-required",
    )
