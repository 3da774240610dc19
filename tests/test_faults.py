"""Faults from outside: a damaged result cache, two runs at once on one cache, cargo killed
mid-run, a full disk during `webyet build`, and SIGTERM to `webyet serve` while cargo runs.

Everything is real: cargo (on std-only snippets, so each run takes about a second), child
processes, signals, a tmpfs that fills up, and a file size limit. Each test has caches of its own
(XDG_CACHE_HOME, WEBYET_CARGO_TARGET), so nothing depends on what another test left.

A snippet that includes a named pipe (`include_str!` of a FIFO) holds its rustc exactly as long
as the test wants: it is how cargo is caught mid-run without guessing how long a compile takes.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from webyet.snippets.cache import ResultCache

from .conftest import ROOT
from .preview import free_port

needs_cargo = pytest.mark.skipif(shutil.which("cargo") is None, reason="needs cargo")

PAGE = """# Faults

```rust
let total: u32 = [1, 2, 3].iter().sum();
assert_eq!(total, 6);
```

```rust
let n: u8 = "not a number";
```
"""
PAGE_VERDICTS = [(3, "pass"), (8, "fail")]
PAGE_ERROR = (9, 13, "E0308")  # the failing block's error, located in the page


# Helpers ------------------------------------------------------------------------------------


def cache_env(tmp: Path, target: Path | None = None) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache"),
            "WEBYET_CARGO_TARGET": str(target or tmp / "target")}


def webyet(*args: str) -> list[str]:
    return [sys.executable, "-m", "webyet.cli", *args]


def snippets(page: Path, env: dict[str, str], *args: str,
             timeout: float = 120) -> tuple[int, dict[str, Any], str]:
    """`webyet snippets --format json PAGE`: exit code, report and stderr."""
    done = subprocess.run(webyet("snippets", "--format", "json", *args, str(page)), cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


def verdicts(report: dict[str, Any]) -> list[tuple[int, str]]:
    return [(s["line"], s["status"]) for s in report["snippets"]]


def errors(snippet: dict[str, Any]) -> list[tuple[int, int, str]]:
    return [(d["line"], d["column"], d["code"]) for d in snippet["diagnostics"] if d["level"] == "error"]


def result_files(cache: Path) -> list[Path]:
    return sorted((cache / "webyet" / "results").rglob("*.json"))


def assert_cache_intact(cache: Path) -> None:
    """Every result file is one the cache would use, and no partial file is left behind."""
    folder = cache / "webyet" / "results"
    files = result_files(cache)
    assert files
    results = ResultCache(folder)
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))
        assert results.get(path.stem) is not None, path
    assert not [p for p in folder.rglob("*") if p.is_file() and p.suffix != ".json"]


def process_table() -> dict[int, tuple[int, str, str]]:
    """pid → (parent pid, state, command line) of every live (not zombie) process."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if fields[0] != "Z":
                table[int(entry.name)] = (int(fields[1]), fields[0], cmdline)
    return table


def descendants(pid: int) -> dict[int, str]:
    """The live descendants of `pid`: pid → command line."""
    table = process_table()
    found: dict[int, str] = {}
    frontier = {pid}
    while frontier:
        frontier = {child for child, (parent, _, _) in table.items() if parent in frontier} - found.keys()
        found.update({child: table[child][2] for child in frontier})
    return found


def processes_mentioning(text: str) -> dict[int, str]:
    """Live processes whose command line or working folder contains `text` (ours: a tmp path)."""
    found = {}
    for pid, (_, _, cmdline) in process_table().items():
        cwd = ""
        with contextlib.suppress(OSError):
            cwd = os.readlink(f"/proc/{pid}/cwd")
        if text in cmdline or text in cwd:
            found[pid] = cmdline
    return found


def wait_for(what: Callable[[], Any], limit: float, message: str) -> Any:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = what()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(message)


