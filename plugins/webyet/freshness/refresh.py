"""`webyet refresh`: fetch registry facts for every crate the site covers into the snapshot.

Resumable: facts already fetched today are kept in a state file in the cache folder, so a
run cut short continues where it stopped. The snapshot itself is replaced only when every
crate succeeded, and atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..atomic import write_atomically
from ..catalog import Catalog
from ..problems import Problem
from ..schema import CrateEntry
from .pins import pinned_versions
from .registry import Client, RegistryError, facts_from_api, facts_from_index
from .snapshot import CrateFacts, Snapshot


@dataclass
class RefreshResult:
    snapshot: Snapshot | None
    problems: list[Problem] = field(default_factory=list)
    fetched: int = 0
    resumed: int = 0


def covered_crates(catalog: Catalog) -> dict[str, tuple[str, int, int]]:
    """crate name → where an entry names it (display path, line, column).

    Every crate entry, alive or dead, except those recorded as never published on the registry.
    """
    crates = {}
    for entry in catalog.entries.values():
        model = entry.model
        if isinstance(model, CrateEntry) and model.archived and model.archived.cause == "not-on-registry":
            continue
        if isinstance(model, CrateEntry) and model.crate:
            crates[entry.model.crate] = (entry.doc.display, *entry.doc.position(("crate",)))
    return dict(sorted(crates.items()))


def cargo_index_url() -> str | None:
    """The sparse index cargo itself uses, read from cargo's own index cache folder."""
    home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    folders = sorted((home / "registry" / "index").glob("*-*"), key=lambda p: p.stat().st_mtime)
    return f"https://{folders[-1].name.rsplit('-', 1)[0]}/" if folders else None


def refresh(catalog: Catalog, profiles_dir: Path, out: Path, *, client: Client,
            api_url: str | None, index_url: str | None, state_dir: Path,
            as_of: dt.date, progress: Callable[[str], None] = lambda _: None) -> RefreshResult:
    source = api_url or index_url or ""
    fetch = facts_from_api if api_url else facts_from_index
    pins = pinned_versions(profiles_dir)
    state_file = state_dir / f"refresh-{hashlib.sha256(source.encode()).hexdigest()[:12]}.json"
    state = _load_state(state_file, as_of)
    result = RefreshResult(snapshot=None)
    crates = covered_crates(catalog)
    for number, (name, (path, line, col)) in enumerate(crates.items(), 1):
        if name in state:
            result.resumed += 1
            continue
        progress(f"[{number}/{len(crates)}] {name}")
        try:
            state[name] = fetch(client, source, name, pins.get(name, set()))
        except RegistryError as err:
            result.problems.append(Problem(path, line, col, f"crate '{name}': {err}"))
            continue
        result.fetched += 1
        _save_state(state_file, as_of, state)
    if result.problems:
        return result  # the old snapshot stays; the state file lets the next run resume
    result.snapshot = Snapshot(as_of=as_of.isoformat(), crates={n: state[n] for n in crates})
    write_atomically(out, result.snapshot.to_json())
    state_file.unlink(missing_ok=True)
    return result


def _load_state(path: Path, as_of: dt.date) -> dict[str, CrateFacts]:
    try:
        data = json.loads(path.read_text())
        if data.get("as_of") != as_of.isoformat():
            return {}  # facts from another day are not reused
        return {name: CrateFacts(**facts) for name, facts in data["crates"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _save_state(path: Path, as_of: dt.date, state: dict[str, CrateFacts]) -> None:
    text = json.dumps({"as_of": as_of.isoformat(),
                       "crates": {n: asdict(f) for n, f in state.items()}}, sort_keys=True)
    write_atomically(path, text)
