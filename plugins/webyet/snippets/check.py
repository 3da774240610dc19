"""Orchestration: files → regions → units per profile → cargo (only for uncached units) → results."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import display_path
from ..profiles import Profile, load_profiles
from . import cargo
from .cache import ResultCache, result_key
from .extract import SnippetRegion, region_of_rust_file, regions_in_markdown
from .profiles import choose_profile, crates_named
from .syntax import Tok
from .wrap import Shape, Wrapped, shape_of, wrap

DEFAULT_TIMEOUT = 1800.0  # seconds per cargo run; a cold build of the largest profile fits in it


@dataclass(frozen=True)
class Diagnostic:
    """A compiler (or checker) message at a place in the Markdown or `.rs` file."""

    level: str
    code: str
    message: str
    path: str
    line: int
    column: int
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "code": self.code, "message": self.message, "path": self.path,
                "line": self.line, "column": self.column, "notes": list(self.notes)}


@dataclass
class SnippetResult:
    """One region's verdict. `status` is "pass" when the outcome matches the annotation."""

    region: SnippetRegion
    status: str  # pass | fail | ignored | timeout | unchecked
    profile: str = ""
    cached: bool = False
    crates: dict[str, str] = field(default_factory=dict)  # crate → shown version (`0.8.x`)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    key: str = ""  # cache key; the site plugin finds results by it
    reason: str = ""  # why an "ignored" block was not checked, when its info string does not say
    checked: str = ""  # YYYY-MM-DD cargo gave this verdict (kept with the cached result)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.region.display, "line": self.region.line, "profile": self.profile,
                "expect": self.region.info.expect, "status": self.status, "cached": self.cached,
                "crates": self.crates, "diagnostics": [d.to_json() for d in self.diagnostics]}


@dataclass
class CheckReport:
    results: list[SnippetResult]
    rustc: str
    cargo_runs: int = 0
    cargo_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # e.g. "cargo not found: 3 snippets not checked"


@dataclass
class _Pending:
    result: SnippetResult
    wrapped: Wrapped
    unit: cargo.Unit
    shape: Shape
    test_wrapped: Wrapped | None = None  # the test-mode variant, for blocks with tests
    test_unit: cargo.Unit | None = None

    @property
    def units(self) -> list[cargo.Unit]:
        return [self.unit] + ([self.test_unit] if self.test_unit else [])


