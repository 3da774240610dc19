"""The content model: one pydantic model per entry kind, validated from front matter.

Field names are the front-matter keys. `None` in a `features` field means "not known yet";
renderers show it as an explicit "?", never as a blank cell.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StringConstraints,
    Tag,
)

SCHEMA_VERSION = 1

# The vocabularies, each in one place: value → how pages show it (symbol, meaning).
STATUSES = {
    "production": ("✓", "Stable releases, maintained, and in production use that its sources show."),
    "usable": ("◐", "Maintained and works for real projects, but young, pre-1.0 churn, feature gaps "
                    "or little public production use."),
    "experimental": ("⚗", "Early: frequent breaking changes or missing basics; not for production."),
    "unmaintained": ("⚠", "No release or maintainer activity for 24 months, or its maintainers say so; "
                          "security fixes are not expected."),
    "deprecated": ("⊘", "Its authors say to use something else; the entry names what."),
    "archived": ("✗", "The repository is archived or the project is officially discontinued."),
}
ALIVE_STATUSES = ("production", "usable", "experimental")
DEAD_STATUSES = ("unmaintained", "deprecated", "archived")  # these need an `archived` block
VERDICTS = {  # value → (symbol, word, meaning)
    "yes": ("✓", "Yes", "A production-status entry covers the topic's criteria."),
    "almost": ("◐", "Almost", "Usable entries exist but fall short of a criterion."),
    "not-yet": ("✗", "Not yet", "No usable, maintained entry covers the criteria yet."),
}
KINDS = ("framework", "data", "library", "tool", "pattern", "topic")
Kind = Literal[KINDS]  # type: ignore[valid-type]
Status = Literal[tuple(STATUSES)]  # type: ignore[valid-type]
Depth = Literal["brief", "full"]
DEATH_CAUSES = {  # `archived.cause` values and how the Archive page words them
    "no-release": "no release for 24 months",
    "deprecated": "deprecated by its authors",
    "superseded": "superseded by a successor",
    "not-on-registry": "never published on the registry",
    "service-shut-down": "its service shut down",
    "repository-archived": "repository archived",
}
DeathCause = Literal[tuple(DEATH_CAUSES)]  # type: ignore[valid-type]
Verdict = Literal[tuple(VERDICTS)]  # type: ignore[valid-type]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
CrateName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
License = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.+()\-/ ]{1,100}$")]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


def _title(value: str) -> str:
    # MkDocs puts page titles into <title> and the navigation without escaping them,
    # so characters that could open markup are refused here rather than escaped later.
    bad = sorted({c for c in value if c in "<>\"'`" or ord(c) < 32 or ord(c) == 127})
    if bad:
        shown = " ".join(repr(c) for c in bad)
        raise ValueError(f"title may not contain {shown}")
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be one line of plain text")
    return value


def _https_url(value: str) -> str:
    if any(c.isspace() or ord(c) < 32 for c in value):
        raise ValueError("URL may not contain spaces or control characters")
    parts = urlsplit(value)
    if parts.scheme.lower() != "https":
        raise ValueError(f"only https:// URLs are allowed, not '{parts.scheme or value}'")
    if not parts.hostname or "@" in parts.netloc:
        raise ValueError("URL needs a host name and no user name")
    return value


def _not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"{value.isoformat()} is in the future")
    return value


Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
                  AfterValidator(_title)]
OneLine = Annotated[ShortText, AfterValidator(_one_line)]
HttpsUrl = Annotated[str, StringConstraints(max_length=500), AfterValidator(_https_url)]
PastDate = Annotated[dt.date, AfterValidator(_not_future)]

# A capability: true, false, "partial" (some of it), or "crate" (through a separate crate).
Support = StrictBool | Literal["partial", "crate"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Source(Strict):
    title: OneLine
    url: HttpsUrl


class Evidenced(Strict):
    """A capability with the page that shows it: `websockets: {value: true, source: https://…}`."""

    value: Support = Field(title="Value", description="true, false, \"partial\" or \"crate\"")
    source: HttpsUrl = Field(title="Source",
                             description="Docs, source or changelog page that shows the value")


def _capability_form(value: object) -> str:
    return "evidenced" if isinstance(value, dict | Evidenced) else "bare"


# A feature capability, bare (`true`) or with its evidence (`{value: true, source: …}`). The
# discriminator keeps a mapping's errors to the mapping's own (no "should be a boolean").
Capability = Annotated[Annotated[Support, Tag("bare")] | Annotated[Evidenced, Tag("evidenced")],
                       Discriminator(_capability_form)]


def capability(value: object) -> tuple[object, str | None]:
    """A feature's value and its evidence URL (None when it has none)."""
    if isinstance(value, Evidenced):
        return value.value, value.source
    return value, None


