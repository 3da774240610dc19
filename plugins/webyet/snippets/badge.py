"""What a page shows for a checked block: the status line (HTML) and the page's own Markdown.

Pure functions of a region and its result; the MkDocs adapter only calls them.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from ..render.html import esc, link, tag
from .check import SnippetResult
from .extract import SnippetRegion
from .report import status_text
from .wrap import wrap

PLAYGROUND = "https://play.rust-lang.org/?version=stable&mode=debug&edition={edition}&code={code}"
_FENCE_OPEN = re.compile(r"^(\s*(?:>\s*)*)(`{3,}|~{3,})")


def playground_crates(path: Path) -> frozenset[str]:
    """Crates listed one per line in `path` (`#` comments allowed)."""
    if not path.is_file():
        return frozenset()
    names = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(n.replace("-", "_") for n in names if n)


def status_html(result: SnippetResult | None, rustc: str, playground: frozenset[str]) -> str:
    if result is None:
        return tag("p", "not checked in this build", class_="wy-snippet wy-snippet-unchecked")
    text = status_text(result, rustc)
    parts = [esc(text)]
    region = result.region
    if result.status == "pass" and region.lines and set(result.crates) <= playground:
        source = wrap(region.lines, whole_file=region.whole_file).source
        url = PLAYGROUND.format(edition=region.info.edition, code=quote(source, safe=""))
        parts.append(link(url, "Run", class_="wy-snippet-run", rel="nofollow"))
    return tag("p", " · ".join(parts), class_=f"wy-snippet wy-snippet-{result.status}")


def rewrite_page(markdown: str, blocks: list[tuple[SnippetRegion, str]]) -> str:
    """Hide hidden lines, reduce info strings to `rust`, and put each status line under its block."""
    lines = markdown.split("\n")
    for region, html in sorted(blocks, key=lambda b: -b[0].line):
        opening = lines[region.line - 1]
        match = _FENCE_OPEN.match(opening)
        indent = " " * (len(opening) - len(opening.lstrip()))
        end = region.end if region.end > region.line else len(lines)
        lines[end:end] = ["", indent + html, ""]
        for code in sorted(region.lines, key=lambda c: -c.line):
            if code.hidden:
                del lines[code.line - 1]
            elif lines[code.line - 1].lstrip().startswith("##"):
                lines[code.line - 1] = lines[code.line - 1].replace("##", "#", 1)
        if match:  # pygments and superfences want a plain language name, then their own options
            options = "".join(f' {key}="{value}"' for key, value in region.info.highlight)
            lines[region.line - 1] = match.group(1) + match.group(2) + "rust" + options
    return "\n".join(lines)
