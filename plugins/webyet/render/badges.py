"""Status and verdict badges: a symbol and a word, never colour alone."""

from __future__ import annotations

from .html import esc, tag

STATUS = {
    "production": ("✓", "Stable releases, maintained, and in production use that its sources show."),
    "usable": ("◐", "Maintained and works for real projects, but young, pre-1.0 churn, feature gaps "
                    "or little public production use."),
    "experimental": ("⚗", "Early: frequent breaking changes or missing basics; not for production."),
    "unmaintained": ("⚠", "No release or maintainer activity for 24 months, or its maintainers say so; "
                          "security fixes are not expected."),
    "deprecated": ("⊘", "Its authors say to use something else; the entry names what."),
    "archived": ("✗", "The repository is archived or the project is officially discontinued."),
}
VERDICT = {
    "yes": ("✓", "Yes", "A production-status entry covers the topic's criteria."),
    "almost": ("◐", "Almost", "Usable entries exist but fall short of a criterion."),
    "not-yet": ("✗", "Not yet", "No usable, maintained entry covers the criteria yet."),
}


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
