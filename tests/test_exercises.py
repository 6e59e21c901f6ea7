"""Every exercise's solution passes its check, wrong answers fail, and no check prints the answer."""

import importlib.util

import nbformat
import numpy as np
import pandas as pd
import pytest

import worldorder as wo
from conftest import REPO
from worldorder import checks as selfcheck

selfcheck._load_all()
EXERCISES = sorted(k for k, ex in selfcheck.EXERCISES.items() if ex.kind != "written")
ANSWERED = sorted(k for k in EXERCISES if selfcheck.EXERCISES[k].kind != "chart")


def solution(key):
    module_path = REPO / "solutions" / f"nb{key.split('.')[0]}.py"
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "solve_" + key.replace(".", "_"))


def test_there_are_exercises_for_every_notebook():
    notebooks = {p.stem[:2] for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")}
    assert {k.split(".")[0] for k in selfcheck.EXERCISES} == notebooks


@pytest.mark.parametrize("key", sorted(selfcheck.EXERCISES))
def test_each_exercise_is_checked_in_its_notebook_any_kind(key):
    notebook = nbformat.read(next((REPO / "notebooks").glob(f"{key.split('.')[0]}-*.ipynb")), as_version=4)
    assert any(f'wo.check("{key}"' in cell.source for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.parametrize("key", EXERCISES)
def test_the_solution_passes(key):
    result = wo.check(key, solution(key)())
    assert result, result.message
    assert "Right" in result.message


@pytest.mark.parametrize("key", ANSWERED)
def test_wrong_answers_fail_without_giving_the_answer_away(key):
    ex = selfcheck.EXERCISES[key]
    assert ex.wrong, f"exercise {key} needs at least one wrong answer to test"
    expected = solution(key)()
    for wrong in (*ex.wrong, ...):
        result = wo.check(key, wrong)
        assert not result and "Hint" in result.message
        if isinstance(expected, str) and len(expected) > 3:
            assert expected not in result.message


def test_an_unknown_exercise_is_named():
    with pytest.raises(ValueError, match=r"Unknown exercise '99\.9'"):
        wo.check("99.9", 1)


# ---------------------------------------------------------------- every correct form of an answer


def test_numpy_and_pandas_forms_of_a_count_are_accepted():
    votes = wo.votes(resolutions="68/262")
    count = (votes[votes.resolution == "A/RES/68/262"].vote == "N").sum()  # a numpy integer
    assert type(count).__module__ == "numpy"
    assert wo.check("03.1", count) and wo.check("03.1", int(count)) and wo.check("03.1", float(count))
    assert wo.check("03.1", pd.Series([count])) and wo.check("03.1", np.array([count]))
    assert not wo.check("03.1", count + 1)


def test_a_sensibly_rounded_share_is_accepted():
    exact = solution("02.1")()
    for places in (2, 3, 4):
        assert wo.check("02.1", round(exact, places)), places
    assert not wo.check("02.1", round(exact, 2) + 0.01)


def test_countries_in_any_container_and_spelling():
    answer = solution("05.4")()
    forms = [list(answer), tuple(answer), set(answer), np.array(answer), pd.Series(answer), pd.Index(answer),
             ", ".join(answer), [wo.country_label(c) for c in answer], [c.lower() for c in answer]]
    for form in forms:
        assert wo.check("05.4", form), form


def test_a_wrong_encoding_gets_feedback_aimed_at_the_scope():
    as_examples = str(wo.check_claim("vote_list", "ES-11/7", "N", ["Russia", "North Korea", "Belarus"], scope="some"))
    result = wo.check("04.6", as_examples)
    assert not result and "scope='some'" in result.message and "complete list" in result.message
    without_us = str(wo.check_claim("vote_list", "ES-11/7", "N", ["Russia", "North Korea", "Belarus"], scope="exact"))
    assert "puts the United States" in wo.check("04.6", without_us).message
    no_number = str(wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["UK", "France"], scope="some"))
    result = wo.check("04.8", no_number)
    assert not result and "put that number in number" in result.message
    as_complete = str(wo.check_claim("vote_list", "S/RES/2774 (2025)", "A", ["UK", "France"], scope="exact"))
    assert "there were others" in wo.check("04.8", as_complete).message
    assert wo.check("04.8", solution("04.8")())


def test_aimed_feedback_names_the_membership_mistake():
    assert "joined the European Communities in 1973" in wo.check("05.2", "United Kingdom").message
    assert "not yet a UN member" in wo.check("05.2", "DEU").message
    assert "voted no" in wo.check("05.4", ["LAO", "VNM"]).message


def test_teaching_md_lists_every_exercise():
    text = (REPO / "TEACHING.md").read_text(encoding="utf-8")
    missing = [key for key in selfcheck.EXERCISES if key not in text]
    assert not missing, f"TEACHING.md's table of exercises does not list {missing}"


def test_every_notebook_has_a_written_question_and_every_one_after_00_a_chart():
    kinds = {}
    for key, ex in selfcheck.EXERCISES.items():
        kinds.setdefault(key.split(".")[0], set()).add(ex.kind)
    assert all("written" in found for found in kinds.values()), kinds
    assert all("chart" in found for nb, found in kinds.items() if nb != "00"), kinds
    text = (REPO / "TEACHING.md").read_text(encoding="utf-8")
    assert all(f"**{key} ·" in text for key, ex in selfcheck.EXERCISES.items() if ex.kind == "written")
