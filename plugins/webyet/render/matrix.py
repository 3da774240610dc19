"""The ecosystem matrix: one row per topic, verdict and reason, leading crates, counts."""

from __future__ import annotations

from ..catalog import Catalog
from ..schema import Topic
from .badges import VERDICT, status_badge, verdict_badge
from .html import Links, esc, link, tag

HEADERS = (
    ("Topic", "An area of web development; each links to its topic page"),
    ("Verdict", "Yes / almost / not yet, by the published criteria, with the reason"),
    ("Leading crates", "The topic's leading entries and their status"),
    ("Entries", "How many maintained entries belong to the topic (and how many more are no longer "
                "maintained)"),
    ("Reviewed", "When the verdict was last reviewed"),
)


def topics(catalog: Catalog) -> list:
    return sorted(catalog.by_kind("topic"), key=lambda e: e.model.title.lower())


def verdict_counts(catalog: Catalog) -> dict[str, int]:
    counts = dict.fromkeys(VERDICT, 0)
    for entry in topics(catalog):
        counts[entry.model.verdict] += 1
    return counts


def render_matrix(catalog: Catalog, links: Links, page_src: str) -> str:
    rows = []
    for entry in topics(catalog):
        model = entry.model
        assert isinstance(model, Topic)
        leading = []
        for slug in model.leading:
            other = catalog.get(slug)
            if other is None:  # reported by `webyet check`; a preview still renders the matrix
                continue
            leading.append(link(links.href(page_src, other.src_uri), other.model.title)
                           + " " + status_badge(other.status))
        members = catalog.by_topic(entry.slug)
        count = sum(not e.is_dead for e in members)
        dead = len(members) - count
        shown = f"{count} (+{dead} dead)" if dead else str(count)
        rank = list(VERDICT).index(model.verdict)
        rows.append(tag("tr", "".join((
            tag("td", link(links.href(page_src, entry.src_uri), model.title),
                data_sort=model.title.lower()),
            tag("td", verdict_badge(model.verdict) + " " + esc(model.verdict_reason),
                data_sort=str(rank), data_facet=VERDICT[model.verdict][1]),
            tag("td", "<br>".join(leading) or "—", data_sort=str(len(leading))),
            tag("td", esc(shown), data_sort=f"{count:05d}"),
            tag("td", tag("time", model.last_reviewed.isoformat(),
                          datetime=model.last_reviewed.isoformat()),
                data_sort=model.last_reviewed.isoformat()),
        )), data_slug=entry.slug))
    head = "".join(tag("th", esc(label), scope="col", title=meaning,
                       data_facets="1" if label == "Verdict" else None)
                   for label, meaning in HEADERS)
    table = tag("table", tag("thead", tag("tr", head)) + tag("tbody", "".join(rows)),
                class_="wy-compare wy-matrix")
    counts = verdict_counts(catalog)
    summary = " · ".join(f"{VERDICT[v][0]} {VERDICT[v][1]}: {n}" for v, n in counts.items())
    legend = tag("p", esc(f"{len(rows)} topics — {summary}. Verdicts follow the published criteria."),
                 class_="wy-legend")
    return tag("div", table + legend, class_="wy-table", data_wy_table=True)
