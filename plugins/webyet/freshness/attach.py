"""The catalog with its registry facts: content from the catalog loader, facts from here."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog, load_catalog
from ..problems import Problem, display_path
from .advisories import ADVISORIES_FILE, load_advisories
from .snapshot import SNAPSHOT_FILE, load_snapshot


def load_with_registry(root: Path, *, display_root: Path | None = None) -> Catalog:
    """The catalog under `root` with the registry snapshot beside it (`data/crates.json`) and
    the advisory snapshot (`data/advisories.json`):
    the catalog loader reads content only; registry facts are this layer's."""
    catalog = load_catalog(root, display_root=display_root)
    path = root.parent / SNAPSHOT_FILE
    try:
        catalog.snapshot = load_snapshot(path)
    except (ValueError, KeyError, TypeError) as err:
        shown = display_path(path, display_root or root.parent)
        catalog.problems.append(Problem(shown, 1, 1, f"unreadable registry snapshot: {err}"))
    path = root.parent / ADVISORIES_FILE
    try:
        catalog.advisories = load_advisories(path)
    except ValueError as err:
        catalog.problems.append(Problem(display_path(path, display_root or root.parent), 1, 1, str(err)))
    return catalog
