"""Just enough Rust syntax to treat a snippet the way rustdoc does, on real tokens.

Pygments' Rust lexer does the lexing (comments, nested block comments, strings, raw strings,
byte and char literals, lifetimes), so a `'"'` char or `fn main(` inside a raw string can
never be mistaken for code. On top of the tokens this module finds: the top-level items and
where they end, whether the snippet defines `main`, which path roots are crates (and which
are local names, tool attributes or imports), and `#[cfg(...)]` attributes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pygments.lexers import RustLexer
from pygments.token import Comment, Literal, Name, Operator, Punctuation, Text, Token

_LEXER = RustLexer(stripnl=False)

# Path roots that never name a crate from a profile.
BUILTIN_ROOTS = {"std", "core", "alloc", "proc_macro", "test", "crate", "self", "super", "Self",
                 "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize",
                 "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64"}
# Attribute namespaces of tools, not crates: `#[rustfmt::skip]`, `#[diagnostic::on_unimplemented]`.
TOOL_NAMESPACES = {"rustfmt", "clippy", "diagnostic", "rustdoc", "rust_analyzer", "miri"}
ITEM_KEYWORDS = {"fn", "struct", "enum", "union", "trait", "impl", "mod", "use", "extern", "const",
                 "static", "type", "macro_rules"}
_DECLARES = {"mod", "enum", "struct", "trait", "type", "union", "fn", "const", "static"}
_MODIFIERS = {"pub", "unsafe", "async", "default", "auto"}
_ENDS_AT_SEMICOLON = {"const", "static", "type", "use"}  # braces inside them are not a body
# Pygments lexes attributes (`#[tokio::main]`) as one preprocessor-comment run, with string
# literals split out; the run itself holds only names, paths, numbers and punctuation.
_ATTRIBUTE_PART = re.compile(r"\s+|([A-Za-z_][A-Za-z0-9_]*)|(::)|([0-9][0-9A-Za-z_.]*)|(.)")


@dataclass(frozen=True)
class Tok:
    kind: str  # ident | punct | literal | lifetime
    text: str
    line: int  # 0-based line of the code
    depth: int  # bracket depth ((), [], {}) before this token


def tokens(code: str) -> list[Tok]:
    """Significant tokens (no whitespace or comments), with `::` joined and lifetimes whole.
    A snippet is read several times per check (crate inference, wrapping): lexed once."""
    return list(_tokens(code))


@functools.lru_cache(maxsize=1024)
def _tokens(code: str) -> tuple[Tok, ...]:
    out: list[Tok] = []
    line, depth = 0, 0
    pending_quote = False
    string_end = -1  # where the last string piece ended: pygments splits literals into pieces
    for offset, kind, text in _LEXER.get_tokens_unprocessed(code + "\n"):  # `//` needs its newline
        if kind in Literal.String and offset == string_end and out and out[-1].kind == "literal":
            out[-1] = Tok("literal", out[-1].text + text, out[-1].line, out[-1].depth)
            string_end = offset + len(text)
            line += text.count("\n")
            continue
        if kind in Literal.String:
            string_end = offset + len(text)
        if kind in Comment.Preproc:
            for part in _ATTRIBUTE_PART.finditer(text):
                ident, path, number, char = part.groups()
                if ident:
                    out.append(Tok("ident", ident, line, depth))
                elif path:
                    out.append(Tok("punct", "::", line, depth))
                elif number:
                    out.append(Tok("literal", number, line, depth))
                elif char:
                    if char in ")]}":
                        depth = max(depth - 1, 0)
                    out.append(Tok("punct", char, line, depth))
                    if char in "([{":
                        depth += 1
                line += part.group(0).count("\n")
            continue
        if kind in Comment or kind in Text or kind is Token.Text.Whitespace or not text.strip():
            line += text.count("\n")
            continue
        if kind in Literal.String or kind in Literal.Number or kind in Literal:
            out.append(Tok("literal", text, line, depth))
        elif kind in Operator and text == "'":
            pending_quote = True
            continue
        elif pending_quote and kind in Name:
            out.append(Tok("lifetime", "'" + text, line, depth))
        elif kind in Punctuation or kind in Operator:
            for char in _split_punct(text):
                if char == ":" and out and out[-1].text == ":" and out[-1].kind == "punct":
                    out[-1] = Tok("punct", "::", out[-1].line, out[-1].depth)
                    continue
                if char in ")]}":
                    depth = max(depth - 1, 0)
                out.append(Tok("punct", char, line, depth))
                if char in "([{":
                    depth += 1
        else:  # names and keywords are identifiers to the grammar
            out.append(Tok("ident", text, line, depth))
        pending_quote = False
        line += text.count("\n")
    return tuple(out)


def _split_punct(text: str) -> list[str]:
    """Brackets and separators one per token (the lexer may group them); operators whole."""
    if len(text) > 1 and all(c in "()[]{};,#!" for c in text):
        return [*text]
    return [text]


@dataclass(frozen=True)
class Item:
    """A top-level item of a snippet: its first and last token index and line (0-based)."""

    start: int
    end: int
    first_line: int
    last_line: int
    keyword: str  # fn, struct, use, extern, mod, …; "#!" for a crate attribute
    name: str  # declared name, or "" (impl, use, crate attribute)
    attributes: tuple[tuple[int, int], ...]  # token spans of its outer attributes `#[...]`


def _closing(toks: list[Tok], index: int) -> int:
    """Index of the bracket closing the one at `index`."""
    depth = toks[index].depth
    for j in range(index + 1, len(toks)):
        if toks[j].kind == "punct" and toks[j].text in ")]}" and toks[j].depth == depth:
            return j
    return len(toks) - 1


def top_level(toks: list[Tok]) -> tuple[list[Item], list[tuple[int, int]]]:
    """The snippet's top-level items, and the token spans of everything else (statements)."""
    items: list[Item] = []
    other: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        start = i
        attributes = []
        if toks[i].text == "#" and i + 2 < len(toks) and toks[i + 1].text == "!" and toks[i + 2].text == "[":
            end = _closing(toks, i + 2)
            items.append(Item(i, end, toks[i].line, toks[end].line, "#!", "", ()))
            i = end + 1
            continue
        while i + 1 < len(toks) and toks[i].text == "#" and toks[i + 1].text == "[":
            end = _closing(toks, i + 1)
            attributes.append((i, end))
            i = end + 1
        keyword, j = item_keyword(toks, i)
        if not keyword:
            end = statement_end(toks, i)
            other.append((start, end))
            i = end + 1
            continue
        end = item_end(toks, j)
        name = _declared_name(toks, j, keyword)
        items.append(Item(start, end, toks[start].line, toks[end].line, keyword, name, tuple(attributes)))
        i = end + 1
    return items, other


