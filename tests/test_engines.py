"""The same sources build with every engine: MkDocs and ProperDocs run the webyet plugin,
Zensical builds the staged tree. Every build has the generated parts of the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from webyet.engines import ENGINES, engines

from .conftest import copy_project, run_cli

# Files only some engines write, and why (everything else, every page included, is shared).
ENGINE_FILES = {
    "mkdocs": {"search/search_index.json", "sitemap.xml.gz"},  # Material's search index, gzip copy
    "properdocs": {"search/search_index.json", "sitemap.xml.gz"},
    "zensical": {"search.json"},  # Zensical's own search index
}


@pytest.fixture(scope="session")
def engine_sites(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = built_site.parent
    sites = {"mkdocs": built_site}
    for engine in ("properdocs", "zensical"):
        copy = copy_project(tmp_path_factory.mktemp(engine) / "project")
        result = run_cli("build", "--engine", engine, cwd=copy)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[engine] = copy / "site"
    assert project.exists()
    return sites


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
            and not p.relative_to(site).as_posix().startswith("assets/") and p.name != "objects.inv"}


def test_every_engine_is_a_module() -> None:
    assert set(ENGINES) == {"mkdocs", "properdocs", "zensical"}
    assert {name: module.RUNS_WEBYET_PLUGIN for name, module in engines().items()} == {
        "mkdocs": True, "properdocs": True, "zensical": False}


def test_page_sets_are_equal(engine_sites: dict[str, Path]) -> None:
    pages = {name: {f for f in files_of(site) if f.endswith(".html")} for name, site in engine_sites.items()}
    assert pages["mkdocs"] == pages["properdocs"] == pages["zensical"]
    assert len(pages["mkdocs"]) > 400
    others = {name: files_of(site) - pages[name] for name, site in engine_sites.items()}
    for name, extra in others.items():
        shared = others["mkdocs"] - ENGINE_FILES["mkdocs"]
        assert extra - ENGINE_FILES[name] == shared, name  # feed, export, sitemap…
        assert ENGINE_FILES[name] <= extra, name


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_every_build_has_the_generated_site(engine: str, engine_sites: dict[str, Path]) -> None:
    site = engine_sites[engine]
    compare = (site / "compare" / "frameworks" / "index.html").read_text()
    assert "data-wy-table" in compare and 'data-slug="axum"' in compare
    assert "assets/webyet/vendor/tablesort/tablesort.min.js" in compare  # sortable
    assert "wy-matrix" in (site / "matrix" / "index.html").read_text()
    axum = (site / "frameworks" / "axum" / "index.html").read_text()
    assert "wy-infobox" in axum and "wy-snippet-pass" in axum and "✓ compiles" in axum
    assert "wy-archive" in (site / "archive" / "index.html").read_text()
    assert (site / "feed.xml").is_file() and (site / "catalog.json").is_file()
    assert (site / "assets" / "webyet" / "webyet.css").is_file()
