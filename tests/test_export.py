"""`make html`: the notebooks, executed, as a static book that opens from disk and loads nothing from the network."""

import html
import json
import re

import pytest

from tools import export

NOTEBOOKS = export.notebook_paths()
_BUILT = {}


def build_site(tmp_path_factory):
    """The book, built once per test session (the browser test opens the same one)."""
    if "site" not in _BUILT:
        out = tmp_path_factory.mktemp("site")
        export.export_all(out)
        _BUILT["site"] = out
    return _BUILT["site"]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return build_site(tmp_path_factory)


def chapter_links(fragment: str) -> list[str]:
    """The chapter pages a table of contents links to, in order (sections excluded)."""
    return re.findall(r'<a href="(\d\d-[\w-]+\.html)"[^>]*>', fragment)


def index_entries(site) -> list[dict]:
    text = (site / "search-index.js").read_text()
    assert text.startswith("window.BOOK_SEARCH_INDEX = ") and text.rstrip().endswith(";")
    return json.loads(text[len("window.BOOK_SEARCH_INDEX = "):].rstrip().rstrip(";"))


def test_the_contents_page_links_every_chapter_in_order(site):
    index = (site / "index.html").read_text()
    contents = index[index.index('class="book-toc"'):]
    contents = contents[: contents.index("</nav>")]
    assert list(dict.fromkeys(chapter_links(contents))) == [f"{p.stem}.html" for p in NOTEBOOKS]
    assert f'<a rel="next" href="{NOTEBOOKS[0].stem}.html">' in index


@pytest.mark.parametrize("i", range(len(NOTEBOOKS)), ids=[p.stem for p in NOTEBOOKS])
def test_each_chapter_has_the_contents_and_previous_next_links(site, i):
    page = (site / f"{NOTEBOOKS[i].stem}.html").read_text()
    toc = page[page.index('<nav class="toc"'):]
    toc = toc[: toc.index("</nav>")]
    assert list(dict.fromkeys(chapter_links(toc))) == [f"{p.stem}.html" for p in NOTEBOOKS]
    assert re.search(rf'<a href="{NOTEBOOKS[i].stem}\.html" aria-current="page">', toc), "the current chapter is marked"
    prev = re.findall(r'<a rel="prev" href="([^"]+)">', page)
    nxt = re.findall(r'<a rel="next" href="([^"]+)">', page)
    assert prev == [f"{NOTEBOOKS[i - 1].stem}.html" if i else "index.html"] * 2, "previous link, top and bottom"
    assert nxt == ([f"{NOTEBOOKS[i + 1].stem}.html"] * 2 if i + 1 < len(NOTEBOOKS) else []), "next link, top and bottom"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_page_holds_its_charts_as_described_svg(site, path):
    page = (site / f"{path.stem}.html").read_text()
    figures = re.findall(r'<figure [^>]*aria-label="([^"]*)"[^>]*>\s*<svg', page)
    assert figures, "no chart on the page"
    assert all(label.strip() for label in figures), "a chart without a description"
    assert "output_error" not in page and "Traceback (most recent call last)" not in page


@pytest.mark.parametrize("name", ["index", "search", *[p.stem for p in NOTEBOOKS]])
def test_pages_load_nothing_from_the_network(site, name):
    page = (site / f"{name}.html").read_text()
    scripts = re.findall(r"<script\b[^>]*>", page, re.I)
    assert scripts == ['<script src="search-index.js">', '<script src="search.js">'], "only the local search scripts"
    assert not re.search(r"<script\b[^>]*>(?!</script>)", page, re.I), "no inline script"
    assert not re.search(r"<link\b[^>]*href=", page, re.I), "styles are inline"
    # A cited source may be a link the reader follows (<a href>); nothing may be fetched to show the page.
    fetched = re.sub(r"<a\b[^>]*>", "", page.replace('xmlns="http', ""), flags=re.I)
    assert not re.search(r"""(src|href|action|xlink:href)=["']?(https?:)?//""", fetched), "no remote resource"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page), "no remote resource in the styles"
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page), "no remote stylesheet or font"


def test_the_search_scripts_reach_for_nothing_outside_the_folder(site):
    code = (site / "search.js").read_text()
    assert not re.search(r"https?://|fetch\(|XMLHttpRequest|import\(|importScripts|WebSocket|sendBeacon", code)
    assert code == (export.SEARCH_JS).read_text(), "search.js is copied as written"


def test_the_search_index_covers_every_section_of_every_chapter(site):
    entries = index_entries(site)
    for path in NOTEBOOKS:
        page = (site / f"{path.stem}.html").read_text()
        mine = [e for e in entries if e["p"] == f"{path.stem}.html"]
        ids = set(re.findall(r'<h[1-3] id="([^"]+)"', page))
        assert mine and {e["a"] for e in mine if e["a"]} <= ids, "every entry points to a heading on its page"
        headings = re.findall(r"^#{2,3} (.+)$", "\n".join(c for c in _markdown(path)), re.M)
        indexed = " ".join(e["h"] for e in mine)
        missing = [h for h in headings if _plain(h) not in _plain(indexed)]
        assert not missing, f"headings missing from the search index: {missing}"
        assert sum(len(e["x"]) for e in mine) > 1000, "the index holds the text, not only the headings"
        assert not any("<svg" in e["x"] or "<path" in e["x"] for e in mine), "no chart markup in the index"


def _markdown(path):
    import nbformat

    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _plain(text: str) -> str:
    return re.sub(r"[`*_]", "", text).strip()


def test_pages_print_without_navigation(site):
    page = (site / f"{NOTEBOOKS[0].stem}.html").read_text()
    rules = page[page.index("@media print"):]
    rules = rules[: rules.index("\n}\n")]
    for hidden in (".toc", ".pager", ".search"):
        assert re.search(rf"{re.escape(hidden)}[^{{]*\{{[^}}]*display: none", rules), f"{hidden} is hidden in print"
    assert "break-inside: avoid" in rules


def test_the_widget_notebook_shows_its_static_fallback(site):
    page = (site / next(p.stem for p in NOTEBOOKS if "bloc" in p.stem)).with_suffix(".html").read_text()
    assert "Error displaying widget" not in page
    static_view = page[page.index('class="worldorder-static-view"'):]
    static_view = static_view[: static_view.index('<div class="output_wrapper">')] if '<div class="output_wrapper">' in static_view else static_view
    assert "<figure" in static_view and "<svg" in static_view, "the explorer's default chart"
    assert "<table" in static_view, "the explorer's defectors table"


def test_links_between_notebooks_point_to_their_pages(site):
    start = (site / f"{NOTEBOOKS[0].stem}.html").read_text()
    assert f'href="{NOTEBOOKS[1].stem}.html"' in start
    assert ".ipynb\"" not in start


def test_every_link_inside_the_book_reaches_a_page_and_heading(site):
    pages = {p.name: p.read_text() for p in site.glob("*.html")}
    # attribute values are read as a browser reads them: entities such as &#x27; decoded
    ids = {name: {html.unescape(i) for i in re.findall(r'\sid="([^"]+)"', text)} for name, text in pages.items()}
    for name, text in pages.items():
        for href in map(html.unescape, re.findall(r'<a [^>]*href="([^"]+)"', text)):
            if re.match(r"[a-z]+:", href):
                continue  # links out of the book (sources) are for the reader to follow, nothing loads them
            file, _, anchor = href.partition("#")
            file = file or name
            assert file in pages, f"{name}: link to a missing page {href}"
            assert not anchor or anchor in ids[file], f"{name}: link to a missing heading {href}"