def kill_leftovers(text: str) -> None:
    """End processes this test started that are still running (only if the test failed)."""
    for pid in processes_mentioning(text):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def serving(fifo: Path) -> Iterator[None]:
    """Let every rustc that reads `fifo` finish: each reader gets an empty file. (What a reader
    gets does not matter to the blocks below, so two readers at once are fine.)"""
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader yet
                time.sleep(0.02)
                continue
            os.close(fd)  # the reader sees the end of the file
            time.sleep(0.05)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def fifo_in(tmp: Path) -> Path:
    fifo = tmp / "slow-input"
    os.mkfifo(fifo)
    return fifo


# 1. A damaged result-cache file -----------------------------------------------------------------


@pytest.fixture(scope="module")
def checked_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """PAGE checked once: (page, its filled cache, the warm cargo target) for each damage to copy."""
    tmp = tmp_path_factory.mktemp("checked")
    page = tmp / "page.md"
    page.write_text(PAGE)
    code, report, _ = snippets(page, cache_env(tmp))
    assert code == 1 and verdicts(report) == PAGE_VERDICTS
    assert len(result_files(tmp / "cache")) == 2
    return page, tmp / "cache", tmp / "target"


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "not UTF-8": lambda data: b"\xff\xfe\x00\x81 garbage \x80" + data[:10],
    "JSON null": lambda data: b"null",
    "JSON of another shape": lambda data: b'[1, "pass", {"compiled": true}]',
    "no messages": lambda data: b'{"compiled": true, "checked": "2026-01-01"}',
    "a message cut short": lambda data: b'{"compiled": false, "messages": [{"level": "error"}]}',
    "says it compiled, lists an error": lambda data: json.dumps(
        {"compiled": True, "messages": [{"level": "error", "code": "E0308", "message": "m", "line": 1,
                                         "column": 1, "notes": [], "test": False}]}).encode(),
}


@needs_cargo
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_result_file_is_checked_again(damage: str, checked_page: tuple[Path, Path, Path],
                                                tmp_path: Path) -> None:
    page, filled, target = checked_page
    shutil.copytree(filled, tmp_path / "cache")
    for path in result_files(tmp_path / "cache"):
        path.write_bytes(DAMAGE[damage](path.read_bytes()))
    code, report, _ = snippets(page, cache_env(tmp_path, target))
    assert code == 1
    assert verdicts(report) == PAGE_VERDICTS  # the failing block still fails, the other passes
    assert errors(report["snippets"][1]) == [PAGE_ERROR]
    assert report["summary"]["cargo_runs"] >= 1 and report["summary"]["cached"] == 0
    assert_cache_intact(tmp_path / "cache")  # the damaged files were replaced with good ones


# 2. Two runs at once on one cache ---------------------------------------------------------------

BUSY_PAGE = PAGE + """
```rust,compile_fail,E0382
let v = vec![1];
let w = v;
println!("{v:?}");
```

```rust
fn double(x: u32) -> u32 { x * 2 }

#[test]
fn doubles() { assert_eq!(double(2), 4); }
```

```rust
fn main() {
    let s: String = 5;
}
```
"""
BUSY_VERDICTS = [*PAGE_VERDICTS, (12, "pass"), (18, "pass"), (25, "fail")]


