#!/usr/bin/env python3
"""Benchmark: webyet's batched snippet check against one cargo package per snippet.

    .venv/bin/python benchmarks/snippets.py [--count 60] [--recheck 200] [--repeats 3]

1. `--count` distinct snippets (std and web profiles, like the site's own examples), checked
   by webyet (one `cargo check` per profile, the snippets merged into one crate) and the
   skeptic/mdbook-keeper way: a cargo package per snippet (sharing the target dir), with
   `cargo build` as those tools do and with `cargo check`, the fair baseline.
2. Merged crate (every snippet a `mod` in one bin) against one bin per snippet.
3. A no-change re-check of `--recheck` snippets (all cached: cargo runs zero times).
Each approach is warmed up first, untimed, so its dependencies are compiled in its own mode
(`cargo build` needs code for them, `cargo check` only metadata); then `--repeats` timed runs,
each on snippets no earlier run or invocation compiled, report median and min. Crates must be
fetched already (run `webyet snippets` once). Prints figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from webyet.profiles import load_profiles  # noqa: E402
from webyet.snippets import cargo  # noqa: E402
from webyet.snippets.cache import ResultCache  # noqa: E402
from webyet.snippets.check import check_paths, check_regions, find_sources, regions_of  # noqa: E402

WEB = '''use axum::{{routing::get, Json, Router}};
use serde::Serialize;

#[derive(Serialize)]
struct Item{n} {{ id: u64, name: String }}

async fn item{n}() -> Json<Item{n}> {{
    Json(Item{n} {{ id: {n}, name: "item {tag}".into() }})
}}

#[tokio::main]
async fn main() {{
    let app: Router = Router::new().route("/items/{n}", get(item{n}));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}}
'''
STD = '''use std::collections::HashMap;

fn main() {{
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for word in "a b a c {tag}".split(' ') {{
        *counts.entry(word).or_default() += {n};
    }}
    assert!(counts.len() > 1);
}}
'''
# Per invocation: webyet's generated package and the target dir persist between runs, so
# without it a run could find an earlier run's snippets already compiled.
NONCE = f"{os.getpid()}-{time.time_ns()}"


def snippet(n: int, run: str) -> str:
    """Snippet `n` of timed run `run`; the tag makes each run's snippets new to cargo."""
    return (WEB if n % 3 else STD).format(n=n, tag=f"{NONCE}-{run}-{n}")


def write_pages(folder: Path, count: int, run: str) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"page{n:03}.md").write_text(f"# Page {n}\n\n```rust\n{snippet(n, run)}```\n")


def repeat(times: int, count: int, once: Callable[[int, str], float]) -> list[float]:
    """An untimed warm-up (a std and a web snippet: enough to compile both profiles'
    dependencies), then `times` timed runs of `count` snippets; `once` returns its seconds."""
    once(2, "warm")
    return [once(count, str(r)) for r in range(times)]


def webyet_batched(count: int, tmp: Path, run: str) -> tuple[float, int]:
    pages = tmp / "pages" / run
    write_pages(pages, count, run)
    start = time.monotonic()
    report = check_paths([pages], ROOT, use_cache=False)
    elapsed = time.monotonic() - start
    assert all(r.status == "pass" for r in report.results), [r.diagnostics for r in report.results]
    return elapsed, report.cargo_runs


def per_snippet_packages(count: int, tmp: Path, mode: str, run: str) -> float:
    """skeptic/mdbook-keeper style: a package (and a cargo process) per snippet.

    `mode` "build" compiles and links an executable as those tools do; "check" is the fair
    baseline of a type-check per package, the same work webyet asks cargo for.
    """
    profiles, _ = load_profiles(ROOT / "snippets" / "profiles")
    env = {**os.environ, "CARGO_TARGET_DIR": str(cargo.target_dir())}
    elapsed = 0.0
    for n in range(count):
        profile = profiles["web" if n % 3 else "std"]
        package = tmp / mode / run / f"p{n}"  # a new path per run: cargo keys packages by path
        (package / "src").mkdir(parents=True)
        (package / "Cargo.toml").write_text(profile.manifest)
        (package / "Cargo.lock").write_text(profile.lock)
        (package / "src" / "main.rs").write_text(snippet(n, run))
        start = time.monotonic()
        subprocess.run(["cargo", mode, "--offline", "--locked", "--quiet"], cwd=package, env=env,
                       check=True, capture_output=True)
        elapsed += time.monotonic() - start
    return elapsed


