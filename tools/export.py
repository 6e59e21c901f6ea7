"""Export every notebook, executed, to static HTML pages that need no kernel and no network.

Run ``make html`` (or ``python -m tools.export [--out site]``). Charts are embedded as inline
SVG, rendered offline by vl-convert (``WORLDORDER_STATIC=1`` switches ``wo.setup()`` to it); the
pages carry their own CSS and load no script or stylesheet.
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from pygments.formatters import HtmlFormatter

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"

CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; }
nav { border-bottom: 1px solid #ccc; padding-bottom: .5rem; margin-bottom: 1rem; }
pre { background: #f5f5f5; padding: .6rem; overflow-x: auto; }
.prompt { display: none; }
.output_area { overflow-x: auto; margin: .5rem 0 1.2rem; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; }
svg { max-width: 100%; height: auto; }
figure { margin: 0; } figcaption { font-size: .9rem; color: #444; }
"""


# nbconvert embeds SVG as a base64 <img>; inline it so the chart's own title and description reach screen readers.
SVG_IMAGE = re.compile(r'<img [^>]*src="data:image/svg\+xml;base64,([A-Za-z0-9+/=\s]+)"[^>]*>')

NOTEBOOK_LINK = re.compile(r'href="(\d\d-[\w-]+)\.ipynb"')


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def execute_static(path: Path) -> nbformat.NotebookNode:
    """Run a notebook on a fresh kernel with charts rendered as SVG."""
    nb = nbformat.read(path, as_version=4)
    os.environ["WORLDORDER_STATIC"] = "1"
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3", store_widget_state=False,  # live widgets need scripts
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        del os.environ["WORLDORDER_STATIC"]
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
    return NOTEBOOK_LINK.sub(r'href="\1.html"', body)  # links between notebooks point to their pages


def page(title: str, body: str, nav: str) -> str:
    style = CSS + HtmlFormatter().get_style_defs(".highlight")
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{html.escape(title)}</title>\n"
            f"<style>{style}</style>\n</head>\n<body>\n<nav>{nav}</nav>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


def export_all(out: Path) -> list[Path]:
    """Write one page per notebook and an index page linking them in order; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written, entries = [], []
    for path in notebook_paths():
        nb = execute_static(path)
        title = notebook_title(nb, path.stem)
        target = out / f"{path.stem}.html"
        target.write_text(page(title, body_html(nb), '<a href="index.html">All notebooks</a>'), encoding="utf-8")
        written.append(target)
        entries.append(f'<li><a href="{target.name}">{html.escape(title)}</a> <small>({path.name})</small></li>')
    index = ("<h1>The post-war order and the UN votes of 24 February 2025</h1>\n"
             "<p>The notebooks, executed, as static pages. Work through them in order.</p>\n"
             f"<ol>\n{chr(10).join(entries)}\n</ol>")
    (out / "index.html").write_text(page("Notebooks", index, "Static export"), encoding="utf-8")
    return [out / "index.html", *written]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "site", help="folder for the pages (site/)")
    for path in export_all(parser.parse_args(argv).out):
        print(path)


if __name__ == "__main__":
    main()
