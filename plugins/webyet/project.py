"""Where the project is: the folder with mkdocs.yml, and its content (docs_dir) folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for a few plain keys; tags such as !ENV or !!python/name become None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path | None
    content: Path

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "webyet"


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    return data if isinstance(data, dict) else {}


def find_project(start: Path | None = None) -> Project:
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        config = folder / "mkdocs.yml"
        if config.is_file():
            docs_dir = read_mkdocs_config(config).get("docs_dir") or "docs"
            return Project(folder, config, folder / str(docs_dir))
    return Project(start, None, start / "content")
