"""Everything `webyet check` and the site build verify about content, in one place."""

from __future__ import annotations

import datetime as dt

from .catalog import Catalog
from .freshness.flags import freshness_problems
from .history_git import changed_without_history
from .includes import missing_includes
from .problems import Problem
from .rules import check_rules
from .views import check_views


def content_problems(catalog: Catalog, *, git_base: str | None = None,
                     today: dt.date | None = None) -> list[Problem]:
    """Catalog, directive, rule and freshness problems; with `git_base`, missing history too."""
    problems = [*catalog.problems, *check_views(catalog), *check_rules(catalog),
                *missing_includes(catalog, catalog.root.parent / "snippets"),
                *freshness_problems(catalog, today or dt.date.today())]
    if git_base:
        problems += changed_without_history(catalog, git_base)
    return problems
