"""Generated hostile input for webyet, and the oracle that judges what webyet makes of it.

Shared by the property tests (tests/test_fuzz.py) and the long run (benchmarks/fuzz.py). A
`Case` is a few files of a project (content pages, snippet files); `run_case` feeds it
through the real loader and checker, renders every directive the way a page build does, and
asserts the promise: no exception escapes (only `render_views`' documented ValueError, and
only for a page that `webyet check` reports), and every problem is located inside the
project at a line and column of a file that exists.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import strategies as st

from webyet.catalog import Catalog
from webyet.checks import content_problems
from webyet.directives import KEYS, find_directives, may_hold_directives
from webyet.freshness.attach import load_with_registry
from webyet.problems import Problem, Severity
from webyet.render.columns import available_columns
from webyet.render.html import Links
from webyet.schema import DEATH_CAUSES, MODELS, STATUSES, VERDICTS
from webyet.snippets.check import regions_of
from webyet.snippets.extract import INCLUDE
from webyet.views import check_views, render_views

from .conftest import make_content

# A topic that checks clean on its own, so a case's problems are all about the generated files
# (conftest's TOPIC is 'almost' with no entries: two rule errors in every run).
TOPIC = ("---\ntitle: Web frameworks\nkind: topic\nsummary: Server-side frameworks.\nverdict: not-yet\n"
         "verdict_reason: Fixture topic.\ncriteria: [A fixture criterion.]\nlast_reviewed: 2026-01-01\n---\n")
FULL_BODY = ("\n## What it is\n\nText.\n\n## Minimal example\n\n```rust,ignore,reason=\"fixture\"\n"
             "fn main() {}\n```\n\n## Gotchas\n\nNone.\n\n## How it compares\n\nText.\n")
SNIPPET_FILES = {"web/there.rs": b"fn main() {}\n", "web/part.rs": b"// --8<-- [start:part]\nfn f() {}\n"
                 b"// --8<-- [end:part]\n", "web/page.md": b"```rust\n--8<-- \"web/there.rs\"\n```\n"}


@dataclass
class Case:
    """Files of a generated project: `files` under content/, `snippets` under snippets/."""

    files: dict[str, bytes]
    snippets: dict[str, bytes] = field(default_factory=dict)

    def reproducer(self) -> str:
        """The case as a reader can paste it back: each file's path and bytes."""
        parts = [f"content/{p}: {d!r}" for p, d in self.files.items()]
        parts += [f"snippets/{p}: {d!r}" for p, d in self.snippets.items()]
        return "\n".join(parts)


@dataclass
class Outcome:
    catalog: Catalog
    problems: list[Problem]
    rendered: int  # documents whose directives rendered to HTML
    refused: int  # documents render_views refused with its documented ValueError


# Crashes found by fuzzing and reported (see tests/test_fuzz.py for their reproducers):
# id → (exception type, plugin file, the function it escapes from).
# Findings not fixed yet: id → (exception type, file, function) of the crash. A matching crash is
# set aside so the property tests keep testing everything else; every finding so far is fixed.
KNOWN: dict[str, tuple[type[BaseException], str, str]] = {}


def crash_site(err: BaseException) -> str:
    """Where `err` came from: the innermost webyet frame it went through (or the innermost)."""
    frames = traceback.extract_tb(err.__traceback__)
    ours = [f for f in frames if "/plugins/webyet/" in f.filename] or frames[-1:]
    return f"{Path(ours[-1].filename).name}:{ours[-1].name}" if ours else "?"


def known_finding(err: BaseException) -> str | None:
    """The KNOWN id of `err`, if it is one (the oracle's own assertions never are)."""
    if isinstance(err, AssertionError):
        return None
    site = crash_site(err)
    return next((k for k, (kind, *at) in KNOWN.items() if type(err) is kind and site == ":".join(at)), None)


# --- the oracle ---------------------------------------------------------------------------------

