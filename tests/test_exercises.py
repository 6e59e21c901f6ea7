"""Every exercise's solution passes its check, wrong answers fail, and no check prints the answer."""

import importlib.util

import nbformat
import numpy as np
import pandas as pd
import pytest

import worldorder as wo
from conftest import REPO
from worldorder import checks as selfcheck

EXERCISES = sorted(k for k, ex in selfcheck.EXERCISES.items() if ex.kind != "written")
ANSWERED = sorted(k for k in EXERCISES if selfcheck.EXERCISES[k].kind not in ("chart", "function"))
FUNCTIONS = sorted(k for k in EXERCISES if selfcheck.EXERCISES[k].kind == "function")


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


@pytest.fixture
def registered_exercises():
    """Exercises registered by a test ("T.x") are removed after it."""
    before = set(selfcheck.EXERCISES)
    yield
    for key in set(selfcheck.EXERCISES) - before:
        del selfcheck.EXERCISES[key]


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


# ---------------------------------------------------------------- the review's cases (issue 21, "Why")


def test_a_vote_in_any_case_and_inflection():
    """03.2 asks for India's vote on ES-11/8 (it abstained): the code wo.vote_of returns and every word for it."""
    assert wo.vote_of("ES-11/8", "India") == "A"
    for form in ("A", "a", "abstained", "Abstention", "Abstain", " ABSTAINS ", pd.Series(["A"])):
        assert wo.check("03.2", form), form
    for form in ("Yes", "N", "did not vote", "X"):
        assert not wo.check("03.2", form), form
    assert "not a vote" in wo.check("03.2", "maybe").message


def test_the_project_s_own_result_objects_are_read_as_the_notebook_prints_them():
    verdict = wo.check_claim("vote_list", "ES-11/7", "N", ["USA", "Russia", "North Korea", "Belarus"], scope="exact")
    assert not isinstance(verdict, str)
    assert wo.check("04.6", verdict), "the Verdict itself, not only str(verdict)"
    assert wo.check("04.6", str(verdict))


def test_bloc_names_as_wo_bloc_reads_them(registered_exercises):
    selfcheck.exercise("T.B", hint="h", kind="bloc")(lambda: "AU")
    for form in ("AU", "African Union", "african union", "au"):
        assert wo.check("T.B", form), form
    assert not wo.check("T.B", "African Group") and not wo.check("T.B", "EU")
    result = wo.check("05.1", "African Union")  # 05.1's answer is another bloc: the name is read, and aimed at
    assert not result and "the AU was the most split on ES-11/7" in result.message


def test_a_file_name_with_or_without_its_extension(registered_exercises):
    selfcheck.exercise("T.F", hint="h", kind="file")(lambda: "vote_disputes.csv")
    for form in ("vote_disputes", "vote_disputes.csv", "data/vote_disputes.csv", "Vote_Disputes"):
        assert wo.check("T.F", form), form
    assert not wo.check("T.F", "votes") and not wo.check("T.F", "vote_disputes.parquet.csv")


def test_00_4_hint_points_to_the_rows_column_not_to_a_file():
    ex = selfcheck.EXERCISES["00.4"]
    assert ex.kind == "number" and "sum()" in ex.hint and "rows" in ex.hint


def test_a_one_row_series_whose_index_holds_the_year():
    record = wo.resolutions()
    top = record[record["body"] == "SC"]["year"].value_counts().head(1)  # the year in the index, its count as value
    assert wo.check("00.2", top), "the year in the index of a one-row Series is the answer asked for"
    assert wo.check("00.2", top.reset_index().iloc[:, :1])
    result = wo.check("00.2", record[record["body"] == "SC"]["year"].value_counts())
    assert not result and "give the value, not the table" in result.message
    table = wo.resolutions(focus=True)
    assert "give the value, not the table" in wo.check("03.4", table).message


@pytest.mark.parametrize("text", ["1,1", "1.1.", "11 votes", "eleven", "1 1", ",11"])
def test_text_that_only_looks_like_a_number_is_refused(text):
    assert wo.vote_table("68/262")["vote"].eq("N").sum() == 11
    result = wo.check("03.1", text)
    assert not result and "not written as a number" in result.message
    assert "11" not in result.message.replace(text, ""), "the feedback must not give the answer"
    assert wo.check("03.1", "11") and wo.check("03.1", " 11 ")


def test_the_african_regional_group_is_not_the_african_union_on_the_day():
    day = wo.resolutions(resolutions="62/249")["date"].iloc[0]
    group = wo.votes(resolutions="62/249", countries=wo.bloc_members("African Group", on=day))
    today = wo.votes(resolutions="62/249", countries=wo.bloc_members("AU", on="2025-02-24"))
    for wrong in ((group["vote"] == "A").sum(), (today["vote"] == "A").sum()):
        result = wo.check("04.4", wrong)
        assert not result and "not in the African Union on that day" in result.message
    assert wo.check("04.4", solution("04.4")())


# -- charts: judged by what they draw


def test_01_6_a_transform_filter_on_several_blocs_is_accepted():
    import altair as alt

    counts = wo.membership_counts(["NATO", "Warsaw Pact"])
    base = alt.Chart(counts).mark_line().encode(x="year:Q", y="members:Q").properties(title="t", description="d")
    assert wo.check("01.6", base.transform_filter(alt.datum.bloc == "Warsaw Pact"))
    assert wo.check("01.6", base.transform_filter(alt.FieldEqualPredicate(field="bloc", equal="Warsaw Pact")))
    result = wo.check("01.6", base.transform_filter(alt.datum.bloc == "NATO"))
    assert not result and "does not draw the Warsaw Pact's members" in result.message


