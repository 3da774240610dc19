#!/usr/bin/env python3
"""Fuzz the loader and checker with generated documents, in one long run:

    .venv/bin/python benchmarks/fuzz.py [--count 10000] [--seed 0] [--show 3] [--report FILE]

Documents come from the property tests' strategies (tests/fuzzing.py): entries and pages with
hostile front matter, directive fences, `--8<--` includes. Each goes through the real loader,
`content_problems`, `render_views` and the snippet checker's region reader (`run_case`, which
also asserts that every problem is located). Prints inputs tried, inputs with located errors,
clean inputs, oracle violations and tracebacks, which must both be 0; the first --show distinct
failures are shrunk to small reproducers and printed in full (and written to --report as
Markdown). Exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.fuzzing import Case, crash_site, documents, known_finding, run_case


@dataclass
class Failure:
    kind: str  # "traceback" or "violation" (the oracle's assertion: unlocated, unexplained refusal)
    signature: str
    case: Case
    text: str  # the traceback or the assertion message
    count: int = 1


@dataclass
class Tally:
    tried: int = 0
    located: int = 0  # inputs with at least one problem, every one located
    clean: int = 0  # inputs without any problem
    problems: int = 0
    failures: dict[str, Failure] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return sum(f.count for f in self.failures.values() if f.kind == kind)


def judge(case: Case) -> tuple[int | None, Failure | None]:
    """Run `case` once: its problem count, or how it failed."""
    with tempfile.TemporaryDirectory(prefix="webyet-fuzz-") as tmp:
        try:
            return len(run_case(case, Path(tmp)).problems), None
        except AssertionError as err:
            first = str(err).splitlines()[0] if str(err) else "assertion"
            return None, Failure("violation", f"violation: {first}", case, traceback.format_exc())
        except Exception as err:
            site = crash_site(err)
            known = known_finding(err)
            signature = f"{type(err).__name__} in {site}" + (f" (known {known})" if known else "")
            return None, Failure("traceback", signature, case, traceback.format_exc())


def fuzz(tally: Tally, count: int, first_seed: int) -> None:
    """Feed `count` generated documents through `judge`, collecting instead of stopping."""
    def one(case: Case) -> None:
        tally.tried += 1
        problems, failure = judge(case)
        if failure is not None:
            known = tally.failures.get(failure.signature)
            if known is None:
                tally.failures[failure.signature] = failure
            else:
                known.count += 1
        elif problems:
            tally.located += 1
            tally.problems += problems
        else:
            tally.clean += 1

    rounds = 0
    while tally.tried < count:  # Hypothesis may end a run early (invalid draws); start another
        run = settings(max_examples=count - tally.tried, deadline=None, database=None,
                       phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        seed(first_seed + rounds)(run(given(documents)(one)))()
        rounds += 1


def fails_as(signature: str) -> Callable[[Case], bool]:
    def check(case: Case) -> bool:
        failure = judge(case)[1]
        return failure is not None and failure.signature == signature
    return check


def shrink(case: Case, same: Callable[[Case], bool], budget: int = 400) -> Case:
    """A smaller case that still fails the same way: drop files, then chunks of lines, then bytes."""
    tries = 0

    def still(candidate: Case) -> bool:
        nonlocal tries
        tries += 1
        return tries <= budget and same(candidate)

    for where in ("files", "snippets"):
        for name in list(getattr(case, where)):
            smaller = Case(dict(case.files), dict(case.snippets))
            del getattr(smaller, where)[name]
            if smaller.files and still(smaller):
                case = smaller
    for where in ("files", "snippets"):
        for name in list(getattr(case, where)):
            for split in (lambda d: d.splitlines(keepends=True), lambda d: [bytes([b]) for b in d]):
                parts = split(getattr(case, where)[name])
                chunk = max(1, len(parts) // 2)
                while chunk >= 1 and tries < budget and len(parts) < 5000:
                    start = 0
                    while start < len(parts):
                        rest = parts[:start] + parts[start + chunk:]
                        smaller = Case(dict(case.files), dict(case.snippets))
                        getattr(smaller, where)[name] = b"".join(rest)
                        if still(smaller):
                            parts, case = rest, smaller
                        else:
                            start += chunk
                    chunk //= 2
    return case


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="documents to try")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed (the run is reproducible)")
    parser.add_argument("--show", type=int, default=3, help="distinct failures to shrink and print in full")
    parser.add_argument("--report", type=Path, help="write the shrunk reproducers here, as Markdown")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # Hypothesis' notes on strategies: not what this run reports

    tally = Tally()
    start = time.perf_counter()
    fuzz(tally, args.count, args.seed)
    seconds = time.perf_counter() - start

    print(f"inputs tried      {tally.tried}")
    print(f"located errors    {tally.located}  ({tally.problems} problems, every one located)")
    print(f"clean inputs      {tally.clean}")
    print(f"oracle violations {tally.count('violation')}")
    print(f"tracebacks        {tally.count('traceback')}")
    print(f"time              {seconds:.1f} s ({tally.tried / seconds:.0f} inputs/s)")
    failures = sorted(tally.failures.values(), key=lambda f: -f.count)
    for failure in failures:
        print(f"  {failure.count:6}  {failure.kind}: {failure.signature}")
    report = []
    for failure in failures[:args.show]:
        small = shrink(failure.case, fails_as(failure.signature))
        again = judge(small)[1]
        shown = again.text if again is not None else failure.text
        print(f"\n=== {failure.signature} ({failure.count}x); shrunk reproducer:")
        print(f"{small.reproducer()}\n{shown}")
        report.append(f"## {failure.signature}\n\nSeen {failure.count} times in {tally.tried} inputs.\n\n"
                      f"```\n{small.reproducer()}\n```\n\n```\n{shown}```\n")
    if args.report and report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text("# benchmarks/fuzz.py reproducers\n\n" + "\n".join(report))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
