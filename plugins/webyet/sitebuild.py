"""`webyet build`: build the site elsewhere and swap it in only when the build succeeded.

The engine runs in a child process, so the core never imports it; engines that cannot run
the webyet plugin build a staged docs tree instead (`webyet.stage`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .processes import die_with_parent

# Material and ProperDocs each print a banner about MkDocs 2.0 on every run; the project's
# notes record the decision (pin mkdocs<2, keep ProperDocs working), so the banner is muted.
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def source_date_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH if set; else the last commit's time; else 0 (never 'now')."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, text=True,
                             capture_output=True, check=True).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build_date() -> dt.date:
    """The day a build is "as of": SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def build_site(root: Path, config: Path, site_dir: Path, *, strict: bool = True,
               engine: str = "mkdocs", extra_env: dict[str, str] | None = None,
               quiet: bool = False) -> int:
    """Build into a sibling temporary folder, then replace `site_dir`. Returns the exit code."""
    from .engines import engines  # imported here: stage imports site, which imports this module
    from .stage import stage

    chosen = engines()[engine]
    site_dir = site_dir.resolve()
    env = {**os.environ, **QUIET_BANNERS, "SOURCE_DATE_EPOCH": source_date_epoch(root),
           **(extra_env or {})}
    staging: Path | None = None
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
        if chosen.RUNS_WEBYET_PLUGIN:
            command, cwd, built = chosen.build_command(config, staging, strict), root, staging
        else:
            tree = staging / "staged"
            epoch = int(env["SOURCE_DATE_EPOCH"]) if env["SOURCE_DATE_EPOCH"].isdigit() else 0
            day = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
            errors, warnings = stage(root, config, tree, today=day)
            for line in [p.format() for p in errors] + warnings:
                print(line, file=sys.stderr)
            if errors or (strict and warnings):
                return 1
            command, cwd, built = (chosen.build_command(tree / "mkdocs.yml", tree / "site", strict),
                                   tree, tree / "site")
        if quiet and chosen.RUNS_WEBYET_PLUGIN:
            command.append("--quiet")
        code, write_error = _run_engine(command, cwd, env)
        if write_error:
            return _cannot_write(write_error, site_dir)
        if code != 0:
            return code
        swap_in(built, site_dir)
        return 0
    except OSError as err:  # a full disk while staging or swapping (webyet's own writes)
        return _cannot_write(str(err), site_dir)
    finally:
        if staging is not None:  # frees the space a failed build took
            shutil.rmtree(staging, ignore_errors=True)


# Errors that say where the site is written, not what it is built from: the engine's traceback
# for them is noise, so `webyet build` prints one line instead.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}
_EXCEPTION_LINE = re.compile(r"^(?:[\w.]+\.)?\w+: \[Errno (\d+)\] ")


def _run_engine(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run the engine, passing its stderr through as it comes, except a traceback: that is
    held back, and when it ends in a write error (disk full, file too large, quota, read-only)
    only its last line is returned, for `_cannot_write`. Any other traceback is printed."""
    proc = subprocess.Popen(command, cwd=cwd, env=env, stderr=subprocess.PIPE, text=True,
                            errors="replace")
    assert proc.stderr is not None
    held: list[str] = []
    with proc.stderr:
        for line in proc.stderr:
            if held or line.startswith("Traceback (most recent call last):"):
                held.append(line)
            else:
                sys.stderr.write(line)
                sys.stderr.flush()
    code = proc.wait()
    last = held[-1].strip() if held else ""
    found = _EXCEPTION_LINE.match(last)
    if code != 0 and found and int(found.group(1)) in _WRITE_ERRNOS:
        return code, last.split(": ", 1)[1]
    sys.stderr.write("".join(held))
    return code, ""


def _cannot_write(error: str, site_dir: Path) -> int:
    print(f"webyet build: error: could not write the site: {error}\n"
          f"webyet build: the previous site in {site_dir} was left as it was", file=sys.stderr)
    return 1


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` with `new` using renames, so `target` is never half-written."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists() and not target.exists():  # put the previous site back
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def run_until_signal(command: list[str], cwd: Path, env: dict[str, str], grace: float = 5.0) -> int:
    """Run a server in a process group of its own until it exits or this process gets SIGINT
    or SIGTERM; then stop the whole group (the server and anything it started), politely
    first, and return its exit code."""
    import signal

    proc = subprocess.Popen(command, cwd=cwd, env=env, start_new_session=True,
                            preexec_fn=die_with_parent)
    stopping: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        stopping.append(signum)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            try:
                code = proc.wait(timeout=grace if stopping else None)
                break
            except subprocess.TimeoutExpired:  # it ignored SIGTERM: end it
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # stragglers of the group (watchers, checkers)
    return 0 if stopping else code

