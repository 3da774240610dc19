"""Reporting results: located problems, text grouped per snippet, and the JSON document."""

from __future__ import annotations

import json
from collections import Counter

from ..problems import Problem, Severity
from .check import CheckReport, SnippetResult

STATUSES = ("pass", "fail", "ignored", "timeout", "unchecked")


def problems_of(report: CheckReport) -> list[Problem]:
    """One problem per error of each failing (or timed-out) snippet, with rustc's notes."""
    problems = []
    for result in report.results:
        if result.status not in ("fail", "timeout"):
            continue
        for d in result.diagnostics:
            if d.level != "error":
                continue
            message = d.message + "".join("\n    = " + note.replace("\n", "\n      ") for note in d.notes)
            problems.append(Problem(d.path, d.line, d.column, message, Severity.ERROR, d.code))
    return problems


def render_text(report: CheckReport) -> str:
    """Failing snippets, each as a group of `path:line:col: error[CODE]: message` lines."""
    groups = []
    for result in report.results:
        problems = problems_of(CheckReport([result], report.rustc))
        if problems:
            groups.append("\n".join(p.format() for p in problems))
    return "\n\n".join(groups)


def summary(report: CheckReport) -> dict[str, int | float]:
    counts = Counter(r.status for r in report.results)
    data: dict[str, int | float] = {"snippets": len(report.results)}
    data.update({status: counts.get(status, 0) for status in STATUSES})
    data["cached"] = sum(r.cached for r in report.results)
    data["cargo_runs"] = report.cargo_runs
    data["cargo_seconds"] = round(report.cargo_seconds, 3)
    return data


def summary_line(report: CheckReport) -> str:
    s = summary(report)
    shown = ", ".join(f"{s[k]} {k}" for k in STATUSES if s[k] or k in ("pass", "fail"))
    return (f"webyet snippets: {s['snippets']} snippets: {shown} ({s['cached']} cached; "
            f"cargo ran {s['cargo_runs']}×, {s['cargo_seconds']} s)")


def render_json(report: CheckReport) -> str:
    return json.dumps({"rustc": report.rustc, "snippets": [r.to_json() for r in report.results],
                       "summary": summary(report), "notes": report.notes}, indent=2)


def status_text(result: SnippetResult, rustc: str) -> str:
    """The one-line verdict a page shows under the block (plain text; escape it for HTML)."""
    release = rustc.split()[1].rsplit(".", 1)[0] if rustc.count(" ") else "?"
    info = result.region.info
    if result.status == "ignored":
        return f"not checked: {info.reason or result.reason}"
    if result.status == "unchecked":
        return f"not checked yet: {result.reason}" if result.reason else "not checked in this build"
    if result.status == "timeout":
        return "✗ check timed out"
    errors = [d for d in result.diagnostics if d.level == "error"]
    if result.status == "pass" and info.compile_fail:
        first = errors[0] if errors else None
        what = f"{first.code + ' ' if first and first.code else ''}{first.message if first else ''}"
        return f"✓ fails to compile as intended: {what}".rstrip()
    crates = ", ".join(f"{c} {v}" for c, v in result.crates.items())
    if result.status == "pass":
        return " · ".join(part for part in ("✓ compiles", crates, f"rustc {release}") if part)
    first = errors[0] if errors else None
    where = f" at line {first.line}" if first else ""
    return f"✗ does not compile{where}: {first.message if first else 'see the check report'}"
