"""tools/grade.py on two made-up students: one with right answers, one with wrong ones."""

import csv

import nbformat
import pytest

from conftest import REPO
from tools import grade

RIGHT = {
    "00.1": 'len(record[(record["body"] == "GA") & (record["year"] == 1971)])',
    "00.2": 'record[record["body"] == "SC"]["year"].value_counts().idxmax()',
    "00.3": 'int((record["date"] == record.set_index("resolution").loc["A/RES/ES-11/5", "date"]).sum())',
    "00.4": 'int(manifest.loc[manifest["file"] != "votes.arrow", "rows"].sum())',
    "00.W": '"I would study ES-11/7: its yes column is lower than for ES-11/1, and no also rose; one vote cannot show why."',
}
WRONG = {"00.1": "13", "00.2": "1982", "00.3": "1", "00.4": '"votes.csv"', "00.W": '""'}


def student(folder, name, answers, saved_attempt=None):
    """A copy of notebook 00 with the answer cells filled in (as a student would)."""
    nb = nbformat.read(REPO / "notebooks" / "00-start-here.ipynb", as_version=4)
    cells = nb.cells
    for i, cell in enumerate(cells):
        for key, code in answers.items():
            if cell.cell_type == "code" and f'wo.check("{key}"' in cell.source:
                cells[i - 1].source = f"answer = {code}"
                if saved_attempt:  # the output the student saved after several tries
                    cell.outputs = [nbformat.v4.new_output(
                        "stream", name="stdout", text=f"Exercise {key} (attempt {saved_attempt}): Not yet.")]
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("my-work")
    student(folder, "ada/00-start-here.ipynb", RIGHT)
    student(folder, "bo/00-start-here.ipynb", WRONG, saved_attempt=3)
    (folder / ".ipynb_checkpoints").mkdir()
    student(folder, ".ipynb_checkpoints/00-start-here-checkpoint.ipynb", WRONG)
    out = folder / "gradebook.csv"
    grade.main([str(folder), "--out", str(out), "--timeout", "60"])
    with open(out, newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_notebook_and_exercise(gradebook):
    assert list(gradebook[0]) == grade.COLUMNS
    assert {r["file"] for r in gradebook} == {"ada/00-start-here.ipynb", "bo/00-start-here.ipynb"}
    for who in ("ada", "bo"):
        assert [r["exercise"] for r in gradebook if r["file"].startswith(who)] == ["00.P", "00.1", "00.2", "00.3",
                                                                                  "00.4", "00.W"]


def test_right_answers_are_right(gradebook):
    ada = {r["exercise"]: r for r in gradebook if r["file"].startswith("ada")}
    assert all(ada[k]["result"] == "right" for k in ("00.1", "00.2", "00.3", "00.4")), ada
    assert ada["00.W"]["result"] == "written"
    assert all(r["attempts"] == "1" for r in ada.values())
    assert ada["00.P"]["result"] == "not yet" and ada["00.P"]["detail"] == "no answer", "no guess written"


def test_wrong_answers_are_not_yet_with_the_saved_attempts(gradebook):
    bo = {r["exercise"]: r for r in gradebook if r["file"].startswith("bo")}
    assert all(bo[k]["result"] == "not yet" for k in ("00.1", "00.2", "00.3", "00.4")), bo
    assert bo["00.W"]["result"] == "not yet" and bo["00.W"]["detail"] == "no answer"
    assert all(r["attempts"] == "3" for key, r in bo.items() if key != "00.P")


def test_a_notebook_that_stops_is_graded_as_far_as_it_ran(tmp_path):
    path = student(tmp_path, "cy/00-start-here.ipynb", {**RIGHT, "00.3": "1 / 0"})
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("raise SystemExit('kernel gone')"))
    nbformat.write(nb, path)
    rows = grade.grade_notebook(path, tmp_path, timeout=60)
    results = {r["exercise"]: r["result"] for r in rows}
    assert results["00.1"] == "right" and results["00.3"] == "not yet"
    assert any("SystemExit" in r["detail"] or r["detail"] == "" for r in rows)


def test_an_empty_folder_is_explained(tmp_path):
    with pytest.raises(SystemExit, match="No notebooks"):
        grade.grade(tmp_path, tmp_path / "out.csv")


# ---------------------------------------------------------------- the teacher's loop with nbgrader (tools/nbgrade.py)


def fill(path, answers):
    """A student's work: the answer cell above each check filled in."""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        for key, code in answers.items():
            if cell.cell_type == "code" and f'wo.check("{key}"' in cell.source:
                nb.cells[i - 1].source = f"answer = {code}"
    nbformat.write(nb, path)


