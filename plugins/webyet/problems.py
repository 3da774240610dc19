"""Problems are values: collected with their location, reported together, never raised."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located at `path:line:col` (both 1-based)."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)
    code: str = field(default="", compare=False)

    def format(self) -> str:
        label = self.severity.value + (f"[{self.code}]" if self.code else "")
        return f"{self.path}:{self.line}:{self.col}: {label}: {self.message}"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the user should see it: relative to `root` (or cwd) when inside it."""
    # abspath, not resolve: a symbolic link is shown where it is, not where it points.
    for base in (root, Path.cwd()):
        if base is None:
            continue
        for full, start in ((path.absolute(), base.absolute()), (path.absolute(), base.resolve())):
            try:
                return full.relative_to(start).as_posix()
            except ValueError:
                continue
    return path.as_posix()


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def render_text(problems: list[Problem]) -> str:
    return "\n".join(p.format() for p in sorted(problems))


def render_json(problems: list[Problem]) -> str:
    return json.dumps([p.to_json() for p in sorted(problems)], indent=2)
