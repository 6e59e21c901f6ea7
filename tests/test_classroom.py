"""A student's own work survives `make lab` and `make student-copy`."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

NOTEBOOK = "00-start-here.ipynb"


@pytest.fixture
def checkout(tmp_path):
    """A copy of the project's files that `make` reads, with a student's edit in one notebook."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(REPO / name, tmp_path / name)  # keep mtimes: no reinstall
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    edited = tmp_path / "notebooks" / NOTEBOOK
    edited.write_text(edited.read_text().replace("Start here", "Start here (my notes: ask about Bretton Woods)", 1))
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


def test_make_lab_again_keeps_an_edited_notebook(checkout):
    before = (checkout / "notebooks" / NOTEBOOK).read_bytes()
    # JUPYTER=true stands in for JupyterLab itself: everything else `make lab` does runs for real.
    make(checkout, "lab", "JUPYTER=true")
    assert (checkout / "notebooks" / NOTEBOOK).read_bytes() == before
    assert b"my notes" in before


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
