"""`webyet refresh` against a local fixture registry on 127.0.0.1 (no other network)."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from webyet.checks import content_problems
from webyet.freshness.attach import load_with_registry as load_catalog

from .conftest import make_content, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "registry"
AS_OF = "2026-11-23"


class LoopbackServer(http.server.ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 and a free port (no other host is ever asked)."""

    def __init__(self, handler: type[http.server.BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def running(server: LoopbackServer) -> Iterator[LoopbackServer]:
    """Serve in a thread for the duration of a fixture."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


class QuietHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class Registry(LoopbackServer):
    """Serves recorded answers; `script[name]` lists special answers used before the recording."""

    def __init__(self) -> None:
        super().__init__(Handler)
        self.script: dict[str, list[tuple[int, bytes, float]]] = {}
        self.agents: list[str] = []
        self.hits: dict[str, int] = {}


class Handler(QuietHandler):
    server: Registry

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1]
        self.server.agents.append(self.headers.get("User-Agent", ""))
        self.server.hits[name] = self.server.hits.get(name, 0) + 1
        script = self.server.script.get(name, [])
        if script:
            status, body, delay = script.pop(0)
            time.sleep(delay)
        elif (FIXTURES / f"{name}.json").is_file():
            status, body = 200, (FIXTURES / f"{name}.json").read_bytes()
        else:
            status, body = 404, b'{"errors":[{"detail":"Not Found"}]}'
        try:
            self.send_response(status)
            if status == 429:
                self.send_header("Retry-After", "1")
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (time-out case)


@pytest.fixture
def registry() -> Iterator[LoopbackServer]:
    yield from running(Registry())


def crate_entry(slug: str, crate: str) -> str:
    return (f"---\ntitle: {slug}\nkind: library\ndepth: brief\nsummary: Fixture.\ncrate: {crate}\n"
            f"status: usable\nlast_reviewed: 2026-11-01\n"
            f"sources: [{{title: docs, url: 'https://docs.rs/{crate}/'}}]\n---\n\nText.\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make_content(tmp_path, {f"tooling/{n}.md": crate_entry(n, n) for n in ("fresh", "oldie", "pulled")})
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n")
    profile = tmp_path / "snippets" / "profiles" / "p"
    profile.mkdir(parents=True)
    (profile / "Cargo.toml").write_text('[package]\nname = "p"\nversion = "0.0.0"\n\n[dependencies]\n'
                                        'fresh = "=0.6.0"\npulled = "=2.1.0"\n')
    (profile / "Cargo.lock").write_text(
        'version = 4\n\n[[package]]\nname = "fresh"\nversion = "0.6.0"\n\n'
        '[[package]]\nname = "pulled"\nversion = "2.1.0"\n')
    return tmp_path


def refresh(project: Path, registry: Registry, *extra: str):
    return run_cli("-C", str(project), "refresh", "--api-url", registry.url, "--contact",
                   "https://example.org/webyet-tests", "--interval", "0.01", "--timeout", "1",
                   "--as-of", AS_OF, *extra, cwd=project)


def test_refresh_writes_a_deterministic_snapshot(project: Path, registry: Registry) -> None:
    first = refresh(project, registry)
    assert first.returncode == 0, first.stdout + first.stderr
    snapshot = project / "data" / "crates.json"
    data = snapshot.read_bytes()
    second = refresh(project, registry)
    assert second.returncode == 0 and snapshot.read_bytes() == data
    parsed = json.loads(data)
    assert parsed["as_of"] == AS_OF and list(parsed["crates"]) == ["fresh", "oldie", "pulled"]
    fresh = parsed["crates"]["fresh"]
    assert fresh["newest_version"] == "0.8.2" and fresh["newest_release"] == "2026-09-15"
    assert fresh["downloads_90d"] == 45000 and fresh["license"] == "MIT OR Apache-2.0"
    assert fresh["rust_version"] == "1.80" and fresh["pinned"] == {"0.6.0": False}
    assert parsed["crates"]["pulled"]["pinned"] == {"2.1.0": True}
    assert all("webyet-refresh/" in a and "https://example.org/webyet-tests" in a for a in registry.agents)


def test_rules_flag_stale_yanked_and_behind(project: Path, registry: Registry) -> None:
    assert refresh(project, registry).returncode == 0
    problems = {p.code: p for p in content_problems(load_catalog(project / "content"))}
    assert "no release since 2021-03-01" in problems["stale"].message
    assert problems["stale"].path.endswith("tooling/oldie.md")
    assert problems["yanked-pin"].severity == "error" and "pulled 2.1.0" in problems["yanked-pin"].message
    assert "snippets use 0.6.0, newest is 0.8.2" in problems["snippets-behind"].message
    check = run_cli("-C", str(project), "check", "--no-snippets", cwd=project)
    assert check.returncode == 1 and "error[yanked-pin]" in check.stdout
    assert "warning[stale]" in check.stdout


def test_held_pins_are_not_behind_and_current_pins_count(project: Path, registry: Registry) -> None:
    assert refresh(project, registry).returncode == 0
    manifest = project / "snippets" / "profiles" / "p" / "Cargo.toml"
    held = '\n[package.metadata.webyet.held]\nfresh = "needs a newer rustc"\n'
    manifest.write_text(manifest.read_text() + held)
    codes = {p.code for p in content_problems(load_catalog(project / "content"))}
    assert "snippets-behind" not in codes
    # A profile moved to the newest version after the refresh: not behind any more either.
    manifest.write_text(manifest.read_text().split("\n[package.metadata")[0].replace("=0.6.0", "=0.8.2"))
    codes = {p.code for p in content_problems(load_catalog(project / "content"))}
    assert "snippets-behind" not in codes and "yanked-pin" in codes


def test_feature_complete_exempts_from_stale(project: Path, registry: Registry) -> None:
    assert refresh(project, registry).returncode == 0
    oldie = project / "content" / "tooling" / "oldie.md"
    oldie.write_text(oldie.read_text().replace("status: usable", "status: usable\n"
                                               "feature_complete: The format it parses is frozen."))
    codes = {p.code for p in content_problems(load_catalog(project / "content"))}
    assert "stale" not in codes


@pytest.mark.parametrize(("script", "message"), [
    ([(404, b"{}", 0)], "crate 'oldie': not found (HTTP 404)"),
    ([(200, b'{"crate": {"name": "oldie"', 0)], "malformed JSON"),
    ([(200, b'{"crate": {}}', 0)], "unexpected answer shape"),
    ([(200, b"{}", 3)] * 2, "no answer within 1 s, 2 tries"),
    ([(503, b"", 0)] * 2, "HTTP 503, 2 tries"),
])
def test_failures_leave_no_snapshot(project: Path, registry: Registry,
                                    script: list[tuple[int, bytes, float]], message: str) -> None:
    registry.script["oldie"] = list(script)
    result = refresh(project, registry, "--retries", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if "oldie" in x)
    assert line.startswith("content/tooling/oldie.md:6:1: error: ") and message in line, line
    assert not (project / "data" / "crates.json").exists()
    assert not [p for p in project.rglob("*") if p.name.endswith(".partial")]  # no half-written file


def test_retries_after_429_and_500(project: Path, registry: Registry) -> None:
    registry.script["fresh"] = [(429, b"", 0)]
    registry.script["pulled"] = [(500, b"", 0), (502, b"", 0)]
    result = refresh(project, registry)
    assert result.returncode == 0, result.stdout + result.stderr
    assert registry.hits["fresh"] == 2 and registry.hits["pulled"] == 3


def test_a_failed_run_resumes_and_keeps_the_old_snapshot(project: Path, registry: Registry) -> None:
    assert refresh(project, registry).returncode == 0
    snapshot = project / "data" / "crates.json"
    before = snapshot.read_bytes()
    registry.hits.clear()
    registry.script["pulled"] = [(404, b"{}", 0)]
    failed = refresh(project, registry, "--as-of", "2026-11-24")
    assert failed.returncode == 1 and snapshot.read_bytes() == before
    resumed = refresh(project, registry, "--as-of", "2026-11-24")
    assert resumed.returncode == 0, resumed.stderr
    assert "2 resumed" in resumed.stderr and registry.hits == {"fresh": 1, "oldie": 1, "pulled": 2}
    assert json.loads(snapshot.read_text())["as_of"] == "2026-11-24"


def test_refresh_needs_a_contact(project: Path, registry: Registry) -> None:
    result = run_cli("-C", str(project), "refresh", "--api-url", registry.url, cwd=project)
    assert result.returncode == 2 and "--contact" in result.stderr


def test_site_shows_snapshot_figures_and_flags(project_copy: Path) -> None:
    snapshot = {"snapshot_version": 1, "as_of": AS_OF, "crates": {
        "axum": {"newest_version": "0.8.9", "newest_release": "2020-04-14", "first_release": None,
                 "downloads_total": None, "downloads_90d": 1234567, "license": None, "repository": None,
                 "rust_version": "1.80", "pinned": {"0.8.9": False},
                 "source": "index"}}}
    (project_copy / "data").mkdir()
    (project_copy / "data" / "crates.json").write_text(json.dumps(snapshot))
    result = run_cli("build", "--no-strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    site = project_copy / "site"
    axum = (site / "frameworks" / "axum" / "index.html").read_text()
    assert f"data as of {AS_OF}" in axum and "1,234,567" in axum
    assert "wy-flags" in axum and "no release since 2020-04-14" in axum
    table = (site / "compare" / "frameworks" / "index.html").read_text()
    assert f"Registry data as of {AS_OF}" in table and "2020-04-14" in table
    maintenance = (site / "maintenance" / "index.html").read_text()
    assert "axum" in maintenance and "stale" in maintenance
    home = (site / "index.html").read_text()
    assert f"registry data as of {AS_OF}" in home
