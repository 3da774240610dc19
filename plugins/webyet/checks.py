"""Everything `webyet check` and the site build verify about content, in one place."""

from __future__ import annotations

import datetime as dt

from .bodyhtml import body_html_problems
from .catalog import Catalog
from .evidence import evidence_problems
from .freshness.advisory_rules import advisory_problems
from .freshness.flags import Flag, all_flags, freshness_problems
from .history_git import changed_without_history
from .includes import missing_includes
from .problems import Problem
from .rules import check_rules
from .views import check_views


def content_problems(catalog: Catalog, *, git_base: str | None = None,
                     flags: dict[str, list[Flag]] | None = None) -> list[Problem]:
    """Catalog, directive, rule and freshness problems; with `git_base`, missing history too.

    `flags` are the freshness flags if the caller already computed them (as of today if not).
    """
    if flags is None:
        flags = all_flags(catalog, dt.date.today())
    problems = [*catalog.problems, *check_views(catalog), *check_rules(catalog),
                *missing_includes(catalog, catalog.root.parent / "snippets"),
                *freshness_problems(catalog, flags), *evidence_problems(catalog),
                *body_html_problems(catalog),
                *advisory_problems(catalog, catalog.root.parent / "snippets" / "profiles")]
    if git_base:
        problems += changed_without_history(catalog, git_base)
    return problems
