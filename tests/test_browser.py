"""End to end: JupyterLab started as the README says, driven in headless Chromium by Playwright; and the
static book (`make html`) opened from disk.

`make lab` runs in a scratch copy of the project (its own git repository), so the learner's copies it makes in
my-work/ and what the test saves there never touch the developer's checkout.

Needs Debian's Chromium (`make test` installs it where apt is available). Without it the tests are
skipped, except in CI (CI=true), where a missing browser is a failure.
"""

import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
BLOC_NOTEBOOK = next((p for p in NOTEBOOKS if "bloc" in p.stem), None)
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"]
# The test's own user settings (a fresh folder, not ~/.jupyter). Everything else, the news setting and autosave
# included, is what a learner gets: JupyterLab's defaults plus the project's tools/jupyterlab/overrides.json.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},  # keep every cell in the page
}
NEWS = re.compile(r"official Jupyter news", re.I)
PROJECT_FILES = ("Makefile", "requirements.txt", "pyproject.toml")
VEGA_OUTPUT = ".jp-OutputArea-output.jp-RenderedVegaLite"

if not CHROMIUM:
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing in CI: `make test` should have installed it", pytrace=False)
    pytest.skip("Chromium not found: install it (Debian/Ubuntu: apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def classroom(tmp_path_factory) -> Path:
    """A fresh clone as a class gets it: the files `make lab` reads, committed in a git repository of their own."""
    root = tmp_path_factory.mktemp("classroom")
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, root / name)  # keep mtimes: the installed .venv stays up to date
    for folder in ("notebooks", "tools"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    (root / ".gitignore").write_text((REPO / ".gitignore").read_text())
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-qm", "the set")
    return root


def git(root: Path, *args) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def lab(tmp_path_factory, classroom):
    """JupyterLab started with `make lab` (the README's command) on a free port. Yields the URL `make lab` asks the
    learner's browser to open: JupyterLab is told to "open a browser" with a command that only prints the URL."""
    settings = tmp_path_factory.mktemp("lab-settings")
    for plugin, values in LAB_SETTINGS.items():
        path = settings / f"{plugin.replace(':', '/')}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("workspaces"))}
    port = free_port()
    args = (f"--ServerApp.port={port} --ServerApp.port_retries=0 --ServerApp.open_browser=True "
            "--ServerApp.browser='echo BROWSER-OPENS %s'")
    server = subprocess.Popen(["make", "-C", str(classroom), "lab", f"VENV={sys.prefix}", f"LAB_ARGS={args}"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    url = wait_for_url(server, port)
    yield url
    os.killpg(server.pid, 15)
    server.wait(timeout=30)
    server.reader.join(timeout=10)  # it stops at the end of the output
    server.stdout.close()


def wait_for_url(server, port, timeout=90) -> str:
    """The URL the learner's browser is sent to: JupyterLab hands the browser a local page that redirects there."""
    found, log = [], []

    def read():
        for line in server.stdout:
            log.append(line)
            match = re.search(r"BROWSER-OPENS (file://\S+)", line)
            if match and not found:
                found.append(match.group(1))

    server.reader = threading.Thread(target=read, daemon=True)
    server.reader.start()
    deadline = time.time() + timeout
    while not found and time.time() < deadline and server.poll() is None:
        time.sleep(0.2)
    assert found, "JupyterLab did not start:\n" + "".join(log[-30:])
    redirect = Path(unquote(urlparse(found[0]).path)).read_text()
    url = html.unescape(re.search(r'<a href="([^"]+)"', redirect).group(1))
    assert re.match(rf"http://127\.0\.0\.1:{port}/", url) and "token=" in url, url
    return url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def notebook_url(lab_url: str, relpath: str) -> str:
    base, token = re.fullmatch(r"(http://[^/]+)/lab\S*\?token=(\w+)", lab_url).groups()
    return f"{base}/lab/tree/{relpath}?reset&token={token}"


def mine(path: Path) -> str:
    """The learner's copy of a notebook, as `make lab` makes it."""
    return f"my-work/{path.name}"


def run_all(page, timeout_s=120):
    """Open the Run menu, run every cell, and wait until each code cell has an execution count."""
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.get_by_text(re.compile(r"\|\s*Idle\s*$")).first.wait_for(timeout=60_000)  # kernel connected and idle
    page.wait_for_timeout(1000)
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in prompts):
            page.wait_for_timeout(1500)  # let the last charts draw
            return len(prompts)
        page.wait_for_timeout(500)
    raise AssertionError(f"cells still running after {timeout_s} s: {prompts}")


def assert_clean_run(page, name):
    errors = page.locator(".jp-OutputArea-output", has_text=re.compile("Traceback|Error displaying widget"))
    assert errors.count() == 0, f"{name}: {errors.first.inner_text()[:500]}"
    charts = page.locator(VEGA_OUTPUT)
    assert charts.count() > 0, f"{name}: no chart output"
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg, canvas").count() > 0, f"{name}: chart {i} did not render"


def open_and_run(browser, lab, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(notebook_url(lab, mine(path)))
    run_all(page)
    return page


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p != BLOC_NOTEBOOK], ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab_and_every_chart_renders(browser, lab, path):
    page = open_and_run(browser, lab, path)
    assert_clean_run(page, path.name)
    page.close()


def wait_for_notebook(page):
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.get_by_text(re.compile(r"\|\s*Idle\s*$")).first.wait_for(timeout=60_000)  # kernel connected and idle


def test_make_lab_opens_the_learners_copy_with_no_news_popup(browser, lab, classroom):
    assert re.search(r"/lab/tree/my-work/00-start-here\.ipynb\?token=", lab), f"make lab opens {lab}"
    assert sorted(p.name for p in (classroom / "my-work").glob("*.ipynb")) == [p.name for p in NOTEBOOKS]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(lab.replace("?token=", "?reset&token="))  # a first visit: the earlier tests' open tabs are forgotten
    wait_for_notebook(page)
    assert page.locator(".jp-Notebook .jp-Cell").first.is_visible()
    assert page.locator(".lm-TabBar-tab.lm-mod-current", has_text="00-start-here.ipynb").count() >= 1
    listing = page.locator(".jp-FileBrowser .jp-DirListing-item .jp-DirListing-itemText")
    listing.first.wait_for(timeout=30_000)
    crumbs = page.locator(".jp-FileBrowser .jp-BreadCrumbs").inner_text()
    assert "my-work" in crumbs, f"the file browser shows {crumbs!r}, not the learner's notebooks folder"
    names = listing.all_inner_texts()
    assert all(p.name in names for p in NOTEBOOKS), f"the file browser lists {names}"
    page.wait_for_timeout(4000)  # JupyterLab asks about news right after it has started, when it asks at all
    assert page.get_by_text(NEWS).count() == 0, "the news pop-up appeared"
    page.close()


def test_a_learner_edits_runs_and_saves_their_copy_and_notebooks_stay_clean(browser, lab, classroom):
    copy = classroom / "my-work" / NOTEBOOKS[0].name
    before = copy.read_text()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(notebook_url(lab, mine(NOTEBOOKS[0])))
    wait_for_notebook(page)
    cell = page.locator(".jp-Notebook .jp-CodeCell").first
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type("learner_note = 6 * 7")
    page.keyboard.press("Enter")
    page.keyboard.type("learner_note + 4200")
    page.keyboard.press("Shift+Enter")
    cell.locator(".jp-OutputArea-output", has_text="4242").wait_for(timeout=60_000)
    page.keyboard.press("Control+s")
    deadline = time.time() + 20
    while time.time() < deadline and "learner_note + 4200" not in copy.read_text():
        time.sleep(0.3)
    saved = json.loads(copy.read_text())
    assert copy.read_text() != before
    edited = [c for c in saved["cells"] if "learner_note + 4200" in "".join(c["source"])]
    assert edited, "the edited cell was not saved to my-work/"
    assert "4242" in json.dumps(edited[0]["outputs"]), "its output was not saved with it"
    assert git(classroom, "status", "--porcelain", "notebooks/") == ""
    assert git(classroom, "status", "--porcelain") == "", "git pull would meet changed or new files"
    page.close()


def test_make_lab_refuses_to_save_into_the_class_notebooks(browser, lab, classroom):
    original = (classroom / "notebooks" / NOTEBOOKS[0].name).read_bytes()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(notebook_url(lab, f"notebooks/{NOTEBOOKS[0].name}"))
    wait_for_notebook(page)
    page.locator(".jp-Notebook .jp-CodeCell .cm-content").first.click()
    page.keyboard.type("# an edit in the class copy ")
    page.keyboard.press("Control+s")
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=20_000)
    assert f"my-work/{NOTEBOOKS[0].name}" in dialog.inner_text(), dialog.inner_text()
    page.close()
    assert (classroom / "notebooks" / NOTEBOOKS[0].name).read_bytes() == original
    assert git(classroom, "status", "--porcelain") == ""


@pytest.fixture(scope="module")
def bloc_page(browser, lab):
    """The bloc notebook, run once in JupyterLab for the tests that look at its widgets."""
    if BLOC_NOTEBOOK is None:
        pytest.skip("the bloc notebook is not there yet")
    page = open_and_run(browser, lab, BLOC_NOTEBOOK)
    yield page
    page.close()


def test_bloc_widgets_render_and_respond(bloc_page):
    page = bloc_page
    assert_clean_run(page, BLOC_NOTEBOOK.name)
    text = page.locator(".jp-Notebook").inner_text()
    assert "Error displaying widget" not in text and "model not found" not in text
    select = page.locator(".jp-OutputArea-output select[multiple]").first
    assert select.count() == 1, "the bloc selector did not render"
    widget = page.locator(".jp-OutputArea-output .worldorder-explorer").first
    chart = widget.locator(".worldorder-chart").first  # worldorder.chartview: drawn once, then its data swapped in
    svg = chart.locator("svg[aria-label]:visible").first
    svg.wait_for(timeout=30_000)
    drawn = chart.get_attribute("data-drawn")
    bars = svg.locator("path[aria-roledescription='bar']").count()
    chosen = select.evaluate("s => Array.from(s.selectedOptions).map(o => o.value)")
    extra = select.evaluate("s => Array.from(s.options).map(o => o.value).find(v => /African Group|WEOG/.test(v))")
    select.select_option(chosen + [extra])
    page.wait_for_function("([el, n]) => el.dataset.drawn !== n", arg=[chart.element_handle(), drawn],
                           timeout=20_000)
    assert chart.locator("svg").count() == 1, "adding a bloc drew a second chart instead of updating the first"
    assert svg.locator("path[aria-roledescription='bar']").count() > bars, "the chart gained no bars for the bloc"
    assert extra.split(" (")[0] in svg.inner_html(), "the new bloc is not on the chart"
    caption = chart.locator(".worldorder-chart-caption").inner_text()
    assert caption.startswith("The most divided was") and svg.get_attribute("aria-label") == caption
    measure = widget.locator(".widget-toggle-button", has_text="Cohesion")
    drawn = chart.get_attribute("data-drawn")
    measure.click()
    page.wait_for_function("([el, n]) => el.dataset.drawn !== n", arg=[chart.element_handle(), drawn],
                           timeout=20_000)
    assert chart.locator("svg:visible").count() == 1 and "Cohesion" in chart.locator("svg:visible").inner_html()
    problem = chart.locator(".worldorder-chart-problem")
    assert problem.is_hidden(), problem.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{BLOC_NOTEBOOK.stem}.png"
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(shot))
    assert_not_blank(shot)


