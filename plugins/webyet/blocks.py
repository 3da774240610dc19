"""CommonMark block tokens of a text, parsed once per text.

Every reader of Markdown structure here (snippet regions, directives, the depth shapes) needs
block tokens only: fences, headings, paragraphs and their line maps. Inline parsing is skipped
(about half the cost), and results are kept per text, so a preview's rebuild parses only the
files that changed. The tokens are shared: callers must not modify them.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_md = MarkdownIt("commonmark").disable("inline")


@lru_cache(maxsize=8192)
def block_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_md.parse(text))