class Archived(Strict):
    """Why a crate is no longer a choice, since when, and what to use instead."""

    date: PastDate = Field(title="Since", description="When it stopped: last release, notice or shutdown")
    cause: DeathCause = Field(title="Cause", description="What ended it")
    reason: OneLine = Field(title="Reason", description="One line on what happened, for a reader")
    successors: list[Slug] = Field(min_length=1, title="Use instead",
                                   description="Slugs of the entries to use instead")


class HistoryItem(Strict):
    """A recorded change of `status` (entries) or `verdict` (topics)."""

    date: PastDate
    from_: str | None = Field(default=None, alias="from")
    to: str
    why: OneLine


def feature(title: str, description: str, alias: str | None = None) -> Any:
    """A `features` field: unknown (None) by default; title and description label table columns."""
    return Field(default=None, title=title, description=description, alias=alias)


class FrameworkFeatures(Strict):
    category: Literal["backend", "full-stack", "frontend", "desktop"] | None = feature(
        "Kind", "Where it runs: server back end, full-stack (server and browser), browser front end, desktop")
    runtime: list[Literal["tokio", "async-std", "smol", "compio", "own", "browser", "any"]] | None = feature(
        "Runtime", "Async runtime(s) it runs on")
    routing: Literal["builder", "attribute-macros", "both", "components", "file-based"] | None = feature(
        "Routing", "How routes are declared: builder calls in code, attribute macros on handlers, both, "
        "router components, or files")
    middleware: Literal["tower", "own", "tower-and-own", "none"] | None = feature(
        "Middleware", "Middleware model: tower layers, its own, or both")
    websockets: Capability | None = feature("WebSockets", "WebSocket support")
    sse: Capability | None = feature("SSE", "Server-sent events support")
    http2: Capability | None = feature("HTTP/2", "HTTP/2 support in the server")
    openapi: Capability | None = feature("OpenAPI", "OpenAPI document generation")
    templating: Capability | None = feature("Templates", "Server-side HTML templating")
    sessions: Capability | None = feature("Sessions", "Cookie or server-side sessions")
    admin: Capability | None = feature("Admin", "A generated admin interface")
    rendering: list[Literal["csr", "ssr", "hydration", "ssg", "islands"]] | None = feature(
        "Rendering", "Rendering modes: client-side, server-side, hydration, static generation, islands")
    reactivity: Literal["signals", "virtual-dom", "none"] | None = feature(
        "Reactivity", "How the UI updates: fine-grained signals or a virtual DOM")
    targets: list[Literal["web", "server", "desktop", "mobile"]] | None = feature(
        "Targets", "Platforms it builds for")
    hot_reload: Capability | None = feature("Hot reload", "Code or template changes without a full rebuild")


class DataFeatures(Strict):
    category: Literal[
        "orm", "query-builder", "sql-toolkit", "driver", "database", "pool", "migrations"
    ] | None = feature("Kind", "What it is: ORM, query builder, SQL toolkit, driver, database, "
                       "connection pool or migration tool")
    async_: Capability | None = feature("Async", "Async API (\"crate\": through a companion crate)",
                                     alias="async")
    compile_time_checked_queries: Capability | None = feature(
        "Checked queries", "Queries are checked against the schema at compile time")
    migrations: list[Literal["sql-files", "rust-code", "declarative", "none"]] | None = feature(
        "Migrations", "Migration style: SQL files, Rust code, declarative (diffed from a schema), none")
    backends: list[Literal[
        "postgresql", "mysql", "sqlite", "mssql", "mongodb", "redis", "surrealdb", "other"
    ]] | None = feature("Backends", "Databases it talks to (mysql includes MariaDB)")


class LibraryFeatures(Strict):
    category: Slug | None = feature("Kind", "What the library is for")
    async_: Capability | None = feature("Async", "Async API", alias="async")
    wasm: Capability | None = feature("WASM", "Builds for wasm32 targets")
    templates: Literal["compile-time", "runtime", "rust-macro"] | None = feature(
        "Templates", "When templates are compiled: at build time, at run time, or written as Rust macros")
    syntax: Literal["jinja", "django", "handlebars", "rust", "other"] | None = feature(
        "Syntax", "Template syntax family")
    autoescape: Capability | None = feature("Auto-escaping", "HTML escaping on by default")


