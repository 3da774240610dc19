"""The catalog as versioned JSON, with a JSON Schema; the same data the site's tables show."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from .catalog import Catalog
from .render.html import Links
from .schema import SCHEMA_VERSION, Data, Framework, Library, Pattern, Tool, Topic


class ExportedEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str
    url: str = Field(description="Page URL relative to the site root")
    source: str = Field(description="Markdown file under the content folder")
    data: Annotated[
        Framework | Data | Library | Tool | Pattern | Topic, Field(discriminator="kind")
    ]
    registry: dict[str, Any] | None = Field(
        None, description="Registry facts of the entry's crate (versions, dates, licence, MSRV) from "
        "data/crates.json, as of `registry_as_of`; the only source of these facts")


class CatalogExport(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(SCHEMA_VERSION, description="Bumped on incompatible changes")
    registry_as_of: str | None = Field(None, description="Date of the registry snapshot")
    entries: list[ExportedEntry]


def export_catalog(catalog: Catalog) -> dict[str, Any]:
    links = Links(directory_urls=True)
    document = CatalogExport(
        registry_as_of=catalog.snapshot.as_of if catalog.snapshot else None,
        entries=[ExportedEntry(slug=e.slug, url=links.url(e.src_uri), source=e.src_uri, data=e.model,
                               registry=asdict(facts) if (facts := catalog.facts(e)) else None)
                 for e in catalog.entries.values()])
    return document.model_dump(mode="json", by_alias=True, exclude_defaults=False)


def export_json(catalog: Catalog) -> str:
    return json.dumps(export_catalog(catalog), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@lru_cache(maxsize=1)  # the same for every build; a preview rebuilds often
def export_schema() -> dict[str, Any]:
    schema = CatalogExport.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
