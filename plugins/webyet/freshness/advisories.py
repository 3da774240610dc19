"""Security advisories from a checkout of the RustSec advisory database, kept as a committed
snapshot (`data/advisories.json`) like the registry facts.

Each advisory is a Markdown file (`crates/<package>/RUSTSEC-….md`) that opens with a ```toml
block: `[advisory]` id, package, date, url, informational (unmaintained, unsound, notice),
withdrawn, aliases; `[versions]` patched and unaffected (Cargo version requirements). A
version is affected when it meets none of them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..atomic import write_atomically
from ..problems import Problem, display_path
from ..versions import satisfies

ADVISORIES_FILE = "data/advisories.json"  # relative to the folder holding content/
ADVISORY_URL = "https://rustsec.org/advisories/{id}.html"
_TOML = re.compile(r"\A\s*```toml[ \t]*\r?\n(.*?)\r?\n```[ \t]*(?:\r?\n|\Z)", re.S)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class Advisory:
    id: str
    package: str
    date: str  # YYYY-MM-DD
    title: str
    informational: str | None = None  # unmaintained | unsound | notice | None (a vulnerability)
    url: str | None = None
    aliases: tuple[str, ...] = ()
    patched: tuple[str, ...] = ()
    unaffected: tuple[str, ...] = ()

    @property
    def link(self) -> str:
        return ADVISORY_URL.format(id=self.id)

    @property
    def kind(self) -> str:
        return self.informational or "vulnerability"

    def affects(self, version: str) -> bool:
        return not any(satisfies(version, r) for r in (*self.patched, *self.unaffected))


@dataclass
class Advisories:
    as_of: str
    advisories: list[Advisory] = field(default_factory=list)
    _by_package: dict[str, list[Advisory]] | None = field(default=None, repr=False, compare=False)

    def for_package(self, package: str) -> list[Advisory]:
        if self._by_package is None:  # every lock package is asked for: index once
            self._by_package = {}
            for advisory in self.advisories:
                self._by_package.setdefault(advisory.package, []).append(advisory)
        return self._by_package.get(package, [])


def parse_advisory(text: str, shown: str) -> tuple[Advisory | None, list[Problem]]:
    """One advisory file; withdrawn ones give None and no problem."""
    match = _TOML.match(text)
    if match is None:
        return None, [Problem(shown, 1, 1, "an advisory opens with a ```toml block")]
    try:
        data = tomllib.loads(match[1])
    except tomllib.TOMLDecodeError as err:
        # tomllib puts the place in its message: "(at line 3, column 5)" or "(at end of document)"
        at = re.search(r"at line (\d+), column (\d+)", str(err))
        line, col = (int(at[1]), int(at[2])) if at else (match[1].count("\n") + 1, 1)
        message = re.sub(r" \(at [^)]*\)$", "", str(err))
        return None, [Problem(shown, line + 1, col, f"invalid TOML: {message}")]
    head, versions = data.get("advisory", {}), data.get("versions", {})
    missing = [k for k in ("id", "package", "date") if k not in head]
    if missing:
        return None, [Problem(shown, 2, 1, f"[advisory] lacks {', '.join(missing)}")]
    if head.get("withdrawn"):
        return None, []
    title = _TITLE.search(text[match.end():])
    return Advisory(id=str(head["id"]), package=str(head["package"]), date=str(head["date"]),
                    title=title[1] if title else str(head["id"]),
                    informational=head.get("informational"), url=head.get("url"),
                    aliases=tuple(head.get("aliases", [])),
                    patched=tuple(versions.get("patched", [])),
                    unaffected=tuple(versions.get("unaffected", []))), []


def read_database(folder: Path, packages: set[str], today: dt.date) -> tuple[Advisories, list[Problem]]:
    """The advisories in a checkout (`crates/*/*.md`) for `packages`, as of the checkout's last
    commit (today if it is not a git checkout)."""
    problems: list[Problem] = []
    found: list[Advisory] = []
    crates = folder / "crates"
    if not crates.is_dir():
        return Advisories(today.isoformat()), [Problem(str(folder), 1, 1,
                                                       "not an advisory database: no crates/ folder")]
    for package in sorted(packages):
        for path in sorted((crates / package).glob("*.md")):
            advisory, trouble = parse_advisory(path.read_text(encoding="utf-8", errors="replace"),
                                               display_path(path, folder))
            problems += trouble
            if advisory is not None:
                found.append(advisory)
    as_of = _checkout_date(folder) or today.isoformat()
    return Advisories(as_of, sorted(found, key=lambda a: a.id)), problems


def _checkout_date(folder: Path) -> str | None:
    """The last commit's day, when `folder` is the top of a git checkout (a folder inside
    another repository, such as a test fixture, has no date of its own)."""
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], text=True,
                             capture_output=True, check=True).stdout.strip()
        if Path(top).resolve() != folder.resolve():
            return None
        out = subprocess.run(["git", "-C", str(folder), "log", "-1", "--format=%cs"], text=True,
                             capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None


def write_advisories(path: Path, advisories: Advisories) -> None:
    data = {"as_of": advisories.as_of, "source": "RustSec advisory database",
            "advisories": [asdict(a) for a in advisories.advisories]}
    write_atomically(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def load_advisories(path: Path) -> Advisories | None:
    """The committed snapshot, or None when there is none. Raises ValueError if unreadable."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        tuples = ("aliases", "patched", "unaffected")
        items = [Advisory(**{**a, **{k: tuple(a.get(k, ())) for k in tuples}}) for a in data["advisories"]]
        return Advisories(str(data["as_of"]), items)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(f"unreadable advisory snapshot: {err}") from err
