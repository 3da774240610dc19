"""The `webyet` command line: check, new, export, schema, build, serve."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .atomic import write_atomically
from .bundle import build_bundle
from .catalog import KIND_DIRS, Catalog
from .checks import content_problems
from .coverage import load_coverage
from .engines import ENGINES, engines
from .export import export_json, export_schema
from .freshness.advisories import ADVISORIES_FILE, read_database, write_advisories
from .freshness.attach import load_with_registry
from .freshness.refresh import cargo_index_url, refresh
from .freshness.registry import Client
from .freshness.snapshot import SNAPSHOT_FILE
from .problems import Problem, Severity, has_errors, render_text
from .profiles import load_profiles, lock_packages
from .project import Project, find_project
from .scaffold import write_new
from .schema import json_schemas
from .sitebuild import QUIET_BANNERS, build_site, run_until_signal
from .snippets import report as snippet_report
from .snippets.background import MODE_VARIABLE
from .snippets.check import DEFAULT_TIMEOUT, CheckReport, check_paths
from .stage import stage

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as err:
        print(f"webyet: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="webyet", description=__doc__)
    parser.add_argument("--version", action="version", version=f"webyet {__version__}")
    parser.add_argument("-C", "--project", type=Path, default=None,
                        help="project folder (default: the nearest folder with mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate entries (exit 1 if problems)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="files or folders inside the content folder, or other content folders")
    check.add_argument("--no-snippets", action="store_true", help="skip compiling Rust snippets")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--since", default="HEAD", metavar="REV",
                       help="require history items for status/verdict changes since this git "
                            "revision (default: HEAD; '' to skip)")
    check.set_defaults(run=cmd_check)

    snippets = commands.add_parser("snippets", help="compile-check the Rust snippets (exit 1 if any fails)")
    snippets.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="Markdown or .rs files or folders (default: content/ and snippets/)")
    snippets.add_argument("--format", choices=("text", "json"), default="text")
    snippets.add_argument("--jobs", "-j", type=int, default=None, help="cargo jobs (default: CPUs)")
    snippets.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                          help=f"seconds per cargo run (default: {DEFAULT_TIMEOUT:g})")
    snippets.add_argument("--no-cache", action="store_true", help="ignore cached results")
    snippets.add_argument("--profile", action="append", metavar="NAME",
                          help="check only the blocks of this profile (repeatable): one CI shard")
    snippets.add_argument("--list-profiles", action="store_true",
                          help="print the profile names as a JSON list (a CI matrix) and exit")
    snippets.set_defaults(run=cmd_snippets)

    new = commands.add_parser("new", help="scaffold a new entry that passes check")
    new.add_argument("kind", choices=sorted(KIND_DIRS), metavar="KIND",
                     help=", ".join(sorted(KIND_DIRS)))
    new.add_argument("name", metavar="NAME")
    new.add_argument("--depth", choices=("brief", "full"), default="brief",
                     help="brief: one paragraph and a source (default); full: the whole template")
    new.set_defaults(run=cmd_new)

    export = commands.add_parser("export", help="the whole catalog as versioned JSON")
    export.add_argument("--out", type=Path, help="write here (and its schema beside it)")
    export.set_defaults(run=cmd_export)

    schema = commands.add_parser("schema", help="write the front-matter JSON Schemas")
    schema.add_argument("--out", type=Path, default=None, help="folder (default: schema/)")
    schema.set_defaults(run=cmd_schema)

    build = commands.add_parser("build", help="build the site; the old one stays if it fails")
    build.add_argument("--site-dir", type=Path, default=None)
    build.add_argument("--engine", choices=ENGINES, default="mkdocs")
    build.add_argument("--no-strict", action="store_true")
    build.set_defaults(run=cmd_build)

    bundle = commands.add_parser("bundle", help="the offline site (file://, with search) as a zip")
    bundle.add_argument("--out", type=Path, default=None, help="default: dist/webyet-offline.zip")
    bundle.add_argument("--engine", choices=[e for e in ENGINES if engines()[e].RUNS_WEBYET_PLUGIN],
                        default="mkdocs", help="the offline variant needs Material's offline plugin")
    bundle.set_defaults(run=cmd_bundle)

    fresh = commands.add_parser("refresh", help="fetch registry facts (and advisories) into snapshot files")
    source = fresh.add_mutually_exclusive_group()
    source.add_argument("--api-url", default=os.environ.get("WEBYET_API_URL"),
                        help="the Rust registry's web API base URL, or a compatible one (full facts)")
    source.add_argument("--index-url", default=os.environ.get("WEBYET_INDEX_URL"),
                        help="sparse index base URL (versions, dates, yanked, MSRV only); "
                             "default: the index cargo uses")
    fresh.add_argument("--contact", default=os.environ.get("WEBYET_CONTACT"),
                       help="URL or e-mail put in the User-Agent, as the registry's policy asks")
    fresh.add_argument("--out", type=Path, default=None, help=f"default: {SNAPSHOT_FILE}")
    fresh.add_argument("--interval", type=float, default=1.0, help="seconds between requests (≥ 1)")
    fresh.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    fresh.add_argument("--retries", type=int, default=4, help="retries after 429, 5xx or a time-out")
    fresh.add_argument("--as-of", type=_iso_date, default=None, help="snapshot date (default: today, UTC)")
    fresh.add_argument("--advisories", type=Path, default=None, metavar="DIR",
                       help=f"a checkout of the RustSec advisory database: write {ADVISORIES_FILE}")
    fresh.add_argument("--no-registry", action="store_true",
                       help="only the advisories (with --advisories); leave the registry snapshot")
    fresh.set_defaults(run=cmd_refresh)

    serve = commands.add_parser("serve", help="serve the site with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.add_argument("--engine", choices=ENGINES, default="mkdocs")
    serve.set_defaults(run=cmd_serve)

    staged = commands.add_parser("stage", help="write the site as a plain docs tree and mkdocs.yml "
                                 "for engines that run no webyet plugin")
    staged.add_argument("out", type=Path, metavar="DIR")
    staged.set_defaults(run=cmd_stage)
    return parser


def _project(args: argparse.Namespace) -> Project:
    project = find_project(args.project)
    if args.project is not None and project.config_file is None:
        raise UsageError(f"no mkdocs.yml in {args.project} or its parents")
    return project


def collect(project: Project, paths: Sequence[Path],
            git_base: str | None = None) -> tuple[list[Catalog], list[Problem]]:
    """Load the catalogs that `paths` name and the problems to report for them."""
    if not paths:
        catalog = load_with_registry(project.content)
        return [catalog], content_problems(catalog, git_base=git_base)
    content = project.content.resolve()
    catalogs: list[Catalog] = []
    problems: list[Problem] = []
    inside: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"{path}: no such file or folder")
        resolved = path.resolve() if not path.is_symlink() else path.parent.resolve() / path.name
        if resolved.is_relative_to(content):
            inside.append(resolved)
        elif path.is_dir():
            catalog = load_with_registry(path)
            catalogs.append(catalog)
            problems.extend(content_problems(catalog, git_base=git_base))
        else:
            raise UsageError(f"{path}: not inside {project.content}; pass a content folder")
    if inside:
        catalog = load_with_registry(project.content)
        catalogs.append(catalog)
        wanted = {p.as_posix() for p in inside}
        for problem in content_problems(catalog, git_base=git_base):
            where = (Path.cwd() / problem.path).resolve().as_posix()
            alt = (project.root / problem.path).resolve().as_posix()
            if any(w == x or x.startswith(w.rstrip("/") + "/") for w in wanted for x in (where, alt)):
                problems.append(problem)
    return catalogs, problems


def cmd_check(args: argparse.Namespace) -> int:
    project = _project(args)
    catalogs, problems = collect(project, args.paths, git_base=args.since)
    if not args.no_snippets:
        report = _check_snippets(project, args.paths)
        problems = problems + snippet_report.problems_of(report)
    if args.strict:
        problems = [Problem(p.path, p.line, p.col, p.message, Severity.ERROR, p.code) for p in problems]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    entries = sum(len(c.entries) for c in catalogs)
    covered = load_coverage(catalogs[0]) if len(catalogs) == 1 and not args.paths else None
    if args.format == "json":
        summary: dict[str, object] = {"entries": entries, "errors": errors, "warnings": warnings}
        if covered is not None:
            summary["coverage"] = {name: vars(tally) for name, tally in
                                   {"all": covered.total, **covered.by_reference}.items()}
        print(json.dumps({"problems": [p.to_json() for p in sorted(problems)], "summary": summary},
                         indent=2))
    else:
        if problems:
            print(render_text(problems))
        if covered is not None:
            print(f"webyet check: {covered.summary()}", file=sys.stderr)
        print(f"webyet check: {entries} entries, {errors} errors, {warnings} warnings",
              file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def _check_snippets(project: Project, paths: Sequence[Path], *, jobs: int | None = None,
                    timeout: float = DEFAULT_TIMEOUT, use_cache: bool = True,
                    profiles: Sequence[str] | None = None) -> CheckReport:
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    default = [project.content, project.root / "snippets"]
    try:
        report = check_paths(list(paths) or [p for p in default if p.is_dir()], project.root, jobs=jobs,
                             timeout=timeout, use_cache=use_cache,
                             only_profiles=frozenset(profiles) if profiles else None)
    except ValueError as err:
        raise UsageError(str(err)) from None
    for note in report.notes:
        print(f"webyet: warning: {note}", file=sys.stderr)
    return report


def cmd_snippets(args: argparse.Namespace) -> int:
    project = _project(args)
    if args.list_profiles:
        print(json.dumps(sorted(load_profiles(project.root / "snippets" / "profiles")[0])))
        return EXIT_OK
    report = _check_snippets(project, args.paths, jobs=args.jobs, timeout=args.timeout,
                             use_cache=not args.no_cache, profiles=args.profile)
    if args.format == "json":
        print(snippet_report.render_json(report))
    else:
        text = snippet_report.render_text(report)
        if text:
            print(text)
        print(snippet_report.summary_line(report), file=sys.stderr)
    return EXIT_PROBLEMS if any(r.status in ("fail", "timeout") for r in report.results) else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    project = _project(args)
    try:
        path = write_new(project.content, args.kind, args.name, args.depth)
    except FileExistsError as err:
        raise UsageError(f"{err} already exists") from None
    print(path.relative_to(project.root) if path.is_relative_to(project.root) else path)
    return EXIT_OK


def _load_clean(project: Project) -> Catalog:
    catalog = load_with_registry(project.content)
    if has_errors(catalog.problems):
        print(render_text(catalog.problems), file=sys.stderr)
        raise SystemExit(EXIT_PROBLEMS)
    return catalog


def cmd_export(args: argparse.Namespace) -> int:
    project = _project(args)
    text = export_json(_load_clean(project))
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(args.out, text)
    schema_path = args.out.with_name(args.out.name.removesuffix(".json") + ".schema.json")
    write_atomically(schema_path, json.dumps(export_schema(), indent=2) + "\n")
    print(f"wrote {args.out} and {schema_path}", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    project = _project(args)
    out: Path = args.out or project.root / "schema"
    out.mkdir(parents=True, exist_ok=True)
    files = {**json_schemas(), "catalog.schema.json": export_schema()}
    for name, schema in files.items():
        write_atomically(out / name, json.dumps(schema, indent=2) + "\n")
    print(f"wrote {len(files)} schemas to {out}", file=sys.stderr)
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    project = _project(args)
    if project.config_file is None:
        raise UsageError("no mkdocs.yml found")
    site_dir = args.site_dir or project.root / "site"
    return build_site(project.root, project.config_file, site_dir, strict=not args.no_strict,
                      engine=args.engine)


def cmd_bundle(args: argparse.Namespace) -> int:
    project = _project(args)
    if project.config_file is None:
        raise UsageError("no mkdocs.yml found")
    out = args.out or project.root / "dist" / "webyet-offline.zip"
    code = build_bundle(project.root, project.config_file, out, engine=args.engine)
    if code == 0:
        print(f"wrote {out}: unzip it and open webyet-offline/index.html", file=sys.stderr)
    return code


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a YYYY-MM-DD date") from None


def cmd_refresh(args: argparse.Namespace) -> int:
    project = _project(args)
    if args.no_registry and args.advisories is None:
        raise UsageError("--no-registry leaves nothing to refresh: pass --advisories DIR")
    if args.advisories is not None:
        code = _refresh_advisories(project, args.advisories)
        if code != EXIT_OK or args.no_registry:
            return code
    if not args.contact:
        raise UsageError("say who is asking: --contact URL-or-email (or WEBYET_CONTACT)")
    api_url = args.api_url
    index_url = None if api_url else (args.index_url or cargo_index_url())
    if not (api_url or index_url):
        raise UsageError("no registry to ask: pass --api-url or --index-url")
    host = urlsplit(api_url or index_url or "").hostname or ""
    if args.interval < 1 and host not in {"127.0.0.1", "localhost", "::1"}:
        raise UsageError("--interval below 1 second is only for a local test registry")
    catalog = _load_clean(project)
    out = args.out or project.root / SNAPSHOT_FILE
    client = Client(contact=args.contact, interval=args.interval, timeout=args.timeout,
                    retries=args.retries)
    as_of = args.as_of or dt.datetime.now(dt.UTC).date()
    result = refresh(catalog, project.root / "snippets" / "profiles", out, client=client,
                     api_url=api_url, index_url=index_url, state_dir=project.cache_dir, as_of=as_of,
                     progress=lambda line: print(line, file=sys.stderr, flush=True))
    if result.problems:
        print(render_text(result.problems))
        print(f"webyet refresh: {len(result.problems)} crates failed; {out} was not changed. "
              f"Run again to retry them ({result.fetched + result.resumed} already fetched are kept).",
              file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {out}: {len(result.snapshot.crates)} crates as of {as_of} "
          f"({result.fetched} fetched, {result.resumed} resumed)", file=sys.stderr)
    return EXIT_OK


def _refresh_advisories(project: Project, folder: Path) -> int:
    """Advisories for every crate the site names or a profile lock pins."""
    catalog = _load_clean(project)
    packages = {p for e in catalog.entries.values()
                for p in [getattr(e.model, "crate", None), *getattr(e.model, "other_crates", [])] if p}
    profiles, _ = load_profiles(project.root / "snippets" / "profiles")
    for profile in profiles.values():
        packages |= set(lock_packages(profile.lock))
    advisories, problems = read_database(folder, packages, dt.datetime.now(dt.UTC).date())
    if problems:
        print(render_text(problems))
        print(f"webyet refresh: {len(problems)} unreadable advisories; {ADVISORIES_FILE} was not changed.",
              file=sys.stderr)
        return EXIT_PROBLEMS
    write_advisories(project.root / ADVISORIES_FILE, advisories)
    print(f"wrote {ADVISORIES_FILE}: {len(advisories.advisories)} advisories for "
          f"{len({a.package for a in advisories.advisories})} of {len(packages)} crates, "
          f"as of {advisories.as_of}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    project = _project(args)
    if project.config_file is None:
        raise UsageError("no mkdocs.yml found")
    engine = engines()[args.engine]
    config, cwd = project.config_file, project.root
    if not engine.RUNS_WEBYET_PLUGIN:  # a snapshot of the site: restart to see edits
        tree = project.cache_dir / "staged"
        errors, warnings = stage(project.root, project.config_file, tree)
        for line in [p.format() for p in errors] + warnings:
            print(line, file=sys.stderr)
        if errors:
            return EXIT_PROBLEMS
        config, cwd = tree / "mkdocs.yml", tree
    command = engine.serve_command(config, args.addr)
    # The preview never waits for cargo: unchecked blocks are checked in the background.
    env = {**os.environ, **QUIET_BANNERS, MODE_VARIABLE: "background"}
    return run_until_signal(command, cwd, env)


def cmd_stage(args: argparse.Namespace) -> int:
    project = _project(args)
    if project.config_file is None:
        raise UsageError("no mkdocs.yml found")
    errors, warnings = stage(project.root, project.config_file, args.out.resolve())
    for line in [p.format() for p in errors] + warnings:
        print(line, file=sys.stderr)
    if errors:
        return EXIT_PROBLEMS
    print(f"wrote {args.out}: docs/ and mkdocs.yml, for engines without the webyet plugin",
          file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
