"""Wrapping a snippet into a compilable crate the way rustdoc does, keeping a line map.

rustdoc's rules (`rustdoc --test`), applied on tokens (`syntax.py`), never on raw text:
- a block that defines a top-level `fn main` is compiled as it is;
- otherwise crate attributes (`#![…]`) and `extern crate` items (with their attributes, such
  as `#[macro_use]`) go to the crate root and everything else into `fn main() { … }`;
- when that code ends in `(())` (an `Ok(())` tail), `main` runs an inner function returning
  `Result<(), impl Debug>`, so `?` works.

webyet adds two things, both listed in the README: code that uses `.await` goes into an
`async fn` (type-checked, never run), and a block with tests (`#[test]`, `#[cfg(test)]`…)
is also compiled in test mode, with its items at the crate root so `use super::*` in a
`mod tests` sees them.

The generated file is a list of lines, each either copied from the snippet (mapped back to
its `CodeLine`) or added by the wrapper (mapped to the fence line). Copied lines are never
re-indented, so compiler columns stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract import CodeLine
from .syntax import Item, Tok, defines_main, item_end, item_keyword, statement_end, tokens, top_level

# Bump when the generated code changes: it is part of every cache key.
WRAPPER_VERSION = "3"  # 3: rustdoc's hoisting and `(())` rule, normal mode, test-mode variant

# cfg predicates with a known value when snippets are checked: a generated package with no
# features, on Linux, in the dev profile. Others (target_arch, doctest…) count as unknown.
_CFG_TRUE = {"unix", "debug_assertions", "target_os=linux", "target_family=unix", "panic=unwind"}
_CFG_FALSE_NAMES = {"windows", "doc", "miri", "feature", "target_os", "target_family", "panic"}


@dataclass(frozen=True)
class Wrapped:
    """The generated source, and for each of its lines the snippet line it came from (or None)."""

    source: str
    origin: tuple[CodeLine | None, ...]

    def locate(self, line: int) -> CodeLine | None:
        """The snippet line behind generated 1-based `line` (None for wrapper lines)."""
        return self.origin[line - 1] if 0 < line <= len(self.origin) else None


@dataclass(frozen=True)
class CompiledOut:
    """Code under a `#[cfg(…)]` that is false in every mode the snippet is checked in."""

    first_line: int  # 0-based lines of the snippet: the attribute …
    last_line: int  # … through the end of the code it guards
    cfg: str  # the attribute's line as written, for the message


@dataclass(frozen=True)
class Shape:
    """What the wrapper needs to know about a snippet, read once from its tokens."""

    toks: list[Tok]
    has_main: bool
    items: list[Item]
    has_tests: bool  # test functions or `cfg(test)` code: also compiled in test mode
    compiled_out: list[CompiledOut] = field(default_factory=list)


def shape_of(lines: tuple[CodeLine, ...]) -> Shape:
    toks = tokens("\n".join(c.text for c in lines))
    items, _ = top_level(toks)
    has_tests = any(_is_test_attribute(path, args) for _, _, path, args in _attributes(toks))
    shape = Shape(toks, defines_main(toks), items, has_tests)
    for first, last in _compiled_out(toks, has_tests):
        shape.compiled_out.append(CompiledOut(first, last, lines[first].text.strip()))
    return shape


def wrap(lines: tuple[CodeLine, ...], *, whole_file: bool = False, for_tests: bool = False,
         shape: Shape | None = None) -> Wrapped:
    """The snippet as a crate; `for_tests` gives the test-mode variant (items at the root)."""
    shape = shape or shape_of(lines)
    out: list[tuple[str, CodeLine | None]] = [("#![allow(unused)]", None)]
    if whole_file or shape.has_main:
        out += [(c.text, c) for c in lines]
        if not shape.has_main:  # a library-style `.rs` file is checked as it is
            out.append(("fn main() {}", None))
        return _build(out)
    hoisted = _hoisted_lines(lines, shape, every_item=for_tests)
    crate_attrs = [c for i, c in enumerate(lines) if hoisted.get(i) == "#!"]
    root_items = [c for i, c in enumerate(lines) if hoisted.get(i) not in (None, "#!")]
    out += [(c.text, c) for c in crate_attrs + root_items]
    if for_tests:
        # The statements were checked by the plain build; test mode checks the items (tests
        # among them), so `cfg(not(test))` items used by statements do not break it.
        out.append(("fn main() {}", None))
        return _build(out)
    body = [c for i, c in enumerate(lines) if i not in hoisted]
    tail = [t.text for t in shape.toks if t.line not in hoisted][-4:]
    # rustdoc: code whose last tokens are `(())` (an `Ok(())` tail, comments aside) returns a Result
    returns = " -> core::result::Result<(), impl core::fmt::Debug>" if tail == ["(", "(", ")", ")"] else ""
    if _uses_await(shape.toks):
        # webyet's extension: type-checking needs no runtime, so the body becomes an async fn
        # that main never calls (rustdoc would reject `.await` outside an async fn).
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


def _hoisted_lines(lines: tuple[CodeLine, ...], shape: Shape, *, every_item: bool) -> dict[int, str]:
    """Line index → item kind, for the items that move to the crate root. rustdoc moves crate
    attributes and `extern crate`; test mode moves every item. An item moves only when it owns
    its lines (no other code shares them)."""
    owners: dict[int, int] = {}
    for tok in shape.toks:
        owners[tok.line] = owners.get(tok.line, 0) + 1
    moved: dict[int, str] = {}
    for item in shape.items:
        crate_level = item.keyword == "#!" or (
            item.keyword == "extern" and _is_extern_crate(shape.toks, item))
        if not (every_item or crate_level):
            continue
        span = range(item.first_line, item.last_line + 1)
        if sum(owners.get(n, 0) for n in span) != item.end + 1 - item.start:
            continue  # shares a line with other code: leave it where it is
        for number in span:
            moved[number] = item.keyword
    return moved


def _is_extern_crate(toks: list[Tok], item: Item) -> bool:
    return any(t.text == "crate" for t in toks[item.start:item.end + 1])


def _uses_await(toks: list[Tok]) -> bool:
    return any(t.text == "await" and i and toks[i - 1].text == "." for i, t in enumerate(toks))


def _attributes(toks: list[Tok]) -> list[tuple[int, int, str, list[Tok]]]:
    """(start, end, path, argument tokens) of every `#[…]` and `#![…]` attribute."""
    found = []
    for i, tok in enumerate(toks):
        if tok.text != "#" or tok.kind != "punct":
            continue
        j = i + 1 + (i + 1 < len(toks) and toks[i + 1].text == "!")
        if j >= len(toks) or toks[j].text != "[":
            continue
        end = next((k for k in range(j + 1, len(toks)) if toks[k].text == "]"
                    and toks[k].depth == toks[j].depth), len(toks) - 1)
        path, k = [], j + 1
        while k < end and (toks[k].kind == "ident" or toks[k].text == "::"):
            path.append(toks[k].text)
            k += 1
        found.append((i, end, "".join(path), toks[k:end]))
    return found


def _is_test_attribute(path: str, args: list[Tok]) -> bool:
    last = path.rsplit("::", 1)[-1]
    return last in ("test", "rstest") or (path == "cfg" and any(t.text == "test" for t in args))


def _compiled_out(toks: list[Tok], has_tests: bool) -> list[tuple[int, int]]:
    """(first, last) lines of code under a cfg that is false in every mode it is checked in."""
    found = []
    for start, end, path, args in _attributes(toks):
        if path != "cfg" or not args or args[0].text != "(":
            continue
        predicate = args[1:-1]
        normal, in_tests = _cfg_value(predicate, test=False), _cfg_value(predicate, test=True)
        if normal is False and (in_tests is False or not has_tests):
            found.append((toks[start].line, _guarded_last_line(toks, start, end)))
    return found


def _guarded_last_line(toks: list[Tok], start: int, end: int) -> int:
    """Last line of the item or statement an attribute (tokens `start`…`end`) applies to."""
    if toks[start + 1].text == "!":
        return toks[-1].line  # a crate attribute guards the whole snippet
    k = end + 1
    while k + 1 < len(toks) and toks[k].text == "#" and toks[k + 1].text == "[":  # more attributes
        k = next((m for m in range(k + 2, len(toks)) if toks[m].text == "]"
                  and toks[m].depth == toks[k + 1].depth), len(toks) - 1) + 1
    if k >= len(toks):
        return toks[end].line
    keyword, j = item_keyword(toks, k)
    return toks[item_end(toks, j) if keyword else statement_end(toks, k)].line


def _cfg_value(pred: list[Tok], *, test: bool) -> bool | None:
    """Three-valued cfg evaluation: True, False, or None when it depends on the machine."""
    value, _ = _cfg_parse(pred, 0, test)
    return value


def _cfg_parse(pred: list[Tok], i: int, test: bool) -> tuple[bool | None, int]:
    if i >= len(pred):
        return None, i
    name = pred[i].text
    if name in ("any", "all", "not") and i + 1 < len(pred) and pred[i + 1].text == "(":
        values, k = [], i + 2
        while k < len(pred) and pred[k].text != ")":
            if pred[k].text == ",":
                k += 1
                continue
            value, k = _cfg_parse(pred, k, test)
            values.append(value)
        k += 1
        if name == "not":
            v = values[0] if values else None
            return (None if v is None else not v), k
        if name == "any":
            return (True if True in values else None if None in values else False), k
        return (False if False in values else None if None in values else True), k
    if i + 2 < len(pred) and pred[i + 1].text == "=":
        key = f"{name}={pred[i + 2].text.strip(chr(34))}"
        if key in _CFG_TRUE:
            return True, i + 3
        return (False if name in _CFG_FALSE_NAMES else None), i + 3
    if name == "test":
        return test, i + 1
    if name in _CFG_TRUE:
        return True, i + 1
    return (False if name in _CFG_FALSE_NAMES else None), i + 1


def _build(out: list[tuple[str, CodeLine | None]]) -> Wrapped:
    return Wrapped("".join(text + "\n" for text, _ in out), tuple(origin for _, origin in out))
