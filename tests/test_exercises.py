"""Every exercise's solution passes its check, wrong answers fail, and no check prints the answer."""

import importlib.util
import nbformat
import pytest

import worldorder as wo
from worldorder import selfcheck
from conftest import REPO

selfcheck._load_all()
EXERCISES = sorted(selfcheck.EXERCISES)


def solution(key):
    module_path = REPO / "solutions" / f"nb{key.split('.')[0]}.py"
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "solve_" + key.replace(".", "_"))


def test_there_are_exercises_for_every_notebook():
    notebooks = {p.stem[:2] for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")}
    assert {k.split(".")[0] for k in EXERCISES} == notebooks


@pytest.mark.parametrize("key", EXERCISES)
def test_the_solution_passes(key):
    result = wo.check(key, solution(key)())
    assert result, result.message
    assert "Right" in result.message


@pytest.mark.parametrize("key", EXERCISES)
def test_wrong_answers_fail_without_giving_the_answer_away(key):
    ex = selfcheck.EXERCISES[key]
    assert ex.wrong, f"exercise {key} needs at least one wrong answer to test"
    expected = ex.expected()
    for wrong in (*ex.wrong, ...):
        result = wo.check(key, wrong)
        assert not result and "Hint" in result.message
        if isinstance(expected, str) and len(expected) > 3:
            assert expected not in result.message


@pytest.mark.parametrize("key", EXERCISES)
def test_each_exercise_is_checked_in_its_notebook(key):
    notebook = nbformat.read(next((REPO / "notebooks").glob(f"{key.split('.')[0]}-*.ipynb")), as_version=4)
    assert any(f'wo.check("{key}"' in cell.source for cell in notebook.cells if cell.cell_type == "code")


def test_an_unknown_exercise_is_named():
    with pytest.raises(ValueError, match=r"Unknown exercise '99\.9'"):
        wo.check("99.9", 1)
