"""`webyet refresh` from a sparse index on 127.0.0.1: versions, dates and yanked flags from the
index lines, licence and repository from the published Cargo.toml inside the .crate archive."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import make_content, run_cli
from .test_refresh import AS_OF, LoopbackServer, QuietHandler, crate_entry, running


def index_line(name: str, vers: str, pubtime: str, yanked: bool = False, msrv: str | None = None) -> str:
    return json.dumps({"name": name, "vers": vers, "deps": [], "cksum": "00", "features": {},
                       "yanked": yanked, "rust_version": msrv, "pubtime": f"{pubtime}T10:00:00Z", "v": 2})


INDEX = {
    "fr/es/fresh": [index_line("fresh", "0.6.0", "2025-01-10"),
                    index_line("fresh", "0.8.2", "2026-09-15", msrv="1.80"),
                    index_line("fresh", "0.9.0-beta.1", "2026-10-01")],
    "ol/di/oldie": [index_line("oldie", "1.0.0", "2021-03-01")],
    "to/ml/toml": [index_line("toml", "0.9.8", "2025-10-09"),
                   index_line("toml", "1.2.2+spec-1.1.0", "2026-11-21"),
                   index_line("toml", "1.3.0-rc.1+spec-1.1.0", "2026-11-25")],
    "pr/er/prerel": [index_line("prerel", "1.0.0-alpha.9", "2026-01-01"),
                     index_line("prerel", "1.0.0-alpha.10", "2026-02-01")],
    "pu/ll/pulled": [index_line("pulled", "2.1.0", "2026-01-05", yanked=True),
                     index_line("pulled", "2.0.0", "2025-12-01")],
}
MANIFESTS = {
    ("fresh", "0.8.2"): '[package]\nname = "fresh"\nversion = "0.8.2"\nlicense = "MIT OR Apache-2.0"\n'
                        'repository = "https://github.com/example/fresh"\n',
    ("oldie", "1.0.0"): '[package]\nname = "oldie"\nversion = "1.0.0"\nlicense-file = "LICENSE"\n',
    ("toml", "1.2.2+spec-1.1.0"): '[package]\nname = "toml"\nversion = "1.2.2+spec-1.1.0"\n'
                                  'license = "MIT OR Apache-2.0"\n',
    ("prerel", "1.0.0-alpha.10"): '[package]\nname = "prerel"\nversion = "1.0.0-alpha.10"\nlicense = "MIT"\n',
    ("pulled", "2.0.0"): '[package]\nname = "pulled"\nversion = "2.0.0"\nlicense = "Apache-2.0"\n',
}


def crate_archive(name: str, version: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for path, text in ((f"{name}-{version}/README.md", "readme"),
                           (f"{name}-{version}/Cargo.toml", MANIFESTS[(name, version)])):
            data = text.encode()
            info = tarfile.TarInfo(path)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class Index(LoopbackServer):
    def __init__(self) -> None:
        super().__init__(Handler)
        self.paths: list[str] = []


class Handler(QuietHandler):
    server: Index

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        body, status = b"", 404
        if self.path == "/index/config.json":
            body, status = json.dumps({"dl": f"{self.server.url}/dl"}).encode(), 200
        elif self.path.removeprefix("/index/") in INDEX:
            body, status = "\n".join(INDEX[self.path.removeprefix("/index/")]).encode(), 200
        elif self.path.startswith("/dl/"):
            name, version = self.path.split("/")[2:4]
            if (name, version) in MANIFESTS:
                body, status = crate_archive(name, version), 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def index() -> Iterator[LoopbackServer]:
    yield from running(Index())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dead = crate_entry("ghost", "ghost").replace(
        "status: usable\n", "status: archived\narchived: {date: 2020-01-01, cause: not-on-registry, "
        "reason: Never published., successors: [fresh]}\n")
    names = ("fresh", "oldie", "pulled", "toml", "prerel")
    files = {f"tooling/{n}.md": crate_entry(n, n) for n in names}
    make_content(tmp_path, {**files, "tooling/ghost.md": dead})
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n")
    profile = tmp_path / "snippets" / "profiles" / "p"
    profile.mkdir(parents=True)
    (profile / "Cargo.toml").write_text('[package]\nname = "p"\nversion = "0.0.0"\n\n[dependencies]\n'
                                        'pulled = "=2.1.0"\n')
    (profile / "Cargo.lock").write_text('version = 4\n\n[[package]]\nname = "pulled"\nversion = "2.1.0"\n')
    return tmp_path


def refresh(project: Path, index: Index) -> tuple[int, str, dict]:
    result = run_cli("-C", str(project), "refresh", "--index-url", f"{index.url}/index/", "--contact",
                     "https://example.org/webyet-tests", "--interval", "0", "--as-of", AS_OF, cwd=project)
    snapshot = project / "data" / "crates.json"
    data = json.loads(snapshot.read_text()) if snapshot.exists() else {}
    return result.returncode, result.stdout + result.stderr, data


def test_index_refresh_reads_versions_yanked_and_the_manifest(project: Path, index: Index) -> None:
    code, output, data = refresh(project, index)
    assert code == 0, output
    crates = data["crates"]
    assert sorted(crates) == ["fresh", "oldie", "prerel", "pulled", "toml"]  # ghost: never published
    # a crate with pre-releases only shows its newest pre-release (not alpha.9: 10 > 9)
    assert (crates["prerel"]["newest_version"], crates["prerel"]["license"]) == ("1.0.0-alpha.10", "MIT")
    # build metadata with a hyphen is not a pre-release; a real pre-release is skipped
    assert crates["toml"]["newest_version"] == "1.2.2+spec-1.1.0"
    fresh = crates["fresh"]
    assert (fresh["newest_version"], fresh["newest_release"], fresh["first_release"]) == (
        "0.8.2", "2026-09-15", "2025-01-10")
    assert fresh["license"] == "MIT OR Apache-2.0" and fresh["repository"] == "https://github.com/example/fresh"
    assert fresh["rust_version"] == "1.80" and fresh["source"] == "index"
    assert crates["oldie"]["license"] is None  # a licence file, not an SPDX expression
    pulled = crates["pulled"]
    assert pulled["newest_version"] == "2.0.0" and pulled["pinned"] == {"2.1.0": True}
    assert pulled["license"] == "Apache-2.0"
    assert not any("ghost" in p for p in index.paths)
    assert "/dl/fresh/0.8.2/download" in index.paths


def test_yanked_pin_from_the_index_is_an_error(project: Path, index: Index) -> None:
    assert refresh(project, index)[0] == 0
    check = run_cli("-C", str(project), "check", "--no-snippets", cwd=project)
    assert check.returncode == 1 and "error[yanked-pin]" in check.stdout
    assert "snippets pin pulled 2.1.0, which is yanked" in check.stdout


def test_a_broken_archive_is_a_located_error(project: Path, index: Index) -> None:
    MANIFESTS[("fresh", "0.8.2")], saved = "not toml [", MANIFESTS[("fresh", "0.8.2")]
    try:
        code, output, data = refresh(project, index)
    finally:
        MANIFESTS[("fresh", "0.8.2")] = saved
    assert code == 1 and not data and "Traceback" not in output
    assert "content/tooling/fresh.md:6:1: error: crate 'fresh': cannot read Cargo.toml" in output, output
