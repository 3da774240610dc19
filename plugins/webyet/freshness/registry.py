"""A polite client for the Rust package registry: its web API, or its sparse index.

Polite means: at most one request per `interval` seconds, a descriptive User-Agent with a
contact URL, retries with back-off on 429 and 5xx (honouring Retry-After), and time-outs.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..versions import is_pre_release, sort_key
from .snapshot import CrateFacts


class RegistryError(Exception):
    """A crate's facts could not be fetched; the message says why, for a person."""


@dataclass
class Client:
    contact: str
    interval: float = 1.0  # seconds between requests (the registry's crawler policy: ≤ 1/s)
    timeout: float = 10.0
    retries: int = 4
    sleep: Callable[[float], None] = time.sleep
    _last: float = 0.0
    _download_templates: dict[str, str] = field(default_factory=dict)

    @property
    def user_agent(self) -> str:
        return f"webyet-refresh/{__version__} (+{self.contact})"

    def get(self, url: str) -> bytes:
        delay = 1.0
        for attempt in range(self.retries + 1):
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self._last = time.monotonic()
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent,
                                                           "Accept": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as err:
                if err.code == 404:
                    raise RegistryError("not found (HTTP 404)") from None
                if err.code != 429 and err.code < 500:
                    raise RegistryError(f"HTTP {err.code} {err.reason}") from None
                problem = f"HTTP {err.code}"
                retry_after = err.headers.get("Retry-After", "")
                pause = float(retry_after) if retry_after.isdigit() else delay
            except TimeoutError:
                problem, pause = f"no answer within {self.timeout:g} s", delay
            except urllib.error.URLError as err:
                problem, pause = f"cannot connect ({err.reason})", delay
            if attempt == self.retries:
                raise RegistryError(f"{problem}, {self.retries + 1} tries")
            self.sleep(min(pause, 60.0))
            delay *= 2
        raise AssertionError("unreachable")


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise RegistryError(f"malformed JSON in the answer ({err})") from None


def _date(stamp: Any) -> str | None:
    return str(stamp)[:10] if stamp else None


def facts_from_api(client: Client, api_url: str, name: str, pinned: set[str]) -> CrateFacts:
    """Full facts from `GET {api}/api/v1/crates/{name}`."""
    data = _json(client.get(f"{api_url.rstrip('/')}/api/v1/crates/{name}"))
    try:
        crate, versions = data["crate"], data["versions"]
        by_number = {v["num"]: v for v in versions}
        published = [v for v in versions if not v["yanked"]]
        stable = [v for v in published if not is_pre_release(v["num"])] or published
        newest = by_number.get(crate.get("max_stable_version") or "") or (
            max(stable, key=lambda v: v["created_at"]) if stable else None)
        first = min((v["created_at"] for v in versions), default=None)
        return CrateFacts(
            newest_version=newest["num"] if newest else None,
            newest_release=_date(newest["created_at"]) if newest else None,
            first_release=_date(first),
            downloads_total=crate.get("downloads"),
            downloads_90d=crate.get("recent_downloads"),
            license=newest.get("license") if newest else None,
            repository=crate.get("repository"),
            rust_version=newest.get("rust_version") if newest else None,
            pinned={v: bool(by_number[v]["yanked"]) for v in sorted(pinned) if v in by_number},
            source="api",
        )
    except (KeyError, TypeError, ValueError) as err:
        raise RegistryError(f"unexpected answer shape (missing {err})") from None


def index_path(name: str) -> str:
    """The sparse-index path of a crate: 1/a, 2/ab, 3/a/abc, ab/cd/abcd…"""
    lower = name.lower()
    if len(lower) <= 2:
        return f"{len(lower)}/{lower}"
    if len(lower) == 3:
        return f"3/{lower[0]}/{lower}"
    return f"{lower[:2]}/{lower[2:4]}/{lower}"


def facts_from_index(client: Client, index_url: str, name: str, pinned: set[str]) -> CrateFacts:
    """What the sparse index gives: versions, yanked, rust_version and publication times."""
    body = client.get(f"{index_url.rstrip('/')}/{index_path(name)}")
    try:
        versions = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise RegistryError(f"malformed index lines ({err})") from None
    by_number = {v["vers"]: v for v in versions}
    published = [v for v in versions if not v.get("yanked")]
    # The newest stable version; a crate that never left pre-releases shows its newest one.
    stable = [v for v in published if not is_pre_release(v["vers"])] or published
    newest = max(stable, key=lambda v: sort_key(v["vers"])) if stable else None
    times = [v["pubtime"] for v in versions if v.get("pubtime")]
    license = repository = None
    if newest:
        # The index has no licence or repository; the published manifest of the newest
        # version (inside its .crate archive) is the crate's own statement of both.
        url = download_url(_download_template(client, index_url), newest["name"], newest["vers"],
                           newest.get("cksum", ""))
        license, repository = manifest_facts(client.get(url), newest["name"], newest["vers"])
    return CrateFacts(
        newest_version=newest["vers"] if newest else None,
        newest_release=_date(newest.get("pubtime")) if newest else None,
        first_release=_date(min(times)) if times and len(times) == len(versions) else None,
        license=license,
        repository=repository,
        rust_version=newest.get("rust_version") if newest else None,
        pinned={v: bool(by_number[v].get("yanked")) for v in sorted(pinned) if v in by_number},
        source="index",
    )


def _download_template(client: Client, index_url: str) -> str:
    """The index's `dl` setting from its config.json (fetched once per index)."""
    if index_url not in client._download_templates:
        config = _json(client.get(f"{index_url.rstrip('/')}/config.json"))
        if not isinstance(config, dict) or not isinstance(config.get("dl"), str):
            raise RegistryError("the index's config.json has no 'dl' download URL")
        client._download_templates[index_url] = config["dl"]
    return client._download_templates[index_url]


def download_url(template: str, name: str, version: str, checksum: str = "") -> str:
    """A .crate URL from the index's `dl` template (markers as cargo defines them)."""
    markers = {"{crate}": name, "{version}": version, "{prefix}": index_path(name).rsplit("/", 1)[0],
               "{lowerprefix}": index_path(name.lower()).rsplit("/", 1)[0],
               "{sha256-checksum}": checksum}
    if not any(marker in template for marker in markers):
        return f"{template.rstrip('/')}/{name}/{version}/download"
    for marker, value in markers.items():
        template = template.replace(marker, value)
    return template


def manifest_facts(archive: bytes, name: str, version: str) -> tuple[str | None, str | None]:
    """`package.license` and `package.repository` from the Cargo.toml inside a .crate archive."""
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
            member = tar.extractfile(f"{name}-{version}/Cargo.toml")
            if member is None:
                raise KeyError("Cargo.toml")
            manifest = tomllib.loads(member.read().decode("utf-8"))
    except (tarfile.TarError, KeyError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise RegistryError(f"cannot read Cargo.toml from {name} {version}'s archive ({err})") from None
    package = manifest.get("package", {})
    license, repository = package.get("license"), package.get("repository")
    return (license if isinstance(license, str) else None,
            repository if isinstance(repository, str) else None)
