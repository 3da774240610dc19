"""Wrapping a snippet into a compilable crate the way rustdoc does, keeping a line map.

The generated file is a list of lines, each either copied from the snippet (mapped back to
its `CodeLine`) or added by the wrapper (mapped to the fence line). Copied lines are never
re-indented, so compiler columns stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .extract import CodeLine

# Bump when the generated code changes: it is part of every cache key.
WRAPPER_VERSION = "2"  # 2: checked in test mode

_MAIN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+main\s*\(", re.M)
_CRATE_ATTR = re.compile(r"^\s*#!\[.*\]\s*(//.*)?$")
_EXTERN_CRATE = re.compile(r"^\s*extern\s+crate\s+\w+(\s+as\s+\w+)?\s*;\s*(//.*)?$")
_AWAIT = re.compile(r"\.await\b")
_OK_TAIL = re.compile(r"^\s*Ok::<")


@dataclass(frozen=True)
class Wrapped:
    """The generated source, and for each of its lines the snippet line it came from (or None)."""

    source: str
    origin: tuple[CodeLine | None, ...]

    def locate(self, line: int) -> CodeLine | None:
        """The snippet line behind generated 1-based `line` (None for wrapper lines)."""
        return self.origin[line - 1] if 0 < line <= len(self.origin) else None


def wrap(lines: tuple[CodeLine, ...]) -> Wrapped:
    out: list[tuple[str, CodeLine | None]] = [("#![allow(unused)]", None)]
    code = "\n".join(c.text for c in lines)
    if _MAIN.search(code):
        out += [(c.text, c) for c in lines]
        return _build(out)
    # rustdoc: crate attributes and `extern crate` stay at crate level, the rest goes in main.
    head = 0
    while head < len(lines) and (not lines[head].text.strip() or _CRATE_ATTR.match(lines[head].text)
                                 or _EXTERN_CRATE.match(lines[head].text)):
        head += 1
    out += [(c.text, c) for c in lines[:head]]
    body = lines[head:]
    is_async = bool(_AWAIT.search(code))
    last = next((c.text for c in reversed(body) if c.text.strip()), "")
    returns = " -> Result<(), impl core::fmt::Debug>" if _OK_TAIL.match(last) else ""
    if is_async:
        # Type-checking needs no runtime: the body becomes an async fn that main never calls.
        out += [("fn main() {}", None), (f"async fn __webyet_snippet(){returns} {{", None)]
        out += [(c.text, c) for c in body]
        out.append(("}", None))
    elif returns:
        out.append((f"fn main() {{ fn __webyet_snippet(){returns} {{", None))
        out += [(c.text, c) for c in body]
        out.append(("} __webyet_snippet().unwrap() }", None))
    else:
        out.append(("fn main() {", None))
        out += [(c.text, c) for c in body]
        out.append(("}", None))
    return _build(out)


def _build(out: list[tuple[str, CodeLine | None]]) -> Wrapped:
    return Wrapped("".join(text + "\n" for text, _ in out), tuple(origin for _, origin in out))
