"""The self-checks: every correct form accepted, wrong answers refused with aimed feedback, growing hints,
answers not readable from the kernel, written questions, chart checks."""

import altair as alt
import numpy as np
import pandas as pd
import pytest

import worldorder as wo
from worldorder import checks


@pytest.fixture
def registered():
    """Register test exercises (keys "T.n") for one test, then remove them."""
    before = set(checks.EXERCISES)
    checks.LOG.clear()
    checks._ATTEMPTS.clear()
    yield
    for key in set(checks.EXERCISES) - before:
        del checks.EXERCISES[key]


def add_number(key, value, **options):
    checks.exercise(key, hint=("nudge", "where to look", "the method"), kind="number", **options)(lambda: value)


def test_numbers_in_every_form(registered):
    add_number("T.1", 12, wrong={13: "that is the count for ES-11/7", 11: None})
    for form in (12, 12.0, np.int64(12), np.float32(12), pd.Series([12]), np.array([12]), [12], "12",
                 pd.DataFrame({"n": [12]})):
        assert wo.check("T.1", form), repr(form)
    for form in (13, 11, 12.5, -12, "twelve", True):
        assert not wo.check("T.1", form), repr(form)


def test_a_share_within_its_tolerance_and_rounded_to_its_decimals(registered):
    add_number("T.2", 0.36721, tolerance=0.005)
    for form in (0.36721, 0.367, 0.37, 0.3672, 0.365, 0.3699, np.float64(0.36721)):
        assert wo.check("T.2", form), form
    for form in (0.36, 0.38, 0.4, 36.7, 0.3, 1):
        assert not wo.check("T.2", form), form


def test_tolerance_is_never_widened_by_more_than_a_quarter(registered):
    add_number("T.3", 0.5, tolerance=0.01)
    assert wo.check("T.3", 0.509) and wo.check("T.3", 0.491)
    assert not wo.check("T.3", 0.5126) and not wo.check("T.3", 0.4874)


def test_percent_ok_accepts_a_share_or_a_percentage(registered):
    add_number("T.4", 0.36721, tolerance=0.0005, percent_ok=True)
    add_number("T.5", 0.36721, tolerance=0.0005)
    for form in (0.367, 36.7, 37, 36.72, "36.7%", 0.37):
        assert wo.check("T.4", form), form
    assert not wo.check("T.4", 38) and not wo.check("T.4", 0.38)
    assert not wo.check("T.5", 36.7), "a percentage only where the question allows it"


def test_known_wrong_answers_get_feedback_aimed_at_the_mistake(registered):
    add_number("T.6", 12, wrong={13: "that is the count for ES-11/7", 11: None})
    result = wo.check("T.6", np.int64(13))
    assert not result and "that is the count for ES-11/7" in result.message
    assert "ES-11/7" not in wo.check("T.6", 11).message
    checks.exercise("T.7", hint="h", kind="country", wrong={"Denmark": "Denmark is in the report's list"})(
        lambda: "NOR")
    assert "in the report's list" in wo.check("T.7", "denmark").message
    assert wo.check("T.7", "Norway") and wo.check("T.7", " nor ")


def test_tuple_form_of_wrong_answers_still_works(registered):
    checks.exercise("T.8", hint="look at the table", kind="text", wrong=("GA", "UN"))(lambda: "SC")
    assert checks.EXERCISES["T.8"].wrong == ("GA", "UN")
    assert wo.check("T.8", "sc") and wo.check("T.8", " SC ")
    assert not wo.check("T.8", "GA")


def test_hints_grow_with_attempts_and_stop_at_the_method(registered):
    add_number("T.9", 12)
    messages = [wo.check("T.9", 1).message for _ in range(4)]
    assert "nudge" in messages[0] and "where to look" in messages[1]
    assert "the method" in messages[2] and "the method" in messages[3]
    assert "attempt 4" in messages[3]
    one_hint = checks.exercise("T.10", hint="use wo.totals", kind="number")(lambda: 5)
    assert one_hint is None, "the decorator leaves no function behind"
    first, second = wo.check("T.10", 1).message, wo.check("T.10", 1).message
    assert "use wo.totals" not in first and "use wo.totals" in second


