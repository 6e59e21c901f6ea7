"""The class server as a class uses it: `make hub` with a class list of a teacher and four students, three of whom
sign up, are approved by the teacher, log in at the same time in headless Chromium, run notebook 03, use notebook
05's explorer, edit and save; each sees only their own files, and is refused another's server, another's files
and the teacher's; the teacher's gradebook (`make hub-grade`) lists everyone, the fourth student "not started";
the hub stops leaving no process behind, and the Unix users and homes made for the test are removed.

Needs root (the hub makes a Unix user per student), Debian's Chromium and /usr/bin/python3; skipped with a message
otherwise (in CI, where `make test` runs as root and installs Chromium, a missing piece is a failure). Everything
listens on 127.0.0.1 only. WORLDORDER_TEST_HUB_PREFIX keeps the students' environment between runs (a developer's
shortcut: the environment is otherwise built afresh, about a minute with pip's cache warm).
"""

import asyncio
import csv
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO
from tools.classhub import free_ports

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"]
NB03 = next(p.name for p in (REPO / "notebooks").glob("03-*.ipynb"))
NB05 = next(p.name for p in (REPO / "notebooks").glob("05-*.ipynb"))
VEGA_OUTPUT = ".jp-OutputArea-output.jp-RenderedVegaLite"
ARTIFACTS = REPO / "test-artifacts"
MEM_LIMIT = 1024**3  # what `make hub` sets by default (MEM_LIMIT=1G)


def _missing() -> str:
    if os.geteuid() != 0:
        return "needs root: the hub makes a Unix user for each student (run `make test` as root, as CI does)"
    if not CHROMIUM:
        return "Chromium not found: install it (Debian/Ubuntu: apt-get install chromium)"
    if not Path("/usr/bin/python3").exists():
        return "/usr/bin/python3 not found: the students' environment is made with the system's Python"
    if not (REPO / "hub" / "node_modules" / ".bin" / "configurable-http-proxy").exists() or not shutil.which(
            "jupyterhub", path=str(Path(sys.prefix) / "bin")):
        return "the hub's tools are not installed: run `make hub-tools` (make test does)"
    return ""


if _missing():
    if os.environ.get("CI"):
        pytest.fail(f"the class test cannot run in CI: {_missing()}", pytrace=False)
    pytest.skip(_missing(), allow_module_level=True)

from playwright.async_api import async_playwright  # noqa: E402


