"""`python3 dev.py serve` stops completely on SIGINT and on SIGTERM, and even when it is killed
outright (the server is told by Linux when its parent dies): no server is left behind."""

from __future__ import annotations

import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project
from .preview import Preview, free_port


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def processes_serving(port: int) -> list[str]:
    out = subprocess.run(["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if f"127.0.0.1:{port}" in line and "ps -eo" not in line]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL],
                         ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_a_signal_stops_the_whole_server(signum: int) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "dev.py", "serve", "--addr", f"127.0.0.1:{port}"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the server never answered")
        assert processes_serving(port)
        proc.send_signal(signum)
        proc.wait(timeout=20)
        deadline = time.monotonic() + 10
        while (listening(port) or processes_serving(port)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not listening(port) and not processes_serving(port)
    finally:
        if proc.poll() is None:
            proc.terminate()


def test_the_preview_checks_snippets_in_the_background(tmp_path: Path) -> None:
    """The first page comes before cargo runs; it says "not checked yet", then the verdict."""
    project = copy_project(tmp_path / "project")
    marker = secrets.randbelow(10**9)
    (project / "content" / "probe.md").write_text(
        f"---\ntitle: Probe\n---\n\n# Probe\n\n```rust\nlet fresh_{marker} = {marker}u64;\n```\n")
    preview, seen = Preview(project), []

    def state(text: str) -> bool:
        now = "pass" if "✓ compiles" in text else "waiting" if "not checked yet" in text else "other"
        if text and (not seen or seen[-1] != now):
            seen.append(now)
        return now == "pass"

    try:
        preview.eventually("probe/", state, 240)
        assert seen[:1] == ["waiting"] and seen[-1] == "pass", seen
    finally:
        preview.stop()


def test_a_preview_rebuild_updates_the_pages_that_read_the_edited_entry(tmp_path: Path) -> None:
    """Rebuilds render only what changed (`--dirty`), yet the listing and the topic page that
    show an entry's summary show the edited one, and the entry page its new text."""
    project = copy_project(tmp_path / "project")
    preview = Preview(project)
    try:
        assert preview.eventually("", lambda text: "Are we web yet" in text, 300)
        token = secrets.token_hex(4)
        axum = project / "content" / "frameworks" / "axum.md"
        text = axum.read_text()
        summary = next(line for line in text.splitlines() if line.startswith("summary: "))
        axum.write_text(text.replace(summary, f"summary: Edited summary {token}.") + f"\nBody {token}.\n")
        assert preview.eventually("frameworks/axum/", lambda text: f"Body {token}" in text)
        edited = f"Edited summary {token}"
        assert preview.eventually("frameworks/", lambda text: edited in text)  # the section listing
        assert preview.eventually("topics/web-frameworks/", lambda text: edited in text)  # its table
    finally:
        preview.stop()


def test_a_broken_entry_shows_its_located_error_and_the_preview_keeps_serving(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    preview = Preview(project)
    try:
        assert preview.eventually("", lambda text: "Are we web yet" in text, 300)
        axum = project / "content" / "frameworks" / "axum.md"
        good = axum.read_text()
        axum.write_text(good.replace("status: production", "status: maybe", 1))
        assert preview.eventually("", lambda text: "Content errors" in text
                                  and "content/frameworks/axum.md:" in text)
        axum.write_text(good)
        assert preview.eventually("", lambda text: "Are we web yet" in text and "Content errors" not in text)
    finally:
        stderr = preview.stop()
    assert "content/frameworks/axum.md:" in stderr and "status" in stderr  # and in the terminal
