"""Export every notebook, executed, to a static book that opens from disk and needs no kernel and no network.

Run ``make html`` (or ``python -m tools.export [--out site]``). Charts are embedded as inline SVG with their
descriptions, rendered offline by vl-convert (``WORLDORDER_STATIC=1`` switches ``wo.setup()`` to it). Every page
carries its own CSS (with print rules), a table of contents and previous/next links. Full-text search runs in
the browser from two local files, ``search-index.js`` (the index, written here) and ``search.js``, loaded with
plain ``<script src>`` so that it also works from ``file://``; no page loads anything from the network.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from pygments.formatters import HtmlFormatter

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
BOOK_TITLE = "The post-war order and the UN votes of 24 February 2025"
SEARCH_JS = Path(__file__).with_name("search.js")

CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; }
nav { border-bottom: 1px solid #ccc; padding-bottom: .5rem; margin-bottom: 1rem; }
pre { background: #f5f5f5; padding: .6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.prompt { display: none; }
.output_area { margin: .5rem 0 1.2rem; }
.table-scroll { overflow-x: auto; } .table-scroll:focus { outline: 2px solid #0072B2; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; }
svg { max-width: 100%; height: auto; }
figure { margin: 0; } figcaption { font-size: .9rem; color: #444; }
body.book { max-width: 78rem; }
.book-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
               border-bottom: 1px solid #ccc; padding-bottom: .5rem; margin-bottom: 1rem; }
.book-title { font-weight: 600; color: inherit; text-decoration: none; }
.search { position: relative; }
.search input { font: inherit; padding: .2rem .4rem; width: 16rem; }
.search-results { list-style: none; padding: 0; margin: .3rem 0; }
.search .search-results:not(:empty) { position: absolute; right: 0; z-index: 2; width: 28rem; max-height: 70vh;
               overflow-y: auto; background: #fff; border: 1px solid #ccc; box-shadow: 0 2px 8px #0003; }
.search-results li { padding: .4rem .6rem; border-bottom: 1px solid #eee; }
.search-results small { display: block; color: #444; }
.layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2rem; }
.toc { border: 0; font-size: .92rem; }
.toc ol { padding-left: 1.2rem; } .toc ol ol { font-size: .88rem; }
.toc [aria-current="page"] { font-weight: 600; }
.pager { display: flex; justify-content: space-between; gap: 1rem; border-top: 1px solid #ccc;
         border-bottom: 1px solid #ccc; padding: .5rem 0; margin: 1rem 0; }
.pager a[rel="next"] { margin-left: auto; text-align: right; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
@media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } .search input { width: 100%; } }
@media print {
  body, body.book { max-width: none; margin: 0; font-size: 11pt; color: #000; }
  .book-header .search, .toc, .pager, .skip, .anchor-link { display: none !important; }
  .layout { display: block; }
  a { color: inherit; }
  pre { white-space: pre-wrap; overflow: visible; border: 1px solid #ccc; background: none; }
  .output_area { overflow: visible; }
  figure, svg, tr, pre { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  h1 { break-before: page; }
}
"""


# Code colours: Pygments' "xcode" is the one style whose every colour keeps WCAG AA contrast (4.5:1) on the grey of
# the code blocks (checked by axe-core in tests/test_a11y.py); the default style's purple and teal do not.
CODE_STYLE = "xcode"
# A wide table scrolls sideways in a box a keyboard can reach (axe-core: scrollable-region-focusable).
TABLE = re.compile(r"(<table\b.*?</table>)", re.S)
TABLE_BOX = '<div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways)">\\1</div>'

# nbconvert embeds SVG as a base64 <img>; inline it so the chart's own title and description reach screen readers.
SVG_IMAGE = re.compile(r'<img [^>]*src="data:image/svg\+xml;base64,([A-Za-z0-9+/=\s]+)"[^>]*>')