def test_the_whole_grading_loop_for_two_students(tmp_path, capsys):
    """release → two students fetch, work and submit → collect → autograde → a written answer graded by hand →
    feedback generated and returned into each student's own folder."""
    pytest.importorskip("nbgrader")
    from tools import nbgrade

    course, homes = tmp_path / "class", tmp_path / "home"
    roster = tmp_path / "roster.txt"
    roster.write_text("ada\nbo\ncy\n")
    base = ["--course-dir", str(course), "--roster", str(roster), "--local"]
    nbgrade.main([*base, "init"])
    nbgrade.main([*base, "release", "nb00"])
    released = course / "release" / "nb00" / "00-start-here.ipynb"
    assert "BEGIN HIDDEN TESTS" not in released.read_text(), "the hidden tests stay with the teacher"
    work = {"ada": RIGHT, "bo": WRONG}
    for who, answers in work.items():
        nbgrade.main([*base, "student", "fetch", "nb00", "--student", who, "--home", str(homes / who)])
        copy = homes / who / "worldorder" / "nb00" / "00-start-here.ipynb"
        fill(copy, answers)
        nbgrade.main([*base, "student", "submit", "nb00", "--student", who, "--home", str(homes / who)])
    nbgrade.main([*base, "collect", "nb00"])
    nbgrade.main([*base, "autograde", "nb00"])
    out = tmp_path / "results.csv"
    nbgrade.main([*base, "results", "--out", str(out)])
    with open(out, newline="") as handle:
        rows = list(csv.DictReader(handle))
    ada = {r["exercise"]: r for r in rows if r["student"] == "ada"}
    bo = {r["exercise"]: r for r in rows if r["student"] == "bo"}
    assert all(ada[k]["status"] == "right" and float(ada[k]["score"]) == 1 for k in ("00.1", "00.2", "00.3", "00.4"))
    assert all(bo[k]["status"] == "not yet" and float(bo[k]["score"]) == 0 for k in ("00.1", "00.2", "00.3", "00.4"))
    assert ada["00.W"]["status"] == "needs grading" and ada["00.W"]["max_score"] == "4.0"
    assert [r["status"] for r in rows if r["student"] == "cy"] == ["not submitted"], "the roster lists cy"

    capsys.readouterr()
    nbgrade.main([*base, "written", "nb00"])
    listing = capsys.readouterr().out
    assert "ada · 00.W" in listing and "ES-11/7" in listing and "[4] states a limit" in listing
    nbgrade.main([*base, "written", "nb00", "--student", "ada", "--exercise", "00.W", "--score", "3",
                  "--comment", "Name the limit of a single vote."])
    nbgrade.main([*base, "written", "nb00", "--student", "bo", "--exercise", "00.W", "--score", "0"])
    with pytest.raises(SystemExit, match="out of 4"):
        nbgrade.main([*base, "written", "nb00", "--student", "bo", "--exercise", "00.W", "--score", "5"])
    rows = nbgrade.results(nbgrade_args(course, roster))
    assert {(r["student"], r["score"], r["status"]) for r in rows if r["exercise"] == "00.W"} == {
        ("ada", 3, "graded"), ("bo", 0, "graded")}

    nbgrade.main([*base, "feedback", "nb00"])
    for who in work:
        nbgrade.main([*base, "student", "feedback", "nb00", "--student", who, "--home", str(homes / who)])
        pages = list((homes / who / "worldorder" / "nb00" / "feedback").rglob("00-start-here.html"))
        assert len(pages) == 1, f"{who} sees their own feedback in their own folder"
        page = pages[0].read_text()
        assert "Name the limit of a single vote." in page if who == "ada" else "Score" in page


def nbgrade_args(course, roster):
    from argparse import Namespace

    return Namespace(course_dir=course, exchange=course / "exchange", roster=roster, out=None)


def test_a_roster_lists_a_student_who_never_started(tmp_path):
    folder = tmp_path / "my-work"
    student(folder, "ada/00-start-here.ipynb", RIGHT)
    (folder / "dee").mkdir()  # an empty folder: the notebooks were never copied
    untouched = folder / "eve" / "00-start-here.ipynb"
    untouched.parent.mkdir()
    untouched.write_bytes((REPO / "notebooks" / "00-start-here.ipynb").read_bytes())  # never opened
    roster = tmp_path / "roster.txt"
    roster.write_text("ada\ndee\neve\nfay\n")
    out = tmp_path / "gradebook.csv"
    grade.main([str(folder), "--out", str(out), "--roster", str(roster), "--timeout", "60"])
    with open(out, newline="") as handle:
        rows = list(csv.DictReader(handle))
    started = {r["file"].split("/")[0] for r in rows if r["result"] != "not started"}
    assert started == {"ada"}
    assert {r["file"] for r in rows if r["result"] == "not started"} == {"dee/", "eve/00-start-here.ipynb", "fay/"}


def test_the_gradebook_keeps_the_guesses(tmp_path):
    path = student(tmp_path, "ada/00-start-here.ipynb", RIGHT)
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if 'wo.predict("00.P"' in c.source)
    cell.source = 'wo.predict("00.P", "ES-11/7, because the US voted no")'
    nbformat.write(nb, path)
    rows = grade.grade_notebook(path, tmp_path, timeout=60)
    guess = [r for r in rows if r["exercise"] == "00.P"]
    assert guess and guess[0]["result"] == "predicted" and guess[0]["detail"] == "ES-11/7, because the US voted no"
