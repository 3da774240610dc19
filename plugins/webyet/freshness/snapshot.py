"""The registry snapshot (`data/crates.json`): sorted, stably formatted, written atomically."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SNAPSHOT_VERSION = 1
SNAPSHOT_FILE = "data/crates.json"  # relative to the folder holding content/


@dataclass(frozen=True)
class CrateFacts:
    """What the registry says about one crate; None means the source did not say."""

    newest_version: str | None = None  # newest stable version (newest pre-release if none is stable)
    newest_release: str | None = None  # its publication date, YYYY-MM-DD
    first_release: str | None = None
    downloads_total: int | None = None
    downloads_90d: int | None = None
    license: str | None = None
    repository: str | None = None
    rust_version: str | None = None  # MSRV of the newest stable version
    pinned: dict[str, bool] = field(default_factory=dict)  # version pinned by a profile → yanked?
    source: str = "api"  # "api" (full facts) or "index" (versions, dates, yanked, MSRV only)


@dataclass
class Snapshot:
    as_of: str  # YYYY-MM-DD
    crates: dict[str, CrateFacts]

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.as_of)

    def to_json(self) -> str:
        data = {"snapshot_version": SNAPSHOT_VERSION, "as_of": self.as_of,
                "crates": {name: asdict(self.crates[name]) for name in sorted(self.crates)}}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        data: dict[str, Any] = json.loads(text)
        if data.get("snapshot_version") != SNAPSHOT_VERSION:
            raise ValueError(f"unsupported snapshot_version {data.get('snapshot_version')!r}")
        return cls(as_of=str(data["as_of"]),
                   crates={name: CrateFacts(**{k: v for k, v in facts.items() if k not in RETIRED})
                           for name, facts in data["crates"].items()})


# Fields older snapshots may hold and no source fills: `repository_archived` (the registry does
# not say whether a repository is archived, so the rule that read it could never fire).
RETIRED = frozenset({"repository_archived"})


def load_snapshot(path: Path) -> Snapshot | None:
    """The snapshot at `path`, or None if there is none yet (a build then shows no figures)."""
    if not path.is_file():
        return None
    return Snapshot.from_json(path.read_text(encoding="utf-8"))
