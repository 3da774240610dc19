"""Everything `webyet check` and the site build verify about content, in one place."""

from __future__ import annotations

from .catalog import Catalog
from .history_git import changed_without_history
from .includes import missing_includes
from .problems import Problem
from .rules import check_rules
from .views import check_views


def content_problems(catalog: Catalog, *, git_base: str | None = None) -> list[Problem]:
    """Catalog, directive and rule problems; with `git_base`, missing history items too."""
    problems = [*catalog.problems, *check_views(catalog), *check_rules(catalog),
                *missing_includes(catalog, catalog.root.parent / "snippets")]
    if git_base:
        problems += changed_without_history(catalog, git_base)
    return problems