def test_no_explorer_button_label_is_truncated(bloc_page):
    buttons = bloc_page.locator(".jp-OutputArea-output .widget-toggle-button, .jp-OutputArea-output button.jupyter-button")
    assert buttons.count() > 0, "the explorer shows no buttons"
    cut = buttons.evaluate_all("""bs => bs.filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
                                          .map(b => `${b.innerText.trim()} (${b.scrollWidth} > ${b.clientWidth} px)`)""")
    assert not cut, f"labels cut short at 1400 px: {cut}"


def test_axe_finds_nothing_serious_in_the_executed_notebooks_own_content(bloc_page):
    """axe-core (tests/test_a11y.py) on what the project puts in JupyterLab: rendered markdown and every output
    (charts, tables, the explorer's widgets). JupyterLab's own menus and panels, and the chart renderer's action
    menu, are out of scope (README)."""
    from test_a11y import axe_violations, need_axe

    need_axe()
    found = axe_violations(bloc_page, include=[".jp-Notebook .jp-MarkdownCell .jp-RenderedMarkdown",
                                               ".jp-Notebook .jp-OutputArea-output"],
                           exclude=[".vega-embed > details"])  # the Vega renderer's own "..." menu: JupyterLab's
    assert not found, "\n".join(found)


def test_every_explorer_label_and_chosen_title_is_shown_whole(bloc_page):
    labels = bloc_page.locator(".jp-OutputArea-output .widget-label, .jp-OutputArea-output .worldorder-chosen li")
    assert labels.count() > 0, "the explorer shows no labels"
    cut = labels.evaluate_all("""ls => ls.filter(l => l.offsetParent !== null && l.scrollWidth > l.clientWidth + 1)
                                         .map(l => `${l.innerText.trim()} (${l.scrollWidth} > ${l.clientWidth} px)`)""")
    assert not cut, f"labels cut short at 1400 px: {cut}"


