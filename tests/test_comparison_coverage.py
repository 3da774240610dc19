"""The comparison pages answer their questions: at most 5 % of feature cells are unknown ("?").

Registry columns (latest version, downloads…) do not count: they come from the snapshot.
"""

from __future__ import annotations

import pytest

from webyet.directives import find_directives
from webyet.freshness.attach import load_with_registry as load_catalog
from webyet.render.table import select
from webyet.views import table_spec

from .conftest import ROOT

MAX_UNKNOWN = 0.05
CATALOG = load_catalog(ROOT / "content")
PAGES = sorted(src for src in CATALOG.pages if src.startswith("compare/"))


@pytest.mark.parametrize("src", PAGES)
def test_feature_cells_are_known(src: str) -> None:
    doc = CATALOG.pages[src]
    directives, _ = find_directives(doc.body, first_line=doc.body_line)
    tables = [d for d in directives if d.name == "table"]
    assert tables, f"{src} has no comparison table"
    for directive in tables:
        spec, problems = table_spec(directive, CATALOG)
        assert spec is not None, problems
        columns = [c for c in spec.columns if c.key.startswith("features.")]
        cells = [(e, c) for e in select(CATALOG, spec) for c in columns]
        unknown = [f"{e.slug}.{c.key}" for e, c in cells if c.value(e.model, CATALOG.facts(e)) is None]
        assert cells
        share = len(unknown) / len(cells)
        assert share <= MAX_UNKNOWN, f"{src}:{directive.line}: {share:.0%} unknown: {unknown}"
