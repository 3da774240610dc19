"""One generated cargo package per profile, one `cargo check` over all its snippets (trybuild's way).

Each snippet is its own `[[bin]]` named after its content hash, so one snippet's error cannot
hide another's and cargo's own fingerprints skip unchanged files. The package and the shared
target directory live in the user's cache, never in the repository.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..atomic import atomic_path
from ..processes import die_with_parent
from ..profiles import Profile


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "webyet"


def target_dir() -> Path:
    return Path(os.environ.get("WEBYET_CARGO_TARGET") or cache_root() / "target")


def cargo_path() -> str | None:
    return shutil.which(os.environ.get("CARGO", "cargo"))


@cache
def rustc_version() -> str:
    """`rustc -vV` (part of every cache key); empty when there is no toolchain."""
    rustc = shutil.which(os.environ.get("RUSTC", "rustc"))
    if rustc is None:
        return ""
    done = subprocess.run([rustc, "-vV"], capture_output=True, text=True, timeout=60)
    return done.stdout if done.returncode == 0 else ""


def rustc_release() -> str:
    """`1.95` from `rustc -vV`, for the status line."""
    for line in rustc_version().splitlines():
        if line.startswith("release:"):
            return ".".join(line.split()[1].split(".")[:2])
    return "?"


@dataclass(frozen=True)
class Unit:
    """One snippet as a cargo target."""

    name: str  # bin name: `s_` + content hash (`t_` for a test-mode variant)
    source: str
    edition: str
    test: bool = False  # compiled in test mode (`cargo check --tests`), not as a plain binary


@dataclass
class CargoRun:
    """What cargo said about each bin of one run."""

    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # bin → compiler messages
    finished: set[str] = field(default_factory=set)  # bins cargo produced an artifact for
    timed_out: bool = False
    failure: str = ""  # cargo itself failed (manifest, fetch, dependency build): its stderr
    seconds: float = 0.0


def check_units(profile: Profile, units: list[Unit], *, timeout: float, jobs: int | None = None,
                env: dict[str, str] | None = None, build: bool = False) -> CargoRun:
    """`cargo check` every unit of `profile` in one generated package: plain units as binaries
    (as rustdoc compiles a doctest, so `main`'s signature is checked and `cfg(test)` code is
    not), test units in test mode. `build=True` runs `cargo build` instead, for `compile_fail`
    blocks whose error only code generation finds (post-monomorphization)."""
    cargo = cargo_path()
    if cargo is None:
        return CargoRun(failure="cargo not found on PATH")
    package = cache_root() / "packages" / profile.name
    with _locked(package.with_suffix(".lock")):
        _write_package(package, profile, units)
        run_env = {**os.environ, "CARGO_TARGET_DIR": str(target_dir()), "CARGO_TERM_COLOR": "never",
                   **(env or {})}
        fetched = _fetch(cargo, package, profile, run_env, timeout)
        if fetched:
            return CargoRun(failure=fetched)
        command = [cargo, "build" if build else "check", *_targets(units), "--keep-going",
                   "--message-format=json", "--locked", "--offline", "--quiet"]
        if jobs:
            command += ["--jobs", str(jobs)]
        return _run_check(command, package, run_env, timeout)


def _targets(units: list[Unit]) -> list[str]:
    """Plain units by name; test units through `--tests` (only they have `test = true`)."""
    if not any(u.test for u in units):
        return ["--bins"]
    plain = [arg for u in units if not u.test for arg in ("--bin", u.name)]
    return [*plain, "--tests"]


def _write_package(package: Path, profile: Profile, units: list[Unit]) -> None:
    bins = package / "src" / "bin"
    shutil.rmtree(bins, ignore_errors=True)  # only this run's snippets are targets
    bins.mkdir(parents=True)
    manifest = profile.manifest.replace(
        "[package]", "[package]\nautobins = false\nautoexamples = false\nautotests = false\n"
        "autobenches = false\nautolib = false", 1)
    targets = []
    for unit in units:
        (bins / f"{unit.name}.rs").write_text(unit.source, encoding="utf-8")
        targets.append(f'\n[[bin]]\nname = "{unit.name}"\npath = "src/bin/{unit.name}.rs"\n'
                       f'edition = "{unit.edition}"\ntest = {str(unit.test).lower()}\nbench = false\n'
                       'doc = false\n')
    (package / "Cargo.toml").write_text(manifest + "".join(targets), encoding="utf-8")
    (package / "Cargo.lock").write_text(profile.lock, encoding="utf-8")


def _fetch(cargo: str, package: Path, profile: Profile, env: dict[str, str], timeout: float) -> str:
    """Download the profile's locked crates once per Cargo.lock; an error message or ''."""
    stamp = cache_root() / "fetched" / hashlib.sha256(profile.lock.encode()).hexdigest()
    if stamp.exists():
        return ""
    try:
        done = subprocess.run([cargo, "fetch", "--locked", "--quiet"], cwd=package, env=env,
                              capture_output=True, text=True, timeout=max(timeout, 600))
    except subprocess.TimeoutExpired:
        return "cargo fetch timed out"
    if done.returncode:
        return "cargo fetch failed:\n" + done.stderr.strip()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    return ""


