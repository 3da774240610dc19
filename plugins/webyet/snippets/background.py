"""Checking snippets while a preview server runs, so the server never waits for cargo.

The preview builds with cached results only (other blocks say "not checked yet"); a worker
thread checks the rest, fills the result cache, prints failures, and then touches a stamp
file the server watches, so the site rebuilds with the verdicts and the browser reloads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from .cargo import cache_root
from .check import check_regions, find_sources, regions_of
from .report import problems_of

MODE_VARIABLE = "WEBYET_SNIPPETS"  # "background": preview builds never run cargo themselves
BACKGROUND_REASON = "checking in the background; the page reloads when the result is in"


def stamp_path() -> Path:
    """The file a background check touches when it is done (watched by the preview server)."""
    return cache_root() / "background.stamp"


class BackgroundCheck:
    """One worker at a time; `start()` while one runs asks for another run after it."""

    def __init__(self, root: Path, docs: Path, folder: Path,
                 report: Callable[[str], None] = print) -> None:
        self.root, self.docs, self.folder, self.report = root, docs, folder, report
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False

    def start(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                self._again = True
                return
            self._thread = threading.Thread(target=self._run, name="webyet-snippets", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            sources = find_sources([self.docs, self.folder] if self.folder.is_dir() else [self.docs])
            report = check_regions(regions_of(sources, self.root, self.folder), self.folder / "profiles")
            for note in report.notes:
                self.report(f"webyet: {note}")
            for problem in problems_of(report):
                self.report(f"{problem.path}:{problem.line}: {problem.message.splitlines()[0]}")
            checked = sum(not r.cached and r.status not in ("ignored", "unchecked") for r in report.results)
            if checked:  # new verdicts: the server rebuilds on this change (never for nothing)
                stamp = stamp_path()
                stamp.parent.mkdir(parents=True, exist_ok=True)
                stamp.write_text(f"{checked}\n", encoding="utf-8")
            with self._lock:
                if not self._again:
                    self._thread = None
                    return
                self._again = False