class ToolFeatures(Strict):
    category: Literal[
        "bundler", "compiler", "linter", "formatter", "css", "build", "runtime", "platform",
        "dev-server", "codegen", "other",
    ] | None = feature("Kind", "What the tool does")
    ecosystem: Literal["rust", "javascript"] | None = feature(
        "For", "Whose projects it serves: Rust projects or JavaScript/TypeScript projects")
    replaces: list[OneLine] | None = feature("Replaces", "Established tools it is an alternative to")


class EntryBase(Strict):
    title: Title = Field(title="Name", description="Display name of the entry")
    summary: OneLine = Field(title="Summary", description="One plain-text sentence")
    aliases: list[OneLine] = Field([], title="Also known as", description="Other names people search for")
    topics: list[Slug] = Field([], title="Topics", description="Slugs of the topic entries it belongs to")
    alternatives: list[Slug] = Field([], title="Alternatives", description="Slugs of comparable entries")
    last_reviewed: PastDate = Field(title="Reviewed", description="The day the entry was last checked")
    sources: list[Source] = Field([], title="Sources", description="Where the facts come from")
    history: list[HistoryItem] = Field([], title="History",
                                       description="Changes of status or verdict, oldest first")


class CrateEntry(EntryBase):
    crate: CrateName = Field(title="Crate", description="Name on the crate registry")
    depth: Depth = Field(title="Depth", description="brief: one paragraph and a source; full: the whole "
                         "template (example, gotchas, comparison)")
    other_crates: list[CrateName] = Field(
        [], title="Also covers", description="Companion crates, old names or misspellings this entry covers")
    repository: HttpsUrl | None = Field(None, title="Repository", description="Source repository")
    docs: HttpsUrl | None = Field(None, title="Docs", description="API documentation")
    homepage: HttpsUrl | None = Field(None, title="Homepage", description="Project website")
    license: License | None = Field(
        None, title="Licence", description="SPDX licence expression; for crates it comes from the registry "
        "snapshot, so set it only where the snapshot has none (or for entries that are not crates)")
    status: Status = Field(title="Status", description="Maturity, by the published criteria")
    archived: Archived | None = Field(
        None, title="Archived", description="Required for unmaintained, deprecated and archived entries")
    feature_complete: OneLine | None = Field(
        None, title="Feature-complete",
        description="Why no new releases are expected (exempts the entry from the 'stale' rule)")


class Framework(CrateEntry):
    kind: Literal["framework"]
    features: FrameworkFeatures = FrameworkFeatures()


class Data(CrateEntry):
    kind: Literal["data"]
    features: DataFeatures = DataFeatures()


class Library(CrateEntry):
    kind: Literal["library"]
    features: LibraryFeatures = LibraryFeatures()


class Tool(CrateEntry):
    kind: Literal["tool"]
    crate: CrateName | None = None  # some tools ship through npm or as binaries only
    features: ToolFeatures = ToolFeatures()


class Pattern(EntryBase):
    kind: Literal["pattern"]
    crates: list[Slug] = []  # entries the pattern's code uses


class Topic(EntryBase):
    kind: Literal["topic"]
    verdict: Verdict = Field(title="Verdict", description="Are we there yet, by the published criteria")
    verdict_reason: OneLine = Field(title="Why", description="The verdict's reason in one line")
    criteria: list[OneLine] = Field(min_length=1)
    leading: list[Slug] = []  # the topic's leading entries, shown in the matrix
    missing: OneLine | None = None  # what the ecosystem still lacks


class SitePage(Strict):
    """Front matter of a non-entry page (home, about, criteria…): all optional."""

    title: Title | None = None
    summary: OneLine | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = []


Entry = Framework | Data | Library | Tool | Pattern | Topic
MODELS: dict[str, type[EntryBase]] = {
    "framework": Framework, "data": Data, "library": Library,
    "tool": Tool, "pattern": Pattern, "topic": Topic,
}
FEATURE_MODELS: dict[str, type[Strict]] = {
    "framework": FrameworkFeatures, "data": DataFeatures,
    "library": LibraryFeatures, "tool": ToolFeatures,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schemas for editors: one per kind, one for any entry, one for site pages."""
    schemas: dict[str, dict[str, Any]] = {}
    for kind, model in MODELS.items():
        schemas[f"{kind}.schema.json"] = _draft(model.model_json_schema(by_alias=True))
    schemas["entry.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "webyet entry front matter",
        "oneOf": [{"$ref": f"{kind}.schema.json"} for kind in MODELS],
    }
    schemas["page.schema.json"] = _draft(SitePage.model_json_schema(by_alias=True))
    return schemas


def _draft(schema: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
