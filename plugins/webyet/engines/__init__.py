"""Site engines webyet can build with. Each module here is one engine; adding an engine means
adding a module with the same names (`NAME`, `RUNS_WEBYET_PLUGIN`, `build_command`,
`serve_command`). Engines that run the webyet MkDocs plugin get the project's `mkdocs.yml`;
the others get a staged docs tree (`webyet.stage`) that needs no plugin.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from types import ModuleType


def mkdocs_cli_build(module: str, config: Path, site_dir: Path, strict: bool) -> list[str]:
    """`build` as MkDocs 1.x and its forks spell it."""
    return [sys.executable, "-m", module, "build", "--clean", "-f", str(config), "-d", str(site_dir),
            "--strict" if strict else "--no-strict"]


def engines() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(__path__):  # every module here is an engine
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = module
    return dict(sorted(found.items()))


ENGINES = tuple(engines())