def test_02_5_a_filter_or_the_us_agreement_table_is_accepted():
    import altair as alt

    agreement = wo.yearly_agreement().query("iso3_a == 'CHN'")  # China with every code after it in the alphabet
    line = alt.Chart(agreement).mark_line().encode(x="year:Q", y="share:Q").properties(title="t", description="d")
    assert wo.check("02.5", line.transform_filter((alt.datum.iso3_a == "CHN") & (alt.datum.iso3_b == "USA")))
    assert wo.check("02.5", line.transform_filter({"and": [{"field": "iso3_a", "equal": "CHN"},
                                                           {"field": "iso3_b", "oneOf": ["USA"]}]}))
    assert wo.check("02.5", line.properties(data=wo.us_agreement(["China"])))
    assert not wo.check("02.5", line.properties(data=wo.us_agreement(["Russia"])))
    assert not wo.check("02.5", line.transform_filter("datum.iso3_a === 'CHN'")), "every pair with China is not it"


def test_03_6_a_count_aggregate_is_accepted_and_judged_by_its_counts():
    import altair as alt

    votes = wo.votes(resolutions="ES-11/1")
    bars = alt.Chart(votes).mark_bar().encode(x="count():Q", y="vote:N").properties(title="t", description="d")
    result = wo.check("03.6", bars)
    assert result, result.message
    assert wo.check("03.6", bars.encode(x="count(iso3):Q"))
    wrong = bars.properties(data=wo.votes(resolutions="ES-11/7"))
    assert not wo.check("03.6", wrong)
    assert "counts of ES-11/1" in wo.check("03.6", wrong).message


def test_07_2_asks_for_typed_encodings():
    import altair as alt

    table = wo.cohesion(["ASEAN"], ["ES-11/1", "ES-11/7"])
    typed = alt.Chart(table).mark_bar().encode(x="agreement_index:Q", y="short:N").properties(title="t",
                                                                                              description="d")
    assert wo.check("07.2", typed)
    assert wo.check("07.2", typed.encode(x=alt.X("agreement_index", type="quantitative")))
    untyped = typed.encode(x="agreement_index", y="short")
    result = wo.check("07.2", untyped)
    assert not result and "x has no type" in result.message and "y has no type" in result.message


def test_06_5_asks_for_the_sort_order():
    import altair as alt

    table = wo.positions(1990)
    dots = alt.Chart(table).mark_point().properties(title="t", description="d")
    for y in (alt.Y("country:N", sort="-x"), alt.Y("country:N", sort="x"),
              alt.Y("country:N", sort=alt.EncodingSortField("position", order="descending")),
              alt.Y("country:N", sort=table.sort_values("position")["country"].tolist())):
        assert wo.check("06.5", dots.encode(x="position:Q", y=y)), y
    result = wo.check("06.5", dots.encode(x="position:Q", y="country:N"))
    assert not result and "not sorted" in result.message


# ---------------------------------------------------------------- functions of the tables, on changed copies

#: for each function exercise, a shortcut that fits only today's numbers, and the case it must fail on
SHORTCUTS = {
    "01.7": (lambda spells: ["IDN", "MYS", "PHL", "SGP", "THA"], "a founder's row is removed"),
    "02.6": (lambda votes, a, b: solution("02.6")()(wo.votes(years=1995, body="GA", countries=["FRA", "DEU"]), a, b),
             "one yes vote is flipped to no"),
    "03.7": (lambda votes: sorted(wo.votes(resolutions="ES-11/7").query("vote == 'N'")["iso3"]),
             "one yes voter voted no"),
    "04.10": (lambda votes, country: int((votes["vote"] == "A").sum()) - 1, "the country itself voted yes"),
    "05.7": (lambda votes: solution("05.7")()(selfcheck_tables("05.7")), "one member that did not vote voted yes"),
    "06.6": (lambda members, first, last: int(wo.members()["admission_date"].dt.year.between(first, last).sum()),
             "a member admitted in 1955 is removed"),
}


def selfcheck_tables(key):
    """The real table a function exercise runs on (read again, as a shortcut would)."""
    from worldorder.exercises import nb05

    return nb05._au_votes()["votes"]


def test_notebooks_01_to_06_each_ask_for_a_function_of_the_tables():
    assert {k.split(".")[0] for k in FUNCTIONS} >= {"01", "02", "03", "04", "05", "06"}
    assert set(SHORTCUTS) == set(FUNCTIONS)


@pytest.mark.parametrize("key", FUNCTIONS)
def test_a_right_function_passes_on_the_real_data_and_every_changed_copy(key):
    result = wo.check(key, solution(key)())
    assert result and "changed copies" in result.message, result.message


@pytest.mark.parametrize("key", FUNCTIONS)
def test_a_shortcut_that_fits_only_today_fails_and_names_the_case(key):
    shortcut, case = SHORTCUTS[key]
    result = wo.check(key, shortcut)
    assert not result and "right on the real data" in result.message and case in result.message, result.message


@pytest.mark.parametrize("key", FUNCTIONS)
def test_a_function_exercise_explains_an_empty_stub_and_a_value(key):
    def stub(*tables):
        ...

    assert wo.check(key, stub).status == "no answer"
    assert "give the function itself" in wo.check(key, 12).message
    assert wo.check(key, ...).status == "no answer"


def test_a_function_that_stops_is_told_where():
    def broken(votes):
        return votes["no such column"]

    result = wo.check("03.7", broken)
    assert not result and "on the real data, your function stopped with KeyError" in result.message
