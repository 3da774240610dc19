"""Real Chromium (Debian's package) driven by Playwright against the built site on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from ..conftest import ROOT, copy_project, run_cli

CHROMIUM = os.environ.get("WEBYET_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("browser") / "project")


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site


@pytest.fixture(scope="session")
def offline_site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "webyet-offline.zip"
    result = run_cli("bundle", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    unpacked = out.parent / "unpacked"
    with zipfile.ZipFile(out) as archive:
        archive.extractall(unpacked)
    return unpacked / "webyet-offline"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `python3 dev.py test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"],
        )
        yield browser
        browser.close()


REQUESTS: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def no_request_leaves_loopback() -> Iterator[None]:
    """After all browser tests: every request went to 127.0.0.1 (or file:// for the bundle)."""
    yield
    assert REQUESTS, "no browser requests were recorded"
    assert hosts_seen() <= {"127.0.0.1", "file", "data", "blob"}, hosts_seen()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda request: REQUESTS.append(request.url))
    yield page
    context.close()


def hosts_seen() -> set[str]:
    return {urlsplit(url).hostname or urlsplit(url).scheme for url in REQUESTS}


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