def run_case(case: Case, tmp: Path) -> Outcome:
    """Load and check `case` in the empty folder `tmp`; assert every problem is located."""
    files = {"topics/web-frameworks.md": TOPIC.encode(), **case.files}
    content = make_content(tmp, files)
    for rel, data in case.snippets.items():
        (tmp / "snippets" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "snippets" / rel).write_bytes(data)
    catalog = load_with_registry(content)
    problems = content_problems(catalog)
    written = {f"content/{rel}": data for rel, data in files.items()}
    bad = [f"{p.format()}  ({why})" for p in problems if (why := unlocated(p, tmp, written))]
    assert not bad, "problems without a proper location:\n" + "\n".join(bad)

    # A page build renders the directives of every document; refusing one (ValueError) is the
    # documented answer only for a document whose directives `webyet check` reports.
    reported = {p.path for p in check_views(catalog) if p.severity is Severity.ERROR}
    rendered = refused = 0
    docs = [*catalog.pages.items(), *((e.src_uri, e.doc) for e in catalog.entries.values())]
    for src_uri, doc in docs:
        if not may_hold_directives(doc.body):
            continue
        try:
            html = render_views(doc.body, catalog, Links(), src_uri)
        except ValueError as err:
            if type(err) is not ValueError:
                raise  # a UnicodeError is no refusal
            assert doc.display in reported, f"render_views refused {doc.display} ({err}); check was silent"
            refused += 1
        else:
            assert find_directives(html) == ([], []), f"a directive of {doc.display} was left in the page"
            rendered += 1
    # The snippet checker's region collection follows `--8<--` includes (no cargo runs here).
    regions_of(sorted(content.rglob("*.md")), tmp, tmp / "snippets")
    # What the check passes, the build must take: includes of every page without include errors.
    refused_includes = {p.path for p in problems if p.message.startswith(("included ", "include failed"))}
    for _, doc in docs:
        if doc.display not in refused_includes:
            build_includes(doc.body, tmp / "snippets")
    # Nothing vanishes: a file that loaded as neither entry nor page has an error of its own.
    loaded = {f"content/{uri}" for uri in [*catalog.pages, *(e.src_uri for e in catalog.entries.values())]}
    failed = {p.path for p in problems if p.severity is Severity.ERROR}
    silent = sorted(set(written) - loaded - failed)
    assert not silent, f"files dropped without a problem: {silent}"
    return Outcome(catalog, problems, rendered, refused)


def build_includes(body: str, snippets: Path) -> None:
    """Resolve `body`'s `--8<--` includes as the site build does (mkdocs.yml: pymdownx.snippets,
    base_path snippets/, check_paths): MkDocs reads pages with universal newlines."""
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={
        "pymdownx.snippets": {"base_path": [str(snippets)], "check_paths": True}})
    md.preprocessors["snippet"].run(body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def unlocated(problem: Problem, root: Path, written: dict[str, bytes]) -> str:
    """Why `problem` is not properly located ("" when it is)."""
    if not (isinstance(problem.line, int) and isinstance(problem.col, int)):
        return "line and column must be numbers"
    if problem.line < 1 or problem.col < 1:
        return "line and column are 1-based"
    if not problem.message.strip():
        return "empty message"
    shown = Path(problem.path)
    if shown.is_absolute() or not (root / shown).resolve().is_relative_to(root.resolve()):
        return "path outside the project"
    data = written.get(problem.path)
    if data is None:
        return "not one of the files checked"
    # Within the file by some count of lines: CommonMark's (LF, CRLF, CR), LF only (the byte
    # errors), or Python's `splitlines` (front matter). Which one is right is a finding apart.
    text = data.decode("utf-8", "replace")
    splits = (LINE_END.split(data), data.split(b"\n"), [x.encode() for x in text.splitlines()] or [b""])
    if not any(problem.line <= len(lines) and problem.col <= len(lines[problem.line - 1]) + 1
               for lines in splits):
        return "line:col past the end of the file"
    return ""


# --- values -------------------------------------------------------------------------------------

SLUGS = ("alpha", "beta", "gamma", "web-frameworks", "nope", "Alpha", "")
KIND_NAMES = (*MODELS, "frame-work", "Framework", "page", "")
COLUMNS = (*available_columns(set(MODELS)), "websocket", "features.", "features.nope", "Title", "")
WORDS = (*STATUSES, *VERDICTS, *DEATH_CAUSES, *KIND_NAMES, "brief", "full", "partial", "crate", "yes",
         "no", "on", "off", "tokio", "backend", "orm", "postgresql", "https://docs.rs/x",
         "http://docs.rs/x", "javascript:alert(1)", "https://", "https://user@host/", "https://e.org/a b",
         "2026-01-01", "2026-02-30", "2999-01-01", "<script>alert(1)</script>", "a\nb", "a\rb")
# Characters that have tripped parsers and line counters: bidi and zero-width marks, BOM,
# line and paragraph separators, C0/C1 controls, astral characters.
ODD = ("", " ", "\t", "\u202e", "\u200b", "\ufeff", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c",
       "\x7f", "\x1b[31m", "é", "e\u0301", "💥", "𝔘", "\r", "\n", "'", '"', "`", "#", ": ", "- ", "&a",
       "*a", "!tag", "%", "@", "|", ">", "{", "[", "]", "}", ",", "?", "---", "...", "\\", "<<")

text_values = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
    st.lists(st.sampled_from(ODD + WORDS), max_size=5).map("".join),
)
numbers = st.one_of(
    st.integers(),
    st.sampled_from([0, -1, 1, 2**63, 2**64, -(2**63) - 1, 10**400, -(10**400)]),
    st.floats(allow_nan=True, allow_infinity=True),
)
dates = st.one_of(st.dates(), st.sampled_from([dt.date.today(), dt.date.today() + dt.timedelta(days=1),
                                               dt.date(2026, 1, 1), dt.date.min, dt.date.max]))
