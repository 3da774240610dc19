"""`webyet serve` on a copy of the project, read over HTTP: shared by the serve tests and by
`benchmarks/loop.py`, which times the same waits."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(dest: Path, folders: tuple[str, ...] = ("content", "snippets")) -> Path:
    """A copy of this project's site sources (mkdocs.yml and `folders`) at `dest`."""
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in folders:
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Preview:
    """`webyet serve` on a copy of the project, with helpers to read its pages."""

    def __init__(self, project: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        # A file, not a pipe: a chatty server can never block on a pipe nobody reads yet.
        # It lives as long as the server and is closed by stop().
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "webyet.cli", "serve", "--addr", f"127.0.0.1:{self.port}"],
            cwd=project, env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL, stderr=self._stderr)

    def page(self, path: str = "") -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as answer:
                return answer.read().decode()
        except OSError:
            return ""

    def seconds_until(self, path: str, check: Callable[[str], bool], limit: float = 120) -> float | None:
        """Seconds until the page at `path` passes `check` (None after `limit`)."""
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if check(self.page(path)):
                return time.perf_counter() - start
            time.sleep(0.1)
        return None

    def eventually(self, path: str, check: Callable[[str], bool], limit: float = 120) -> bool:
        return self.seconds_until(path, check, limit) is not None

    def stop(self) -> str:
        """Stops the preview and returns what it printed on stderr."""
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self._stderr.seek(0)
        text = self._stderr.read().decode(errors="replace")
        self._stderr.close()
        return text
