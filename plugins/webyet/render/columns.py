"""Table columns: a front-matter field or a `features` key, with its label and meaning.

Labels and descriptions come from the schema's field titles and descriptions, so a column
header explains itself with the same words the JSON Schema gives editors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args, get_origin

from pydantic.fields import FieldInfo

from ..freshness.snapshot import CrateFacts
from ..schema import FEATURE_MODELS, MODELS, CrateEntry, Evidenced, Support, capability

# Columns read from the registry snapshot, not from front matter: key → (label, meaning, field).
SNAPSHOT_COLUMNS = {
    "latest_version": ("Latest", "Newest stable version in the registry snapshot", "newest_version"),
    "last_release": ("Last release", "When the newest stable version was published", "newest_release"),
    "downloads_90d": ("Downloads (90 days)", "Registry downloads in the 90 days before the snapshot",
                      "downloads_90d"),
    "msrv": ("MSRV", "Minimum supported Rust version of the newest release", "rust_version"),
}


def licence(model: Any, facts: CrateFacts | None) -> str | None:
    """A crate's licence from the registry snapshot; front matter only where the snapshot has
    none (a licence file instead of an SPDX expression, or an entry that is not a crate)."""
    if facts is not None and facts.license:
        return facts.license
    return getattr(model, "license", None)
TOP_LEVEL = ("title", "kind", "status", "crate", "license", "summary", "last_reviewed", "verdict",
             "verdict_reason", "aliases", "topics", "alternatives")


@dataclass(frozen=True)
class Column:
    key: str  # "status" or "features.websockets"
    label: str
    description: str
    style: str  # title | status | verdict | support | enum | list | text | date

    def value(self, model: Any, facts: CrateFacts | None = None) -> Any:
        return capability(self._raw(model, facts))[0]

    def source(self, model: Any) -> str | None:
        """The evidence URL of a feature value, if front matter gives one."""
        return capability(self._raw(model, None))[1] if self.key.startswith("features.") else None

    def _raw(self, model: Any, facts: CrateFacts | None) -> Any:
        if self.key in SNAPSHOT_COLUMNS:
            return getattr(facts, SNAPSHOT_COLUMNS[self.key][2]) if facts else None
        if self.key == "license":
            return licence(model, facts)
        if self.key.startswith("features."):
            features = getattr(model, "features", None)
            if features is None:
                return None
            name = self.key.removeprefix("features.")
            for attr, info in type(features).model_fields.items():
                if (info.alias or attr) == name:
                    return getattr(features, attr)
            return None
        return getattr(model, self.key, None)


def _members(annotation: Any) -> set[Any]:
    """The types a (possibly annotated, possibly union) annotation is made of."""
    args = get_args(annotation)
    if not args:
        return {annotation}
    return set().union(*(_members(a) for a in args))


def _style(info: FieldInfo, key: str) -> str:
    if key in ("title", "status", "verdict"):
        return key
    if key == "last_reviewed":
        return "date"
    annotation = info.annotation
    args = set(get_args(annotation))
    if Evidenced in _members(annotation) or set(get_args(Support)) <= args or annotation == Support:
        return "support"
    if get_origin(annotation) is list or any(get_origin(a) is list for a in args):
        return "list"
    if key in ("summary", "verdict_reason", "crate", "license"):
        return "text"
    return "enum"


def available_columns(kinds: set[str]) -> dict[str, Column]:
    """Every column that makes sense for entries of `kinds`, by the names a directive may use."""
    return dict(_columns(frozenset(kinds)))  # asked for on every entry page and pair: built once


@lru_cache(maxsize=32)
def _columns(kinds: frozenset[str]) -> dict[str, Column]:
    columns: dict[str, Column] = {}
    for kind in sorted(kinds):
        model = MODELS[kind]
        for key in TOP_LEVEL:
            info = model.model_fields.get(key)
            if info is not None and key not in columns:
                columns[key] = Column(key, info.title or key, info.description or "", _style(info, key))
        if issubclass(model, CrateEntry):
            for key, (label, meaning, _) in SNAPSHOT_COLUMNS.items():
                columns.setdefault(key, Column(key, label, meaning + " (see “data as of”)",
                                               "number" if key == "downloads_90d" else "text"))
        feature_model = FEATURE_MODELS.get(kind)
        if feature_model is None:
            continue
        for attr, info in feature_model.model_fields.items():
            name = info.alias or attr
            full = f"features.{name}"
            if full not in columns:
                column = Column(full, info.title or name, info.description or "", _style(info, name))
                columns[full] = column
                columns.setdefault(name, column)  # bare feature names are accepted too
    return columns


def capability_columns(kind: str) -> list[Column]:
    """The yes/no/partial/via-crate feature columns of a kind (bare aliases left out)."""
    return [c for key, c in available_columns({kind}).items() if key == c.key and c.style == "support"]