scalars = st.one_of(st.none(), st.booleans(), numbers, dates, st.datetimes(), text_values)
# Keys other than plain strings (numbers, booleans, null) must be refused with a location.
keys = st.one_of(st.sampled_from((*MODELS["framework"].model_fields, "features", "async", "from", "summry")),
                 text_values, st.integers(), st.booleans(), st.none())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(keys, inner, max_size=4), max_leaves=12)


def skeleton(kind: str, slug: str, *, full: bool) -> dict[str, Any]:
    """Valid front matter of `kind` (before mutation): every field a real entry uses."""
    data: dict[str, Any] = {
        "title": slug.title() or "X", "kind": kind, "summary": f"About {slug}.", "aliases": [slug + "-rs"],
        "topics": ["web-frameworks"], "alternatives": [], "last_reviewed": dt.date(2026, 1, 1),
        "sources": [{"title": "Docs", "url": "https://docs.rs/x"}],
        "history": [{"date": dt.date(2025, 1, 1), "from": "experimental", "to": "usable", "why": "1.0."}],
    }
    if kind in ("framework", "data", "library", "tool"):
        data |= {"crate": slug.replace("-", "_") or "x", "status": "usable",
                 "depth": "full" if full else "brief", "repository": "https://github.com/x/y",
                 "license": "MIT OR Apache-2.0"}
        data["features"] = {
            "framework": {"category": "backend", "runtime": ["tokio"], "websockets": True,
                          "sse": {"value": "crate", "source": "https://docs.rs/x"}},
            "data": {"category": "orm", "async": True, "backends": ["postgresql", "sqlite"]},
            "library": {"category": "templating", "autoescape": {"value": True, "source": "https://e.org"}},
            "tool": {"category": "bundler", "ecosystem": "rust", "replaces": ["webpack"]},
        }[kind]
    if kind == "pattern":
        data["crates"] = ["alpha"]
    if kind == "topic":
        data |= {"verdict": "almost", "verdict_reason": "Why.", "criteria": ["A criterion."],
                 "leading": ["alpha"]}
    return data


@st.composite
def archived_block(draw: st.DrawFn) -> dict[str, Any]:
    return {"date": draw(dates), "cause": draw(st.sampled_from((*DEATH_CAUSES, "gone"))),
            "reason": draw(text_values), "successors": draw(st.lists(st.sampled_from(SLUGS), max_size=3))}