def test_countries_in_any_container_spelling_and_order(registered):
    checks.exercise("T.11", hint="h", kind="countries", wrong=("Hungary",))(lambda: ["USA", "HUN"])
    forms = [["USA", "HUN"], ("HUN", "USA"), {"usa", "hun"}, np.array(["USA", "HUN"]), pd.Series(["HUN", "USA"]),
             pd.Index(["USA", "HUN"]), "United States, Hungary", ["united states", "HUNGARY"]]
    for form in forms:
        assert wo.check("T.11", form), form
    assert not wo.check("T.11", "Hungary") and not wo.check("T.11", ["USA", "HUN", "FRA"])


def test_the_answer_is_not_readable_from_the_kernel(registered):
    secret = 987654
    add_number("T.12", secret)
    checks.exercise("T.13", hint="h", kind="text")(lambda: "zanzibar")
    for key in ("T.12", "T.13"):
        wo.check(key, 1)
        ex = checks.EXERCISES[key]
        visible = repr(ex) + repr([getattr(ex, name, None) for name in checks.Exercise.__slots__ if name != "_verdict"])
        assert "987654" not in visible and "zanzibar" not in visible
        assert not hasattr(ex, "expected") and not hasattr(ex, "__dict__")
        cells = [c.cell_contents for c in ex._verdict.__closure__ or ()]
        state = next(c for c in cells if isinstance(c, dict))
        assert set(state) == {"numeric", "digests"}
        assert all(len(d) == 64 for d in state["digests"])


def test_every_real_exercise_is_hidden():
    for key, ex in checks.EXERCISES.items():
        assert not hasattr(ex, "expected"), key
        assert repr(ex).startswith(f"<exercise {key}"), key


def test_an_empty_answer_says_so(registered):
    add_number("T.14", 3)
    result = wo.check("T.14", ...)
    assert not result and result.status == "no answer" and "no answer yet" in result.message


def test_written_questions_are_recorded_not_auto_checked(registered):
    checks.written("T.W", ["names the votes used", "gives a number from a cell"])
    empty = wo.check("T.W", "")
    assert empty.status == "no answer" and not empty
    result = wo.check("T.W", "The EU held together on ES-11/7 but...")
    assert result.status == "written" and "not auto-checked" in result.message and "names the votes" in result.message
    assert checks.LOG[-1] == {"key": "T.W", "status": "written", "attempt": 2}


# ---------------------------------------------------------------- charts

TABLE = pd.DataFrame({"year": [2000, 2001, 2002], "share": [0.5, 0.4, 0.3], "iso3": ["CHN"] * 3})


def add_chart():
    checks.chart_exercise("T.C", marks=("line", "point"), hint="build it",
                          encodings={"x": ("year", "QT"), "y": (("share", "agreement"), "Q"), "color": (None, "N")},
                          data=lambda t: None if set(t["iso3"]) == {"CHN"} else "the chart should show China")


def good():
    return alt.Chart(TABLE).mark_line().encode(x="year:Q", y="share:Q", color="iso3:N").properties(
        title="t", description="d")


def test_a_complete_chart_passes(registered):
    add_chart()
    assert wo.check("T.C", good()) and checks.check_chart("T.C", good())
    layered = alt.layer(good(), good().mark_point()).properties(title="t", description="d")
    assert wo.check("T.C", layered)


@pytest.mark.parametrize("change, says", [
    (lambda c: c.mark_bar(), "needs mark_line() or mark_point()"),
    (lambda c: c.encode(x="year:N"), "give it the type :Q or :T"),
    (lambda c: c.encode(y="iso3:N"), "y shows iso3"),
    (lambda c: alt.Chart(TABLE).mark_line().encode(x="year:Q", y="share:Q").properties(title="t", description="d"),
     "nothing is encoded on color"),
    (lambda c: c.properties(title=""), "no title"),
    (lambda c: alt.Chart(TABLE).mark_line().encode(x="year:Q", y="share:Q", color="iso3:N").properties(title="t"),
     "no description"),
    (lambda c: c.properties(data=TABLE.assign(iso3="USA")), "should show China"),
])
def test_a_chart_missing_something_is_told_what(registered, change, says):
    add_chart()
    result = wo.check("T.C", change(good()))
    assert not result and says in result.message, result.message


def test_not_a_chart(registered):
    add_chart()
    assert "not an Altair chart" in wo.check("T.C", TABLE).message
    assert wo.check("T.C", ...).status == "no answer"
    with pytest.raises(ValueError, match="not a chart exercise"):
        add_number("T.15", 1)
        checks.check_chart("T.15", good())


