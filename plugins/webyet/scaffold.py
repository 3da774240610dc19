"""`webyet new KIND NAME`: a new entry file that passes `webyet check` as written."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .catalog import KIND_DIRS

FEATURES_HINT = {
    "framework": "runtime, routing, middleware, websockets, sse, http2, openapi, templating",
    "data": "async, compile_time_checked_queries, migrations, backends",
    "library": "category, async, wasm",
    "tool": "category, ecosystem, replaces",
}


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def scaffold(kind: str, name: str, today: dt.date | None = None) -> tuple[str, str]:
    """Return (path under the content folder, file text) for a new entry."""
    slug = slugify(name)
    today = today or dt.date.today()
    title = re.sub(r"[<>\"'`]", "", name).strip() or slug
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"kind: {kind}",
        f"summary: {_quote(f'{title} in one plain sentence: what it is and who picks it.')}",
    ]
    if kind in FEATURES_HINT:
        lines += [f"crate: {slug}", "status: experimental"] if kind != "tool" else ["status: experimental"]
    if kind == "topic":
        lines += [
            "verdict: not-yet",
            f"verdict_reason: {_quote('Why the verdict is what it is, in one line.')}",
            "criteria:",
            f"  - {_quote('What a production-ready option must offer.')}",
        ]
    lines += [f"last_reviewed: {today.isoformat()}", "sources: []"]
    if kind in FEATURES_HINT:
        lines.append(f"# features: {FEATURES_HINT[kind]} (see schema/{kind}.schema.json)")
    lines += ["---", "", "## What it is", "", "", "## Pick it when", "", "",
              "## Avoid it when", "", ""]
    return f"{KIND_DIRS[kind]}/{slug}.md", "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_new(content_root: Path, kind: str, name: str) -> Path:
    rel, text = scaffold(kind, name)
    path = content_root / rel
    if path.exists():
        raise FileExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