class Hub:
    def __init__(self):
        tag = secrets.token_hex(2)
        self.teacher = f"wot{tag}t"
        self.students = [f"wot{tag}{x}" for x in "abc"]
        self.never = f"wot{tag}n"  # on the class list, never logs in
        self.outsider = f"wot{tag}x"  # not on the class list
        self.passwords = {name: f"pw-{secrets.token_hex(8)}" for name in [self.teacher, *self.students, self.outsider]}
        kept = os.environ.get("WORLDORDER_TEST_HUB_PREFIX")
        self.scratch = Path(tempfile.mkdtemp(prefix="worldorder-hub-test-", dir="/tmp"))
        os.chmod(self.scratch, 0o755)
        self.prefix = Path(kept) if kept else self.scratch / "srv"
        self.class_list = self.scratch / "class.csv"
        self.exchange = self.scratch / "exchange"  # nbgrader's (/srv/nbgrader/exchange in a real class)
        self.class_list.write_text("username,role\n" + f"{self.teacher},teacher\n"
                                   + "".join(f"{n},student\n" for n in [*self.students, self.never]))
        self.port = free_ports()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = self.scratch / "hub.log"
        self.groups_before = {g.gr_name for g in grp.getgrall()}
        self.process = None

    def forbidden(self, name: str, other: str) -> list[str]:
        """What student ``name`` must not read: another's notebook, a solution, the teaching notes."""
        solution = sorted((self.prefix / "teacher" / "solutions").glob("*.py"))[0]
        return [str(Path(pwd.getpwnam(other).pw_dir) / "worldorder" / NB03), str(solution),
                str(self.prefix / "teacher" / "TEACHING.md")]

    @property
    def members(self):
        return [self.teacher, *self.students, self.never]

    def make(self, target: str, **kwargs):
        return ["make", "-C", str(REPO), target, f"VENV={sys.prefix}", f"HUB_PREFIX={self.prefix}",
                f"CLASS_LIST={self.class_list}", f"HUB_PORT={self.port}",
                f"HUB_EXCHANGE={self.exchange}", *[f"{k}={v}" for k, v in kwargs.items()]]

    def start(self):
        self.process = subprocess.Popen(self.make("hub"), stdout=self.log.open("w"), stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.time() + 420  # the students' environment is built on the first run
        while time.time() < deadline:
            assert self.process.poll() is None, "make hub stopped:\n" + self.tail()
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=5) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                pass
            time.sleep(1)
        raise AssertionError("the hub did not start:\n" + self.tail())

    def tail(self, lines=60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def hub_pid(self) -> int:
        return int((self.prefix / "hub" / "jupyterhub.pid").read_text())

    def stop(self):
        if self.process and self.process.poll() is None:
            try:
                os.kill(self.hub_pid(), signal.SIGTERM)
            except (OSError, ValueError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)

    def remove(self):
        for name in [*self.members, self.outsider]:
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            for pid in processes_of(name):
                os.kill(pid, signal.SIGKILL)
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        for group in ("worldorder-class", "worldorder-teachers"):
            if group not in self.groups_before:
                subprocess.run(["groupdel", group], capture_output=True)
        if os.environ.get("WORLDORDER_TEST_HUB_PREFIX"):
            for name in ("hub", "teacher", "class"):
                shutil.rmtree(self.prefix / name, ignore_errors=True)
        shutil.rmtree(self.scratch, ignore_errors=True)


def processes_of(name: str) -> list[int]:
    uid = pwd.getpwnam(name).pw_uid
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def all_pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _session(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[3])
    except (OSError, IndexError, ValueError):
        return None


def settings_for_the_test(hub: Hub):
    """The test's own JupyterLab setting for each student (every cell kept in the page, as test_browser does)."""
    for name in hub.students:
        user = pwd.getpwnam(name)
        folder = Path(user.pw_dir) / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
        for path in [folder, *folder.parents]:
            if path == Path(user.pw_dir):
                break
            os.chown(path, user.pw_uid, user.pw_gid)
        os.chown(folder / "tracker.jupyterlab-settings", user.pw_uid, user.pw_gid)


@pytest.fixture(scope="module")
def hub():
    hub = Hub()
    try:
        hub.start()
        settings_for_the_test(hub)
        yield hub
    finally:
        hub.stop()
        hub.remove()


@pytest.fixture(scope="module")
def day(hub):
    """The class's session: sign-ups, approval, then three students at once. Returns what each student saw."""
    return asyncio.run(class_session(hub))


# ---------------------------------------------------------------- the browser side

async def sign_up(page, hub, name):
    await page.goto(f"{hub.url}/hub/signup")
    await page.fill("#username_input", name)
    await page.fill("#password_input", hub.passwords[name])
    await page.fill("#password_confirmation_input", hub.passwords[name])
    await page.click("#signup_submit")
    return await page.locator(".alert").first.inner_text()


async def log_in(page, hub, name):
    await page.goto(f"{hub.url}/hub/login")
    await page.fill("#username_input", name)
    await page.fill("#password_input", hub.passwords[name])
    await page.click("#login_submit")


async def run_all(page, timeout_s=240):
    await page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    await page.get_by_text(re.compile(r"\|\s*Idle\s*$")).first.wait_for(timeout=120_000)
    await page.wait_for_timeout(1000)
    await page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    await page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    deadline = time.time() + timeout_s
    prompts = []
    while time.time() < deadline:
        prompts = await page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in prompts):
            await page.wait_for_timeout(1500)
            return
        await page.wait_for_timeout(500)
    raise AssertionError(f"cells still running after {timeout_s} s: {prompts}")


async def errors_and_charts(page) -> tuple[list[str], int]:
    errors = page.locator(".jp-OutputArea-output", has_text=re.compile("Traceback|Error displaying widget"))
    charts = await page.locator(VEGA_OUTPUT + " svg, " + VEGA_OUTPUT + " canvas").count()
    return [t[:300] for t in await errors.all_inner_texts()], charts


async def add_cell_and_run(page, lines: list[str]) -> str:
    """A new code cell at the end of the notebook, typed line by line and run as a learner does; its output."""
    await page.locator(".jp-Notebook .jp-Cell").last.click()
    await page.keyboard.press("Escape")
    await page.keyboard.press("b")
    editor = page.locator(".jp-Notebook .jp-Cell.jp-mod-active .cm-content")
    await editor.click()
    for i, line in enumerate(lines):
        if i:
            await page.keyboard.press("Enter")
        await page.keyboard.type(line)
    await page.keyboard.press("Control+Enter")  # run in place: no new cell below
    output = page.locator(".jp-Notebook .jp-CodeCell").last.locator(".jp-OutputArea-output")
    try:
        await output.first.wait_for(timeout=60_000)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=str(ARTIFACTS / "hub-new-cell.png"))
        raise
    return await output.first.inner_text()


