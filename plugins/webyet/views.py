"""Generated views placed by directives: validate them for `webyet check`, render them for pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .catalog import Catalog
from .directives import KEYS, Directive, DirectiveError, find_directives, replace_directives
from .freshness.flags import Flag, all_flags
from .frontmatter import Document
from .problems import Problem
from .render.changes import render_changes
from .render.columns import available_columns
from .render.criteria import render_rules
from .render.html import Links
from .render.maintenance import render_maintenance, trust_line
from .render.matrix import render_matrix
from .render.table import TableSpec, render_table, select
from .schema import MODELS
from .validation import suggest

TABLE_KEYS = KEYS["table"]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def table_spec(d: Directive, catalog: Catalog) -> tuple[TableSpec | None, list[DirectiveError]]:
    errors: list[DirectiveError] = []

    def err(key: tuple[Any, ...], message: str) -> None:
        errors.append(DirectiveError(*d.position(key), f"webyet-table: {message}"))

    for key in d.params:
        if key not in TABLE_KEYS:
            err((key,), f"unknown key '{key}'{suggest(key, TABLE_KEYS)}")
    kinds = tuple(str(k) for k in _as_list(d.params.get("kind", [])))
    for index, kind in enumerate(kinds):
        if kind not in MODELS:
            err(("kind", index) if isinstance(d.params.get("kind"), list) else ("kind",),
                f"'{kind}' is not a kind{suggest(kind, set(MODELS))}")
    topic = d.params.get("topic")
    topics = {e.slug for e in catalog.by_kind("topic")}
    if topic is not None and not isinstance(topic, str):
        err(("topic",), "'topic' is one topic slug, e.g. web-frameworks")
        topic = None
    elif topic is not None and topic not in topics and topic not in catalog.failed:
        err(("topic",), f"no topic entry named '{topic}'{suggest(str(topic), topics)}")
    slugs = tuple(str(s) for s in _as_list(d.params.get("slugs", [])))
    for index, slug in enumerate(slugs):
        if slug in catalog.failed:
            continue  # its own file has the error
        if slug not in catalog.entries:
            err(("slugs", index), f"no entry named '{slug}'{suggest(slug, set(catalog.entries))}")
        elif not catalog.entries[slug].is_full:
            err(("slugs", index), f"'{slug}' is a brief entry; comparison tables show full entries only")
    if not (kinds or topic or slugs):
        err((), "say which entries to show with 'kind', 'topic' or 'slugs'")
    columns_raw = d.params.get("columns")
    if not isinstance(columns_raw, list) or not columns_raw:
        err(("columns",), "'columns' lists the columns to show, e.g. [title, status]")
        columns_raw = []
    if errors:
        return None, errors

    probe = TableSpec(columns=(), kinds=kinds, topic=topic, slugs=slugs)
    chosen_kinds = set(kinds) or {e.kind for e in select(catalog, probe)} or set(MODELS)
    available = available_columns(chosen_kinds)
    columns = []
    for index, name in enumerate(columns_raw):
        if str(name) not in available:
            names = {n for n in available if not n.startswith("features.")}
            err(("columns", index), f"unknown column '{name}' for {', '.join(sorted(chosen_kinds))}"
                f"{suggest(str(name), names)}")
        else:
            columns.append(available[str(name)])
    where = []
    raw_where = d.params.get("where", {})
    if not isinstance(raw_where, dict):
        err(("where",), "'where' maps a column to the value(s) to keep")
        raw_where = {}
    for name, wanted in raw_where.items():
        if name not in available:
            err(("where", name), f"unknown column '{name}'{suggest(str(name), set(available))}")
        else:
            where.append((available[name], tuple(_as_list(wanted))))
    caption = d.params.get("caption")
    spec = TableSpec(columns=tuple(columns), kinds=kinds, topic=topic, slugs=slugs,
                     where=tuple(where), caption=str(caption) if caption else None)
    if not errors and not select(catalog, spec):
        err((), "the selection matches no entries")
    return (None if errors else spec), errors


def check_directive(d: Directive, catalog: Catalog) -> list[DirectiveError]:
    if d.name == "table":
        return table_spec(d, catalog)[1]
    allowed = KEYS[d.name]
    errors = [DirectiveError(*d.position((k,)), f"webyet-{d.name}: unknown key '{k}'"
                             f"{suggest(str(k), set(allowed))}") for k in d.params if k not in allowed]
    limit = d.params.get("limit")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
        errors.append(DirectiveError(*d.position(("limit",)), f"webyet-{d.name}: limit is a positive number"))
    return errors


def check_views(catalog: Catalog) -> list[Problem]:
    """Every directive on every page, validated against the catalog."""
    problems = []
    documents: list[Document] = [*catalog.pages.values(), *(e.doc for e in catalog.entries.values())]
    for doc in documents:
        directives, errors = find_directives(doc.body, first_line=doc.body_line)
        for d in directives:
            errors += check_directive(d, catalog)
        problems += [Problem(doc.display, e.line, e.col, e.message) for e in errors]
    return problems


def _render_table(d: Directive, catalog: Catalog, links: Links, page_src: str) -> str:
    spec, problems = table_spec(d, catalog)
    if spec is None:
        raise ValueError(problems[0].message)
    return render_table(catalog, spec, links, page_src)


def render_views(markdown: str, catalog: Catalog, links: Links, page_src: str,
                 flags: dict[str, list[Flag]] | None = None,
                 snippets: tuple[int, int, str] | None = None,
                 keep: Callable[[str], str] | None = None) -> str:
    """Replace the directives in a page's Markdown with their generated HTML (or with what
    `keep` makes of it: see `stash.Stash`)."""
    directives, errors = find_directives(markdown)
    if errors:
        raise ValueError(errors[0].message)
    for directive in directives:  # a page the check reported never renders half a view
        if directive.name != "table" and (problems := check_directive(directive, catalog)):
            raise ValueError(problems[0].message)
    renderers: dict[str, Callable[[Directive], str]] = {
        "table": lambda d: _render_table(d, catalog, links, page_src),
        "matrix": lambda d: render_matrix(catalog, links, page_src),
        "rules": lambda d: render_rules(),
        "changes": lambda d: render_changes(catalog, links, page_src, d.params.get("limit")),
        "maintenance": lambda d: render_maintenance(
            catalog, flags if flags is not None else all_flags(catalog, dt.date.today()), links, page_src),
        "trust": lambda d: trust_line(catalog, snippets),
    }
    assert set(renderers) == set(KEYS), "every registered directive has a renderer"
    rendered = [(d, (keep or str)(renderers[d.name](d))) for d in directives]
    return replace_directives(markdown, rendered) if rendered else markdown
