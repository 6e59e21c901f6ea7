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
    "00.4": 'int(manifest.loc[manifest["file"] != "votes.parquet", "rows"].sum())',
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
        assert [r["exercise"] for r in gradebook if r["file"].startswith(who)] == ["00.1", "00.2", "00.3", "00.4",
                                                                                  "00.W"]


def test_right_answers_are_right(gradebook):
    ada = {r["exercise"]: r for r in gradebook if r["file"].startswith("ada")}
    assert all(ada[k]["result"] == "right" for k in ("00.1", "00.2", "00.3", "00.4")), ada
    assert ada["00.W"]["result"] == "written"
    assert all(r["attempts"] == "1" for r in ada.values())


def test_wrong_answers_are_not_yet_with_the_saved_attempts(gradebook):
    bo = {r["exercise"]: r for r in gradebook if r["file"].startswith("bo")}
    assert all(bo[k]["result"] == "not yet" for k in ("00.1", "00.2", "00.3", "00.4")), bo
    assert bo["00.W"]["result"] == "not yet" and bo["00.W"]["detail"] == "no answer"
    assert all(r["attempts"] == "3" for r in bo.values())


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
