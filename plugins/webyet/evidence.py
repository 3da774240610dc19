"""Evidence behind the comparison pages: every yes, no and partial of a framework or data
entry names the page that shows it (`{value: …, source: https://…}`).

Missing evidence is a warning, so a contributor can add a feature first and its source in the
same pull request; `webyet check --strict` and the site build (strict) refuse it.
"""

from __future__ import annotations

from .catalog import Catalog
from .problems import Problem, Severity
from .render.columns import capability_columns

EVIDENCED_KINDS = ("framework", "data")  # the kinds with comparison pages of capabilities
NEEDS_SOURCE = (True, False, "partial")  # "crate" points at another crate's own entry or docs


def evidence_problems(catalog: Catalog) -> list[Problem]:
    problems = []
    for entry in catalog.entries.values():
        if entry.kind not in EVIDENCED_KINDS or not entry.is_full:
            continue
        for column in capability_columns(entry.kind):
            key = column.key
            value = column.value(entry.model)
            if value is None or value not in NEEDS_SOURCE:
                continue
            if column.source(entry.model) is None:
                name = key.removeprefix("features.")
                shown = {True: "true", False: "false"}.get(value, f'"{value}"')
                line, col = entry.doc.position(("features", name))
                problems.append(Problem(
                    entry.doc.display, line, col,
                    f"{key}: {shown} has no evidence; write {{value: {shown}, source: https://…}} "
                    "with the docs, source or changelog page that shows it",
                    severity=Severity.WARNING, code="evidence"))
    return problems
