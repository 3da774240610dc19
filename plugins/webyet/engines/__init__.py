"""Site engines webyet can build with. Each module here is one engine; adding an engine means
adding a module with the same names (`NAME`, `RUNS_WEBYET_PLUGIN`, `build_command`,
`serve_command`). Engines that run the webyet MkDocs plugin get the project's `mkdocs.yml`;
the others get a staged docs tree (`webyet.stage`) that needs no plugin.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def engines() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = module
    return dict(sorted(found.items()))


ENGINES = tuple(engines())