@needs_cargo
def test_two_runs_at_once_share_one_cache(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(BUSY_PAGE)
    env = cache_env(tmp_path)
    command = webyet("snippets", "--format", "json", str(page))
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    for run in runs:
        stdout, stderr = run.communicate(timeout=120)
        assert run.returncode == 1 and "Traceback" not in stderr, stderr
        report = json.loads(stdout)
        assert verdicts(report) == BUSY_VERDICTS
        assert errors(report["snippets"][1]) == [PAGE_ERROR]
    assert_cache_intact(tmp_path / "cache")
    code, again, _ = snippets(page, env)
    assert code == 1 and verdicts(again) == BUSY_VERDICTS
    assert again["summary"]["cargo_runs"] == 0 and again["summary"]["cached"] == len(BUSY_VERDICTS)


# 3. cargo killed mid-run ------------------------------------------------------------------------


def waiting_page(tmp: Path) -> tuple[Path, Path]:
    """PAGE with a block whose rustc waits on a named pipe until the test lets it go."""
    fifo = fifo_in(tmp)
    page = tmp / "page.md"
    page.write_text(PAGE + f'\n```rust\nconst INPUT: &str = include_str!("{fifo}");\n'
                           'assert!(INPUT.len() < 100);\n```\n')
    return page, fifo


WAITING_VERDICTS = [*PAGE_VERDICTS, (12, "pass")]


@needs_cargo
def test_cargo_killed_mid_run_is_a_located_error_and_nothing_is_cached(tmp_path: Path) -> None:
    page, fifo = waiting_page(tmp_path)
    env = cache_env(tmp_path)
    run = subprocess.Popen(webyet("snippets", str(page)), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        # cargo is mid-run once a rustc of it compiles a snippet (it waits on the pipe)
        wait_for(lambda: any("src/bin/" in line and "rustc" in line
                             for line in descendants(run.pid).values()), 60, "rustc never started")
        cargo = [pid for pid, line in descendants(run.pid).items()
                 if Path(line.split(" ", 1)[0]).name == "cargo" and " check " in line]
        assert len(cargo) == 1
        os.kill(cargo[0], signal.SIGKILL)  # cargo, not webyet
        stdout, stderr = run.communicate(timeout=60)
        assert run.returncode == 1 and "Traceback" not in stderr, stderr
        for line, _ in WAITING_VERDICTS:
            assert re.search(rf"^{re.escape(str(page))}:{line}:1: error\[cargo\]: cargo was killed by "
                             r"SIGKILL before it finished", stdout, re.MULTILINE), stdout
        assert result_files(tmp_path / "cache") == []  # not even the blocks that compiled
        # the rustc the killed cargo had started do not run on (one waits on the pipe for ever)
        wait_for(lambda: not processes_mentioning(str(tmp_path)), 10,
                 f"left running: {processes_mentioning(str(tmp_path))}")
        with serving(fifo):
            code, report, _ = snippets(page, env)
        assert code == 1 and verdicts(report) == WAITING_VERDICTS
        assert report["summary"]["cargo_runs"] >= 1 and report["summary"]["cached"] == 0
        assert errors(report["snippets"][1]) == [PAGE_ERROR]
        assert_cache_intact(tmp_path / "cache")
    finally:
        if run.poll() is None:
            run.kill()
        kill_leftovers(str(tmp_path))


TESTED_LATER = """# A block whose test code waits

```rust
fn answer() -> u8 { 42 }

#[cfg(test)]
mod tests {
    const INPUT: &str = include_str!("FIFO");

    #[test]
    fn reads() { let n: u8 = INPUT; assert_eq!(super::answer(), n); }
}
```
"""


@needs_cargo
def test_a_time_out_caches_no_half_verdict(tmp_path: Path) -> None:
    """Our own kill (the time-out) cuts cargo off too: the plain build of the block finished,
    its test-mode build did not, so there is no verdict to keep (it used to be kept as a pass,
    though the test code does not compile)."""
    fifo = fifo_in(tmp_path)
    page = tmp_path / "page.md"
    page.write_text(TESTED_LATER.replace("FIFO", str(fifo)))
    env = cache_env(tmp_path)
    code, report, _ = snippets(page, env, "--timeout", "5")
    try:
        assert code == 1 and verdicts(report) == [(3, "timeout")]
        # the plain build had finished: the test covers a run cut off halfway, not before it began
        assert list((tmp_path / "target" / "debug" / "deps").glob("libs_*.rmeta"))
        assert result_files(tmp_path / "cache") == []
        with serving(fifo):
            code, report, _ = snippets(page, env)
        assert code == 1 and verdicts(report) == [(3, "fail")]
        assert errors(report["snippets"][0]) == [(11, 30, "E0308")]
    finally:
        kill_leftovers(str(tmp_path))


# 4. No space left while building the site -------------------------------------------------------


def small_project(tmp: Path) -> Path:
    """A site of three pages with the webyet plugin (about 3 MB built, in about a second)."""
    project = tmp / "project"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Faults\ndocs_dir: content\n"
                                        "theme:\n  name: material\nplugins:\n  - webyet\n")
    (project / "content" / "index.md").write_text("# Home\n\nMarker one.\n")
    (project / "content" / "criteria.md").write_text(
        "---\ntitle: Criteria\n---\n\n# Criteria\n\n## Freshness rules\n\nRules.\n")
    return project


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(project: Path, site: Path, preexec: Callable[[], None] | None = None
          ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(webyet("build", "--site-dir", str(site)), cwd=project,
                          env=cache_env(project.parent), capture_output=True, text=True, timeout=120,
                          preexec_fn=preexec)


def assert_failed_cleanly(done: subprocess.CompletedProcess[str], site: Path, digest: str,
                          error: str) -> None:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr, done.stderr
    assert "webyet build: error: could not write the site: " + error in done.stderr, done.stderr
    assert f"the previous site in {site} was left as it was" in done.stderr
    assert tree_digest(site) == digest  # the previous site, byte for byte
    assert sorted(p.name for p in site.parent.iterdir() if p.name != "filler") == ["site"]  # no leftovers


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 MB tmpfs (needs the right to mount: root in a container; skipped otherwise)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_full_disk_keeps_the_previous_site(tmp_path: Path, small_disk: Path) -> None:
    project = small_project(tmp_path)
    site = small_disk / "site"
    first = build(project, site)
    assert first.returncode == 0, first.stderr
    digest = tree_digest(site)
    free = os.statvfs(small_disk)
    with (small_disk / "filler").open("wb") as filler:  # leave 200 KB: less than a second site
        os.posix_fallocate(filler.fileno(), 0, free.f_bavail * free.f_frsize - 200_000)
    (project / "content" / "index.md").write_text("# Home\n\nMarker two.\n")
    assert_failed_cleanly(build(project, site), site, digest, "[Errno 28] No space left on device")
    (small_disk / "filler").unlink()
    again = build(project, site)  # space again: nothing the failed build left gets in the way
    assert again.returncode == 0, again.stderr
    assert "Marker two." in (site / "index.html").read_text()


def limit_file_size() -> None:
    """In the child: files may not grow past 100 KB (the theme's scripts are bigger), and the
    write fails with EFBIG instead of the process dying of SIGXFSZ."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def test_a_failed_write_keeps_the_previous_site(tmp_path: Path) -> None:
    """The same without mounting anything: a file size limit makes the engine's writes fail."""
    project = small_project(tmp_path)
    site = tmp_path / "out" / "site"
    first = build(project, site)
    assert first.returncode == 0, first.stderr
    digest = tree_digest(site)
    (project / "content" / "index.md").write_text("# Home\n\nMarker two.\n")
    assert_failed_cleanly(build(project, site, limit_file_size), site, digest,
                          f"[Errno {errno.EFBIG}] File too large")
    again = build(project, site)
    assert again.returncode == 0, again.stderr
    assert "Marker two." in (site / "index.html").read_text()


# 5. SIGTERM to `webyet serve` while a background check runs cargo ------------------------------
# (tests/test_serve.py stops the server itself with SIGTERM, SIGINT and SIGKILL and finds no
# server left; this one looks at the cargo and rustc that a background check had running.)


@needs_cargo
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_stopped_serve_leaves_no_cargo_or_rustc(tmp_path: Path, signum: int) -> None:
    project = small_project(tmp_path)
    shutil.copytree(ROOT / "snippets" / "profiles" / "std", project / "snippets" / "profiles" / "std")
    fifo = fifo_in(tmp_path)
    (project / "content" / "index.md").write_text(
        f'# Home\n\n```rust\nconst INPUT: &str = include_str!("{fifo}");\nlet _ = INPUT;\n```\n')
    serve = subprocess.Popen(webyet("serve", "--addr", f"127.0.0.1:{free_port()}"), cwd=project,
                             env=cache_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: any("src/bin/" in line and "rustc" in line
                             for line in descendants(serve.pid).values()), 120,
                 "the background check never started rustc")
        serve.send_signal(signum)
        assert serve.wait(timeout=30) == (0 if signum == signal.SIGTERM else -signum)
        wait_for(lambda: not processes_mentioning(str(tmp_path)), 10,
                 f"left running: {processes_mentioning(str(tmp_path))}")
    finally:
        if serve.poll() is None:
            serve.kill()
        kill_leftovers(str(tmp_path))
