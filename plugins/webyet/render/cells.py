"""One table cell per value: a symbol and a word for booleans, "?" for unknown, badges for status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .badges import STATUS, VERDICT, status_badge, verdict_badge
from .columns import SNAPSHOT_COLUMNS, Column
from .html import esc, link, tag

SUPPORT = {
    True: ("✓", "yes", "Supported"),
    False: ("✗", "no", "Not supported"),
    "partial": ("◐", "partial", "Partly supported"),
    "crate": ("+", "via crate", "Through a separate crate"),
}
UNKNOWN_NOTE = "Not recorded in the entry's front matter yet"
SNAPSHOT_UNKNOWN = "Not in the registry snapshot: its source does not provide this figure"
LEGEND = (
    "✓ yes · ✗ no · ◐ partial · + via a separate crate · ? not recorded yet. "
    "Hover a column header for its meaning."
)


def support_html(value: Any, source: str | None) -> str:
    """A capability's symbol and word; the word links the page that shows it, if known."""
    symbol, word, _ = SUPPORT[value]
    shown = link(source, word, class_="wy-evidence", title=f"Evidence: {source}") if source else esc(word)
    return f'<span aria-hidden="true">{symbol}</span> {shown}'


def cell(column: Column, value: Any, *, title_html: str | None = None, source: str | None = None) -> str:
    """A `<td>` with a sort key (`data-sort`) and a filter value (`data-facet`); a feature's
    word links its evidence (`source`) when front matter gives one."""
    if column.style == "title":  # sorted case-insensitively; free text has no facet menu
        return tag("td", title_html or esc(value), data_sort=str(value).lower())
    if value is None:
        note = SNAPSHOT_UNKNOWN if column.key in SNAPSHOT_COLUMNS else UNKNOWN_NOTE
        return tag("td", tag("abbr", "?", title=note), class_="wy-unknown",
                   data_sort="~", data_facet="?")
    if column.style == "status":
        rank = list(STATUS).index(value)
        return tag("td", status_badge(value), data_sort=str(rank), data_facet=value)
    if column.style == "verdict":
        rank = list(VERDICT).index(value)
        return tag("td", verdict_badge(value), data_sort=str(rank), data_facet=VERDICT[value][1])
    if column.style == "support":
        _, word, meaning = SUPPORT[value]
        content = support_html(value, source)
        rank = list(SUPPORT).index(value)
        return tag("td", content, title=meaning, class_=f"wy-support-{word.replace(' ', '-')}",
                   data_sort=str(rank), data_facet=word)
    if column.style == "list":
        items = [str(v) for v in value]
        text = ", ".join(items) if items else "none"
        return tag("td", esc(text), data_sort=text.lower(), data_facet="|".join(items) or "none")
    if column.style == "number":
        return tag("td", f"{value:,}", data_sort=f"{value:015d}")
    if isinstance(value, dt.date):
        return tag("td", tag("time", esc(value.isoformat()), datetime=value.isoformat()),
                   data_sort=value.isoformat())
    if column.style == "text":  # summaries and the like: sorted by their text, no facet menu
        return tag("td", esc(value))
    return tag("td", esc(value), data_sort=str(value).lower(), data_facet=str(value))
