"""A learner's own work survives `make lab` and `make student-copy`, and the class notebooks stay as committed."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from tornado.web import HTTPError

from conftest import REPO
from tools.classroom import keep_class_notebooks_clean

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
    assert "--ContentsManager.pre_save_hook=tools.classroom.keep_class_notebooks_clean" in launched
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


@pytest.mark.parametrize("path", ["notebooks/00-start-here.ipynb", "/notebooks/Untitled.ipynb", "notebooks/notes.txt"])
def test_the_save_hook_refuses_the_class_notebooks(path):
    with pytest.raises(HTTPError) as refused:
        keep_class_notebooks_clean(model={}, path=path, contents_manager=None)
    assert refused.value.status_code == 403
    assert "my-work/" in refused.value.log_message


@pytest.mark.parametrize("path", ["my-work/00-start-here.ipynb", "notebooks-old/x.ipynb", "Untitled.ipynb", "notebooks"])
def test_the_save_hook_lets_everything_else_through(path):
    keep_class_notebooks_clean(model={}, path=path, contents_manager=None)


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