# ---------------------------------------------------------------- the notebooks' chart exercises


def real_chart_keys():
    return sorted(k for k, ex in checks.EXERCISES.items() if ex.kind == "chart")


@pytest.mark.parametrize("key", real_chart_keys())
def test_each_chart_exercise_refuses_a_chart_missing_a_part(key):
    from test_exercises import solution

    right = solution(key)()
    assert wo.check(key, right), key
    no_description = alt.Chart(right.data).mark_line().encode(**{
        ch: right.to_dict()["encoding"][ch]["field"] + ":" + right.to_dict()["encoding"][ch]["type"][0].upper()
        for ch in ("x", "y")}).properties(title="t")
    assert "no description" in wo.check(key, no_description).message
    only_x = alt.Chart(right.data).mark_text().encode(x=right.encoding.x).properties(title="t", description="d")
    message = wo.check(key, only_x).message
    assert not wo.check(key, only_x) and "nothing is encoded on y" in message, message


def test_every_notebook_after_00_has_a_chart_exercise_and_every_notebook_a_written_question():
    kinds = {}
    for key, ex in checks.EXERCISES.items():
        kinds.setdefault(key.split(".")[0], set()).add(ex.kind)
    for notebook, found in kinds.items():
        if notebook != "04":  # notebook 04 is written by another hand
            assert "written" in found, notebook
            assert notebook == "00" or "chart" in found, notebook


def test_a_share_rounded_to_two_decimals_that_lost_its_trailing_zero(registered):
    add_number("T.16", 0.0987, tolerance=0.0005, percent_ok=True)
    assert wo.check("T.16", round(0.0987, 2)) and wo.check("T.16", 10) and wo.check("T.16", 9.87)
    assert not wo.check("T.16", 0.2) and not wo.check("T.16", 0.12) and not wo.check("T.16", 11)


@pytest.mark.parametrize("key", sorted(k for k in checks.EXERCISES
                                       if checks.EXERCISES[k].kind not in ("chart", "written", "function")))
def test_no_hint_or_feedback_gives_the_answer_away(key):
    import re

    from test_exercises import solution

    ex = checks.EXERCISES[key]
    value = solution(key)()
    values = value if isinstance(value, list) else [value]
    texts = list(ex.hints) + [m for m in ex.feedback.values() if m]
    for item in values:
        if isinstance(item, str):
            forms = {item} | ({wo.country_label(wo.country(item)), wo.country_label(wo.country(item)).split(" (")[0]} if ex.kind.startswith(
                "countr") else set())
            forms = {f for f in forms if len(f) > 3}
        else:
            number = float(item)
            forms = {f"{number:g}", f"{number:.2f}"} if abs(number) >= 10 or number != int(number) else set()
        for text in texts:
            for form in forms:
                assert not re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", text), (key, form, text)


# ---------------------------------------------------------------- feedback worth reading


def test_feedback_is_html_with_code_as_code_and_words_never_broken(registered):
    checks.exercise("T.H", hint=("nudge", "use `wo.totals` on `ES-11/1`", "the method"), kind="number",
                    wrong={13: "that counts `ES-11/7` <not> ES-11/1"})(lambda: 12)
    wo.check("T.H", 1)
    result = wo.check("T.H", 13)
    page = result._repr_html_()
    assert "<code" in page and "`" not in page and "white-space: nowrap" in page
    assert "word-break: normal" in page and "overflow-wrap: normal" in page
    assert "&lt;not&gt;" in page, "the message is escaped"
    assert "<b>Hint:</b>" in page and 'role="status"' in page
    assert "`" not in repr(result) and "wo.totals" in repr(result), "plain text without the backticks"
    assert "wo-not-yet" in page and "wo-right" in wo.check("T.H", 12)._repr_html_()


def test_a_prediction_is_recorded_and_shown_beside_the_result(registered):
    assert wo.reveal("T.Q").status == "no answer"
    assert wo.predict("T.Q", "...").status == "no answer"
    shown = wo.predict("T.Q", "No")
    assert shown.status == "predicted" and checks.LOG[-1] == {"key": "T.Q", "status": "predicted", "attempt": 1,
                                                              "guess": "No"}
    result = wo.reveal("T.Q", "Abstain")
    assert "Your guess: No" in result.message and "The data: Abstain" in result.message
    assert "As you predicted" in wo.reveal("T.Q", "no").message
    assert "<b>Your guess:</b>" in result._repr_html_()
