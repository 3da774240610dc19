"""Turn pydantic's validation errors into located, readable problems."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .frontmatter import Document
from .problems import Problem


def suggest(word: str, candidates: list[str] | set[str]) -> str:
    match = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def model_fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str] | None:
    """Front-matter keys the model accepts at `loc` (None when `loc` is not a model)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# Documents are shared per file content (`parse_document` keeps them), so are their models:
# id(doc) → (doc, model class, result). Holding the document keeps its id from being reused.
_VALIDATED: dict[int, tuple[Document, type[BaseModel], tuple[BaseModel | None, list[Problem]]]] = {}
_MAX_VALIDATED = 4096


def validate(
    model: type[BaseModel], doc: Document
) -> tuple[BaseModel | None, list[Problem]]:
    """The model of `doc`'s front matter, or its located problems. Never modify the result."""
    known = _VALIDATED.get(id(doc))
    if known is not None and known[0] is doc and known[1] is model:
        return known[2]
    try:
        result: tuple[BaseModel | None, list[Problem]] = (model.model_validate(doc.front_matter), [])
    except ValidationError as err:
        result = (None, _problems(model, doc, err.errors(include_url=False)))
    if len(_VALIDATED) >= _MAX_VALIDATED:
        _VALIDATED.clear()
    _VALIDATED[id(doc)] = (doc, model, result)
    return result


def _problems(model: type[BaseModel], doc: Document, errors: list[Any]) -> list[Problem]:
    # A union (true | false | "partial" | "crate") fails once per member: merge those.
    by_loc: dict[tuple[Any, ...], list[Any]] = {}
    for error in errors:
        loc = tuple(p for p in error["loc"] if isinstance(p, int) or not _is_type_label(p))
        by_loc.setdefault(loc, []).append({**error, "loc": loc})
    problems = []
    for loc, group in by_loc.items():
        if len(group) == 1:
            problems.append(_problem(model, doc, group[0]))
            continue
        expected = []
        for error in group:
            if error["type"] == "bool_type":
                expected.append("true or false")
            elif error["type"] == "literal_error":
                expected.append(str(error.get("ctx", {}).get("expected", "")))
            elif error["type"] not in {"bool_parsing"}:
                expected.append(str(error["msg"]).removeprefix("Value error, "))
        where = ".".join(str(p) for p in loc)
        line, col = doc.position(loc)
        problems.append(Problem(
            doc.display, line, col,
            f"{where}: {group[0]['input']!r} is not allowed; expected {' or '.join(expected)}",
        ))
    return problems


def _problem(model: type[BaseModel], doc: Document, error: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(error["loc"])
    where = ".".join(str(p) for p in loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        fields = model_fields_at(model, loc[:-1]) or []
        message = f"unknown key '{where}'{suggest(key, fields)}"
    elif kind == "missing":
        parent = ".".join(str(p) for p in loc[:-1])
        message = f"missing required key '{loc[-1]}'" + (f" in '{parent}'" if parent else "")
        loc = loc[:-1]
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"{where}: {error['input']!r} is not allowed; expected {expected}"
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",")]
        message += suggest(str(error["input"]), [o for o in options if o])
        if isinstance(error["input"], bool) and "'yes'" in str(expected):
            message += ' (YAML reads a bare yes as true: quote it: "yes")'
    elif kind.startswith("date_"):
        message = f"{where}: {error['input']!r} is not a date; write dates as YYYY-MM-DD"
    else:
        text = str(error["msg"]).removeprefix("Value error, ")
        message = f"{where}: {text}" if where else text
    line, col = doc.position(loc)
    return Problem(doc.display, line, col, message)


def _is_type_label(part: str) -> bool:
    """Union members appear in an error's loc under labels such as "bool" or "literal[…]"."""
    return (part in {"bool", "str", "int", "date", "bare", "evidenced"} or "[" in part
            or part.startswith("function-"))
