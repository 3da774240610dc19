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


BRIEF_BODY = ("What {title} is, when to pick it and its notable limits, in one paragraph; "
              "the sources back every fact.")
FULL_BODY = """## What it is


## Pick it when


## Avoid it when


## Minimal example

```{fence}
{code}
```

## Gotchas


## How it compares

"""


def scaffold(kind: str, name: str, today: dt.date | None = None, depth: str = "brief") -> tuple[str, str]:
    """Return (path under the content folder, file text) for a new entry.

    Crate entries start brief (front matter, one paragraph, the crate's API docs as a source)
    or, with `depth="full"`, with the whole template and a Rust block that compiles.
    """
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
        lines += [f"depth: {depth}", f"crate: {slug}", "status: experimental"]
    if kind == "topic":
        lines += [
            "verdict: not-yet",
            f"verdict_reason: {_quote('Why the verdict is what it is, in one line.')}",
            "criteria:",
            f"  - {_quote('What a production-ready option must offer.')}",
        ]
    lines.append(f"last_reviewed: {today.isoformat()}")
    if kind in FEATURES_HINT:
        lines += ["sources:", f"  - title: {slug} on docs.rs", f"    url: https://docs.rs/{slug}/"]
        lines.append(f"# features: {FEATURES_HINT[kind]} (see schema/{kind}.schema.json)")
    else:
        lines.append("sources: []")
    lines += ["---", ""]
    if kind in FEATURES_HINT and depth == "brief":
        lines += [BRIEF_BODY.format(title=title), ""]
    else:
        rust = kind != "tool"
        body = FULL_BODY.format(fence="rust" if rust else "sh",
                                code="fn main() {}" if rust else f"cargo install {slug}")
        if kind not in FEATURES_HINT:  # patterns and topics have no example or comparison
            body = "## What it is\n\n\n## Pick it when\n\n\n## Avoid it when\n\n"
        lines.append(body)
    return f"{KIND_DIRS[kind]}/{slug}.md", "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_new(content_root: Path, kind: str, name: str, depth: str = "brief") -> Path:
    rel, text = scaffold(kind, name, depth=depth)
    path = content_root / rel
    if path.exists():
        raise FileExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
