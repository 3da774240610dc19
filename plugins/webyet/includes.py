"""`--8<--` includes (pymdownx.snippets) must name files that exist under `snippets/`.

Checked here so a missing file is a located problem, not an exception in the Markdown build.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog
from .problems import Problem
from .snippets.extract import INCLUDE


def missing_includes(catalog: Catalog, snippet_base: Path) -> list[Problem]:
    problems = []
    documents = [*catalog.pages.values(), *(e.doc for e in catalog.entries.values())]
    for doc in documents:
        for match in INCLUDE.finditer(doc.body):
            target = match.group(2).split(":", 1)[0]
            if not (snippet_base / target).is_file():
                line = doc.body_line + doc.body.count("\n", 0, match.start(2))
                problems.append(Problem(doc.display, line, 1,
                                        f"included file '{target}' does not exist under snippets/"))
    return problems
