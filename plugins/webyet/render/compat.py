"""Verified compatibility: which exact crate versions compiled together, from real results only.

Each snippet profile gets a page: every crate it pins with the exact version from its lock,
the rustc that checked it, when, and how many Rust blocks passed. An entry's infobox says which
versions its own examples were checked with. No result, no claim: a profile without a passing
block shows no versions.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..profiles import Profile
from ..snippets.check import SnippetResult
from .html import Links, esc, link, tag

INDEX = "compatibility/index.md"
COUNTED = ("pass", "fail", "timeout")  # blocks cargo gave a verdict on (ignored/unchecked: none)


def compat_src(profile: str) -> str:
    return f"compatibility/{profile}.md"


def short_rustc(rustc: str) -> str:
    return rustc.split(" (")[0] if rustc else "rustc (unknown)"


def compat_pages(profiles: dict[str, Profile], results: Iterable[SnippetResult], rustc: str,
                 links: Links, docs: Path) -> dict[str, str]:
    """src → Markdown: the index and one page per profile."""
    by_profile: dict[str, list[SnippetResult]] = {name: [] for name in profiles}
    for result in results:
        if result.profile in by_profile and result.status in COUNTED:
            by_profile[result.profile].append(result)
    pages = {compat_src(name): _profile_page(profiles[name], by_profile[name], rustc, links, docs)
             for name in profiles}
    rows = []
    for name, profile in profiles.items():
        checked = by_profile[name]
        passed = [r for r in checked if r.status == "pass"]
        main = ", ".join(f"{c} {v}" for c, v in list(profile.packages.items())[:4])
        rows.append(tag("tr", tag("td", link(links.href(INDEX, compat_src(name)), name))
                        + tag("td", esc(main if passed else "no claim: nothing passed"))
                        + tag("td", f"{len(passed)} of {len(checked)}", data_sort=f"{len(passed):05d}")
                        + tag("td", esc(_dates(passed) or "—"))))
    head = "".join(tag("th", h, scope="col") for h in ("Profile", "Main crates", "Blocks passed", "Checked"))
    table = tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)), class_="wy-compare")
    pages[INDEX] = (
        "---\ntitle: Compatibility\n---\n\n# Compatibility\n\n"
        + tag("p", "Crate versions that compile together, as the Rust blocks of this site prove: "
              "each profile pins its crates in a lock file, and every block is compiled against "
              f"one profile with {esc(short_rustc(rustc))}. Only blocks that compiled count; a "
              "profile with no passing block makes no claim.")
        + "\n\n" + tag("div", table, class_="wy-table", data_wy_table=True) + "\n")
    return pages


def _dates(results: list[SnippetResult]) -> str:
    days = sorted({r.checked for r in results if r.checked})
    if not days:
        return ""
    return days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"


def _profile_page(profile: Profile, checked: list[SnippetResult], rustc: str, links: Links,
                  docs: Path) -> str:
    src = compat_src(profile.name)
    passed = [r for r in checked if r.status == "pass"]
    title = f"Checked together: {profile.name}"
    parts = [f"---\ntitle: \"{title}\"\n---\n\n# {title}"]
    if not passed:
        parts.append(tag("p", f"No Rust block checked against the <code>{esc(profile.name)}</code> "
                          "profile passed in this build, so this page makes no claim about its versions."))
        return "\n\n".join(parts) + "\n"
    parts.append(tag("p", f"{len(passed)} of {len(checked)} Rust blocks checked against the "
                     f"<code>{esc(profile.name)}</code> profile compiled with "
                     f"{esc(short_rustc(rustc))}, checked {esc(_dates(passed))}. "
                     "These are the exact versions of its lock file."))
    rows = "".join(tag("tr", tag("td", tag("code", esc(name))) + tag("td", esc(version)))
                   for name, version in sorted(profile.packages.items()))
    head = tag("tr", tag("th", "Crate", scope="col") + tag("th", "Version", scope="col"))
    parts.append(tag("div", tag("table", tag("thead", head) + tag("tbody", rows), class_="wy-compare"),
                     class_="wy-table"))
    pages: dict[str, int] = {}
    for result in passed:
        try:
            page = result.region.path.resolve().relative_to(docs.resolve()).as_posix()
        except ValueError:
            continue  # an included `.rs` file: counted, listed through the pages that include it
        pages[page] = pages.get(page, 0) + 1
    if pages:
        items = "".join(tag("li", link(links.href(src, page), page.removesuffix(".md"))
                            + f" ({count})") for page, count in sorted(pages.items()))
        parts.append("## Pages whose blocks passed\n\n" + tag("ul", items))
    return "\n\n".join(parts) + "\n"


def examples_line(results: list[SnippetResult], profiles: dict[str, Profile], rustc: str,
                  links: Links, page_src: str) -> str:
    """The versions an entry's own passing examples were checked with ("" if none passed)."""
    parts = []
    for name in sorted({r.profile for r in results if r.status == "pass"}):
        profile = profiles.get(name)
        if profile is None:
            continue
        mine = [r for r in results if r.status == "pass" and r.profile == name]
        crates = sorted({c for r in mine for c in r.crates})
        versions = ", ".join(f"{c} {profile.crates.get(c, '?')}" for c in crates) or "the standard library"
        when = _dates(mine)
        parts.append(f"{esc(versions)} with {esc(short_rustc(rustc))}" + (f", {esc(when)}" if when else "")
                     + " (" + link(links.href(page_src, compat_src(name)), f"profile {name}") + ")")
    return "; ".join(parts)