def assert_not_blank(png: Path):
    from PIL import Image

    image = Image.open(png).convert("L")
    low, high = image.getextrema()
    assert high - low > 100, "the screenshot is blank"
    assert len(image.resize((64, 64)).getcolors(maxcolors=4096)) > 20, "the screenshot has almost no content"


def unique_heading() -> tuple[Path, str]:
    """A section heading that only one notebook has, read now (the notebooks change): the phrase to search for.
    A notebook past the first is preferred, so that finding it is not the search's first page by chance."""
    headings = {}
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text())
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        headings[path] = [re.sub(r"^[\d.·\s]+", "", h).strip(" `*") for h in re.findall(r"^#{2,3} (.+)$", text, re.M)]
    everywhere = [h for hs in headings.values() for h in hs]
    for path in [*NOTEBOOKS[2:], *NOTEBOOKS[:2]]:
        for heading in headings[path]:
            if len(heading.split()) >= 3 and everywhere.count(heading) == 1 and not re.search(r"[`*_\[]", heading):
                return path, heading
    pytest.fail("no notebook has a heading of its own to search for")


@pytest.fixture
def book(tmp_path_factory, browser):
    """The static book (built once per session, shared with test_export), with every request the pages make."""
    from test_export import build_site

    site = build_site(tmp_path_factory)
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    requests = []

    def route(r):
        requests.append(r.request.url)
        return r.continue_() if r.request.url.startswith("file://") else r.abort()

    context.route("**/*", route)
    context.on("request", lambda req: requests.append(req.url))
    page = context.new_page()
    yield site, page, requests
    context.close()


