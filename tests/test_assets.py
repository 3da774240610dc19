"""Vendored front-end files are the unmodified registry files, with their licences."""

from __future__ import annotations

import hashlib
import json

from .conftest import ROOT

VENDOR = ROOT / "plugins" / "webyet" / "assets" / "vendor"


def test_vendored_files_match_their_recorded_digests() -> None:
    manifest = json.loads((VENDOR / "vendor.json").read_text())
    for package, info in manifest.items():
        assert info["license"] and info["version"]
        assert list((VENDOR / package).glob("LICEN[CS]E*")), f"{package} ships without its licence"
        for name, digest in info["files"].items():
            assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
