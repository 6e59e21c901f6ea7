"""Accessibility, tested in Debian's Chromium: axe-core (npm, injected from disk by `make test`; offline) on every page
of the static book, and chart labels drawn whole (not cut at the edge of an SVG, not run together).

The executed notebook in JupyterLab is checked by tests/test_browser.py (``test_axe_finds_nothing_serious_...``),
which reuses its running JupyterLab. Goal: no serious or critical violation in the project's own content.
"""

import os
import shutil

import pytest

import worldorder as wo
from conftest import REPO
from worldorder import explorer
from worldorder.charts import theme

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = REPO / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")

if not CHROMIUM:
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing in CI: `make test` should have installed it", pytrace=False)
    pytest.skip("Chromium not found: install it (Debian/Ubuntu: apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


def need_axe():
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing in CI: `make test` installs it with npm", pytrace=False)
        pytest.skip("axe-core is not installed: `make test` installs it with npm")


def axe_violations(page, include=None, exclude=()) -> list[str]:
    """Serious and critical axe-core violations on the page (or inside the ``include`` selectors, less the
    ``exclude`` ones), one line each."""
    page.add_script_tag(path=str(AXE))
    context = {"include": [[s] for s in include], "exclude": [[s] for s in exclude]} if include else "document"
    found = page.evaluate("""async ([context]) => {
        const ctx = context === 'document' ? document : context;
        const r = await axe.run(ctx, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""", [context])
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in found if v["impact"] in SERIOUS]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def test_axe_finds_nothing_serious_on_any_page_of_the_static_book(browser, tmp_path_factory):
    need_axe()
    from test_export import build_site

    site = build_site(tmp_path_factory)
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 9, pages
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file://", "data:")) else r.abort())
    page = context.new_page()
    problems = {}
    for path in pages:
        page.goto(path.as_uri())
        found = axe_violations(page)
        if found:
            problems[path.name] = found
    context.close()
    assert not problems, "\n".join(f"{name}: {v}" for name, found in problems.items() for v in found)


def helper_charts() -> dict:
    blocs, votes = ["EU", "NATO", "G7", "BRICS", "AU"], ["A/RES/ES-11/1", "A/RES/ES-11/7"]
    view = explorer.compute_view(blocs, "", votes)
    return {"world map": wo.world_map(wo.vote_table("ES-11/7")), "explorer split": view.charts["split"],
            "cohesion": explorer.compute_view(blocs, "", votes, "cohesion").charts["cohesion"],
            "erosion": wo.erosion_chart(wo.series_totals()),
            "council": wo.council_chart(wo.vote_table("S/RES/2774 (2025)")),
            "small states": wo.small_states_chart(wo.small_states("ES-11/7")), "coverage": wo.coverage_chart(wo.claims())}


def charts_as_svg() -> dict[str, str]:
    return {name: explorer.chart_svg(chart) for name, chart in helper_charts().items()}


def test_axe_finds_nothing_serious_in_the_helpers_charts_as_the_book_shows_them(browser, tmp_path):
    """The static book's figures (an SVG in a figure with the chart's description), checked one page for all: a
    decorative layer (the map's grey land, a heat map's empty cells) is hidden from screen readers."""
    need_axe()
    path = tmp_path / "figures.html"
    figures = "".join(theme.static_figure(chart.to_dict())["text/html"] for chart in helper_charts().values())
    path.write_text(f'<!doctype html><html lang="en"><head><title>figures</title></head><body><main>{figures}'
                    "</main></body></html>")
    page = browser.new_page()
    page.goto(path.as_uri())
    found = axe_violations(page)
    page.close()
    assert not found, "\n".join(found)


def test_static_charts_draw_every_label_whole_inside_the_picture(browser, tmp_path):
    """vl-convert measures the text, the browser draws it: with fonts of different widths, legend labels ran off the
    SVG's edge ("Did not vot", "Not in roll cal") and date ticks ran together ("October2023")."""
    svgs = charts_as_svg()
    page_file = tmp_path / "charts.html"
    page_file.write_text("<!doctype html><html><body>" + "".join(
        f'<section data-name="{name}">{svg}</section>' for name, svg in svgs.items()) + "</body></html>")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(page_file.as_uri())
    problems = page.evaluate("""() => Array.from(document.querySelectorAll('section')).flatMap(section => {
        const svg = section.querySelector('svg'), edge = svg.getBoundingClientRect(), name = section.dataset.name;
        const texts = Array.from(svg.querySelectorAll('text'))  // Vega hides a label that would collide: opacity 0
            .filter(t => t.textContent.trim() && !t.closest('[opacity="0"]'));
        const out = texts.filter(t => { const b = t.getBoundingClientRect();
                                        return b.right > edge.right + 0.5 || b.left < edge.left - 0.5; })
                         .map(t => `${name}: '${t.textContent}' runs off the edge`);
        const boxes = texts.map(t => [t, t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, p] = boxes[i], [b, q] = boxes[j];
            const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1
                         && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
            if (overlap && a.parentNode.parentNode === b.parentNode.parentNode)
                out.push(`${name}: '${a.textContent}' and '${b.textContent}' overlap`);
        }
        return out;
    })""")
    page.close()
    assert not problems, "\n".join(problems)
