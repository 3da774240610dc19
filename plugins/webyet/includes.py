"""`--8<--` includes must work the way the build will read them, checked before the build.

The build resolves includes with pymdownx.snippets (base `snippets/`, `check_paths`), so the
check runs that same preprocessor over each page's text: its grammar (inline and block forms,
quoting, sections, line ends) is the build's, and a missing file, section or folder becomes a
located problem instead of a traceback in the Markdown build.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import markdown
from pymdownx.snippets import SnippetMissingError

from .catalog import Catalog
from .problems import Problem

_MISSING_PATH = re.compile(r"Snippet at path '(?P<path>[^']*)' could not be found")
_MISSING_SECTION = re.compile(r"Snippet section '(?P<section>[^']*)' could not be located")


@functools.lru_cache(maxsize=4)
def _snippets(base: str) -> markdown.Markdown:
    config = {"pymdownx.snippets": {"base_path": [base], "check_paths": True}}  # as mkdocs.yml says
    return markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs=config)


def include_problem(body: str, snippet_base: Path) -> tuple[int, str] | None:
    """The first include the build would fail on: (0-based line in `body`, message), or None."""
    if "8<" not in body:
        return None
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as MkDocs reads files
    try:
        _snippets(str(snippet_base)).preprocessors["snippet"].run(list(lines))
    except SnippetMissingError as err:
        text = str(err)
        if match := _MISSING_PATH.search(text):
            return _line_of(lines, match["path"]), (f"included file '{_short(match['path'])}' does not "
                                                     "exist under snippets/")
        if match := _MISSING_SECTION.search(text):
            return _line_of(lines, ":" + match["section"]), (f"included section '{match['section']}' "
                                                             "is not marked in its file")
        return _line_of(lines, "8<"), f"include failed: {text}"
    except OSError as err:  # a folder, a name too long, unreadable: the build would stop here
        return _line_of(lines, Path(err.filename or "").name or "8<"), f"include failed: {err.strerror}"
    return None


def _short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def _line_of(lines: list[str], needle: str) -> int:
    marked = [i for i, line in enumerate(lines) if "8<" in line or needle in line]
    return next((i for i in marked if needle in lines[i]), marked[0] if marked else 0)


def missing_includes(catalog: Catalog, snippet_base: Path) -> list[Problem]:
    problems = []
    documents = [*catalog.pages.values(), *(e.doc for e in catalog.entries.values())]
    for doc in documents:
        found = include_problem(doc.body, snippet_base)
        if found is not None:
            line, message = found
            problems.append(Problem(doc.display, doc.body_line + line, 1, message))
    return problems
