"""Directives: fenced blocks such as ```` ```webyet-table ```` that generated views replace.

A fenced block renders harmlessly (as a code block) when the plugin is off, and its YAML body
is validated like front matter, with positions, so errors point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .blocks import block_tokens
from .frontmatter import KeyPath, YamlError, load_yaml, nearest_position

PREFIX = "webyet-"
# The one registry of directives: name → the keys its YAML body may use.
KEYS: dict[str, frozenset[str]] = {
    "table": frozenset({"kind", "topic", "slugs", "where", "columns", "caption"}),
    "matrix": frozenset(),
    "rules": frozenset(),
    "changes": frozenset({"limit"}),
    "maintenance": frozenset(),
    "trust": frozenset(),
}
NAMES = tuple(KEYS)



def may_hold_directives(markdown: str) -> bool:
    """False when `markdown` surely holds no directive: a test cheap enough for every page."""
    return PREFIX in markdown


@dataclass
class Directive:
    name: str  # "table", "matrix", …
    params: dict[str, Any]
    start: int  # 0-based first line of the fence in the Markdown it was found in
    end: int  # 0-based line after the closing fence
    line: int  # 1-based line of the fence in the file
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, key_path: KeyPath) -> tuple[int, int]:
        return nearest_position(self.positions, key_path, (self.line, 1))


@dataclass(frozen=True)
class DirectiveError:
    line: int
    col: int
    message: str


def find_directives(markdown: str, first_line: int = 1) -> tuple[list[Directive], list[DirectiveError]]:
    """Directives in `markdown`, whose first line is line `first_line` of its file."""
    found: list[Directive] = []
    errors: list[DirectiveError] = []
    if not may_hold_directives(markdown):
        return found, errors  # no directive can be there: skip the parse
    for token in block_tokens(markdown):
        if token.type != "fence" or not token.info.startswith(PREFIX) or token.map is None:
            continue
        start, end = token.map
        line = first_line + start
        name = token.info.split()[0].removeprefix(PREFIX)
        if name not in NAMES:
            known = ", ".join(PREFIX + n for n in NAMES)
            errors.append(DirectiveError(line, 1, f"unknown directive '{PREFIX}{name}'; known: {known}"))
            continue
        try:
            params, positions = load_yaml(token.content, first_line=line + 1)
        except YamlError as err:
            errors.append(DirectiveError(err.line, err.col, err.message))
            continue
        if params is None:
            params = {}
        if not isinstance(params, dict):
            errors.append(DirectiveError(line + 1, 1, f"{PREFIX}{name}: expected key: value lines"))
            continue
        found.append(Directive(name, params, start, end, line, positions))
    return found, errors


def replace_directives(markdown: str, rendered: list[tuple[Directive, str]]) -> str:
    """Swap each directive's lines for its rendered HTML (kept as its own block)."""
    lines = markdown.splitlines(keepends=True)
    for directive, html in sorted(rendered, key=lambda pair: pair[0].start, reverse=True):
        lines[directive.start:directive.end] = ["\n", html.rstrip("\n") + "\n", "\n"]
    return "".join(lines)
