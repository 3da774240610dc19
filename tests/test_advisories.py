"""Security advisories: a fixture RustSec database read by `webyet refresh --advisories`, the two
rules (pinned versions, unmaintained crates) and what pages show."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from webyet.freshness.advisories import load_advisories, parse_advisory, read_database, write_advisories
from webyet.freshness.advisory_rules import advisory_problems, affecting
from webyet.freshness.attach import load_with_registry
from webyet.profiles import load_profiles
from webyet.render.advisories import render_advisories
from webyet.render.html import Links
from webyet.render.infobox import infobox

from .conftest import make_content, run_cli
from .test_views import entry

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "advisory-db"
MANIFEST = """[package]
name = "webyet-profile-demo"
version = "0.0.0"
edition = "2021"

[dependencies]
demo-vuln = "=1.2.0"
{accepted}"""
LOCK = """version = 4

[[package]]
name = "demo-old"
version = "0.3.4"

[[package]]
name = "demo-old"
version = "0.4.2"

[[package]]
name = "demo-vuln"
version = "1.2.0"
dependencies = [
 "demo-old 0.3.4",
 "demo-old 0.4.2",
]
"""


def project(tmp_path: Path, *, dead_status: str = "usable", accepted: str = "") -> Path:
    content = make_content(tmp_path, {
        "frameworks/demo-dead.md": entry("demo-dead", status=dead_status, topics="[]"),
        "frameworks/demo-scoped.md": entry("demo-scoped", topics="[]"),
        "frameworks/demo-vuln.md": entry("demo-vuln", topics="[]"),
    })
    profile = tmp_path / "snippets" / "profiles" / "demo"
    profile.mkdir(parents=True)
    (profile / "Cargo.toml").write_text(MANIFEST.format(accepted=accepted))
    (profile / "Cargo.lock").write_text(LOCK)
    (tmp_path / "mkdocs.yml").write_text("site_name: Demo\ndocs_dir: content\n")
    facts = {"downloads_90d": None, "downloads_total": None, "first_release": "2020-01-01",
             "license": "MIT", "newest_release": "2026-01-01", "pinned": {}, "repository": None,
             "rust_version": None, "source": "index"}
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "crates.json").write_text(json.dumps({"as_of": "2026-01-10", "snapshot_version": 1,
        "crates": {"demo-scoped": {**facts, "newest_version": "2.1.0"},
                   "demo-vuln": {**facts, "newest_version": "1.2.0"}}}))
    assert content.is_dir()
    return tmp_path


def refresh(root: Path) -> tuple[int, str]:
    result = run_cli("refresh", "--advisories", str(FIXTURE), "--no-registry", cwd=root)
    return result.returncode, result.stderr


def check(root: Path) -> list[str]:
    result = run_cli("check", "--no-snippets", cwd=root)
    return [line for line in result.stdout.splitlines() if "advisory" in line]


def test_refresh_writes_a_dated_snapshot_of_the_covered_crates_only(tmp_path: Path) -> None:
    root = project(tmp_path)
    code, err = refresh(root)
    assert code == 0, err
    snapshot = json.loads((root / "data" / "advisories.json").read_text())
    assert snapshot["as_of"]  # the fixture is not a git checkout: the day of the refresh
    ids = [a["id"] for a in snapshot["advisories"]]
    # demo-old only through the lock; the withdrawn advisory is left out
    assert ids == ["RUSTSEC-2099-0001", "RUSTSEC-2099-0002", "RUSTSEC-2099-0003", "RUSTSEC-2099-0004"]
    assert snapshot["advisories"][0]["aliases"] == ["CVE-2099-0001"]
    assert refresh(root) == (0, err)  # the same input gives the same file
    assert json.loads((root / "data" / "advisories.json").read_text()) == snapshot


def test_a_pinned_affected_version_is_an_error_at_its_lock_line(tmp_path: Path) -> None:
    root = project(tmp_path)
    refresh(root)
    found = check(root)
    lock = "snippets/profiles/demo/Cargo.lock"
    assert any(p.startswith(f"{lock}:12:1: error[advisory-pinned]: demo-vuln 1.2.0 is affected by "
                            "RUSTSEC-2099-0001") for p in found)
    # demo-old 0.3.4 is before the ^0.3.5 fix; 0.4.2 is patched
    assert any(p.startswith(f"{lock}:4:1: error[advisory-pinned]: demo-old 0.3.4") for p in found)
    assert not any("demo-old 0.4.2" in p for p in found)


def test_an_accepted_advisory_is_not_an_error_and_is_listed_with_its_reason(tmp_path: Path) -> None:
    accepted = ('\n[package.metadata.webyet.accepted-advisories]\n'
                'RUSTSEC-2099-0001 = "fixture: the affected call is never made"\n')
    root = project(tmp_path, accepted=accepted)
    refresh(root)
    found = check(root)
    assert not any("RUSTSEC-2099-0001" in p for p in found)
    assert any("RUSTSEC-2099-0002" in p for p in found)  # accepting one accepts only that one
    profiles, _ = load_profiles(root / "snippets" / "profiles")
    page = render_advisories(load_with_registry(root / "content"), Links(), profiles)
    assert "fixture: the affected call is never made" in page


@pytest.mark.parametrize(("status", "severity"), [("usable", "warning"), ("production", "error")])
def test_an_unmaintained_crate_warns_and_cannot_be_production(tmp_path: Path, status: str,
                                                               severity: str) -> None:
    root = project(tmp_path, dead_status=status)  # fixture entries cite a source, as production needs
    refresh(root)
    found = [p for p in check(root) if "advisory-unmaintained" in p]
    assert len(found) == 1, found  # demo-scoped's advisory is for versions before 2 only
    assert found[0].startswith(f"content/frameworks/demo-dead.md:6:1: {severity}[advisory-unmaintained]: "
                               "RUSTSEC-2099-0003 (2026-01-04) says demo-dead is unmaintained")


def test_the_infobox_and_the_page_show_advisories_on_the_newest_release(tmp_path: Path) -> None:
    root = project(tmp_path)
    refresh(root)
    catalog = load_with_registry(root / "content")
    box = infobox(catalog.entries["demo-vuln"], catalog, Links())
    assert 'href="https://rustsec.org/advisories/RUSTSEC-2099-0001.html"' in box
    assert "RUSTSEC-2099-0004" not in infobox(catalog.entries["demo-scoped"], catalog, Links())
    page = render_advisories(catalog, Links(), {})
    assert "affects 1.2.0" in page and "not 2.1.0" in page


def test_a_malformed_advisory_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    problem = parse_advisory("# no toml\n", "x.md")[1][0]
    assert problem.format() == "x.md:1:1: error: an advisory opens with a ```toml block"
    db = tmp_path / "db"
    (db / "crates" / "demo-vuln").mkdir(parents=True)
    (db / "crates" / "demo-vuln" / "RUSTSEC-2099-0009.md").write_text("```toml\n[advisory]\nid = \n```\n")
    root = project(tmp_path / "p")
    result = run_cli("refresh", "--advisories", str(db), "--no-registry", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "crates/demo-vuln/RUSTSEC-2099-0009.md:3:1: error: invalid TOML: Invalid value" in result.stdout
    assert not (root / "data" / "advisories.json").exists()


def test_the_fixture_database_reads_to_exactly_these_advisories(tmp_path: Path) -> None:
    """In-process, so each field the parser reads is checked (and mutation testing sees it)."""
    packages = {"demo-vuln", "demo-old", "demo-dead", "demo-scoped", "demo-withdrawn", "absent"}
    snapshot, problems = read_database(FIXTURE, packages, dt.date(2026, 2, 3))
    assert problems == [] and snapshot.as_of == "2026-02-03"  # not a git checkout: the day given
    by_id = {a.id: a for a in snapshot.advisories}
    assert list(by_id) == ["RUSTSEC-2099-0001", "RUSTSEC-2099-0002", "RUSTSEC-2099-0003", "RUSTSEC-2099-0004"]
    vuln = by_id["RUSTSEC-2099-0001"]
    assert (vuln.package, vuln.date, vuln.title, vuln.informational, vuln.url, vuln.kind) == (
        "demo-vuln", "2026-01-02", "Demo vulnerability fixed in 1.2.1", None,
        "https://example.org/demo-vuln/1", "vulnerability")
    assert (vuln.aliases, vuln.patched, vuln.unaffected) == (("CVE-2099-0001",), (">= 1.2.1",), ("< 1.0.0",))
    assert vuln.link == "https://rustsec.org/advisories/RUSTSEC-2099-0001.html"
    assert [vuln.affects(v) for v in ("0.9.0", "1.0.0", "1.2.0", "1.2.1")] == [False, True, True, False]
    assert by_id["RUSTSEC-2099-0002"].kind == "unsound"
    assert by_id["RUSTSEC-2099-0004"].informational == "unmaintained"
    assert not by_id["RUSTSEC-2099-0004"].affects("2.0.0") and by_id["RUSTSEC-2099-0004"].affects("1.9.0")
    write_advisories(tmp_path / "a.json", snapshot)
    loaded = load_advisories(tmp_path / "a.json")
    assert loaded is not None and loaded.advisories == snapshot.advisories and loaded.as_of == snapshot.as_of


@pytest.mark.parametrize(("text", "message"), [
    ("no block", "x.md:1:1: error: an advisory opens with a ```toml block"),
    ("```toml\n[advisory]\nid = 'A'\n```\n", "x.md:2:1: error: [advisory] lacks package, date"),
    ("```toml\n[advisory\n```\n", "x.md:2:1: error: invalid TOML: Expected ']'"),
    ("```toml\n[advisory]\nid = \"A\"\nx = [\n\n```\n", "x.md:5:1: error: invalid TOML"),
])
def test_bad_advisories_are_located(text: str, message: str) -> None:
    advisory, problems = parse_advisory(text, "x.md")
    assert advisory is None and problems[0].format().startswith(message), problems


def test_the_rules_in_process(tmp_path: Path) -> None:
    root = project(tmp_path, dead_status="production")
    snapshot, _ = read_database(FIXTURE, {"demo-vuln", "demo-old", "demo-dead", "demo-scoped"},
                                dt.date(2026, 2, 3))
    write_advisories(root / "data" / "advisories.json", snapshot)
    catalog = load_with_registry(root / "content")
    found = sorted(p.format() for p in advisory_problems(catalog, root / "snippets" / "profiles"))
    assert [f.split(": ", 2)[:2] for f in found] == [
        ["content/frameworks/demo-dead.md:6:1", "error[advisory-unmaintained]"],
        ["snippets/profiles/demo/Cargo.lock:12:1", "error[advisory-pinned]"],
        ["snippets/profiles/demo/Cargo.lock:4:1", "error[advisory-pinned]"],
    ]
    assert "update the profile to a patched version (>= 1.2.1)" in found[1]
    assert "(unsound: Demo unsoundness, patched in two release lines)" in found[2]
    assert affecting(snapshot, "demo-old", "0.4.2") == [] and affecting(snapshot, "demo-dead", "1.0.0") == []


def test_a_checkout_is_dated_by_its_last_commit(tmp_path: Path) -> None:
    db = tmp_path / "db"
    shutil.copytree(FIXTURE, db)
    when = "2026-03-04T05:06:07Z"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@e.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e.org"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "fixture"]):
        subprocess.run(["git", "-C", str(db), *command], check=True, env=env)
    snapshot, _ = read_database(db, {"demo-vuln"}, dt.date(2026, 12, 1))
    assert snapshot.as_of == "2026-03-04" and [a.id for a in snapshot.advisories] == ["RUSTSEC-2099-0001"]
    write_advisories(tmp_path / "a.json", snapshot)
    data = json.loads((tmp_path / "a.json").read_text())
    assert (data["as_of"], data["source"], data["advisories"][0]["patched"]) == (
        "2026-03-04", "RustSec advisory database", [">= 1.2.1"])
    assert (tmp_path / "a.json").read_text().endswith("}\n")


def test_edge_cases_of_the_reader(tmp_path: Path) -> None:
    snapshot, problems = read_database(tmp_path, {"x"}, dt.date(2026, 2, 3))
    assert snapshot.advisories == [] and [p.format() for p in problems] == [
        f"{tmp_path}:1:1: error: not an advisory database: no crates/ folder"]
    bare = '```toml\n[advisory]\nid = "A"\npackage = "p"\ndate = "2026-01-01"\n```\n'  # no title, no versions
    advisory, _ = parse_advisory(bare, "a.md")
    assert advisory is not None and (advisory.title, advisory.patched, advisory.aliases) == ("A", (), ())
    _, problems = parse_advisory("```toml\n[advisory]\nid = ]\n```\n", "b.md")
    assert problems[0].format().startswith("b.md:3:6: error: invalid TOML: Invalid value")
    assert "(at line" not in problems[0].message