def find_sources(paths: Iterable[Path]) -> list[Path]:
    """Markdown and `.rs` files named by `paths` (folders are searched; profile folders skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in {".md", ".rs"} and p.is_file()
                            and "profiles" not in p.relative_to(path).parts[:-1]
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.suffix in {".md", ".rs"}:
            found.append(path)
    return list(dict.fromkeys(found))


def regions_of(files: Sequence[Path], root: Path | None, snippet_base: Path | None
               ) -> list[SnippetRegion]:
    """Every Rust region of `files`, plus the `.rs` files their `--8<--` blocks include."""
    regions: list[SnippetRegion] = []
    seen: set[Path] = set()
    queue = list(files)
    while queue:
        path = queue.pop(0)
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        text = path.read_text(encoding="utf-8", errors="replace")
        shown = display_path(path, root)
        if path.suffix == ".rs":
            regions.append(region_of_rust_file(text, path, shown))
            continue
        for region in regions_in_markdown(text, path, shown):
            regions.append(region)
            for target in region.includes:
                included = snippet_base / target.split(":", 1)[0] if snippet_base else None
                try:
                    found = included is not None and included.is_file()
                except OSError:  # a name too long and the like: includes.py reports it
                    found = False
                if found:  # missing: see includes.py
                    queue.append(included)
    return [r for r in regions if not r.includes]


def check_regions(regions: Sequence[SnippetRegion], profiles_dir: Path, *, jobs: int | None = None,
                  timeout: float = DEFAULT_TIMEOUT, cache: ResultCache | None = None,
                  run_cargo: bool = True, note_unchecked: bool = True,
                  only_profiles: frozenset[str] | None = None) -> CheckReport:
    """Check `regions`; with `run_cargo=False` only cached results count, and the rest stay
    "unchecked" (with a note, unless a background check is about to handle them). With
    `only_profiles`, blocks checked with other profiles are left out (one CI shard's share)."""
    profiles, profile_problems = load_profiles(profiles_dir)
    unknown = sorted((only_profiles or frozenset()) - set(profiles))
    if unknown:
        raise ValueError(f"no profile {', '.join(unknown)} (profiles: {', '.join(sorted(profiles))})")
    cache = cache or ResultCache()
    report = CheckReport([], cargo.rustc_version().splitlines()[0] if cargo.rustc_version() else "",
                         notes=list(profile_problems))
    pending: dict[str, list[_Pending]] = {}
    for region in regions:
        result, job = _prepare(region, profiles, cache)
        if only_profiles is not None and result.profile not in only_profiles:
            continue
        report.results.append(result)
        if job is not None:
            pending.setdefault(result.profile, []).append(job)
    if pending and (not run_cargo or cargo.cargo_path() is None):
        count = sum(len(v) for v in pending.values())
        if run_cargo or note_unchecked:
            report.notes.append(f"cargo not found: {count} snippets not checked in this build"
                                if run_cargo else f"{count} snippets not checked (cargo disabled)")
        return report
    for name, jobs_of_profile in pending.items():
        _run_profile(profiles[name], jobs_of_profile, cache, report, jobs=jobs, timeout=timeout)
    return report


def _prepare(region: SnippetRegion, profiles: dict[str, Profile], cache: ResultCache
             ) -> tuple[SnippetResult, _Pending | None]:
    """The result if it is known without cargo (ignored, bad annotation, cached), else a job."""
    info = region.info
    here = (region.display, region.line, 1)
    if info.problems:
        return SnippetResult(region, "fail", diagnostics=[
            Diagnostic("error", "snippet", p, *here) for p in info.problems]), None
    if info.ignore:
        return SnippetResult(region, "ignored"), None
    profile, why = choose_profile(region.code, info.profile, profiles)
    if profile is None:
        return SnippetResult(region, "fail", diagnostics=[Diagnostic("error", "profile", why, *here)]), None
    shape = shape_of(region.lines)
    if profile.schema is not None and _postgres_query(shape.toks):
        return SnippetResult(region, "ignored", profile.name, reason=POSTGRES_REASON), None
    vacuous = _vacuous(region, shape)
    if vacuous:
        return SnippetResult(region, "fail", profile.name, diagnostics=vacuous), None
    used = sorted(crates_named(region.code)[0] & set(profile.crates))
    result = SnippetResult(region, "unchecked", profile.name,
                           crates={c: profile.shown_version(c) for c in used})
    wrapped = wrap(region.lines, whole_file=region.whole_file, shape=shape)
    test_wrapped = wrap(region.lines, whole_file=region.whole_file, shape=shape, for_tests=True) \
        if shape.has_tests else None
    result.key = result_key(wrapped, info.key(), profile, test_wrapped)
    outcome = cache.get(result.key)
    if outcome is not None:
        result.cached = True
        _judge(result, wrapped, outcome, test_wrapped)
        return result, None
    unit = cargo.Unit("s_" + result.key[:16], wrapped.source, info.edition)
    test_unit = cargo.Unit("t_" + result.key[:16], test_wrapped.source, info.edition, test=True) \
        if test_wrapped else None
    return result, _Pending(result, wrapped, unit, shape, test_wrapped, test_unit)


POSTGRES_REASON = ("sqlx's query macros check SQL against a live database, and this build has "
                   "SQLite only; PostgreSQL queries are not checked")
_QUERY_MACROS = {"query", "query_as", "query_scalar", "query_file", "query_file_as", "query_unchecked",
                 "query_as_unchecked", "query_scalar_unchecked", "query_file_unchecked"}
_POSTGRES_NAMES = {"PgPool", "PgConnection", "PgPoolOptions", "PgRow", "Postgres", "postgres"}


def _postgres_query(toks: list[Tok]) -> bool:
    """A block that runs sqlx's compile-time query macros against PostgreSQL."""
    macro = any(t.text in _QUERY_MACROS and i + 1 < len(toks) and toks[i + 1].text == "!"
                for i, t in enumerate(toks))
    return macro and any(t.kind == "ident" and t.text in _POSTGRES_NAMES for t in toks)


def _vacuous(region: SnippetRegion, shape: Shape) -> list[Diagnostic]:
    """A block that checks nothing it shows: every line hidden, or visible code under a
    `#[cfg(…)]` that is false whenever the block is compiled."""
    if not region.whole_file and not any(c.text.strip() for c in region.lines if not c.hidden):
        return [Diagnostic("error", "vacuous", "every line of this block is hidden or blank, so the "
                           "page shows nothing that was checked", region.display, region.line, 1)]
    found = []
    for out in shape.compiled_out:
        guarded = region.lines[out.first_line:out.last_line + 1]
        if any(not c.hidden and c.text.strip() for c in guarded[1:] or guarded):
            where = region.lines[out.first_line]
            found.append(Diagnostic(
                "error", "vacuous",
                f"`{out.cfg}` is false whenever this block is checked (its package has no features "
                "and is built for Linux; test code counts only in a block with tests), so the code "
                "under it is never compiled: drop the guard, or hide the guarded code too",
                region.display, where.line, where.col + 1))
    return found


def _mergeable(job: _Pending) -> bool:
    """Can this snippet be a module of a shared crate (rustdoc's merged-doctest rules)? Not
    with crate attributes, `extern crate`, paths from the crate root, `$crate` or exported
    macros, nor as a `compile_fail` block (it must fail on its own)."""
    if job.result.region.info.compile_fail or job.result.region.whole_file:
        return False
    toks: list[Tok] = job.shape.toks
    pairs = {(tok.text, toks[i + 1].text if i + 1 < len(toks) else "") for i, tok in enumerate(toks)}
    blocked = {("#", "!"), ("crate", "::"), ("super", "::"), ("extern", "crate"), ("$", "crate")}
    return not pairs & blocked and not any(t.text in ("macro_export", "$crate") for t in toks)


def _run_profile(profile: Profile, jobs_of_profile: list[_Pending], cache: ResultCache,
                 report: CheckReport, *, jobs: int | None, timeout: float) -> None:
    """Check a profile's uncached snippets: mergeable ones as one crate of modules first (one
    rustc process instead of one per snippet); if that crate fails, its snippets are checked
    again one bin each, so every error is attributed to its own snippet."""
    env = {}
    if profile.schema is not None:  # sqlx's query! checks against a real database
        env = {"DATABASE_URL": f"sqlite://{cargo.sqlite_database(profile.schema)}", "SQLX_OFFLINE": "false"}
    merged, alone = _merge(jobs_of_profile)

    def run(units: list[cargo.Unit]) -> cargo.CargoRun:
        result = cargo.check_units(profile, units, timeout=timeout, jobs=jobs or os.cpu_count(), env=env)
        report.cargo_runs += 1
        report.cargo_seconds += result.seconds
        return result

    first = run([unit for unit, _ in merged] + _units(alone))
    retry: list[_Pending] = []
    for unit, members in merged:
        errors = [m for m in first.messages.get(unit.name, []) if m.get("level") == "error"]
        if unit.name in first.finished and not errors:
            for job in members:  # the whole crate compiled, so each snippet does on its own
                _record(job, {"compiled": True, "messages": []}, cache)
        elif first.timed_out or first.failure:  # no verdict to split: retrying would only wait
            _collect(first, members, cache, profile, timeout)  # (or fail) again
        else:
            retry += members
    _collect(first, alone, cache, profile, timeout)
    if retry:
        _collect(run(_units(retry)), retry, cache, profile, timeout)
    # rustdoc builds `compile_fail` blocks: an error found only by code generation (a
    # post-monomorphization `const` assertion) still counts. Only blocks `check` passed need it.
    escalate = [j for j in alone if j.result.region.info.compile_fail and j.result.status == "fail"
                and not any(d.level == "error" and d.code != "compile_fail" for d in j.result.diagnostics)]
    if escalate:
        built = cargo.check_units(profile, [j.unit for j in escalate], timeout=timeout,
                                  jobs=jobs or os.cpu_count(), env=env, build=True)
        report.cargo_runs += 1
        report.cargo_seconds += built.seconds
        _collect(built, escalate, cache, profile, timeout)


def _units(jobs_of_profile: list[_Pending]) -> list[cargo.Unit]:
    return list({u.name: u for j in jobs_of_profile for u in j.units}.values())


def _merge(jobs_of_profile: list[_Pending]) -> tuple[list[tuple[cargo.Unit, list[_Pending]]], list[_Pending]]:
    """Group mergeable snippets by edition into one crate each (groups of two or more)."""
    groups: dict[str, list[_Pending]] = {}
    alone: list[_Pending] = []
    for job in jobs_of_profile:
        if job.test_unit is not None or not _mergeable(job):
            alone.append(job)
        else:
            groups.setdefault(job.unit.edition, []).append(job)
    merged = []
    for edition, members in groups.items():
        modules = list({j.unit.name: _module_source(j) for j in members}.items())
        if len(modules) < 2:
            alone += members
            continue
        name = "m_" + hashlib.sha256("".join(n for n, _ in modules).encode()).hexdigest()[:16]
        source = "".join(f"mod {n} {{\n{text}}}\n" for n, text in modules) + "fn main() {}\n"
        merged.append((cargo.Unit(name, source, edition), members))
    return merged, alone


def _module_source(job: _Pending) -> str:
    """A snippet as a module of the merged crate. Its own `main` is not the crate's entry
    point there, so a function asserts that it could be one (a `Termination` return, not
    `async`); if not, the crate fails and the snippet is checked alone for the real error."""
    source = job.unit.source.replace("#![allow(unused)]\n", "", 1)
    if job.shape.has_main:
        source += ("fn __webyet_entry_point() { fn entry<T: std::process::Termination>(_: fn() -> T) {} "
                   "entry(main); }\n")
    return source


def _record(job: _Pending, outcome: dict[str, Any], cache: ResultCache) -> None:
    outcome = {**outcome, "checked": dt.date.today().isoformat()}
    cache.put(job.result.key, outcome)
    job.result.diagnostics.clear()
    _judge(job.result, job.wrapped, outcome, job.test_wrapped)


def _collect(run: cargo.CargoRun, jobs_of_profile: list[_Pending], cache: ResultCache,
             profile: Profile, timeout: float) -> None:
    """Results of one-bin-per-snippet checking."""
    for job in jobs_of_profile:
        name = job.unit.name
        test_done = job.test_unit is None or not run.timed_out or (  # cut off by the time-out,
            job.test_unit.name in run.messages or job.test_unit.name in run.finished)  # it is unknown
        if (name in run.messages or name in run.finished) and test_done:
            outcome = _outcome(run.messages.get(name, []), name)
            if job.test_unit is not None:
                tested = _outcome(run.messages.get(job.test_unit.name, []), job.test_unit.name, test=True)
                outcome = {"compiled": outcome["compiled"] and tested["compiled"],
                           "messages": outcome["messages"] + tested["messages"]}
            _record(job, outcome, cache)
        elif run.timed_out:
            job.result.status = "timeout"
            job.result.diagnostics.append(Diagnostic(
                "error", "timeout", f"cargo check timed out after {timeout:g} s (profile {profile.name})",
                job.result.region.display, job.result.region.line, 1))
        else:  # cargo failed before reaching this snippet; not cached, it is not the snippet's fault
            job.result.status = "fail"
            job.result.diagnostics.append(Diagnostic(
                "error", "cargo", run.failure or "cargo produced no result for this snippet",
                job.result.region.display, job.result.region.line, 1))


def _outcome(messages: list[dict[str, Any]], name: str, *, test: bool = False) -> dict[str, Any]:
    """cargo's compiler messages for one bin, reduced to what the cache keeps."""
    kept = []
    for msg in messages:
        if msg.get("level") not in ("error", "warning") or not msg.get("spans"):
            continue  # "aborting due to…", "N warnings emitted"
        span = next((s for s in msg["spans"] if s.get("is_primary")), msg["spans"][0])
        while span is not None and not span["file_name"].endswith(f"{name}.rs"):
            span = (span.get("expansion") or {}).get("span")  # error inside a macro: its call site
        kept.append({"level": msg["level"], "code": (msg.get("code") or {}).get("code", ""),
                     "message": msg["message"],
                     "line": span["line_start"] if span else 0, "column": span["column_start"] if span else 0,
                     "notes": [f"{c['level']}: {c['message']}" for c in msg.get("children", [])],
                     "test": test})
    return {"compiled": not any(m["level"] == "error" for m in kept), "messages": kept}


def _judge(result: SnippetResult, wrapped: Wrapped, outcome: dict[str, Any],
           test_wrapped: Wrapped | None = None) -> None:
    """Map the outcome's positions to the file and decide pass/fail against the annotation.
    A message both compilations (plain and test mode) report is shown once."""
    region = result.region
    result.checked = str(outcome.get("checked", ""))  # results cached before dates were kept have none
    seen = set()
    for msg in outcome["messages"]:
        source = test_wrapped if msg.get("test") and test_wrapped else wrapped
        origin = source.locate(msg["line"])
        line, column = (origin.line, msg["column"] + origin.col) if origin else (region.line, 1)
        diagnostic = Diagnostic(msg["level"], msg["code"], msg["message"], region.display,
                                line, column, tuple(msg["notes"]))
        if (diagnostic.level, diagnostic.code, diagnostic.message, line, column) not in seen:
            seen.add((diagnostic.level, diagnostic.code, diagnostic.message, line, column))
            result.diagnostics.append(diagnostic)
    info = region.info
    errors = [d for d in result.diagnostics if d.level == "error"]
    if not info.compile_fail:
        result.status = "fail" if errors else "pass"
        return
    here = (region.display, region.line, 1)
    if not errors:
        result.status = "fail"
        result.diagnostics.append(Diagnostic("error", "compile_fail", "this `compile_fail` block compiles",
                                             *here))
    elif missing := [c for c in info.error_codes if c not in {d.code for d in errors}]:
        # rustdoc requires every listed code
        result.status = "fail"
        got = ", ".join(sorted({d.code or "no code" for d in errors}))
        result.diagnostics.append(Diagnostic(
            "error", "compile_fail",
            f"expected error {' and '.join(info.error_codes)}; {', '.join(missing)} missing "
            f"(the compiler reported {got})", *here))
    else:
        result.status = "pass"


def check_paths(paths: Sequence[Path], project_root: Path, *, display_root: Path | None = None,
                jobs: int | None = None, timeout: float = DEFAULT_TIMEOUT, use_cache: bool = True,
                run_cargo: bool = True, only_profiles: frozenset[str] | None = None) -> CheckReport:
    """Check the Rust snippets of `paths` (Markdown and `.rs` files or folders) of a project."""
    snippets = project_root / "snippets"
    regions = regions_of(find_sources(paths), display_root, snippets)
    return check_regions(regions, snippets / "profiles", jobs=jobs, timeout=timeout,
                         cache=ResultCache(enabled=use_cache), run_cargo=run_cargo,
                         only_profiles=only_profiles)