NOTEBOOK_LINK = re.compile(r'href="(\d\d-[\w-]+)\.ipynb"')


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def execute_static(path: Path) -> nbformat.NotebookNode:
    """Run a notebook on a fresh kernel with charts rendered as SVG."""
    nb = nbformat.read(path, as_version=4)
    os.environ["WORLDORDER_STATIC"] = "1"
    # The kernel talks over local sockets (IPC) in a private folder, not over TCP: nothing to eavesdrop on, and no
    # "running over TCP without encryption" warning. A kernel manager handed to the client is ours to shut down.
    with tempfile.TemporaryDirectory(prefix="worldorder-kernel-") as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            NotebookClient(nb, km=km, timeout=180, kernel_name="python3", store_widget_state=False,  # no scripts
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            del os.environ["WORLDORDER_STATIC"]
            if km.has_kernel:
                km.shutdown_kernel()
    return nb


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        found = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if found:
            return found.group(1).strip()
    return fallback


def body_html(nb: nbformat.NotebookNode) -> str:
    """The notebook as an HTML fragment (nbconvert's 'basic' template: no scripts, no stylesheets)."""
    body, _ = HTMLExporter(template_name="basic").from_notebook_node(nb)
    body = SVG_IMAGE.sub(lambda m: base64.b64decode(m.group(1)).decode("utf-8"), body)  # any other SVG output
    body = TABLE.sub(TABLE_BOX, body)
    return NOTEBOOK_LINK.sub(r'href="\1.html"', body)  # links between notebooks point to their pages


@dataclass
class Chapter:
    """One notebook in the book: its page, title, HTML body and the headings that split it into sections."""

    path: Path
    title: str
    body: str
    sections: list[dict] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"{self.path.stem}.html"


HEADING = re.compile(r'<h([1-3])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


class _Text(HTMLParser):
    """The visible text of an HTML fragment, without charts (SVG), styles, scripts or heading anchors."""

    SKIP = {"svg", "style", "script"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], []  # the open tags that started a skipped part

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.append(tag)  # the same tag nested: count it to find the right end
        elif tag in self.SKIP or (tag == "a" and ("class", "anchor-link") in attrs):
            self.skipping.append(tag)
        elif tag in {"p", "div", "li", "tr", "td", "th", "br", "pre", "h1", "h2", "h3", "h4"}:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def split_sections(title: str, body: str) -> list[dict]:
    """The page cut at its h1-h3 headings: one search entry per section (anchor, heading, level, text)."""
    heads = list(HEADING.finditer(body))
    sections = [{"a": "", "h": title, "l": 1, "x": plain_text(body[: heads[0].start()] if heads else body)}]
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
        heading = plain_text(m.group(3))
        if i == 0 and int(m.group(1)) == 1:
            sections = []  # the page's own title heading opens the first section
        sections.append({"a": html.unescape(m.group(2)), "h": heading, "l": int(m.group(1)),
                         "x": plain_text(body[m.end():end])})
    return [s for s in sections if s["h"] or s["x"]]


def toc(chapters: list[Chapter], current: Chapter | None = None, depth: int = 2) -> str:
    """The book's contents: every chapter, with the current one's sections (or all of them on the index)."""
    items = []
    for ch in chapters:
        here = ' aria-current="page"' if ch is current else ""
        sub = ""
        if current is None or ch is current:
            subs = [s for s in ch.sections if 1 < s["l"] <= depth]
            if subs:
                sub = "<ol>" + "".join(f'<li><a href="{ch.page}#{html.escape(s["a"])}">{html.escape(s["h"])}</a></li>'
                                       for s in subs) + "</ol>"
        items.append(f'<li><a href="{ch.page}"{here}>{html.escape(ch.title)}</a>{sub}</li>')
    return "<ol>" + "".join(items) + "</ol>"


def pager(prev: tuple[str, str] | None, nxt: tuple[str, str] | None) -> str:
    links = []
    if prev:
        links.append(f'<a rel="prev" href="{prev[0]}">← {html.escape(prev[1])}</a>')
    if nxt:
        links.append(f'<a rel="next" href="{nxt[0]}">{html.escape(nxt[1])} →</a>')
    return f'<nav class="pager" aria-label="Previous and next">{"".join(links)}</nav>'


SEARCH_FORM = ('<form class="search" role="search" action="search.html" method="get">'
               '<label for="search-q">Search the book</label> '
               '<input id="search-q" name="q" type="search" autocomplete="off" placeholder="a word or phrase"> '
               '<button type="submit">Search</button>'
               '<ol class="search-results" aria-live="polite"></ol></form>')


def page(title: str, body: str, contents: str = "", prev=None, nxt=None) -> str:
    style = CSS + HtmlFormatter(style=CODE_STYLE).get_style_defs(".highlight")
    pages = pager(prev, nxt) if (prev or nxt) else ""
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n<body class=\"book\">\n"
            f'<a class="skip" href="#content">Skip to the text</a>\n'
            f'<header class="book-header"><a class="book-title" href="index.html">{html.escape(BOOK_TITLE)}</a>'
            f"{SEARCH_FORM}</header>\n<div class=\"layout\">\n"
            f'<nav class="toc" aria-label="Contents"><h2>Contents</h2>{contents}</nav>\n'
            f'<main id="content">\n{pages}\n{body}\n{pages}\n</main>\n</div>\n'
            f'<script src="search-index.js"></script>\n<script src="search.js"></script>\n</body>\n</html>\n')


def search_index(chapters: list[Chapter]) -> str:
    """The index as a script that sets one global (a JSON file cannot be read from file:// pages)."""
    entries = [{"p": ch.page, "t": ch.title, **s} for ch in chapters for s in ch.sections]
    return "window.BOOK_SEARCH_INDEX = " + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def export_all(out: Path) -> list[Path]:
    """Write the book: an index page, one page per notebook in order, a search page and the search files."""
    out.mkdir(parents=True, exist_ok=True)
    chapters = []
    for path in notebook_paths():
        nb = execute_static(path)
        title = notebook_title(nb, path.stem)
        body = body_html(nb)
        chapters.append(Chapter(path, title, body, split_sections(title, body)))
    written = []
    home = ("index.html", "Contents")
    for i, ch in enumerate(chapters):
        prev = (chapters[i - 1].page, chapters[i - 1].title) if i else home
        nxt = (chapters[i + 1].page, chapters[i + 1].title) if i + 1 < len(chapters) else None
        target = out / ch.page
        target.write_text(page(ch.title, ch.body, toc(chapters, ch), prev, nxt), encoding="utf-8")
        written.append(target)
    first = (chapters[0].page, chapters[0].title) if chapters else None
    index = (f"<h1>{html.escape(BOOK_TITLE)}</h1>\n"
             "<p>The notebooks, executed, as a book: work through the chapters in order, or search them with the "
             "box above. Every page opens from disk and loads nothing from the network.</p>\n"
             f'<nav aria-label="Chapters" class="book-toc">{toc(chapters, None)}</nav>')
    (out / "index.html").write_text(page("Contents · " + BOOK_TITLE, index, toc(chapters, None, depth=1),
                                         None, first), encoding="utf-8")
    search = ('<h1>Search</h1>\n<noscript><p>Search needs JavaScript; use the contents instead.</p></noscript>\n'
              '<p id="search-status" aria-live="polite"></p>\n<ol id="search-page-results" class="search-results"></ol>')
    (out / "search.html").write_text(page("Search · " + BOOK_TITLE, search, toc(chapters, None, depth=1)),
                                     encoding="utf-8")
    (out / "search-index.js").write_text(search_index(chapters), encoding="utf-8")
    (out / "search.js").write_text(SEARCH_JS.read_text(encoding="utf-8"), encoding="utf-8")
    return [out / "index.html", *written, out / "search.html", out / "search-index.js", out / "search.js"]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "site", help="folder for the pages (site/)")
    for path in export_all(parser.parse_args(argv).out):
        print(path)


if __name__ == "__main__":
    main()