def _slots(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside nested dicts and lists."""
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, inner in items:
        found.append((*path, key))
        found += _slots(inner, (*path, key))
    return found


@st.composite
def mutated_entry(draw: st.DrawFn) -> dict[str, Any]:
    """A valid entry skeleton with a few fields dropped, replaced, added or retyped."""
    kind = draw(st.sampled_from(tuple(MODELS)))
    data = skeleton(kind, draw(st.sampled_from(SLUGS)), full=draw(st.booleans()))
    if kind in ("framework", "data", "library", "tool") and draw(st.booleans()):
        data["status"] = draw(st.sampled_from((*STATUSES, "prod", "Production")))
        if draw(st.booleans()):
            data["archived"] = draw(archived_block())
    for _ in range(draw(st.integers(0, 4))):
        slots = _slots(data)
        op = draw(st.sampled_from(("drop", "set", "set", "add", "word")))
        if op == "add" or not slots:
            data[draw(keys) if draw(st.booleans()) else "features"] = draw(values)
            continue
        *parent_path, key = draw(st.sampled_from(slots))
        parent: Any = data
        for part in parent_path:
            parent = parent[part]
        if op == "drop":
            del parent[key]
        else:
            parent[key] = draw(values) if op == "set" else draw(st.sampled_from(WORDS))
    return data


# --- YAML text ------------------------------------------------------------------------------------

RAW_SCALARS = (
    "yes", "No", "ON", "~", "null", "0x1F", "0o17", "0b101", "1_000", "1e400", "-.inf", ".NaN", "12:30:00",
    "190:20:30", "2026-02-30", "2026-1-1", "2026-01-01T10:00:00Z", "2001-12-14t21:59:43.10-05:00",
    "0000-00-00", "2026-01-01 # comment", '"\\0"', '"\\ud800"', '"\\x85"', '"\\u2028"', '"\\N"', '"\\e"',
    "'it''s'", '"unterminated', "'unterminated", "&anchor value", "*anchor", "&a [1, 2]",
    "!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary aGVsbG8=",
    "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "!custom x", "!!str 5", "!!int '5'", "!!int x",
    "!!float 1", "!!bool yes", "!!null ''", "!!timestamp 2026-01-01", "!!timestamp 2026-02-30",
    "!<tag:yaml.org,2002:str> x", "!!map {a: 1}", "!!seq [1]", "!!str", "[a, b", "{a: 1", "{a: 1}}",
    "[a, [b, [c]]]", "{a: {b: {c: d}}}", "|", ">-", "|+", "|-1", "- a", "[", "]", "{", "}", "? a", ": b",
    "{? [a]: b}", "[a: b]", "@reserved", "`reserved", "%x", "'", '"', "", "\t", "a\tb", "#", "&", "*", "!",
)
RAW_LINES = (
    "%YAML 1.1", "%YAML 2.0", "%TAG ! tag:example.com,2000:", "--- ", "--- |", "... ", "<<: {a: 1}",
    "<<: *anchor", "? [a, b]", ": c", "- item", "  - nested", "\tkey: tab", "key:value", "key :value",
    " key: misindented", "#!comment", "&a key: value", "!!str key: value", "title: a\ttab",
)


@st.composite
def raw_yaml(draw: st.DrawFn) -> str:
    """YAML written by hand, badly: tricky scalars, tags, anchors, directives, flow soup, tabs."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        choice = draw(st.integers(0, 4))
        if choice == 0:
            lines.append(draw(st.sampled_from(RAW_LINES)))
        elif choice == 1:
            lines.append(draw(text_values))
        else:
            indent = " " * draw(st.sampled_from((0, 0, 0, 1, 2, 4)))
            key = draw(st.one_of(st.sampled_from(("title", "kind", "summary", "topics", "features", "status",
                                                  "last_reviewed", "crate", "a")), text_values))
            value = draw(st.one_of(st.sampled_from(RAW_SCALARS), text_values))
            lines.append(f"{indent}{key}:{draw(st.sampled_from((' ', ' ', '', '  ', chr(9))))}{value}")
    return "\n".join(lines) + "\n"


@st.composite
def nesting(draw: st.DrawFn) -> str:
    """Deep flow or block nesting around the depth limit, sometimes unbalanced."""
    depth = draw(st.integers(1, 40))
    if draw(st.booleans()):
        opener, closer = draw(st.sampled_from((("[", "]"), ("{a: ", "}"), ("[{a: ", "}]"))))
        inner = opener * depth + "x" + closer * (depth - draw(st.integers(0, 1)))
        return f"title: {inner}\n"
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + "  " * depth + "leaf\n"


@st.composite
def dumped(draw: st.DrawFn, value: Any) -> str:
    """`value` as PyYAML writes it, in block or flow style, ASCII or not, narrow or wide."""
    return yaml.safe_dump(value, default_flow_style=draw(st.sampled_from((None, True, False))),
                          allow_unicode=draw(st.booleans()), sort_keys=False,
                          width=draw(st.sampled_from((80, 20, 10**6))),
                          indent=draw(st.sampled_from((2, 4, 7))))


@st.composite
def big_yaml(draw: st.DrawFn) -> str:
    """Large front matter around the 32 KiB limit: a long scalar or many keys."""
    size = draw(st.sampled_from((1000, 32 * 1024 - 20, 32 * 1024 + 1, 100_000)))
    if draw(st.booleans()):
        return "title: x\nsummary: " + "a" * size + "\n"
    return "".join(f"k{i}: v\n" for i in range(size // 6))


front_matter_text = st.one_of(
    mutated_entry().flatmap(dumped),
    mutated_entry().flatmap(dumped),
    values.flatmap(dumped),
    raw_yaml(),
    st.tuples(mutated_entry().flatmap(dumped), raw_yaml()).map("".join),
    nesting(),
    big_yaml(),
)


# --- Markdown bodies ------------------------------------------------------------------------------

INFO_TOKENS = (
    "rust", "rust", "ignore", "no_run", "compile_fail", "E0382", "E99999", "E038", "edition2021",
    "edition2099", "edition", "should_panic", 'reason="needs a database"', "reason='x'", "reason=",
    'reason="', "profile=web", "profile=", "edition=2018", "edition=2030", 'hl_lines="1 2"', 'title="a.rs"',
    "linenums=1",
    "{.rust}", "{.rust .numberLines}", "{", "}", "#id", ".class", "=", '"', "'", ",", "ignore-wasm32",
    "text", "toml", "console", "webyet-table", "Rust", "rust,ignore", "-", "x=y",
)


@st.composite
def info_strings(draw: st.DrawFn) -> str:
    """Fence info strings in the rustdoc/mdBook grammar and near it."""
    if draw(st.integers(0, 4)) == 0:
        return draw(text_values)
    tokens = draw(st.lists(st.sampled_from(INFO_TOKENS), max_size=6))
    return "".join(t + draw(st.sampled_from((",", " ", ", ", "", "\t"))) for t in tokens)


INCLUDE_TARGETS = (
    "web/there.rs", "web/there.rs:part", "web/part.rs:part", "web/gone.rs", "web/gone.rs:part", "web", "web/",
    "web/page.md", "../content/page.md", "/no/such/abs.rs", "web//there.rs", "web/./there.rs", "~/x.rs",
    "$HOME/x.rs", "%s", ":", "web/there.rs:", "C:\\x.rs", "ü/ß.rs", "a" * 300 + ".rs", "a/" * 2100 + "x.rs",
    "web/there.rs:1:2", ":1:2", "web/gone rs", "web/there.rs ", "https://example.org/x.rs",
)


@st.composite
def include_line(draw: st.DrawFn) -> str:
    """A `--8<--` line: quoted or not, dashes of any count, odd targets and padding."""
    printable = st.characters(exclude_categories=("Cs", "Zs", "Cc"))
    target = draw(st.one_of(st.sampled_from(INCLUDE_TARGETS), st.text(printable, min_size=1, max_size=20)))
    dashes = draw(st.sampled_from(("--", "-", "----"))), draw(st.sampled_from(("--", "-", "---")))
    quote = draw(st.sampled_from(('"', '"', "'", "", '"', "'")))  # mismatched quotes fall through
    close = quote if draw(st.integers(0, 5)) else draw(st.sampled_from(('"', "'", "")))
    pad = draw(st.sampled_from(("", "", "  ", "\t", " ;")))
    lead = draw(st.sampled_from(("", "", "    ", "\t", ";")))
    gap = draw(st.sampled_from((" ", "  ", "\t")))
    if draw(st.integers(0, 7)) == 0:  # the block form: a marker line, paths, a marker line
        return f"{dashes[0]}8<{dashes[1]}\n{target}\n{dashes[0]}8<{dashes[1]}"
    return f"{lead}{dashes[0]}8<{dashes[1]}{gap}{quote}{target}{close}{pad}"


@st.composite
def fence(draw: st.DrawFn, info: str, lines: list[str]) -> str:
    """A fenced block, sometimes inside a list or quote, sometimes with a bad or missing close."""
    marker = draw(st.sampled_from(("```", "```", "~~~", "````")))
    prefix = draw(st.sampled_from(("", "", "", "- ", "> ", "1. ", "   ")))
    cont = " " * len(prefix) if prefix not in ("> ",) else "> "
    close = draw(st.sampled_from((marker, marker, marker, "", "``", marker + "x")))
    body = "".join(f"{cont}{line}\n" for line in lines)
    return f"{prefix}{marker}{info}\n{body}{cont if close else ''}{close}\n"


@st.composite
def rust_block(draw: st.DrawFn) -> str:
    code = draw(st.lists(st.one_of(
        st.sampled_from(("fn main() {}", "# use std::io;", "#", "## not hidden", "    # indented hidden",
                         "let s = \"```\";", "\t\tx", "")),
        include_line(), text_values.filter(lambda t: "\n" not in t)), max_size=5))
    return draw(fence(draw(info_strings()), code))


@st.composite
def directive_block(draw: st.DrawFn) -> str:
    """A ```` ```webyet-NAME ```` fence whose YAML body mixes meaningful and hostile values."""
    name = draw(st.sampled_from((*KEYS, *KEYS, "tabel", "", "table extra words")))
    params: dict[Any, Any] = {}
    for key in draw(st.lists(st.sampled_from(("kind", "topic", "slugs", "where", "columns", "caption",
                                              "limit", "colums", "limt")), max_size=5, unique=True)):
        params[key] = draw({
            "kind": st.one_of(st.sampled_from(KIND_NAMES), st.lists(st.sampled_from(KIND_NAMES), max_size=3)),
            "topic": st.sampled_from(("web-frameworks", "web-framework", "alpha", "")),
            "slugs": st.one_of(st.sampled_from(SLUGS), st.lists(st.sampled_from(SLUGS), max_size=4)),
            "where": st.dictionaries(st.sampled_from(COLUMNS), max_size=3, values=st.one_of(
                st.sampled_from(WORDS), st.booleans(), st.lists(st.sampled_from(WORDS), max_size=3))),
            "columns": st.lists(st.sampled_from(COLUMNS), max_size=5),
            "limit": st.one_of(st.integers(-2, 5), numbers, st.booleans()),
        }.get(key, text_values) if draw(st.integers(0, 3)) else values)
    text = draw(st.one_of(dumped(params), dumped(params), raw_yaml(), nesting()))
    return draw(fence(f"webyet-{name}", text.splitlines()))


@st.composite
def bodies(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.one_of(
        st.sampled_from(("# Heading", "## What it is", "## Minimal example", "Text.", "- item", "> quote",
                         "<div>html</div>", "---", "    indented code", FULL_BODY)),
        text_values, rust_block(), directive_block(), include_line()), max_size=5))
    return "\n\n".join(blocks) + "\n"


# --- whole files and cases ------------------------------------------------------------------------

@st.composite
def markdown_file(draw: st.DrawFn, front_matter: st.SearchStrategy[str] | None = None,
                  body: st.SearchStrategy[str] | None = None) -> bytes:
    """A Markdown file: front matter between fences of any quality, a body, odd line endings,
    and now and then byte damage (BOM, NUL, invalid UTF-8, truncation)."""
    opener = draw(st.sampled_from(("---", "---", "---", "--- ", "---\t", "----", " ---", "+++", "")))
    closer = draw(st.sampled_from(("---", "---", "---", "...", "--- ", "", "---x", "--- # c")))
    fm = draw(front_matter_text if front_matter is None else front_matter)
    rest = draw(bodies() if body is None else body)
    text = f"{opener}\n{fm}{'' if fm.endswith(chr(10)) else chr(10)}{closer}\n{rest}"
    text = text.replace("\n", draw(st.sampled_from(("\n", "\n", "\n", "\r\n", "\r"))))
    data = text.encode()
    for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
        at = draw(st.integers(0, len(data)))
        damage = draw(st.sampled_from((b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\r",
                                       b"\n---\n", b"cut")))
        data = data[:at] if damage == b"cut" else data[:at] + damage + data[at:]
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.sampled_from((b"\xef\xbb\xbf", b"", b" \n\t", b"\x00"))) + data
    return data


FOLDERS = ("frameworks", "data", "tooling", "patterns", "topics", "", "compare", "frameworks/sub")
NAMES = ("alpha", "beta", "gamma", "web-frameworks", "index", "Bad_Name", "über", "a b", "-lead", "x" * 70)


@st.composite
def file_paths(draw: st.DrawFn) -> str:
    folder = draw(st.sampled_from(FOLDERS))
    return f"{folder}/{draw(st.sampled_from(NAMES))}.md".lstrip("/")


@st.composite
def front_matter_cases(draw: st.DrawFn) -> Case:
    """One to three generated Markdown files (entries and pages) with hostile front matter."""
    paths = draw(st.lists(file_paths(), min_size=1, max_size=3, unique=True))
    return Case({path: draw(markdown_file()) for path in paths})


def entry_text(slug: str, kind: str, depth: str) -> bytes:
    data = skeleton(kind, slug, full=depth == "full")
    return ("---\n" + yaml.safe_dump(data, sort_keys=False) + "---\n" + FULL_BODY).encode()


# Entries for directive tables to select: two full entries of two kinds and a brief one.
VIEW_ENTRIES = {"frameworks/alpha.md": entry_text("alpha", "framework", "full"),
                "data/beta.md": entry_text("beta", "data", "full"),
                "frameworks/gamma.md": entry_text("gamma", "framework", "brief")}


@st.composite
def directive_cases(draw: st.DrawFn) -> Case:
    """A page (and sometimes an entry body) holding one to three directive fences."""
    blocks = st.lists(directive_block(), min_size=1, max_size=3).map("\n\n".join)
    plain = st.sampled_from(("title: Compare\n", "", "title: [x]\n"))
    files = dict(VIEW_ENTRIES)
    files["compare.md"] = draw(markdown_file(plain, blocks))
    if draw(st.booleans()):
        files["frameworks/alpha.md"] += draw(blocks).encode()
    return Case(files)


@st.composite
def include_cases(draw: st.DrawFn) -> Case:
    """A page of Rust fences and bare lines made of `--8<--` includes, with snippet files beside."""
    lines = draw(st.lists(st.one_of(include_line(), st.just(""), st.just("fn main() {}")),
                          min_size=1, max_size=4))
    parts = draw(st.lists(st.one_of(fence("rust", lines), st.just("\n".join(lines) + "\n"), rust_block()),
                          min_size=1, max_size=3))
    page = draw(markdown_file(st.sampled_from(("title: Includes\n", "")), st.just("\n".join(parts))))
    return Case({"page.md": page}, dict(SNIPPET_FILES))


documents = st.one_of(front_matter_cases(), front_matter_cases(), directive_cases(), include_cases())


# --- facts the properties check -------------------------------------------------------------------

def include_lines(data: bytes) -> dict[int, str]:
    """1-based line → target of every whole `--8<--` line, counting lines as editors do (LF)."""
    text = data.decode("utf-8", "replace")
    return {n: m.group(2) for n, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1)
            if (m := INCLUDE.fullmatch(line))}


ERROR_CODE = re.compile(r"E\d{4}")
LINE_END = re.compile(rb"\r\n|\r|\n")