def item_keyword(toks: list[Tok], i: int) -> tuple[str, int]:
    """The item keyword (fn, struct, use…) of the item starting at `i` after its visibility and
    modifiers, and its index; ("", i) when a statement or expression starts there."""
    j = i
    while j < len(toks) and toks[j].kind == "ident" and toks[j].text in _MODIFIERS:
        j += 1
        if j < len(toks) and toks[j].text == "(":  # pub(crate)
            j = _closing(toks, j) + 1
    if j + 1 < len(toks) and toks[j].text == "extern" and toks[j + 1].kind == "literal":
        j += 2 if j + 2 < len(toks) and toks[j + 2].text == "fn" else 0  # extern "C" fn
    keyword = toks[j].text if j < len(toks) and toks[j].kind == "ident" else ""
    if keyword == "const" and j + 1 < len(toks) and toks[j + 1].text in ("fn", "unsafe", "async"):
        keyword, j = toks[j + 1].text if toks[j + 1].text == "fn" else "fn", j + 1
    if keyword == "const" and j + 1 < len(toks) and toks[j + 1].text == "{":
        keyword = ""  # a const block is an expression
    if keyword == "macro_rules" and not (j + 1 < len(toks) and toks[j + 1].text == "!"):
        keyword = ""
    return (keyword, j) if keyword in ITEM_KEYWORDS else ("", i)


def item_end(toks: list[Tok], j: int) -> int:
    """Last token of the item whose keyword is at `j`: its `;` or the `}` of its body."""
    keyword = toks[j].text
    if keyword == "extern" and j + 1 < len(toks) and toks[j + 1].text == "crate":
        keyword = "use"
    for k in range(j + 1, len(toks)):
        tok = toks[k]
        if tok.kind != "punct":
            continue
        if tok.text == ";" and tok.depth == toks[j].depth:
            return k
        if tok.text == "{" and tok.depth == toks[j].depth and keyword not in _ENDS_AT_SEMICOLON:
            return _closing(toks, k)
    return len(toks) - 1


def statement_end(toks: list[Tok], i: int) -> int:
    """Last token of a statement or expression starting at `i` (through `;` or a closing `}`)."""
    depth = toks[i].depth
    for k in range(i, len(toks)):
        tok = toks[k]
        if tok.kind == "punct" and tok.depth == depth:
            if tok.text == ";":
                return k
            if tok.text == "{":
                close = _closing(toks, k)
                after = toks[close + 1] if close + 1 < len(toks) else None
                # `if x { } else { }`, `match x { }.method()` and `loop { }` continue; a block
                # followed by a new line that starts another statement ends it.
                if after is None or (after.line > toks[close].line and after.text not in
                                     (".", "else", "?", ";", ")", ",", "as")):
                    return close
    return len(toks) - 1


