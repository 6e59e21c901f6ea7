"""`make html`: every notebook as a static page with its charts, loading nothing from the network."""

import re

import pytest

from tools import export

NOTEBOOKS = export.notebook_paths()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    export.export_all(out)
    return out


def test_an_index_links_every_page_in_order(site):
    index = (site / "index.html").read_text()
    links = re.findall(r'<a href="([^"]+\.html)">', index)
    assert links == [f"{p.stem}.html" for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_page_holds_its_charts_as_described_svg(site, path):
    page = (site / f"{path.stem}.html").read_text()
    figures = re.findall(r'<figure [^>]*aria-label="([^"]*)"[^>]*>\s*<svg', page)
    assert figures, "no chart on the page"
    assert all(label.strip() for label in figures), "a chart without a description"
    assert "output_error" not in page and "Traceback (most recent call last)" not in page


@pytest.mark.parametrize("name", ["index", *[p.stem for p in NOTEBOOKS]])
def test_pages_load_nothing_from_the_network(site, name):
    page = (site / f"{name}.html").read_text()
    assert not re.search(r"<script\b", page, re.I), "a page must not need scripts"
    assert not re.search(r"<link\b[^>]*href=", page, re.I), "styles are inline"
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.replace('xmlns="http', "")), "no remote resource"


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
