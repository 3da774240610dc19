"""The header and infobox shown at the top of every entry page."""

from __future__ import annotations

from ..catalog import Catalog, CatalogEntry
from ..freshness.flags import Flag
from ..freshness.snapshot import CrateFacts
from ..schema import DEATH_CAUSES, CrateEntry, Pattern, Topic
from .advisories import advisory_links, current
from .badges import status_badge, verdict_badge
from .cells import support_html
from .columns import capability_columns, licence
from .html import Links, esc, link, tag
from .pairs import pair_src


def entry_header(entry: CatalogEntry, catalog: Catalog, links: Links, flags: list[Flag],
                 examples: str = "") -> str:
    """Title, badge, summary, infobox and maintenance flags as one HTML block (before the body).
    `examples` (HTML) says which versions the page's examples were checked with."""
    model = entry.model
    badge = status_badge(entry.status)
    if isinstance(model, Topic):
        badge = verdict_badge(model.verdict)
    head = tag("h1", esc(model.title) + (" " + badge if badge else ""), id="wy-title")
    summary = tag("p", esc(model.summary), class_="wy-summary")
    return tag("header", head + summary + infobox(entry, catalog, links, examples) + flag_notice(flags),
               class_="wy-entry-head")


def infobox(entry: CatalogEntry, catalog: Catalog, links: Links, examples: str = "") -> str:
    model = entry.model
    rows: list[tuple[str, str]] = []
    if isinstance(model, CrateEntry):
        if model.crate:
            rows.append(("Crate", tag("code", esc(model.crate))))
        rows.append(("Status", status_badge(model.status)))
        if model.archived is not None:
            dead = model.archived
            rows.append(("Since", tag("time", esc(dead.date.isoformat()), datetime=dead.date.isoformat())
                         + " — " + esc(DEATH_CAUSES[dead.cause]) + ". " + esc(dead.reason)))
            rows.append(("Use instead", _entry_links(entry, catalog, links, dead.successors)))
        licence_text = licence(model, catalog.facts(entry))
        if licence_text:
            rows.append(("Licence", esc(licence_text)))
        outside = [link(url, label) for label, url in (
            ("repository", model.repository), ("docs", model.docs), ("homepage", model.homepage)
        ) if url]
        if outside:
            rows.append(("Links", " · ".join(outside)))
        rows += registry_rows(catalog.facts(entry), catalog)
        advisories = current(catalog, entry)
        if advisories:
            rows.append(("Advisories", advisory_links(advisories)))
        capabilities = _capabilities(entry)
        if capabilities:
            rows.append(("Features", capabilities))
    if examples:
        rows.append(("Examples checked with", examples))
    if isinstance(model, Topic):
        rows.append(("Verdict", verdict_badge(model.verdict) + " " + esc(model.verdict_reason)))
        if model.leading:
            rows.append(("Leading", _entry_links(entry, catalog, links, model.leading)))
    if model.aliases:
        rows.append(("Also known as", ", ".join(esc(a) for a in model.aliases)))
    if not isinstance(model, Topic):
        rows.append(("Topics", _entry_links(entry, catalog, links, model.topics)))
    if isinstance(model, Pattern) and model.crates:
        rows.append(("Uses", _entry_links(entry, catalog, links, model.crates)))
    if model.alternatives:
        rows.append(("Alternatives", _alternatives(entry, catalog, links)))
    rows.append(("Last reviewed", tag("time", esc(model.last_reviewed.isoformat()),
                                      datetime=model.last_reviewed.isoformat())))
    body = "".join(tag("tr", tag("th", esc(k), scope="row") + tag("td", v or "—"))
                   for k, v in rows)
    return tag("table", tag("tbody", body), class_="wy-infobox",
               aria_label=f"{model.title} at a glance")


def _capabilities(entry: CatalogEntry) -> str:
    """Each recorded yes/no/partial/via-crate feature, its word linking the page that shows it."""
    shown = [(c, c.value(entry.model)) for c in capability_columns(entry.kind)]
    return " · ".join(f"{esc(c.label)} {support_html(value, c.source(entry.model))}"
                      for c, value in shown if value is not None)


def _entry_links(entry: CatalogEntry, catalog: Catalog, links: Links, slugs: list[str]) -> str:
    items = []
    for slug in slugs:
        other = catalog.get(slug)
        if other is None:
            items.append(esc(slug))
        else:
            items.append(link(links.href(entry.src_uri, other.src_uri), other.model.title))
    return ", ".join(items)


def _alternatives(entry: CatalogEntry, catalog: Catalog, links: Links) -> str:
    """Each alternative links to its page and, between full entries, to the side-by-side page."""
    items = []
    for slug in entry.model.alternatives:
        other = catalog.get(slug)
        if other is None:  # reported by `webyet check`; a preview still renders the page
            items.append(esc(slug))
            continue
        item = link(links.href(entry.src_uri, other.src_uri), other.model.title)
        if entry.is_full and other.is_full:  # pair pages exist for full entries only
            compare = link(links.href(entry.src_uri, pair_src(entry.slug, slug)), "compare",
                           title=f"{entry.model.title} and {other.model.title} side by side")
            item += f" ({compare})"
        items.append(item)
    return ", ".join(items)


def entry_footer(entry: CatalogEntry) -> str:
    """The entry's sources, from front matter (Markdown heading so it joins the table of contents)."""
    if not entry.model.sources:
        return ""
    items = "".join(tag("li", link(s.url, s.title)) for s in entry.model.sources)
    return "## Sources\n\n" + tag("ul", items, class_="wy-sources") + "\n"


def registry_rows(facts: CrateFacts | None, catalog: Catalog) -> list[tuple[str, str]]:
    """Figures from the registry snapshot, each saying how old it is."""
    if facts is None or catalog.snapshot is None:
        return []
    as_of = tag("span", esc(f"data as of {catalog.snapshot.as_of}"), class_="wy-as-of")
    unknown = tag("abbr", "unknown", title="The registry source of this snapshot does not provide it")
    release = esc(facts.newest_version or "?") + (f" ({esc(facts.newest_release)})"
                                                  if facts.newest_release else "")
    downloads = f"{facts.downloads_90d:,}" if facts.downloads_90d is not None else unknown
    rows = [("Latest release", release + " " + as_of),
            ("MSRV", esc(facts.rust_version) if facts.rust_version else unknown),
            ("Downloads (90 days)", downloads)]
    if facts.pinned:
        rows.append(("Snippets use", esc(", ".join(sorted(facts.pinned)))))
    return rows


def flag_notice(flags: list[Flag]) -> str:
    """A visible note listing the freshness rules an entry currently trips."""
    if not flags:
        return ""
    items = "".join(tag("li", tag("strong", esc(f.rule.label)) + ": " + esc(f.message)) for f in flags)
    return tag("div", tag("p", "Maintenance flags (see the criteria):", class_="admonition-title")
               + tag("ul", items), class_="admonition warning wy-flags")
