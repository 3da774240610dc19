"""The MkDocs/ProperDocs adapter: forwards the engine's events to the core `Site`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ...incremental import BuildMemory
from ...problems import render_text
from ...render.html import Links
from ...render.pairs import BODY_END, BODY_START, from_shell
from ...site import OFFLINE_SHIM, Site, SiteOptions
from ...snippets.background import MODE_VARIABLE, BackgroundCheck, stamp_path
from ...stash import Stash
from .config import WebyetConfig

log = get_plugin_logger(__name__)


class WebyetPlugin(BasePlugin[WebyetConfig]):
    site: Site
    links: Links

    @event_priority(50)  # before Material's offline plugin, so it finds our local shim
    def on_config(self, config: Any) -> None:
        offline = _offline_enabled(config)
        if offline:  # Material's offline plugin would otherwise load this polyfill from a CDN
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM]
        self.background = os.environ.get(MODE_VARIABLE) == "background"  # set by `webyet serve`
        options = SiteOptions(export=self.config.export, export_file=self.config.export_file,
                              check_snippets=self.config.check and not self.background,
                              snippet_timeout=self.config.timeout, snippet_jobs=self.config.jobs,
                              snippets_folder=self.config.folder,
                              playground_crates=self.config.playground_crates, offline=offline,
                              background_snippets=self.background)
        self.site = Site(Path(config.config_file_path).parent, Path(config.docs_dir), options)
        for warning in self.site.warnings():
            log.warning(warning)  # under --strict each fails the build
        self.banner = ""
        if self.site.errors and self.background:  # a preview keeps serving and shows them
            for error in self.site.errors:
                log.error(error.format())
            self.banner = self.site.error_banner()
        elif self.site.errors:
            raise PluginError("content has errors:\n" + render_text(self.site.errors))
        config.extra_css[:0] = self.site.stylesheets()
        config.extra_javascript.extend(self.site.scripts())

    def on_files(self, files: Files, *, config: Any) -> Files:
        # Read here, not in on_config: the offline plugin turns directory URLs off after us.
        self.links = Links(directory_urls=config.use_directory_urls)
        self.stash = Stash()
        existing = {f.src_uri for f in files}
        generated = self.site.generated_files(self.links, existing, site_name=config.site_name,
                                              site_url=config.site_url, pair_shell_only=True)
        self.pairs = self.site.pair_pages(self.links, existing)
        for src, content in generated.items():
            files.append(File.generated(config, src, content=content))
        for file in files:
            if file.is_documentation_page() and not self.site.in_navigation(file.src_uri):
                file.inclusion = InclusionLevel.NOT_IN_NAV
        self.rebuild = self.site.root in _MEMORY
        if self.background:  # a preview rebuilds with --dirty: say which pages changed
            again = self.site.pages_to_render(generated, _MEMORY.setdefault(self.site.root, BuildMemory()))
            for file in files:
                if file.is_documentation_page():
                    modified = file.src_uri in again
                    file.is_modified = (lambda flag=modified: flag)  # type: ignore[method-assign]
        return files

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        if self.background:  # MkDocs makes a new Jinja environment for every rebuild
            env.bytecode_cache = _TEMPLATES
            if self.rebuild:  # the first build's 404 page and sitemap stay (each lists every page)
                config.theme.static_templates -= {"404.html", "sitemap.xml"}
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: Any, files: Files) -> str:
        path = Path(page.file.abs_src_path) if page.file.generated_by is None else None
        try:
            return self.site.page_markdown(page.file.src_uri, markdown, self.links, path, stash=self.stash)
        except ValueError as err:  # validated in on_config, so only a bug gets here
            raise PluginError(f"{page.file.src_uri}: {err}") from None

    def on_page_content(self, html: str, *, page: Page, config: Any, files: Files) -> str:
        return self.banner + self.site.page_html(html, self.stash)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self.background:  # rebuild (and reload the browser) when background verdicts land
            _watch_natively(server)
            stamp = stamp_path()
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
            server.watch(str(stamp))
        return server

    def on_post_build(self, *, config: Any) -> None:
        if self.pairs:  # the engine rendered the first pair page; the others share its frame
            shell = self.pairs[0]
            html = _written(shell.src, config).read_text(encoding="utf-8")
            if BODY_START not in html or BODY_END not in html:
                raise PluginError(f"{shell.src}: the theme dropped webyet's pair markers; "
                                  "pair pages cannot be made")
            written = _PAIRS_WRITTEN.setdefault(self.site.root, {}) if self.background else {}
            for page in self.pairs[1:]:
                path = _written(page.src, config)
                if written.get(path) == (html, page) and path.exists():
                    continue  # a preview's rebuild: this pair and its frame did not change
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(from_shell(html, shell, page, self.links), encoding="utf-8")
                written[path] = (html, page)
        if self.background and self.site.unchecked:
            _worker(self.site, self.config.folder).start()


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per preview session, not once per rebuild (each
    bucket is keyed by its template's source, so an edited template is compiled again)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()
_WORKERS: dict[Path, BackgroundCheck] = {}
_MEMORY: dict[Path, BuildMemory] = {}  # what the previous build of this serve session saw
_PAIRS_WRITTEN: dict[Path, dict[Path, tuple[str, Any]]] = {}  # per preview: what each pair file holds


def _worker(site: Site, folder: str) -> BackgroundCheck:
    """One background checker per project for the whole serve session (MkDocs makes a new
    plugin object for every rebuild)."""
    if site.root not in _WORKERS:
        _WORKERS[site.root] = BackgroundCheck(site.root, site.docs, site.root / folder, log.warning)
    return _WORKERS[site.root]


def _watch_natively(server: Any) -> None:
    """MkDocs polls the watched folders every 0.5 s, half the budget of an edit reaching the
    browser. Swap in the platform's file events (inotify on Linux) before the server starts;
    keep polling if they cannot be had. (MkDocs 1.x is pinned and no longer changes, so its
    watch bookkeeping is stable.)"""
    import watchdog.observers

    paths = [path for path, count in server._watched_paths.items() for _ in range(count)]
    previous = (server.observer, dict(server._watched_paths), dict(server._watch_refs))
    server.observer = watchdog.observers.Observer()
    server._watched_paths.clear()
    server._watch_refs.clear()
    try:
        for path in paths:
            server.watch(path)
    except OSError as err:  # e.g. the inotify watch limit
        log.info(f"file events unavailable ({err}); polling for changes")
        server.observer, server._watched_paths, server._watch_refs = previous


def _written(src: str, config: Any) -> Path:
    """Where the engine writes the page of `src`."""
    return Path(File(src, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)


def _offline_enabled(config: Any) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)
