"""What an advisory means for the site.

- A version pinned in a snippet profile's lock (direct or transitive) that a vulnerability or
  unsoundness advisory affects is an error at its line in the lock: the site would show code
  checked against a version known to be unsafe. A profile may accept an advisory that has no
  fixed release, saying why in `[package.metadata.webyet.accepted-advisories]`; its
  compatibility page shows it.
- An `unmaintained` advisory on an entry's crate is a warning while the entry says the crate is
  alive, and an error if it says `production`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..catalog import Catalog
from ..problems import Problem, Severity, display_path
from ..profiles import load_profiles
from ..schema import ALIVE_STATUSES, CrateEntry
from .advisories import Advisories, Advisory

LOCK_KINDS = ("vulnerability", "unsound")  # unmaintained and notice advisories affect no version


def advisory_problems(catalog: Catalog, profiles_dir: Path) -> list[Problem]:
    advisories = catalog.advisories
    if advisories is None:
        return []
    root = catalog.root.parent
    return [*_lock_problems(advisories, profiles_dir, root), *_entry_problems(catalog, advisories)]


def affecting(advisories: Advisories, package: str, version: str) -> list[Advisory]:
    return [a for a in advisories.for_package(package) if a.kind in LOCK_KINDS and a.affects(version)]


def _lock_problems(advisories: Advisories, profiles_dir: Path, root: Path) -> list[Problem]:
    problems = []
    profiles, _ = load_profiles(profiles_dir)
    for profile in profiles.values():
        lock = profile.folder / "Cargo.lock"
        text = profile.lock
        for match in re.finditer(r'^name = "([^"]+)"\nversion = "([^"]+)"', text, re.M):
            for advisory in affecting(advisories, match[1], match[2]):
                if advisory.id in profile.accepted:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                problems.append(Problem(
                    display_path(lock, root), line, 1,
                    f"{match[1]} {match[2]} is affected by {advisory.id} "
                    f"({advisory.kind}: {advisory.title}); update the profile to a patched version "
                    f"({', '.join(advisory.patched) or 'none yet'})",
                    code="advisory-pinned"))
    return problems


def _entry_problems(catalog: Catalog, advisories: Advisories) -> list[Problem]:
    problems = []
    for entry in catalog.entries.values():
        model = entry.model
        if not isinstance(model, CrateEntry) or model.status not in ALIVE_STATUSES:
            continue  # a dead entry already says what the advisory says
        facts = catalog.facts(entry)
        newest = facts.newest_version if facts is not None else None
        for advisory in advisories.for_package(model.crate):
            if advisory.informational != "unmaintained" or (newest and not advisory.affects(newest)):
                continue  # e.g. "versions before 0.17 are unmaintained", and 0.17 is out
            line, col = entry.doc.position(("status",))
            production = model.status == "production"
            problems.append(Problem(
                entry.doc.display, line, col,
                f"{advisory.id} ({advisory.date}) says {model.crate} is unmaintained: "
                + ("an unmaintained crate cannot be 'production'" if production
                   else "mark the entry unmaintained, with an 'archived' block"),
                severity=Severity.ERROR if production else Severity.WARNING, code="advisory-unmaintained"))
    return problems