async def save(page, path: Path, marker: str):
    await page.keyboard.press("Control+s")
    deadline = time.time() + 30
    while time.time() < deadline:
        if path.exists() and marker in path.read_text():
            return
        await asyncio.sleep(0.3)
    raise AssertionError(f"{path} was not saved with {marker!r}")


async def student_session(browser, hub, name, other) -> dict:
    seen = {"name": name}
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await log_in(page, hub, name)
    await page.wait_for_url(re.compile(rf"/user/{name}/lab"), timeout=180_000)
    seen["landed"] = page.url

    # each student's own files, through their own server
    listing = await context.request.get(f"{hub.url}/user/{name}/api/contents/")
    seen["listing"] = sorted(i["name"] for i in (await listing.json())["content"])
    # another student's server and files: refused
    theirs = await context.request.get(f"{hub.url}/user/{other}/api/contents/", max_redirects=10)
    seen["other_server"] = theirs.status
    seen["other_server_text"] = (await theirs.text())[:2000]
    escape = await context.request.get(f"{hub.url}/user/{name}/api/contents/..%2F{other}")
    seen["escape"] = escape.status

    # notebook 03, run top to bottom, then a cell of the student's own that reaches for others' files
    await page.goto(f"{hub.url}/user/{name}/lab/tree/{NB03}?reset")
    await run_all(page)
    seen["03"] = await errors_and_charts(page)
    marker = f"mine-{secrets.token_hex(3)}"
    probe = [  # one statement a line: the editor's auto-indent cannot change what is typed
        f"note = {marker!r}",
        f"paths = {hub.forbidden(name, other)!r}",
        'exec("for p in paths:\\n    try:\\n        open(p).read(1); print(\'READ\', p)\\n'
        '    except PermissionError:\\n        print(\'REFUSED\', p)")',
        "print(note)",
    ]
    seen["probe"] = await add_cell_and_run(page, probe)
    await save(page, Path(pwd.getpwnam(name).pw_dir) / "worldorder" / NB03, marker)
    seen["marker"] = marker

    # notebook 05's explorer: add a bloc, the chart changes
    await page.goto(f"{hub.url}/user/{name}/lab/tree/{NB05}?reset")
    await run_all(page)
    seen["05"] = await errors_and_charts(page)
    select = page.locator(".jp-OutputArea-output select[multiple]").first
    chart = page.locator(".jp-OutputArea-output .worldorder-explorer .worldorder-chart").first  # worldorder.chartview
    await chart.locator("svg").first.wait_for(timeout=30_000)
    before = await chart.locator("svg:visible").first.inner_html()
    chosen = await select.evaluate("s => Array.from(s.selectedOptions).map(o => o.value)")
    extra = await select.evaluate(
        "s => Array.from(s.options).map(o => o.value).find(v => /African Group|WEOG/.test(v))")
    await select.select_option(chosen + [extra])
    await page.wait_for_timeout(3000)
    seen["explorer_changed"] = await chart.locator("svg:visible").first.inner_html() != before
    await context.close()
    return seen


async def class_session(hub) -> dict:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        teacher = await (await browser.new_context()).new_page()
        result = {"teacher_signup": await sign_up(teacher, hub, hub.teacher)}
        pages = [await (await browser.new_context()).new_page() for _ in hub.students]
        result["signups"] = await asyncio.gather(*(sign_up(pg, hub, n) for pg, n in zip(pages, hub.students)))
        result["outsider_signup"] = await sign_up(pages[0], hub, hub.outsider)
        await log_in(pages[0], hub, hub.students[0])  # before the teacher approves
        result["unapproved_login"] = await pages[0].locator("body").inner_text()
        await log_in(teacher, hub, hub.teacher)
        for name in hub.students:
            await teacher.goto(f"{hub.url}/hub/authorize/{name}")
        result["authorize_page"] = await teacher.locator("body").inner_text()
        for pg in pages:
            await pg.context.close()
        others = hub.students[1:] + hub.students[:1]
        result["students"] = await asyncio.gather(*(student_session(browser, hub, name, other)
                                                    for name, other in zip(hub.students, others)))
        await browser.close()
    return result


