"""`webyet bundle`: the offline variant of the site (works from file://, with search) as a zip."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from .atomic import atomic_path
from .sitebuild import build_site

# A fixed timestamp keeps the zip byte-identical for identical inputs.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def build_bundle(root: Path, config: Path, out: Path, *, engine: str = "mkdocs") -> int:
    with tempfile.TemporaryDirectory(prefix="webyet-offline-") as tmp:
        site = Path(tmp) / "site"
        code = build_site(root, config, site, engine=engine, extra_env={"WEBYET_OFFLINE": "true"})
        if code != 0:
            return code
        write_zip(site, out, top="webyet-offline")
    return 0


def write_zip(folder: Path, out: Path, top: str) -> None:
    """Zip `folder` under one top-level folder, deterministically, replacing `out` atomically."""
    with atomic_path(out) as partial, \
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
