"""Site pages that exist only as generated files (virtual, never written into content/)."""

from __future__ import annotations

from .catalog import ENTRY_DIRS, Catalog
from .render.archive import PAGE as ARCHIVE
from .render.archive import render_archive
from .render.html import Links
from .render.listing import section_index
from .render.pairs import pair_src, pairs, render_pair

MATRIX = """---
title: Ecosystem matrix
hide: [toc]
---

# Ecosystem matrix

Are we web yet? One row per topic: the verdict and its reason, the leading crates, how many
entries the topic has and when its verdict was last reviewed. Verdicts follow the
[criteria](criteria.md), which `webyet check` enforces.

```webyet-matrix
```
"""

CHANGES = """---
title: What changed
---

# What changed

Every recorded change of an entry's status or a topic's verdict, newest first. Also as an
[Atom feed](feed.xml).

```webyet-changes
```
"""


MAINTENANCE = """---
title: Maintenance
---

# Maintenance

Entries that trip a [freshness rule](criteria.md#freshness-rules): a maintainer's to-do list.
Registry facts come from the committed snapshot (`data/crates.json`).

```webyet-trust
```

```webyet-maintenance
```
"""


def generated_pages(catalog: Catalog, links: Links, existing: set[str], *,
                    pair_shell_only: bool = False) -> dict[str, str]:
    """src_uri → Markdown for every generated page not already written by hand. With
    `pair_shell_only`, of the pair pages only the first (the engine renders it; the others
    are made from it with `render.pairs.from_shell`)."""
    pages = {"matrix.md": MATRIX, "changes.md": CHANGES, "maintenance.md": MAINTENANCE,
             ARCHIVE: render_archive(catalog, links)}
    for section in ENTRY_DIRS:
        pages[f"{section}/index.md"] = section_index(catalog, section, links)
    for a, b in pairs(catalog):
        if (src := pair_src(a.slug, b.slug)) not in existing:
            pages[src] = render_pair(a, b, links, catalog)
            if pair_shell_only:
                break
    return {src: text for src, text in pages.items() if src not in existing}