# ---------------------------------------------------------------- the tests, in the order a class meets them

def test_the_hub_starts_on_this_machine_only(hub):
    with urllib.request.urlopen(f"{hub.url}/hub/login", timeout=10) as reply:
        assert reply.status == 200 and b"signup" in reply.read()
    listening = Path("/proc/net/tcp").read_text().splitlines()[1:]
    ports = {int(line.split()[1].split(":")[1], 16): line.split()[1].split(":")[0] for line in listening
             if line.split()[3] == "0A"}
    for port in (hub.port, hub.port + 1, hub.port + 2):
        assert ports.get(port) == "0100007F", f"port {port} listens on {ports.get(port)}, not 127.0.0.1"


def test_the_class_files_are_protected_by_unix_permissions(hub):
    prefix = hub.prefix
    for path in (prefix / "teacher", prefix / "teacher" / "solutions", prefix / "teacher" / "TEACHING.md"):
        mode = path.stat().st_mode
        assert mode & 0o007 == 0, f"{path} is readable by others ({oct(mode)})"
        assert grp.getgrgid(path.stat().st_gid).gr_name == "worldorder-teachers"
    assert (prefix / "env").stat().st_uid == 0 and not (prefix / "env").stat().st_mode & 0o022
    for name in [*hub.students, hub.never]:
        home = Path(pwd.getpwnam(name).pw_dir)
        assert home.stat().st_mode & 0o077 == 0, f"{home} is open to others"


def test_sign_up_is_for_the_class_list_and_the_teacher_approves(hub, day):
    assert "successful" in day["teacher_signup"], day["teacher_signup"]
    assert all("sent to the admin" in s for s in day["signups"]), day["signups"]
    assert "Something went wrong" in day["outsider_signup"], "a name off the class list could sign up"
    assert "has not been authorized" in day["unapproved_login"]
    assert all(name in day["authorize_page"] for name in hub.students)


def test_three_students_at_once_run_notebook_03_and_the_explorer(hub, day):
    for seen in day["students"]:
        name = seen["name"]
        assert f"/user/{name}/lab/tree/00-start-here.ipynb" in seen["landed"], seen["landed"]
        for nb in ("03", "05"):
            errors, charts = seen[nb]
            assert not errors, f"{name}, notebook {nb}: {errors[0]}"
            assert charts > 0, f"{name}, notebook {nb}: no chart drawn"
        assert seen["explorer_changed"], f"{name}: the explorer's chart did not change"
        saved = Path(pwd.getpwnam(name).pw_dir) / "worldorder" / NB03
        assert seen["marker"] in saved.read_text() and saved.stat().st_uid == pwd.getpwnam(name).pw_uid


def test_a_students_unedited_copy_does_not_open_as_changed(hub, day):
    """The class notebooks carry the class kernel's metadata (Debian's Python), not that of the teacher's .venv."""
    copy = hub.prefix / "class" / "notebooks" / NB03  # what each student's first login copies, byte for byte
    check = subprocess.run([str(hub.prefix / "env" / "bin" / "python"), "-m", "tools.notebook_metadata", "--check",
                            str(copy)], env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(hub.prefix / "class" / "lib")},
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


def test_each_student_sees_only_their_own_files(hub, day):
    class_notebooks = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    for seen in day["students"]:
        assert seen["listing"] == class_notebooks, f"{seen['name']} sees {seen['listing']}"


def test_another_students_server_and_files_and_the_solutions_are_refused(hub, day):
    for seen in day["students"]:
        assert seen["other_server"] in (403, 404), f"{seen['name']} reached another server: {seen['other_server']}"
        assert NB03 not in seen["other_server_text"]
        assert seen["escape"] in (400, 403, 404), seen["escape"]
        probe = seen["probe"]
        assert "READ" not in probe, probe
        assert probe.count("REFUSED") == 3 and seen["marker"] in probe, probe


def test_each_students_server_runs_as_them_under_the_memory_limit(hub, day):
    for name in hub.students:
        pids = processes_of(name)
        assert pids, f"{name} has no running server"
        for pid in pids:
            cgroups = Path(f"/proc/{pid}/cgroup").read_text()
            if f"worldorder/{name}" in cgroups:
                where = next(line.split(":", 2)[2] for line in cgroups.splitlines() if f"worldorder/{name}" in line)
                group = next(p for p in (Path("/sys/fs/cgroup") / where.lstrip("/"),
                                         Path("/sys/fs/cgroup/memory") / where.lstrip("/")) if p.is_dir())
                limit = group / ("memory.max" if (group / "memory.max").exists() else "memory.limit_in_bytes")
                assert int(limit.read_text()) == MEM_LIMIT
            else:
                limits = Path(f"/proc/{pid}/limits").read_text()
                assert re.search(rf"Max address space\s+{MEM_LIMIT}\s", limits), limits


