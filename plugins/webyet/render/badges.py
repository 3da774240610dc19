"""Status and verdict badges: a symbol and a word, never colour alone."""

from __future__ import annotations

from .html import esc, tag

STATUS = {
    "production": ("✓", "Used in production by many; stable releases; actively maintained."),
    "usable": ("◐", "Works and is maintained, but young, pre-1.0 churn or few production users."),
    "experimental": ("⚗", "Early: APIs change often; not for production yet."),
    "unmaintained": ("⚠", "No maintenance activity; security fixes are not expected."),
    "archived": ("✗", "The repository is archived or the project declared finished/abandoned."),
}
VERDICT = {
    "yes": ("✓", "Yes", "Production-ready options exist."),
    "almost": ("◐", "Almost", "Usable options exist, with gaps."),
    "not-yet": ("✗", "Not yet", "No usable, maintained option yet."),
}


def status_badge(status: str | None) -> str:
    if status is None:
        return ""
    symbol, meaning = STATUS[status]
    return tag("span", f'<span aria-hidden="true">{symbol}</span> {esc(status)}',
               class_=f"wy-badge wy-status-{status}", title=f"{status}: {meaning}")


def verdict_badge(verdict: str) -> str:
    symbol, word, meaning = VERDICT[verdict]
    return tag("span", f'<span aria-hidden="true">{symbol}</span> {esc(word)}',
               class_=f"wy-badge wy-verdict-{verdict}", title=f"{word}: {meaning}")
