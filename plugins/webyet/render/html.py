"""Small, escaping HTML builders shared by the renderers."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape


def esc(value: object) -> str:
    return escape(str(value), quote=True)


_NAMES: dict[str, str] = {}  # keyword → attribute name (`class_` → `class`, `data_sort` → `data-sort`)


def attrs(**values: object) -> str:
    """`class_="x", title="y"` → ` class="x" title="y"` (escaped, None dropped). Called for
    every element of every generated table, so it stays lean."""
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value), quote=True)}"')
    return "".join(out)


def tag(name: str, content: str = "", **values: object) -> str:
    """An element; `content` must already be HTML (escape text with `esc`)."""
    return f"<{name}{attrs(**values)}>{content}</{name}>"


def link(href: str, text: str, **values: object) -> str:
    return tag("a", esc(text), href=href, **values)


@dataclass(frozen=True)
class Links:
    """Relative links between source files, as MkDocs would write them.

    Raw HTML is not rewritten by MkDocs, so generated HTML needs the final URLs: directory
    URLs ("frameworks/axum/") on the hosted site, ".html" files in the offline build.
    """

    directory_urls: bool = True

    def url(self, src_uri: str) -> str:
        stem = src_uri.removesuffix(".md")
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"

    def href(self, from_src: str, to_src: str) -> str:
        from_url, to_url = self.url(from_src), self.url(to_src)
        from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
        rel = posixpath.relpath(to_url or ".", from_dir or ".")
        if to_url.endswith("/") or not to_url:
            rel = "./" if rel == "." else rel + "/"
        return rel


_WHITESPACE_SPAN = re.compile(r'<span class="w">([ \t\n]*)</span>')


def compact_code(html: str) -> str:
    """Drop Pygments' spans around plain whitespace: they style nothing and are about a tenth
    of a code-heavy page."""
    return _WHITESPACE_SPAN.sub(r"\1", html)