def test_the_teachers_gradebook_lists_every_student(hub, day):
    subprocess.run(hub.make("hub-grade"), check=True, capture_output=True, text=True, timeout=600)
    book = hub.prefix / "teacher" / "gradebook.csv"
    assert book.stat().st_mode & 0o007 == 0
    rows = list(csv.DictReader(book.open()))
    for name in hub.students:
        mine = [r for r in rows if r["student"] == name]
        worked = [r for r in mine if r["file"] == NB03]
        assert worked and all(r["result"] in ("right", "not yet", "written") for r in worked), [
            (r["result"], r["detail"]) for r in worked]
        assert any(r["result"] == "not started" for r in mine), "an untouched notebook is listed as not started"
    never = [r for r in rows if r["student"] == hub.never]
    assert never and all(r["result"] == "not started" for r in never), never


# ---------------------------------------------------------------- the grading loop on the hub (tools/hubgrade.py)

def as_student(hub, name, *command, check=True) -> subprocess.CompletedProcess:
    """A command run as the student's own Unix user, in their notebook folder, with the class's Python (what the
    Assignments tab of their JupyterLab runs)."""
    user = pwd.getpwnam(name)
    return subprocess.run(list(command), user=user.pw_uid, group=user.pw_gid, extra_groups=[],
                          cwd=Path(user.pw_dir) / "worldorder", capture_output=True, text=True, timeout=300,
                          check=check, env={"HOME": user.pw_dir, "USER": name, "LANG": "C.UTF-8",
                                            "PATH": f"{hub.prefix / 'env' / 'bin'}:/usr/bin:/bin"})


