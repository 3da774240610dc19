"""What an entry's `depth` promises about its body.

A **brief** entry is front matter, one paragraph and a source: enough to answer "is there a
crate for X, and is it alive?". A **full** entry keeps the whole template, so a reader can
choose between it and its alternatives. The shapes are checked on the Markdown tokens, never
with regular expressions over the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import block_tokens
from .catalog import CatalogEntry
from .schema import CrateEntry

FULL_SECTIONS = ("What it is", "Minimal example", "Gotchas", "How it compares")
CODE_KINDS = {"framework", "data", "library"}  # their minimal example is Rust, checked
BRIEF_MAX_WORDS = 200



@dataclass(frozen=True)
class BodyProblem:
    message: str
    line: int  # file line, 1-based


def body_problems(entry: CatalogEntry) -> list[BodyProblem]:
    model = entry.model
    if not isinstance(model, CrateEntry):
        return []
    tokens = block_tokens(entry.doc.body)
    first = entry.doc.body_line

    def line_of(token_map: list[int] | None) -> int:
        return first + (token_map[0] if token_map else 0)

    top = [t for t in tokens if t.level == 0 and t.nesting >= 0 and t.type != "paragraph_close"]
    if model.depth == "brief":
        problems = []
        others = [t for t in top if t.type not in ("paragraph_open", "html_block")]
        paragraphs = [t for t in top if t.type == "paragraph_open"]
        if others:
            what = others[0].type.replace("_open", "").replace("_", " ")
            problems.append(BodyProblem(f"a brief entry's body is one paragraph, but it has a {what}; "
                                        "write `depth: full` for the whole template", line_of(others[0].map)))
        elif len(paragraphs) != 1:
            at = paragraphs[1].map if len(paragraphs) > 1 else None
            problems.append(BodyProblem(f"a brief entry's body is one paragraph, not {len(paragraphs)}",
                                        line_of(at)))
        words = len(entry.doc.body.split())
        if words > BRIEF_MAX_WORDS:
            problems.append(BodyProblem(f"a brief entry's paragraph has at most {BRIEF_MAX_WORDS} words, "
                                        f"not {words}", line_of(paragraphs[0].map if paragraphs else None)))
        return problems
    headings = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            headings[tokens[index + 1].content.strip()] = index
    problems = [BodyProblem(f"a full entry has a '## {name}' section", first)
                for name in FULL_SECTIONS if name not in headings]
    if model.kind in CODE_KINDS and "Minimal example" in headings:
        start = headings["Minimal example"]
        after = [i for i in headings.values() if i > start]
        section = tokens[start:min(after) if after else len(tokens)]
        if not any(t.type == "fence" and t.info.strip().split(",")[0].split()[0:1] == ["rust"]
                   for t in section):
            problems.append(BodyProblem("a full entry's '## Minimal example' has a Rust block "
                                        "(use `rust,ignore,reason=\"…\"` where it cannot be checked)",
                                        line_of(tokens[start].map)))
    return problems