def merged_crate(count: int, run: str) -> tuple[float, float]:
    """The rustdoc-2024 idea: every web snippet a `mod` of one bin, against one bin each."""
    profiles, _ = load_profiles(ROOT / "snippets" / "profiles")
    web = [n for n in range(count) if n % 3]
    mods = "".join(f"mod s{n} {{\n{snippet(n, run)}}}\n" for n in web) + "fn main() {}\n"
    tag = f"{os.getpid()}_{run}"
    merged = cargo.Unit(f"merged_{tag}", "#![allow(unused)]\n" + mods, "2024")
    start = time.monotonic()
    done = cargo.check_units(profiles["web"], [merged], timeout=900)
    merged_s = time.monotonic() - start
    assert not done.failure, done.failure
    units = [cargo.Unit(f"b{tag}_{n}", "#![allow(unused)]\n" + snippet(n, run), "2024") for n in web]
    start = time.monotonic()
    done = cargo.check_units(profiles["web"], units, timeout=900)
    bins_s = time.monotonic() - start
    assert not done.failure, done.failure
    return merged_s, bins_s


def figures(times: list[float]) -> str:
    return f"median {statistics.median(times):7.2f} s, min {min(times):7.2f} s"


def faster(baseline: list[float], webyet: list[float]) -> str:
    return (f"webyet {statistics.median(baseline) / statistics.median(webyet):.1f}× faster "
            f"(min/min {min(baseline) / min(webyet):.1f}×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--recheck", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per approach (after a warm-up)")
    args = parser.parse_args()
    if shutil.which("cargo") is None:
        sys.exit("needs cargo")
    web = sum(1 for n in range(args.count) if n % 3)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        runs: list[int] = []

        def batched(count: int, run: str) -> float:
            elapsed, cargo_runs = webyet_batched(count, tmp, run)
            runs.append(cargo_runs)
            return elapsed

        # webyet first: its check also fetches the profiles' crates if they never were.
        ours = repeat(args.repeats, args.count, batched)
        checked = repeat(args.repeats, args.count, lambda c, run: per_snippet_packages(c, tmp, "check", run))
        built = repeat(args.repeats, args.count, lambda c, run: per_snippet_packages(c, tmp, "build", run))
        print(f"{args.count} snippets ({web} web + {args.count - web} std), {os.cpu_count()} CPUs, "
              f"{args.repeats} timed runs per approach after an untimed warm-up")
        print(f"  {f'webyet batched check ({runs[-1]} cargo runs)':<52} {figures(ours)}")
        print(f"  {'a package per snippet, cargo check (fair baseline)':<52} {figures(checked)}"
              f"   → {faster(checked, ours)}")
        print(f"  {'a package per snippet, cargo build (skeptic/keeper)':<52} {figures(built)}"
              f"   → {faster(built, ours)}")

        merged_crate(2, "warm")
        pairs = [merged_crate(args.count, str(r)) for r in range(args.repeats)]
        merged, bins = [m for m, _ in pairs], [b for _, b in pairs]
        print(f"  {f'{web} web snippets as one merged crate':<52} {figures(merged)}")
        print(f"  {f'{web} web snippets as one bin each':<52} {figures(bins)}"
              f"   → merged {statistics.median(bins) / statistics.median(merged):.1f}× faster")

        # Results go to a cache of this run's own, so nothing an earlier run stored is hit.
        write_pages(tmp / "recheck", args.recheck, "recheck")
        results = ResultCache(tmp / "results")

        recheck_runs: list[int] = []

        def recheck(run: str) -> float:
            start = time.monotonic()  # as check_paths does, with that cache
            regions = regions_of(find_sources([tmp / "recheck"]), None, ROOT / "snippets")
            again = check_regions(regions, ROOT / "snippets" / "profiles", cache=results)
            elapsed = time.monotonic() - start
            if run != "warm":
                recheck_runs.append(again.cargo_runs)
            return elapsed

        recheck("warm")  # fills the cache
        rechecked = [recheck(str(r)) for r in range(args.repeats)]
        print(f"  no-change re-check of {args.recheck} snippets: median {statistics.median(rechecked):.3f} s,"
              f" min {min(rechecked):.3f} s, {max(recheck_runs)} cargo runs (goal < 1 s)")


if __name__ == "__main__":
    main()
