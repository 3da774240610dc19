"""Status and verdict badges: a symbol and a word, never colour alone."""

from __future__ import annotations

from ..schema import STATUSES, VERDICTS
from .html import esc, tag

# The vocabularies live in the schema; pages show their symbols and meanings.
STATUS = STATUSES
VERDICT = VERDICTS


def status_badge(status: str | None, *, tooltip: bool = True) -> str:
    if status is None:
        return ""
    symbol, meaning = STATUS[status]
    return tag("span", f'<span aria-hidden="true">{symbol}</span> {esc(status)}',
               class_=f"wy-badge wy-status-{status}", title=f"{status}: {meaning}" if tooltip else None)


def verdict_badge(verdict: str, *, tooltip: bool = True) -> str:
    symbol, word, meaning = VERDICT[verdict]
    return tag("span", f'<span aria-hidden="true">{symbol}</span> {esc(word)}',
               class_=f"wy-badge wy-verdict-{verdict}", title=f"{word}: {meaning}" if tooltip else None)
