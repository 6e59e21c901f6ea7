"""A learner's own work survives `make lab` and `make student-copy`, the class notebooks stay as committed (the five
ways a curious learner once changed them are each tried), and `make lab` does not serve solutions/."""

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from tornado.web import HTTPError

from conftest import REPO
from tools.classroom import ClassroomContentsManager, keep_class_notebooks_clean

NOTEBOOK = "00-start-here.ipynb"


@pytest.fixture
def checkout(tmp_path):
    """A copy of the project's files that `make` reads."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(REPO / name, tmp_path / name)  # keep mtimes: no reinstall
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    shutil.copytree(REPO / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def make(checkout: Path, *args):
    if not shutil.which("make"):
        pytest.skip("make is not installed (Windows: see the README's commands without make)")
    venv = Path(sys.prefix)  # the environment running the tests, already installed
    stamp = venv / ".installed"
    if not stamp.exists():
        pytest.skip("the test environment was not made by `make install`")
    return subprocess.run(["make", "-C", str(checkout), f"VENV={venv}", *args],
                          capture_output=True, text=True, check=True)


def lab(checkout: Path):
    # JUPYTER=echo stands in for JupyterLab itself: everything else `make lab` does runs for real.
    return make(checkout, "lab", "JUPYTER=echo")


def notebooks(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.ipynb"))}


def test_make_lab_makes_the_learners_copies_and_opens_the_first(checkout):
    committed = notebooks(checkout / "notebooks")
    out = lab(checkout)
    assert notebooks(checkout / "my-work") == committed, "one copy of every notebook, as committed"
    assert notebooks(checkout / "notebooks") == committed
    launched = next(line for line in out.stdout.splitlines() if line.startswith("lab "))
    assert launched.startswith("lab ") and launched.endswith(f" my-work/{NOTEBOOK}"), launched
    assert "--ServerApp.contents_manager_class=tools.classroom.ClassroomContentsManager" in launched
    assert "--ServerApp.ip=127.0.0.1" in launched


def test_make_lab_again_keeps_the_learners_work_and_adds_new_notebooks(checkout):
    lab(checkout)
    mine = checkout / "my-work" / NOTEBOOK
    mine.write_text(mine.read_text().replace("Start here", "Start here (my notes: ask about Bretton Woods)", 1))
    edited = mine.read_bytes()
    (checkout / "my-work" / "01-post-war-order.ipynb").unlink()  # a learner deleted one: it comes back
    added = checkout / "notebooks" / "06-new-chapter.ipynb"
    shutil.copy(checkout / "notebooks" / NOTEBOOK, added)  # the set gained a notebook (after a git pull)
    committed = notebooks(checkout / "notebooks")
    lab(checkout)
    assert mine.read_bytes() == edited and b"my notes" in edited
    assert (checkout / "my-work" / "06-new-chapter.ipynb").read_bytes() == added.read_bytes()
    assert (checkout / "my-work" / "01-post-war-order.ipynb").exists()
    assert notebooks(checkout / "notebooks") == committed


def test_my_work_is_ignored_by_git():
    ignored = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "my-work/00-start-here.ipynb"])
    assert ignored.returncode == 0, "my-work/ must be git-ignored, or git pull can conflict with a learner's work"


def test_student_copy_never_overwrites_a_students_notebook(checkout):
    make(checkout, "student-copy")
    mine = checkout / "my-work" / NOTEBOOK
    assert mine.read_bytes() == (checkout / "notebooks" / NOTEBOOK).read_bytes()
    mine.write_text(mine.read_text() + " ")
    edited = mine.read_bytes()
    out = make(checkout, "student-copy")
    assert mine.read_bytes() == edited
    assert f"kept your my-work/{NOTEBOOK}" in out.stdout
    assert len(list((checkout / "my-work").glob("*.ipynb"))) == len(list((checkout / "notebooks").glob("*.ipynb")))


@pytest.mark.parametrize("path", ["notebooks/00-start-here.ipynb", "/notebooks/Untitled.ipynb", "notebooks/notes.txt",
                                  "my-work/../notebooks/00-start-here.ipynb", "./notebooks/x.ipynb",
                                  "NoteBooks/00-start-here.ipynb", "my-work/./../NOTEBOOKS/x.txt"])
def test_the_save_hook_refuses_the_class_notebooks(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(HTTPError) as refused:
        keep_class_notebooks_clean(model={}, path=path, contents_manager=None)
    assert refused.value.status_code == 403
    assert "my-work/" in refused.value.log_message


@pytest.mark.parametrize("path", ["my-work/00-start-here.ipynb", "notebooks-old/x.ipynb", "Untitled.ipynb",
                                  "my-work/notebooks/x.ipynb", "my-work/notes/../x.ipynb"])
def test_the_save_hook_lets_everything_else_through(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    keep_class_notebooks_clean(model={}, path=path, contents_manager=None)


# ---------------------------------------------------------------- the five holes, tried on the contents manager

@pytest.fixture
def project(tmp_path):
    """A project folder as `make lab` serves it, and its contents manager (the one `make lab` uses)."""
    for folder in ("notebooks", "my-work", "solutions"):
        (tmp_path / folder).mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    for folder in ("notebooks", "my-work"):
        nbformat.write(nb, tmp_path / folder / NOTEBOOK)
    (tmp_path / "solutions" / "03.py").write_text("ANSWER = 42\n")
    (tmp_path / "TEACHING.md").write_text("# Walkthrough\n")
    cm = ClassroomContentsManager(root_dir=str(tmp_path))
    return tmp_path, cm


def run(coroutine):
    return asyncio.run(coroutine)


def refused(coroutine) -> HTTPError:
    with pytest.raises(HTTPError) as error:
        run(coroutine)
    assert error.value.status_code == 403, error.value
    return error.value


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "notebooks").rglob("*")) if p.is_file()}


def edited_model(cm, path):
    model = run(cm.get(path))
    model["content"]["cells"][0]["source"] = "the learner was here"
    return {"type": "notebook", "content": model["content"]}


@pytest.mark.parametrize("path", [f"my-work/../notebooks/{NOTEBOOK}", f"./notebooks/{NOTEBOOK}",
                                  f"NoteBooks/{NOTEBOOK}", f"/notebooks/{NOTEBOOK}"])
def test_hole_1_a_path_that_walks_into_notebooks_is_refused(project, path):
    root, cm = project
    before = snapshot(root)
    error = refused(cm.save(edited_model(cm, f"my-work/{NOTEBOOK}"), path))
    assert f"my-work/{NOTEBOOK}" in error.log_message, "the learner is told where their copy is"
    assert snapshot(root) == before


def test_hole_2_a_symlink_from_my_work_into_notebooks_is_followed(project):
    root, cm = project
    before = snapshot(root)
    os.symlink(root / "notebooks", root / "my-work" / "shortcut")
    os.symlink(root / "notebooks" / NOTEBOOK, root / "my-work" / "linked.ipynb")
    refused(cm.save(edited_model(cm, f"my-work/{NOTEBOOK}"), f"my-work/shortcut/{NOTEBOOK}"))
    refused(cm.save(edited_model(cm, f"my-work/{NOTEBOOK}"), "my-work/linked.ipynb"))
    refused(cm.save({"type": "file", "format": "text", "content": "x"}, "my-work/shortcut/new.txt"))
    assert snapshot(root) == before
    run(cm.save(edited_model(cm, f"my-work/{NOTEBOOK}"), f"my-work/{NOTEBOOK}"))  # the real copy saves
    assert "the learner was here" in (root / "my-work" / NOTEBOOK).read_text()


def test_hole_3_renaming_a_file_into_notebooks_is_refused(project):
    root, cm = project
    before = snapshot(root)
    (root / "my-work" / "mine.ipynb").write_bytes((root / "my-work" / NOTEBOOK).read_bytes())
    refused(cm.rename("my-work/mine.ipynb", "notebooks/mine.ipynb"))
    refused(cm.rename("my-work/mine.ipynb", "my-work/../notebooks/mine.ipynb"))
    refused(cm.copy("my-work/mine.ipynb", "notebooks"))
    refused(cm.copy(f"notebooks/{NOTEBOOK}"))  # a copy beside the original would land in notebooks/
    assert snapshot(root) == before
    assert (root / "my-work" / "mine.ipynb").exists()
    copied = run(cm.copy(f"notebooks/{NOTEBOOK}", "my-work"))  # copying a class notebook into my-work/ is fine
    assert copied["path"].startswith("my-work/")


def test_hole_4_deleting_a_class_notebook_and_renaming_a_copy_into_its_place_is_refused(project):
    root, cm = project
    before = snapshot(root)
    refused(cm.delete(f"notebooks/{NOTEBOOK}"))
    refused(cm.delete(f"my-work/../notebooks/{NOTEBOOK}"))
    refused(cm.rename(f"notebooks/{NOTEBOOK}", f"my-work/{NOTEBOOK}.bak"))  # moving it away counts as deleting
    refused(cm.rename(f"my-work/{NOTEBOOK}", f"notebooks/{NOTEBOOK}"))
    assert snapshot(root) == before
    run(cm.delete(f"my-work/{NOTEBOOK}"))  # the learner's own copy is theirs to delete (make lab copies it again)
    assert not (root / "my-work" / NOTEBOOK).exists()


def test_hole_5_renaming_or_deleting_the_whole_folder_is_refused(project):
    root, cm = project
    before = snapshot(root)
    refused(cm.rename("notebooks", "old-notebooks"))
    refused(cm.rename("my-work", "notebooks"))
    refused(cm.rename("my-work", "Notebooks"))
    refused(cm.delete("notebooks"))
    refused(cm.delete("./notebooks/"))
    assert snapshot(root) == before and (root / "my-work").is_dir()


def test_a_write_outside_the_project_folder_is_refused(project, tmp_path_factory):
    root, cm = project
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(outside, root / "my-work" / "elsewhere")
    refused(cm.save({"type": "file", "format": "text", "content": "x"}, "my-work/elsewhere/x.txt"))
    assert not (outside / "x.txt").exists()


def test_solutions_and_teaching_notes_are_not_served(project):
    root, cm = project
    listing = {item["name"] for item in run(cm.get(""))["content"]}
    assert listing == {"notebooks", "my-work"}, listing
    for path in ("solutions/03.py", "solutions", "TEACHING.md", "Solutions/03.py", "my-work/../solutions/03.py"):
        error = refused(cm.get(path))
        assert "for the teacher" in error.log_message
    refused(cm.copy("solutions/03.py", "my-work"))
    refused(cm.rename("solutions/03.py", "my-work/03.py"))
    os.symlink(root / "solutions", root / "my-work" / "answers")
    refused(cm.get("my-work/answers/03.py"))
    assert run(cm.is_hidden("solutions/03.py")) and run(cm.is_hidden("my-work/answers"))  # /files/ asks this
    assert not run(cm.is_hidden(f"my-work/{NOTEBOOK}"))
    assert not (root / "my-work" / "03.py").exists()


def test_the_class_notebooks_can_still_be_opened_and_read(project):
    root, cm = project
    model = run(cm.get(f"notebooks/{NOTEBOOK}"))
    assert model["type"] == "notebook" and model["content"]["cells"][0]["source"] == "1 + 1"
    assert {i["name"] for i in run(cm.get("notebooks"))["content"]} == {NOTEBOOK}


def test_the_guard_holds_through_the_servers_rest_api(project):
    """The same refusals as HTTP statuses from a running Jupyter server started with `make lab`'s option."""
    import socket
    import time
    import urllib.error
    import urllib.request

    root, _ = project
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = "classroom-test-token"
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", f"--ServerApp.root_dir={root}", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         "--ServerApp.open_browser=False", "--ServerApp.allow_root=True",
         "--ServerApp.contents_manager_class=tools.classroom.ClassroomContentsManager"],
        env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def call(method, path, body=None):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/contents/{path}", method=method,
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Authorization": f"token {token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status, json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as error:
            body = error.read()
            return error.code, json.loads(body) if body.startswith(b"{") else {"message": body.decode()}

    try:
        deadline = time.time() + 60
        while True:
            try:
                if call("GET", "")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.time() < deadline, server.stderr.read().decode()[-2000:]
            time.sleep(0.3)
        before = snapshot(root)
        status, listing = call("GET", "")
        assert {i["name"] for i in listing["content"]} == {"notebooks", "my-work"}
        assert call("GET", "solutions/03.py")[0] in (403, 404)  # the handler treats it as hidden: 404
        status, reply = call("PATCH", f"notebooks/{NOTEBOOK}", {"path": "my-work/moved.ipynb"})
        assert status == 403 and "does not delete, rename or replace" in reply["message"]
        assert call("PATCH", "my-work", {"path": "notebooks"})[0] == 403
        assert call("DELETE", f"notebooks/{NOTEBOOK}")[0] == 403
        assert call("PUT", "my-work/../notebooks/x.txt", {"type": "file", "format": "text", "content": "x"})[0] in (403, 404)
        assert call("PUT", "NoteBooks/x.txt", {"type": "file", "format": "text", "content": "x"})[0] == 403
        assert call("POST", "notebooks", {"copy_from": f"my-work/{NOTEBOOK}"})[0] == 403
        assert call("PUT", "my-work/x.txt", {"type": "file", "format": "text", "content": "x"})[0] == 201
        assert snapshot(root) == before
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_links_between_notebooks_work_from_my_work():
    """The copies sit beside notebooks/: a link to another notebook finds its copy, a link to ../data/... the same file."""
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        for target in re.findall(r"\]\((?!https?:|#|mailto:)([^)#\s]+)", text):
            from_class = (REPO / "notebooks" / target).resolve()
            assert from_class.exists(), f"{path.name}: link to {target} is broken"
            if from_class.parent == (REPO / "notebooks").resolve():
                assert from_class.suffix == ".ipynb", f"{path.name}: {target} is not copied to my-work/"
            else:
                assert (REPO / "my-work" / target).resolve() == from_class, f"{path.name}: {target} from my-work/"
