"""Pair pages: the engine renders one through the theme, and the others are made from it."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from webyet.render.html import Links
from webyet.render.pairs import BODY_END, BODY_START, PairPage
from webyet.site import Site, SiteOptions


def pair_pages(project: Path) -> list[PairPage]:
    site = Site(project, project / "content", SiteOptions(check_snippets=False))
    return site.pair_pages(Links(), set())


def frame(html: str) -> str:
    return html.split(BODY_START)[0] + html.split(BODY_END)[1]


def test_every_pair_page_has_its_own_title_heading_and_working_links(built_site: Path) -> None:
    pages = pair_pages(built_site.parent)
    assert len(pages) > 50
    titles = {p.title for p in pages}
    for page in pages:
        out = built_site / page.src.removesuffix(".md") / "index.html"
        html = out.read_text()
        assert f"<title>{page.title} - " in html, page.src
        assert re.search(rf'<h1 id="[^"]+">{re.escape(page.title)}<', html), page.src
        assert page.body in html
        assert not {t for t in titles - {page.title} if f"<title>{t} - " in html or f">{t}<" in frame(html)}
        for href in re.findall(r'href="(\.\./[^"#]+)"', html.split(BODY_START)[1]):
            target = posixpath.normpath(posixpath.join(page.src.removesuffix(".md") + "/", href))
            assert (built_site / target / "index.html").is_file() or (built_site / target).is_file(), href


def test_a_pair_page_made_from_the_shell_has_the_shell_frame(built_site: Path) -> None:
    pages = pair_pages(built_site.parent)
    shell, other = pages[0], pages[-1]
    read = {p.src: (built_site / p.src.removesuffix(".md") / "index.html").read_text()
            for p in (shell, other)}
    made = frame(read[other.src])
    own, shells = Path(other.src).stem, re.search(r'<h1 id="([^"]+)"', read[shell.src])[1]
    made = made.replace(f'id="{own}"', f'id="{shells}"').replace(f'"#{own}"', f'"#{shells}"')
    made = made.replace(other.title, shell.title).replace(f"{own}/", Path(shell.src).stem + "/")
    assert made == frame(read[shell.src])  # nothing of the frame differs but the page's own name
