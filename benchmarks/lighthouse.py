#!/usr/bin/env python3
"""Lighthouse scores for three pages of the built site, written to BENCHMARKS.md.

    .venv/bin/python benchmarks/lighthouse.py

Installs the `lighthouse` npm package into ~/.cache/webyet/tools (once), builds the site,
serves it on 127.0.0.1 and runs Lighthouse with Debian's Chromium. Scores vary by machine and
load: they are a record, not a test.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "webyet" / "tools"
VERSION = "13.5.0"
PAGES = {"Home": "", "Ecosystem matrix": "matrix/", "Web frameworks compared": "compare/frameworks/",
         "Entry (axum)": "frameworks/axum/"}
CATEGORIES = ("performance", "accessibility", "best-practices")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def lighthouse() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
                       cwd=TOOLS, check=True)
    return binary


def main() -> None:
    binary = lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "webyet.cli", "build", "--site-dir", str(site)],
                       cwd=ROOT, check=True)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        rows = []
        for name, path in PAGES.items():
            out = Path(tmp) / "report.json"
            subprocess.run([
                str(binary), base + path, "--quiet", "--output=json", f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}", "--preset=desktop",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                "--disable-background-networking --no-first-run",
            ], check=True, env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"})
            report = json.loads(out.read_text())
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            rows.append((name, path or "/", scores))
            print(name, scores, flush=True)
        server.shutdown()
    table = ["| page | path | " + " | ".join(CATEGORIES) + " |", "|---|---|" + "---|" * len(CATEGORIES)]
    table += [f"| {n} | `{p}` | " + " | ".join(str(s) for s in sc) + " |" for n, p, sc in rows]
    section = (f"## Lighthouse ({dt.date.today().isoformat()}, Lighthouse {VERSION}, desktop preset, "
               "Debian Chromium, site served on 127.0.0.1)\n\n" + "\n".join(table) + "\n")
    bench = ROOT / "BENCHMARKS.md"
    header = "# Benchmarks\n\nRecorded runs; see README for how to repeat them.\n\n"
    text = bench.read_text() if bench.exists() else header
    start = text.find("## Lighthouse")
    if start != -1:
        end = text.find("\n## ", start + 1)
        text = text[:start] + text[end + 1:] if end != -1 else text[:start]
    bench.write_text(text.rstrip("\n") + "\n\n" + section)


if __name__ == "__main__":
    main()
