"""Raw HTML and link targets in Markdown bodies, against a published allow-list.

The site takes pull requests from anyone, so a body may not carry script: raw HTML must use the
tags and attributes below, and no link or image (HTML or Markdown) may point at a
`javascript:`, `vbscript:` or `data:` URL. Markdown is tokenized by markdown-it (links and
images included, even those it would refuse to render, since other engines render them), and
raw HTML is parsed by the standard library's HTML parser, never by regular expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .catalog import Catalog
from .frontmatter import Document
from .problems import Problem

# tag → attributes it may carry (`markdown` lets Python-Markdown's md_in_html read the inside)
ALLOWED: dict[str, frozenset[str]] = {
    "details": frozenset({"open", "class", "markdown"}),
    "summary": frozenset({"class"}),
    "kbd": frozenset(),
    "abbr": frozenset({"title"}),
    "sup": frozenset(),
    "sub": frozenset(),
    "br": frozenset(),
    "div": frozenset({"class", "markdown"}),
    "span": frozenset({"class", "markdown"}),
}
DANGEROUS_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "form", "frame", "frameset",
                            "base", "link", "meta", "svg", "math", "template"})
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "background",
                            "cite", "srcset", "data"})

_md = MarkdownIt("commonmark")
_md.validateLink = lambda url: True  # see every link: other engines render what markdown-it refuses


@dataclass(frozen=True)
class Finding:
    line: int  # 0-based line within the body
    col: int  # 1-based
    message: str


def url_scheme_problem(url: str) -> str | None:
    """Browsers ignore case, whitespace and control characters before the colon."""
    squeezed = "".join(ch for ch in url if ch > " " and ch != "\x7f").lower()
    for scheme in BAD_SCHEMES:
        if squeezed.startswith(scheme):
            return f"a `{scheme}` URL is not allowed"
    return None


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []  # (0-based line, 0-based col, message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        found = self.found

        def report(message: str) -> None:
            found.append((line - 1, col, message))

        if tag in DANGEROUS_TAGS:
            report(f"<{tag}> is not allowed in a page body")
        elif tag not in ALLOWED:
            report(f"<{tag}> is not on the allowed list ({', '.join(f'<{t}>' for t in ALLOWED)})")
        for name, value in attrs:
            if name.startswith("on"):
                report(f"event-handler attribute `{name}` is not allowed")
            elif value is not None and (problem := url_scheme_problem(value)) and name in URL_ATTRIBUTES:
                report(f"<{tag} {name}>: {problem}")
            elif tag in ALLOWED and name not in ALLOWED[tag]:
                allowed = ", ".join(sorted(ALLOWED[tag])) or "none"
                report(f"attribute `{name}` is not allowed on <{tag}> (allowed: {allowed})")

    handle_startendtag = handle_starttag


def _html(text: str, first_line: int, first_col: int) -> list[Finding]:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return [Finding(first_line + line, (first_col if line == 0 else 0) + col + 1, message)
            for line, col, message in parser.found]


def _locate(lines: list[str], start: int, end: int, needle: str) -> tuple[int, int]:
    """The first place `needle` appears in lines[start:end] (a token's line range)."""
    for index in range(start, min(end, len(lines))):
        col = lines[index].lower().find(needle.lower())
        if col >= 0:
            return index, col + 1
    return start, 1


@lru_cache(maxsize=8192)  # per body text: a preview's rebuild parses only the bodies that changed
def body_findings(body: str) -> tuple[Finding, ...]:
    lines = body.split("\n")
    findings: list[Finding] = []
    for token in _md.parse(body):
        start, end = token.map if token.map else (0, len(lines))
        if token.type == "html_block":
            findings += _html(token.content, start, 0)
        elif token.type == "inline":
            findings += _inline(token, lines, start, end)
    return tuple(sorted(set(findings), key=lambda f: (f.line, f.col, f.message)))


def _inline(token: Token, lines: list[str], start: int, end: int) -> list[Finding]:
    findings = []
    for child in token.children or []:
        if child.type == "html_inline":
            line, col = _locate(lines, start, end, child.content)
            findings += _html(child.content, line, col - 1)
        elif child.type in ("link_open", "image"):
            attr = "href" if child.type == "link_open" else "src"
            url = str(child.attrs.get(attr, ""))
            problem = url_scheme_problem(url)
            if problem:
                what = "link" if child.type == "link_open" else "image"
                line, col = _locate(lines, start, end, url.split(":", 1)[0] + ":")
                findings.append(Finding(line, col, f"{what}: {problem}"))
    return findings


def body_html_problems(catalog: Catalog) -> list[Problem]:
    docs: list[Document] = [e.doc for e in catalog.entries.values()] + list(catalog.pages.values())
    problems = []
    for doc in docs:
        if "<" not in doc.body and ":" not in doc.body:
            continue
        for finding in body_findings(doc.body):
            problems.append(Problem(doc.display, doc.body_line + finding.line, finding.col, finding.message,
                                    code="body-html"))
    return problems