def test_the_book_searches_links_and_stays_on_disk(book):
    site, page, requests = book
    target, phrase = unique_heading()
    page.goto((site / "index.html").as_uri())
    box = page.locator("form.search input[name=q]")
    box.fill(phrase)  # results appear as one types
    first = page.locator("form.search .search-results li a").first
    first.wait_for(timeout=10_000)
    assert first.get_attribute("href").startswith(f"{target.stem}.html"), f"{phrase!r}: {first.get_attribute('href')}"
    first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(target.stem)}\.html(#.*)?$"))
    assert page.locator("main h2, main h3").filter(has_text=phrase).count() >= 1

    box = page.locator("form.search input[name=q]")  # Enter opens the search page with every result
    box.fill(phrase)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    results = page.locator("#search-page-results li a")
    results.first.wait_for(timeout=10_000)
    assert results.first.get_attribute("href").startswith(f"{target.stem}.html")
    assert "match" in page.locator("#search-status").inner_text()
    page.locator("form.search input[name=q]").fill("zzqx nowhere in the book")
    page.locator("form.search input[name=q]").press("Enter")
    page.wait_for_selector("#search-status:has-text('Nothing found')")

    page.goto((site / "index.html").as_uri())  # next all the way, then previous all the way back
    for path in NOTEBOOKS:
        page.locator('a[rel="next"]').first.click()
        page.wait_for_url(re.compile(rf"/{re.escape(path.stem)}\.html$"))
        assert page.locator("main h1").count() >= 1
    assert page.locator('a[rel="next"]').count() == 0, "the last chapter has no next page"
    for path in reversed(NOTEBOOKS[:-1]):
        page.locator('a[rel="prev"]').first.click()
        page.wait_for_url(re.compile(rf"/{re.escape(path.stem)}\.html$"))
    page.locator('a[rel="prev"]').first.click()
    page.wait_for_url(re.compile(r"/index\.html$"))

    page.locator(".toc a", has_text=re.compile(re.escape(target.stem[:2]) + " ·")).first.click()  # the contents
    page.wait_for_url(re.compile(rf"/{re.escape(target.stem)}\.html$"))
    assert page.locator('.toc [aria-current="page"]').inner_text().startswith(target.stem[:2])

    assert requests, "no request was recorded"
    outside = sorted({u for u in requests if not u.startswith(("file://", "data:", "about:"))})
    assert not outside, f"the book reached outside the folder: {outside[:5]}"
