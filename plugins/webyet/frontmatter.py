"""Split a Markdown file into YAML front matter and body, safely and with positions.

Safety comes from never constructing anything but plain data: the YAML is composed into
nodes (no constructors run), aliases and unknown tags are refused, nesting and size are
capped, and every error carries the `line:col` of the offending node in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 1024 * 1024
MAX_FRONT_MATTER_BYTES = 32 * 1024
MAX_DEPTH = 12

FENCE = re.compile(r"^---[ \t]*$")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_BREAK = re.compile(r"\r\n|\r|\n")
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")
CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_T = "tag:yaml.org,2002:"
SCALAR_TAGS = {f"{_T}{n}" for n in ("str", "int", "float", "bool", "null", "timestamp")}

KeyPath = tuple[str | int, ...]
# libyaml's safe loader when PyYAML was built with it: the same events and nodes (with marks),
# several times faster on a thousand files.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Document:
    """A Markdown file read from disk: front matter values, their positions, and the body."""

    path: Path
    display: str
    front_matter: dict[str, Any] | None
    body: str
    body_line: int  # 1-based file line where `body` starts
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, key_path: KeyPath) -> tuple[int, int]:
        """Line and column of the deepest known node on `key_path` (the `---` line if none)."""
        return nearest_position(self.positions, key_path, (1, 1))


def nearest_position(positions: dict[KeyPath, tuple[int, int]], key_path: KeyPath,
                     default: tuple[int, int]) -> tuple[int, int]:
    """The position of the deepest prefix of `key_path` that has one."""
    for end in range(len(key_path), -1, -1):
        if key_path[:end] in positions:
            return positions[key_path[:end]]
    return default


class YamlError(Exception):
    """A located YAML problem (line and column in the file)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def read_document(
    path: Path, display: str, *, require_front_matter: bool
) -> tuple[Document | None, list[Problem]]:
    """Read `path`; return the document, or None and the problems that stop reading it."""

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(display, 1, 1, f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")]
    return parse_document(path.read_bytes(), path, display, require_front_matter=require_front_matter)


@lru_cache(maxsize=4096)  # a preview's rebuild parses only the files that changed
def parse_document(
    raw: bytes, path: Path, display: str, *, require_front_matter: bool
) -> tuple[Document | None, list[Problem]]:
    """Parse a file's bytes (from disk or from git) into a document. The result is shared by
    every caller with the same bytes: never modify it."""

    def fail(line: int, col: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, col, message)]

    if len(raw) > MAX_FILE_BYTES:
        return fail(1, 1, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
    if not raw.strip():
        if require_front_matter:
            return fail(1, 1, "empty file: an entry starts with '---' front matter")
        return Document(path, display, None, "", 1), []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[:err.start]
        line = len(_BYTE_BREAK.findall(before)) + 1
        col = err.start - max(before.rfind(b"\n"), before.rfind(b"\r"))
        return fail(line, col, f"invalid UTF-8 byte 0x{raw[err.start]:02x}: files must be UTF-8")
    text = text.removeprefix("\ufeff")
    if not text.strip():  # only a byte-order mark (and blanks)
        if require_front_matter:
            return fail(1, 1, "empty file: an entry starts with '---' front matter")
        return Document(path, display, None, "", 1), []
    if "\x00" in text:
        line = len(_BREAK.findall(text, 0, text.index("\x00"))) + 1
        return fail(line, 1, "NUL byte in file: Markdown files must be text")

    lines = _LINE.findall(text)  # only LF, CRLF and CR end a line, as in editors and CommonMark
    if not FENCE.match(lines[0].rstrip("\r\n")):
        if require_front_matter:
            return fail(1, 1, "missing front matter: an entry starts with a '---' line")
        return Document(path, display, None, text, 1), []
    close = next((i for i in range(1, len(lines)) if CLOSE.match(lines[i].rstrip("\r\n"))), None)
    if close is None:
        return fail(1, 1, "front matter opened on line 1 is never closed with a '---' line")
    yaml_text = "".join(lines[1:close])
    body = "".join(lines[close + 1 :])
    if len(yaml_text.encode()) > MAX_FRONT_MATTER_BYTES:
        return fail(2, 1, f"front matter is larger than {MAX_FRONT_MATTER_BYTES} bytes")
    try:
        value, positions = load_yaml(yaml_text, first_line=2)
    except YamlError as err:
        return fail(err.line, err.col, err.message)
    if value is None:
        if require_front_matter:
            return fail(1, 1, "front matter is empty")
        value = {}
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else f"a {type(value).__name__} value"
        return fail(2, 1, f"front matter must be a mapping of keys to values, found {kind}")
    return Document(path, display, value, body, close + 2, positions), []


def load_yaml(text: str, first_line: int) -> tuple[Any, dict[KeyPath, tuple[int, int]]]:
    def at(mark: yaml.Mark | None) -> tuple[int, int]:
        return (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)

    # Pass 1 over the event stream: refuse aliases and deep nesting before composing,
    # since both are how a small document becomes a huge or recursive one.
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(
                    *at(event.start_mark), f"YAML alias '*{event.anchor}' is not allowed in front matter"
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(
                        *at(event.start_mark), f"front matter is nested deeper than {MAX_DEPTH} levels"
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(str(p) for p in (err.context, err.problem) if p)
        raise YamlError(*at(mark), f"invalid YAML: {message}") from None
    except yaml.YAMLError as err:
        raise YamlError(first_line, 1, f"invalid YAML: {err}") from None

    positions: dict[KeyPath, tuple[int, int]] = {}
    constructor = yaml.SafeLoader("")

    def build(node: yaml.Node, key_path: KeyPath) -> Any:
        if isinstance(node, yaml.MappingNode):
            if node.tag != f"{_T}map":
                raise YamlError(*at(node.start_mark), _tag_refused(node.tag))
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_T}str":
                    raise YamlError(
                        *at(key_node.start_mark), "mapping keys must be plain strings"
                    )
                key = key_node.value
                if key in result:
                    first = positions[(*key_path, key)][0]
                    raise YamlError(
                        *at(key_node.start_mark), f"duplicate key '{key}' (first on line {first})"
                    )
                positions[(*key_path, key)] = at(key_node.start_mark)
                result[key] = build(value_node, (*key_path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_T}seq":
                raise YamlError(*at(node.start_mark), _tag_refused(node.tag))
            items = []
            for index, item in enumerate(node.value):
                positions[(*key_path, index)] = at(item.start_mark)
                items.append(build(item, (*key_path, index)))
            return items
        if node.tag not in SCALAR_TAGS:
            raise YamlError(*at(node.start_mark), _tag_refused(node.tag))
        if node.tag == f"{_T}timestamp":
            if not DATE.match(node.value):
                raise YamlError(
                    *at(node.start_mark), f"'{node.value}': write dates as YYYY-MM-DD"
                )
            try:
                return dt.date.fromisoformat(node.value)
            except ValueError as err:
                raise YamlError(
                    *at(node.start_mark), f"impossible date '{node.value}': {err}"
                ) from None
        return constructor.construct_object(node, deep=True)

    if node is None:
        return None, positions
    return build(node, ()), positions


def _tag_refused(tag: str) -> str:
    shown = tag.replace(_T, "!!")
    return f"YAML tag '{shown}' is not allowed: front matter is plain data"
