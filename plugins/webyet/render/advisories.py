"""Security advisories on entry pages and on one generated page (from `data/advisories.json`)."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..freshness.advisories import ADVISORY_URL, Advisory
from ..profiles import Profile
from .html import Links, esc, link, tag

PAGE = "advisories.md"


def current(catalog: Catalog, entry: CatalogEntry) -> list[Advisory]:
    """Advisories on the entry's crate that concern its newest release (all, when unknown)."""
    crate = getattr(entry.model, "crate", None)
    if catalog.advisories is None or not crate:
        return []
    facts = catalog.facts(entry)
    newest = facts.newest_version if facts is not None else None
    return [a for a in catalog.advisories.for_package(crate) if newest is None or a.affects(newest)]


def advisory_links(advisories: list[Advisory]) -> str:
    return ", ".join(link(a.link, a.id, title=a.title) + f" ({esc(a.kind)}, {esc(a.date)})"
                     for a in advisories)


def render_advisories(catalog: Catalog, links: Links, profiles: dict[str, Profile]) -> str:
    """The advisories page: every advisory on a crate the site has an entry for, newest first,
    and the advisories snippet profiles accept."""
    snapshot = catalog.advisories
    parts = ["---\ntitle: Security advisories\n---\n\n# Security advisories"]
    if snapshot is None:
        parts.append(tag("p", "No advisory snapshot (<code>data/advisories.json</code>) in this build."))
        return "\n\n".join(parts) + "\n"
    parts.append(tag("p", f"From the RustSec advisory database as of {esc(snapshot.as_of)} "
                     "(<code>webyet refresh --advisories</code>). A vulnerability or unsoundness "
                     "advisory on a version a snippet profile pins fails <code>webyet check</code>; "
                     "an <em>unmaintained</em> advisory on an entry's crate keeps it from "
                     "<code>production</code>."))
    by_crate = {getattr(e.model, "crate", None): e for e in catalog.entries.values()}
    rows = []
    for advisory in sorted(snapshot.advisories, key=lambda a: (a.date, a.id), reverse=True):
        entry = by_crate.get(advisory.package)
        if entry is None:
            continue  # a dependency of a profile only: see the accepted list below
        facts = catalog.facts(entry)
        newest = facts.newest_version if facts is not None else None
        if newest is None:
            state = "newest release unknown"
        elif advisory.affects(newest):
            state = f"affects {newest}"
        else:
            state = f"not {newest}"
        rows.append(tag("tr", tag("td", link(advisory.link, advisory.id), data_sort=advisory.id)
                        + tag("td", link(links.href(PAGE, entry.src_uri), entry.model.title))
                        + tag("td", esc(advisory.kind), data_facet=advisory.kind)
                        + tag("td", tag("time", esc(advisory.date), datetime=advisory.date))
                        + tag("td", esc(state)) + tag("td", esc(advisory.title))))
    head = "".join(tag("th", h, scope="col", data_facets="1" if h == "Kind" else None)
                   for h in ("Advisory", "Entry", "Kind", "Date", "Newest release", "Title"))
    table = tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)), class_="wy-compare")
    parts.append(tag("div", table + tag("p", f"{len(rows)} advisories.", class_="wy-legend"),
                     class_="wy-table", data_wy_table=True))
    accepted = [(name, id_, why) for name, profile in sorted(profiles.items())
                for id_, why in sorted(profile.accepted.items())]
    if accepted:
        items = "".join(tag("li", f"<code>{esc(name)}</code>: " + link(ADVISORY_URL.format(id=id_), id_)
                            + " — " + esc(why)) for name, id_, why in accepted)
        parts.append("## Accepted in snippet profiles\n\n"
                     + tag("p", "Advisories with no fixed release on a dependency of a profile, each "
                           "with the reason it does not touch the examples:") + tag("ul", items))
    return "\n\n".join(parts) + "\n"
