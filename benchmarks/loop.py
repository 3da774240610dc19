#!/usr/bin/env python3
"""A contributor's loop, timed in one run (figures, not pass/fail):

    .venv/bin/python benchmarks/loop.py [--entries 1000] [--skip-cold]

1. the first page of `webyet serve` on an empty cache (no cargo results, no compiled
   dependencies): the preview must not wait for cargo;
2. edit → visible in the preview, for three edits: body text, a front-matter field shown on
   the section listing, and a new Rust block (its text, then its verdict);
3. the cost of webyet over plain MkDocs with N extra synthetic entries: `webyet build` against
   `mkdocs build` of the same Markdown without the webyet plugin.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from views import project_with

ROOT = Path(__file__).resolve().parent.parent


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("content", "snippets", "data"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode()
    except OSError:
        return None


def wait_for(url: str, pattern: str, limit: float) -> float | None:
    """Seconds until `url` answers with `pattern` in it (None after `limit`)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        text = fetch(url)
        if text is not None and re.search(pattern, text):
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


class Server:
    def __init__(self, project: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = subprocess.Popen([sys.executable, "-m", "webyet.cli", "serve", "--addr",
                                      f"127.0.0.1:{self.port}"], cwd=project,
                                     env={**os.environ, **(env or {})},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def first_page_cold(tmp: Path) -> None:
    project = copy_project(tmp / "cold")
    cache = tmp / "empty-cache"
    start = time.perf_counter()
    cold = {"XDG_CACHE_HOME": str(cache), "WEBYET_CARGO_TARGET": str(cache / "target")}
    server = Server(project, cold)
    seconds = wait_for(server.url, "Are we web yet", 600)
    server.stop()
    print(f"first page on an empty cache: {seconds if seconds is None else round(seconds, 1)} s "
          f"(process start to the first answer: {time.perf_counter() - start:.1f} s incl. stop)")


def edits(tmp: Path) -> None:
    project = copy_project(tmp / "warm")
    server = Server(project)
    assert wait_for(server.url, "Are we web yet", 600) is not None
    token = secrets.token_hex(4)
    axum = project / "content" / "frameworks" / "axum.md"
    text = axum.read_text()
    axum.write_text(text + f"\nEdited body {token}.\n")
    body = wait_for(server.url + "frameworks/axum/", f"Edited body {token}", 120)
    text = axum.read_text()
    edited = re.sub(r"^summary: .*$", f"summary: Edited summary {token}.", text, count=1, flags=re.M)
    axum.write_text(edited)
    summary = wait_for(server.url + "frameworks/", f"Edited summary {token}", 120)
    axum.write_text(axum.read_text() + f"\n```rust\nlet edited_{token} = 1u8;\n```\n")
    code = wait_for(server.url + "frameworks/axum/", f"edited_{token}", 120)
    verdict = wait_for(server.url + "frameworks/axum/", f"edited_{token}[\\s\\S]*?wy-snippet-pass", 300)
    server.stop()
    for name, seconds in (("body text", body), ("front-matter field (listing)", summary),
                          ("new Rust block (its text)", code), ("new Rust block (its verdict)", verdict)):
        print(f"edit → visible, {name}: {seconds if seconds is None else round(seconds, 1)} s")


def build_ratio(tmp: Path, entries: int) -> None:
    project = project_with(entries, tmp / "ratio")
    shutil.copytree(ROOT / "snippets", project / "snippets")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "webyet.cli", "build", "--no-strict"], cwd=project,
                   check=True, capture_output=True)
    webyet = time.perf_counter() - start
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^  - webyet\n", "", config.read_text(), flags=re.M))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(config)],
                   cwd=project, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    plain = time.perf_counter() - start
    print(f"build with {entries} synthetic entries: webyet {webyet:.1f} s, plain MkDocs {plain:.1f} s "
          f"→ {webyet / plain:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--skip-cold", action="store_true", help="skip the empty-cache first page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_cold:
            first_page_cold(Path(tmp))
        edits(Path(tmp))
        build_ratio(Path(tmp), args.entries)


if __name__ == "__main__":
    main()
