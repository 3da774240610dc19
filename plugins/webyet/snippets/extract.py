"""Regions: the Rust code blocks of a Markdown file (or a whole `.rs` file), with exact locations.

Every compiled line remembers its source line and the column where its text starts, so a
compiler position (line, column) inside the block maps back to the file (line, column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..blocks import block_tokens
from .infostring import FenceInfo, parse_info

# pymdownx.snippets' inline form: a line `--8<-- "file.rs:section"` includes (part of) a file.
# The path is quoted (pymdownx leaves an unquoted one as text) and nothing follows the quote.
# `includes.py` checks them with pymdownx itself; the snippet checker finds them with this.
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])((?:(?!\1)[^\n\r])+?)\1\r?$""", re.MULTILINE)


@dataclass(frozen=True)
class CodeLine:
    """One line as compiled: `text` came from `line` (1-based), starting at 0-based column `col`."""

    text: str
    line: int
    col: int
    hidden: bool = False


@dataclass(frozen=True)
class SnippetRegion:
    """A Rust code block: where it is, what its info string says, and its lines."""

    path: Path  # the file on disk
    display: str  # the file as reports name it
    line: int  # 1-based line of the opening fence (1 for a whole `.rs` file)
    info: FenceInfo
    lines: tuple[CodeLine, ...]
    includes: tuple[str, ...] = ()  # `--8<--` targets when the block only includes files
    end: int = 0  # 1-based last line of the block (its closing fence when there is one)
    whole_file: bool = False  # a `.rs` file: compiled as it is, never wrapped in `main`

    @property
    def code(self) -> str:
        return "".join(c.text + "\n" for c in self.lines)

    @property
    def shown(self) -> str:
        """The block as the page shows it: hidden lines dropped, `##` unescaped."""
        return "".join(c.text + "\n" for c in self.lines if not c.hidden)

    def where(self) -> str:
        return f"{self.display}:{self.line}"




def split_lines(text: str) -> list[str]:
    """Lines as Rust and CommonMark see them: only LF, CRLF and CR end a line. (Python's
    `splitlines` also splits at U+2028, U+0085 and form feeds, which may sit in a string or
    a comment.)"""
    return re.split(r"\r\n|\r|\n", text.removesuffix("\n").removesuffix("\r")) if text else []


def regions_in_markdown(text: str, path: Path, display: str) -> list[SnippetRegion]:
    """The Rust fenced blocks of a Markdown text, in order."""
    if "```" not in text and "~~~" not in text:
        return []  # no fence at all: most pages, and no parse needed
    source = split_lines(text)
    regions = []
    for token in block_tokens(text):
        if token.type != "fence" or token.map is None or not token.markup.startswith(("`", "~")):
            continue
        info = parse_info(token.info)
        if not info.is_rust:
            continue
        first = token.map[0] + 1  # 0-based index of the first content line
        lines = [_code_line(raw, source[first + k] if first + k < len(source) else raw, first + k + 1)
                 for k, raw in enumerate(split_lines(token.content))]
        includes = tuple(m.group(2) for c in lines if (m := INCLUDE.match(c.text)))
        start, end = token.map[0] + 1, token.map[1]
        if includes and all(INCLUDE.match(c.text) or not c.text.strip() for c in lines):
            regions.append(SnippetRegion(path, display, start, info, (), includes, end))
        else:
            regions.append(SnippetRegion(path, display, start, info, tuple(lines), end=end))
    return regions


def region_of_rust_file(text: str, path: Path, display: str) -> SnippetRegion:
    """A whole `.rs` file is one snippet; its lines map to themselves."""
    lines = tuple(CodeLine(raw, n, 0) for n, raw in enumerate(split_lines(text), start=1))
    return SnippetRegion(path, display, 1, parse_info("rust"), lines, whole_file=True)


def _code_line(content: str, source_line: str, number: int) -> CodeLine:
    """Apply rustdoc's hidden-line rule to one content line, keeping its source column."""
    # markdown-it removed the container prefix (list indent, `> `); the rest is a suffix.
    prefix = len(source_line) - len(content) if source_line.endswith(content) else 0
    stripped = content.lstrip()
    lead = len(content) - len(stripped)
    if stripped.startswith("##"):
        return CodeLine(content.replace("##", "#", 1), number, prefix + 1)
    if stripped.startswith("# "):
        return CodeLine(stripped[2:], number, prefix + lead + 2, hidden=True)
    if stripped == "#":
        return CodeLine("", number, prefix + lead + 1, hidden=True)
    return CodeLine(content, number, prefix)
