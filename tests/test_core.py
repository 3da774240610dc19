"""The core: pure Python (no MkDocs), committed schemas current, export consistent."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import webyet
from webyet.catalog import load_catalog
from webyet.checks import content_problems
from webyet.export import CatalogExport, export_catalog, export_schema
from webyet.render.html import Links
from webyet.schema import json_schemas

from .conftest import ROOT, make_content

BLOCK_MKDOCS = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('mkdocs', 'material', 'properdocs'):
            raise ImportError('core imported ' + name)
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print('ok', len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(webyet.__path__, "webyet."):
        if not info.name.startswith("webyet.mkdocs_plugins"):
            names.append(info.name)
    return names


def test_core_imports_without_mkdocs() -> None:
    modules = core_modules()
    assert "webyet.catalog" in modules and "webyet.cli" in modules
    result = subprocess.run([sys.executable, "-c", BLOCK_MKDOCS, *modules],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"


def test_the_blocker_would_catch_an_mkdocs_import() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS, "webyet.mkdocs_plugins.webyet.plugin"],
        capture_output=True, text=True)
    assert result.returncode != 0 and "core imported mkdocs" in result.stderr


def test_committed_schemas_are_current() -> None:
    expected = {**json_schemas(), "catalog.schema.json": export_schema()}
    for name, schema in expected.items():
        committed = json.loads((ROOT / "schema" / name).read_text())
        assert committed == schema, f"schema/{name} is stale: run `webyet schema`"


def test_export_round_trips_and_matches_the_catalog() -> None:
    catalog = load_catalog(ROOT / "content")
    data = export_catalog(catalog)
    parsed = CatalogExport.model_validate_json(json.dumps(data))
    assert [e.slug for e in parsed.entries] == list(catalog.entries)
    axum = next(e for e in data["entries"] if e["slug"] == "axum")
    assert axum["data"]["crate"] == "axum"
    assert axum["url"] == "frameworks/axum/"
    assert data["schema_version"] == 1


def test_links_match_mkdocs_urls_in_both_modes() -> None:
    hosted, offline = Links(directory_urls=True), Links(directory_urls=False)
    assert hosted.href("frameworks/axum.md", "data/sqlx.md") == "../../data/sqlx/"
    assert hosted.href("frameworks/index.md", "frameworks/axum.md") == "axum/"
    assert hosted.href("index.md", "topics/index.md") == "topics/"
    assert hosted.href("frameworks/axum.md", "index.md") == "../../"
    assert offline.href("frameworks/axum.md", "data/sqlx.md") == "../data/sqlx.html"
    assert offline.href("frameworks/index.md", "frameworks/axum.md") == "axum.html"
    assert offline.href("index.md", "topics/index.md") == "topics/index.html"


def test_the_base_fixture_is_valid(tmp_path: Path) -> None:
    """Every "exit code is 1" assertion relies on this: the fixture itself has no problem."""
    assert content_problems(load_catalog(make_content(tmp_path))) == []
