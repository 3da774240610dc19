"""Generated HTML set aside while an engine converts the Markdown around it.

Python-Markdown re-parses every raw HTML block (md_in_html runs an HTML parser over it), and
the views webyet generates are large HTML blocks: a comparison table with a thousand rows, an
infobox on every entry page. An engine adapter that sees both the Markdown and the HTML of a
page can hand over a short comment in each block's place and put the block back afterwards.
Only HTML that webyet generated is set aside; a contributor's HTML goes through the engine.
"""

from __future__ import annotations

import re

_MARK = "<!-- wy-kept {} -->"  # not "webyet-": that prefix means a directive may be there
_MARKS = re.compile(r"<!-- wy-kept (\d+) -->")


class Stash:
    def __init__(self) -> None:
        self._kept: dict[int, str] = {}
        self._next = 0

    def keep(self, html: str) -> str:
        """A placeholder for `html`, which must be a whole HTML block without anchors."""
        self._next += 1
        self._kept[self._next] = html
        return _MARK.format(self._next)

    def keep_blocks(self, markdown: str) -> str:
        """`markdown` (generated, never a contributor's) with each one-line HTML block kept."""
        return "\n\n".join(self.keep(chunk) if _is_html_line(chunk) else chunk
                           for chunk in markdown.split("\n\n"))

    def restore(self, html: str) -> str:
        """Put every kept block back (each placeholder is used once)."""
        if "wy-kept" not in html:
            return html
        return _MARKS.sub(lambda m: self._kept.pop(int(m[1]), m[0]), html)


def _is_html_line(chunk: str) -> bool:
    """One line of HTML with no `id`: an engine that checks links must still see anchors."""
    text = chunk.strip()
    return (text.startswith("<") and text.endswith(">") and "\n" not in text
            and not text.startswith("<!--") and ' id="' not in text)