@pytest.fixture(scope="module")
def graded(hub, day):
    """release nb00 → two students fetch, work and submit as themselves → the teacher collects, autogrades, grades
    a written answer → feedback returned → each student fetches it into their own folder. Returns what was seen."""
    from test_grade import RIGHT, WRONG, fill

    started = time.time()
    nbgrader = str(hub.prefix / "env" / "bin" / "nbgrader")
    ada, bo = hub.students[:2]

    steps = {}

    def teacher(target, **kwargs):
        began = time.time()
        done = subprocess.run(hub.make(target, ASSIGNMENT="nb00", **kwargs), capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, f"make {target} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        steps[target] = steps.get(target, 0) + time.time() - began
        return done.stdout

    jupyter = str(hub.prefix / "env" / "bin" / "jupyter")
    listed = [as_student(hub, ada, jupyter, *part.split(), "list") for part in ("server extension", "labextension")]
    seen = {"extensions": re.sub(r"\x1b\[[0-9;]*m", "", "".join(d.stdout + d.stderr for d in listed))}
    teacher("hub-release")
    for name, answers in ((ada, RIGHT), (bo, WRONG)):
        as_student(hub, name, nbgrader, "fetch_assignment", "nb00")
        copy = Path(pwd.getpwnam(name).pw_dir) / "worldorder" / "nb00" / "00-start-here.ipynb"
        seen[f"fetched-{name}"] = copy.stat().st_uid == pwd.getpwnam(name).pw_uid
        fill(copy, answers)
        as_student(hub, name, nbgrader, "submit", "nb00")
    teacher("hub-collect")
    teacher("hub-autograde")
    seen["rubric"] = teacher("hub-written")
    teacher("hub-written", STUDENT=ada, EXERCISE="00.W", SCORE="3", COMMENT="Names ES-11/7 and the no column.")
    teacher("hub-results")
    home = Path(pwd.getpwnam(hub.teacher).pw_dir)
    seen["results"] = list(csv.DictReader((home / "course" / "results.csv").open()))
    teacher("hub-feedback")
    for name in (ada, bo):
        as_student(hub, name, nbgrader, "fetch_feedback", "nb00")
        seen[f"feedback-{name}"] = sorted((Path(pwd.getpwnam(name).pw_dir) / "worldorder" / "nb00" / "feedback")
                                          .glob("*/00-start-here.html"))
    theirs = seen[f"feedback-{ada}"][0]
    seen["bo_reads_ada"] = as_student(hub, bo, "/usr/bin/python3", "-c",
                                      f"open({str(theirs)!r}).read()", check=False).stderr
    seen["bo_lists_inbound"] = as_student(hub, bo, "/usr/bin/python3", "-c",
                                          f"import os; os.listdir({str(hub.exchange / 'worldorder' / 'inbound')!r})",
                                          check=False).stderr
    seen["seconds"] = time.time() - started
    print(f"\nthe grading loop on the hub took {seen['seconds']:.0f} s; the teacher's steps: "
          + ", ".join(f"{k} {v:.0f} s" for k, v in steps.items()))
    return seen


def test_students_have_the_assignments_tab_and_not_the_teachers_tools(hub, graded):
    listing = graded["extensions"]
    assert re.search(r"nbgrader.server_extensions.assignment_list\S*\s+enabled", listing), listing
    assert re.search(r"nbgrader.server_extensions.formgrader\S*\s+disabled", listing), listing
    disabled = listing.split("Disabled extensions:", 1)[-1]
    for plugin in ("formgrader", "create-assignment", "course-list"):
        assert f"@jupyter/nbgrader:{plugin}" in disabled, listing
    assert "@jupyter/nbgrader:assignment-list" not in disabled, listing
    exchange = hub.exchange.stat()
    assert exchange.st_uid == 0 and exchange.st_mode & 0o7777 == 0o1777
    inbound = (hub.exchange / "worldorder" / "inbound").stat()
    assert inbound.st_mode & 0o777 == 0o733, oct(inbound.st_mode)


def test_the_grading_loop_on_the_hub(hub, graded):
    ada, bo = hub.students[:2]
    assert graded[f"fetched-{ada}"] and graded[f"fetched-{bo}"], "each fetched copy belongs to its student"
    assert "00.W" in graded["rubric"] and "Rubric, one point each" in graded["rubric"]
    rows = {(r["student"], r["exercise"]): r for r in graded["results"]}
    assert all(rows[(ada, k)]["status"] == "right" for k in ("00.1", "00.2", "00.3", "00.4")), rows
    assert all(rows[(bo, k)]["status"] == "not yet" for k in ("00.1", "00.2", "00.3", "00.4")), rows
    assert rows[(ada, "00.W")]["status"] == "graded" and float(rows[(ada, "00.W")]["score"]) == 3
    assert rows[(bo, "00.W")]["status"] == "needs grading"
    assert rows[(hub.never, "")]["status"] == "not submitted"
    for name in (ada, bo):
        feedback = graded[f"feedback-{name}"]
        assert len(feedback) == 1, f"{name} has no feedback in their folder"
        assert feedback[0].stat().st_uid == pwd.getpwnam(name).pw_uid
    assert "Names ES-11/7 and the no column." in graded[f"feedback-{ada}"][0].read_text()
    assert "Names ES-11/7" not in graded[f"feedback-{bo}"][0].read_text()
    assert "PermissionError" in graded["bo_reads_ada"], graded["bo_reads_ada"]
    assert "PermissionError" in graded["bo_lists_inbound"], graded["bo_lists_inbound"]


def test_the_hub_stops_cleanly_and_the_class_is_removed(hub, day):
    proxy = int((hub.prefix / "hub" / "proxy.pid").read_text())
    hub.stop()
    assert hub.process.returncode is not None
    deadline = time.time() + 20
    while time.time() < deadline and any(processes_of(n) for n in hub.students):
        time.sleep(0.5)
    left = {name: processes_of(name) for name in hub.members if processes_of(name)}
    assert not left, f"processes left behind: {left}"
    assert not Path(f"/proc/{proxy}").exists(), "the proxy is still running"
    session = [pid for pid in all_pids() if _session(pid) == hub.process.pid]
    assert not session, f"processes of `make hub` left behind (the idle culler?): {session}"
    homes = [Path(pwd.getpwnam(n).pw_dir) for n in hub.members]
    hub.remove()
    for name, home in zip(hub.members, homes):
        with pytest.raises(KeyError):
            pwd.getpwnam(name)
        assert not home.exists(), f"{home} was not removed"


def test_an_account_outside_the_class_is_never_taken_over():
    from tools.classhub import ensure_users, parse_class_list

    existed = {g.gr_name for g in grp.getgrall()}
    with pytest.raises(SystemExit, match="root is already a Unix user on this machine, outside the class"):
        ensure_users(parse_class_list("username,role\nroot,teacher\n"))
    assert {g.gr_name for g in grp.getgrall()} == existed, "nothing is made when a name is refused"
