"""The criteria page's generated part: status and verdict meanings, and the enforced rules."""

from __future__ import annotations

from ..freshness.flags import RULES as FRESHNESS_RULES
from ..rules import RULES
from .badges import STATUS, VERDICT, status_badge, verdict_badge


def render_rules() -> str:
    """Markdown: definitions and rules from the same code `webyet check` runs."""
    lines = ["### Entry status", ""]
    lines += [f"- {status_badge(s)} — {meaning}" for s, (_, meaning) in STATUS.items()]
    lines += ["", "### Topic verdicts", ""]
    lines += [f"- {verdict_badge(v)} — {meaning}" for v, (_, _, meaning) in VERDICT.items()]
    lines += ["", "### Rules `webyet check` enforces", ""]
    lines += [f"- **`{rule.id}`**: {rule.text}" for rule in RULES]
    lines += ["", "### Freshness rules", "",
              "Checked against the registry snapshot (`data/crates.json`, refreshed with "
              "`webyet refresh`); warnings in `webyet check`, errors with `--strict`. Flagged "
              "entries show the flag on their page and are listed on the "
              "[maintenance page](maintenance.md).", ""]
    lines += [f"- {rule.text}" for rule in FRESHNESS_RULES.values()]
    return "\n".join(lines) + "\n"