def _declared_name(toks: list[Tok], j: int, keyword: str) -> str:
    if keyword == "macro_rules":
        return toks[j + 2].text if j + 2 < len(toks) else ""
    if keyword in _DECLARES and j + 1 < len(toks) and toks[j + 1].kind == "ident":
        return toks[j + 1].text
    return ""


def defines_main(toks: list[Tok]) -> bool:
    """A top-level `fn main` (not a method, not text in a string)."""
    return any(t.text == "fn" and t.depth == 0 and i + 2 < len(toks) and toks[i + 1].text == "main"
               and toks[i + 2].text in ("(", "<")
               for i, t in enumerate(toks) if t.kind == "ident")


def declared_names(toks: list[Tok]) -> set[str]:
    """Names the snippet declares anywhere: mod, enum, struct, trait, fn, macro_rules!…"""
    names = set()
    for i, tok in enumerate(toks):
        if tok.kind != "ident":
            continue
        if tok.text in _DECLARES and i + 1 < len(toks) and toks[i + 1].kind == "ident":
            names.add(toks[i + 1].text)
        elif tok.text == "macro_rules" and i + 2 < len(toks) and toks[i + 1].text == "!":
            names.add(toks[i + 2].text)
    return names


def imported_names(toks: list[Tok]) -> set[str]:
    """Names `use` declarations bring into scope (`time` in `use tokio::time::{self, …}`)."""
    return {name for tree in use_trees(toks) for name in tree.imports}


@dataclass(frozen=True)
class UseTree:
    root: str  # first path segment ("" for `use ::x` it is the segment after `::`)
    imports: frozenset[str]  # names the tree brings into scope


def use_trees(toks: list[Tok]) -> list[UseTree]:
    trees = []
    for i, tok in enumerate(toks):
        if tok.kind == "ident" and tok.text == "use" and not (i and toks[i - 1].text in ("::", ".")):
            end = next((k for k in range(i + 1, len(toks)) if toks[k].text == ";"
                        and toks[k].depth == tok.depth), len(toks))
            body = toks[i + 1:end]
            if body and body[0].text == "::":
                body = body[1:]
            if body and body[0].kind == "ident":
                # `use serde_json;` binds the crate's own name: that is not a local name
                imports = _imports(body) - ({body[0].text} if len(body) == 1 else set())
                trees.append(UseTree(body[0].text, frozenset(imports)))
    return trees


def _imports(body: list[Tok]) -> set[str]:
    """Names a use tree binds: leaf segments, `as` renames, and `x` for `x::{self}`."""
    names: set[str] = set()
    for k, tok in enumerate(body):
        if tok.kind != "ident":
            continue
        nxt = body[k + 1].text if k + 1 < len(body) else ""
        prev = body[k - 1].text if k else ""
        if prev == "as":
            names.add(tok.text)
        elif tok.text == "self" and prev in ("{", ","):
            # `a::b::{self, c}` binds `b`: the segment before the brace
            depth = tok.depth
            for back in range(k - 1, -1, -1):
                if body[back].text == "{" and body[back].depth == depth - 1 and back >= 2:
                    names.add(body[back - 2].text)
                    break
        elif nxt in (",", "}", "") and tok.text not in ("self", "as", "_"):
            names.add(tok.text)
        elif nxt == "as":
            continue
    return names


def extern_crates(toks: list[Tok]) -> set[str]:
    """`extern crate x;` names x as a crate, whatever else the snippet calls x."""
    return {toks[i + 2].text for i in range(len(toks) - 2)
            if toks[i].text == "extern" and toks[i + 1].text == "crate" and toks[i + 2].kind == "ident"}


def path_roots(toks: list[Tok]) -> tuple[set[str], set[str]]:
    """(every path root `x::…` outside use trees and tool attributes, including attribute paths
    such as `#[tokio::main]`; the roots of use trees and `extern crate`, which must be crates)."""
    roots: set[str] = set()
    strong = {t.root for t in use_trees(toks)}
    in_use_until = -1
    for i, tok in enumerate(toks):
        if tok.kind == "ident" and tok.text == "use" and not (i and toks[i - 1].text in ("::", ".")):
            in_use_until = next((k for k in range(i + 1, len(toks)) if toks[k].text == ";"
                                 and toks[k].depth == tok.depth), len(toks))
        if i <= in_use_until or tok.kind != "ident":
            continue
        if tok.text == "crate" and i and toks[i - 1].text == "extern" and i + 1 < len(toks):
            strong.add(toks[i + 1].text)
            continue
        after = toks[i + 1].text if i + 1 < len(toks) else ""
        before = toks[i - 1].text if i else ""
        if after != "::" or before in ("::", ".", "$"):
            continue
        # An attribute path (`#[tokio::main]`) names a crate only if a profile has one of that
        # name: helper attributes such as rstest's `#[case::name]` look the same.
        roots.add(tok.text)
    return roots - TOOL_NAMESPACES, strong - BUILTIN_ROOTS - TOOL_NAMESPACES
