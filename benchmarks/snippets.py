#!/usr/bin/env python3
"""Benchmark: webyet's batched snippet check against one cargo package per snippet.

    PYTHONPATH=plugins python3 benchmarks/snippets.py [--count 60] [--recheck 200]

1. `--count` distinct snippets (std and web profiles, like the site's own examples), each
   checked the skeptic/mdbook-keeper way: its own cargo package (sharing the warm target dir),
   one `cargo check` per snippet — against webyet's one `cargo check` per profile.
2. Merged crate (every snippet a `mod` in one bin) against one bin per snippet.
3. A no-change re-check of `--recheck` snippets (all cached: cargo runs zero times).
Dependencies must be built already (run `webyet snippets` once). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from webyet.profiles import load_profiles  # noqa: E402
from webyet.snippets import cargo  # noqa: E402
from webyet.snippets.check import check_paths  # noqa: E402

WEB = '''use axum::{{routing::get, Json, Router}};
use serde::Serialize;

#[derive(Serialize)]
struct Item{n} {{ id: u64, name: String }}

async fn item{n}() -> Json<Item{n}> {{
    Json(Item{n} {{ id: {n}, name: "item {n}".into() }})
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
    for word in "a b a c {n}".split(' ') {{
        *counts.entry(word).or_default() += {n};
    }}
    assert!(counts.len() > 1);
}}
'''


def snippet(n: int) -> str:
    return (WEB if n % 3 else STD).format(n=n)


def write_pages(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"page{n:03}.md").write_text(f"# Page {n}\n\n```rust\n{snippet(n)}```\n")


def per_snippet_packages(count: int, tmp: Path, mode: str) -> float:
    """skeptic/mdbook-keeper style: a package (and a cargo process) per snippet.

    `mode` "build" compiles and links an executable as those tools do; "check" is the kinder
    baseline of a type-check per package.
    """
    profiles, _ = load_profiles(ROOT / "snippets" / "profiles")
    env = {**os.environ, "CARGO_TARGET_DIR": str(cargo.target_dir())}
    start = time.monotonic()
    for n in range(count):
        profile = profiles["web" if n % 3 else "std"]
        package = tmp / mode / f"p{n}"
        (package / "src").mkdir(parents=True)
        (package / "Cargo.toml").write_text(profile.manifest)
        (package / "Cargo.lock").write_text(profile.lock)
        (package / "src" / "main.rs").write_text(snippet(n))
        subprocess.run(["cargo", mode, "--offline", "--locked", "--quiet"], cwd=package, env=env,
                       check=True, capture_output=True)
    return time.monotonic() - start


def merged_crate(count: int, tmp: Path) -> tuple[float, float]:
    """The rustdoc-2024 idea: every web snippet a `mod` of one bin, against one bin each."""
    profiles, _ = load_profiles(ROOT / "snippets" / "profiles")
    web = [n for n in range(count) if n % 3]
    mods = "".join(f"mod s{n} {{\n{snippet(n)}}}\n" for n in web) + "fn main() {}\n"
    merged = cargo.Unit("merged_" + str(os.getpid()), "#![allow(unused)]\n" + mods, "2024")
    start = time.monotonic()
    run = cargo.check_units(profiles["web"], [merged], timeout=900)
    merged_s = time.monotonic() - start
    assert not run.failure, run.failure
    units = [cargo.Unit(f"b{os.getpid()}_{n}", "#![allow(unused)]\n" + snippet(n), "2024") for n in web]
    start = time.monotonic()
    run = cargo.check_units(profiles["web"], units, timeout=900)
    bins_s = time.monotonic() - start
    return merged_s, bins_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--recheck", type=int, default=200)
    args = parser.parse_args()
    if shutil.which("cargo") is None:
        sys.exit("needs cargo")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        pages = tmp / "pages"
        pages.mkdir()
        write_pages(pages, args.count)
        start = time.monotonic()
        report = check_paths([pages], ROOT, use_cache=False)
        batched = time.monotonic() - start
        assert all(r.status == "pass" for r in report.results), [r.diagnostics for r in report.results]
        built = per_snippet_packages(args.count, tmp / "packages", "build")
        checked = per_snippet_packages(args.count, tmp / "packages", "check")
        print(f"{args.count} snippets, dependencies warm, {os.cpu_count()} CPUs")
        print(f"  webyet batched ({report.cargo_runs} cargo runs):                   {batched:7.2f} s")
        print(f"  a package per snippet, cargo build (skeptic/keeper): {built:7.2f} s"
              f"   → webyet {built / batched:.1f}× faster (goal ≥ 10×)")
        print(f"  a package per snippet, cargo check:                  {checked:7.2f} s"
              f"   → webyet {checked / batched:.1f}× faster")
        merged_s, bins_s = merged_crate(args.count, tmp)
        print(f"  web snippets as one merged crate: {merged_s:.2f} s; as one bin each: {bins_s:.2f} s"
              f"   → merged is {bins_s / merged_s:.1f}× faster")

        recheck = tmp / "recheck"
        recheck.mkdir()
        write_pages(recheck, args.recheck)
        check_paths([recheck], ROOT)  # fill the cache
        start = time.monotonic()
        again = check_paths([recheck], ROOT)
        elapsed = time.monotonic() - start
        print(f"  no-change re-check of {args.recheck} snippets: {elapsed:.3f} s, "
              f"{again.cargo_runs} cargo runs (goal < 1 s)")


if __name__ == "__main__":
    main()