# cargo runs under this `sh`, which Linux sends SIGTERM when webyet's process dies (a stopped
# `webyet serve`, a killed build): the trap then kills the whole session. Without it only cargo
# died, and the rustc it had started ran on as orphans (a killed cargo leaves them running).
_GUARD = 'trap "kill -KILL 0" TERM; "$@" & wait $!'


def _run_check(command: list[str], package: Path, env: dict[str, str], timeout: float) -> CargoRun:
    start = time.monotonic()
    run = CargoRun()
    # A session of its own, so a time-out can kill cargo and every rustc it started.
    proc = subprocess.Popen(["/bin/sh", "-c", _GUARD, "sh", *command], cwd=package, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=die_with_parent)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        run.timed_out = True
    for raw in stdout.splitlines():
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        target = record.get("target", {})
        if "bin" not in target.get("kind", []):
            continue
        if record.get("reason") == "compiler-message":
            run.messages.setdefault(target["name"], []).append(record["message"])
        elif record.get("reason") == "compiler-artifact":
            run.finished.add(target["name"])
    if run.timed_out:  # a rustc cut off mid-stream said only part of what it had to say: a
        # bin counts only when it is done (an artifact, or cargo's "could not compile" for it)
        failed = set(_COULD_NOT_COMPILE.findall(stderr))
        run.messages = {n: m for n, m in run.messages.items() if n in run.finished or n in failed}
    code = proc.returncode  # the guard's: cargo's own status, or 128 + N when signal N killed it
    signum = -code if code < 0 else code - 128 if code > 128 else 0
    if signum and not run.timed_out:
        # Killed from outside (OOM killer, a user): end the rustc it leaves running, and keep
        # nothing it printed, as a cut-off stream can look like a pass or a smaller failure.
        with contextlib.suppress(ProcessLookupError):  # the orphans keep the group's id taken
            os.killpg(proc.pid, signal.SIGKILL)
        run.messages.clear()
        run.finished.clear()
        run.failure = (f"cargo was killed by {_signal_name(signum)} before it finished; "
                       "nothing from this run was kept")
    elif code and not run.timed_out and not run.messages:
        run.failure = stderr.strip() or f"cargo exited with status {code}"
    run.seconds = time.monotonic() - start
    return run


_COULD_NOT_COMPILE = re.compile(r'could not compile `[^`]*` \(bin "([^"]+)"')


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def sqlite_database(schema: Path) -> Path:
    """A SQLite database made from `schema` (once per schema text), for sqlx's `query!`."""
    text = schema.read_text(encoding="utf-8")
    path = cache_root() / "databases" / f"{hashlib.sha256(text.encode()).hexdigest()[:16]}.sqlite"
    if not path.exists():
        with atomic_path(path) as partial, contextlib.closing(sqlite3.connect(partial)) as db:
            db.executescript(text)
            db.commit()
    return path


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One writer per generated package at a time (parallel test runs, CI and a local build)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
