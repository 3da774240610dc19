"""Results keyed by everything that decides them; passes and failures are both kept.

The value is cargo's verdict in generated-file coordinates, not Markdown lines, so a snippet
that moves within its page (or appears on two pages) reuses it and is still located exactly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from ..atomic import write_atomically
from ..profiles import Profile
from .cargo import cache_root, rustc_version
from .wrap import WRAPPER_VERSION, Wrapped


def result_key(wrapped: Wrapped, annotations: str, profile: Profile,
               test_wrapped: Wrapped | None = None) -> str:
    parts = [WRAPPER_VERSION, wrapped.source, annotations, profile.name, profile.fingerprint(),
             rustc_version(), test_wrapped.source if test_wrapped else ""]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


class ResultCache:
    """One small JSON file per key under `folder` (default: the user cache, beside cargo's)."""

    def __init__(self, folder: Path | None = None, enabled: bool = True) -> None:
        self.folder = folder or cache_root() / "results"
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
            if not _well_formed(value):  # garbage that parses (a damaged or foreign file): a
                return None  # verdict read from it could be wrong, so the snippet is checked again
            if "checked" not in value:  # kept before dates were: the file's own
                day = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
                value["checked"] = day.isoformat()
            return value
        except (OSError, ValueError):  # missing, unreadable, truncated or not UTF-8: check again
            return None

    def put(self, key: str, value: dict[str, Any]) -> None:
        if not self.enabled:
            return  # `--no-cache` neither reads nor writes results
        with contextlib.suppress(OSError):  # a parallel run never reads half a file
            write_atomically(self._path(key), json.dumps(value))


_MESSAGE_FIELDS = {"level": str, "code": str, "message": str, "line": int, "column": int, "notes": list}


def _well_formed(value: Any) -> bool:
    """The shape `check._record` writes and `check._judge` reads (`test` and `checked` are
    optional: older results lack them)."""
    if not (isinstance(value, dict) and isinstance(value.get("compiled"), bool)
            and isinstance(value.get("messages"), list)
            and isinstance(value.get("checked", ""), str)):
        return False
    messages = value["messages"]
    if not all(isinstance(msg, dict) and msg.get("level") in ("error", "warning")
               and all(isinstance(msg.get(name), kind) and not isinstance(msg.get(name), bool)
                       for name, kind in _MESSAGE_FIELDS.items())
               and all(isinstance(note, str) for note in msg["notes"])
               and isinstance(msg.get("test", False), bool)
               for msg in messages):
        return False
    return value["compiled"] is not any(msg["level"] == "error" for msg in messages)
