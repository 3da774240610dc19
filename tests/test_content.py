"""The knowledge base covers what the site promises, with no placeholder text."""

from __future__ import annotations

import re

import pytest

from webyet.freshness.attach import load_with_registry as load_catalog

from .conftest import ROOT

# Every name the content brief (issue 5) lists, as the slug of its entry or pattern page.
REQUIRED = """
axum actix-web rocket poem salvo warp ntex pavex loco cot roadster leptos dioxus yew sycamore
tauri tokio hyper tower tower-http serde serde-json reqwest chrono jiff time sqlx diesel
diesel-async sea-orm rusqlite tokio-postgres toasty rorm surrealdb libsql mongodb redis
deadpool bb8 refinery diesel-guard declarative-vs-sql-migrations thiserror anyhow error-enum
axum-error-handling actix-response-error problem-details typestate tower-resilience
testing-web-services async-pitfalls compile-times release-builds incremental-adoption pyo3 napi
rustler tracing tracing-subscriber opentelemetry metrics askama maud minijinja tera
tower-sessions axum-login jsonwebtoken argon2 oauth2 utoipa aide async-graphql tonic
wasm-bindgen wasm-pack trunk workers-rs deno shuttle turbopack swc biome rspack oxc
lightningcss
""".split()  # noqa: SIM905 - one name per word reads best
MATRIX_TOPICS = """
web-frameworks http database-access migrations templating auth sessions real-time api-docs
graphql grpc background-jobs caching observability testing deployment frontend-wasm
edge-serverless email i18n
""".split()  # noqa: SIM905 - one name per word reads best
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|placeholder)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "content")


def test_every_required_name_has_a_page(catalog) -> None:
    missing = [slug for slug in REQUIRED if slug not in catalog.entries]
    assert not missing


def test_every_matrix_row_is_a_topic_with_a_verdict(catalog) -> None:
    topics = {e.slug for e in catalog.by_kind("topic")}
    assert set(MATRIX_TOPICS) <= topics


def test_at_least_100_entries(catalog) -> None:
    assert len(catalog.entries) >= 100


def test_no_placeholder_text() -> None:
    hits = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "content").rglob("*.md"))
            for n, line in enumerate(p.read_text().splitlines(), 1) if PLACEHOLDER.search(line)]
    assert not hits


def test_dioxus_page_covers_subsecond(catalog) -> None:
    assert "subsecond" in catalog.entries["dioxus"].doc.body.lower()
