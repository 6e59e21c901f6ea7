"""Self-checks for the exercises: ``wo.check("02.1", answer)`` says right or not yet, never the answer.

Each notebook's exercises live in ``worldorder/exercises/nbNN.py``, which import this module and register
themselves with it; importing ``worldorder`` imports ``worldorder.exercises``, so the arrows run down the layers
(the package → the exercises → the checks) and this module never loads the exercises. There are four kinds:

- :func:`exercise`: a function that computes the expected answer from the shipped data; the learner's answer
  is read as :mod:`worldorder.answers` reads it (a one-row Series, a vote word, a bloc name, "1,234" but not
  "1,1"), per kind: value, number, country, countries, text, vote, bloc, file;
- :func:`chart_exercise`: a chart the learner builds, judged by what it draws (:mod:`worldorder.drawn`: its data
  after its filters and aggregates) and by its specification (mark, encoded fields and their types, sort, title
  and description: :mod:`worldorder.chartspec`), by ``wo.check(key, chart)`` or :func:`check_chart`;
- :func:`worldorder.methods.function_exercise`: a function of the tables the learner writes, run on the real data
  and on hidden changed copies;
- :func:`written`: an "argue from the data" question; its check records the answer and says it is not
  auto-checked (TEACHING.md has a model answer and a rubric; nbgrader grades it by hand: tools/nbgrade.py).

A :class:`CheckResult` shows as HTML in JupyterLab and as plain text elsewhere (:mod:`worldorder.feedback`).

**How the expected answers are hidden.** The answer is never stored as text or as an attribute. The
registered function is held only inside a closure; on the first check it is called once, its value is
normalised and turned into *salted SHA-256 digests*, and the plain value is dropped. A check normalises the
learner's answer the same way and compares digests. ``EXERCISES[key]`` holds the key, the hints, the kind,
the tolerance and the feedback for known wrong answers, and its ``repr`` shows nothing more. The salt is random
per session, so no table made beforehand helps. (A determined learner can still compute the answer or try
candidates: the aim is no answer lying around in plain form, not secrecy.)

**The rule for numbers.** A digest only says "equal", so tolerance is turned into a set of digests:

- the number line is cut into cells a quarter of the tolerance wide; the digests of the cells touching
  ``[expected - tolerance, expected + tolerance]`` are kept; an answer is accepted when its cell is among them
  (within the tolerance, give or take a quarter of it; never further);
- with no tolerance, the digest is that of the value rounded to 9 decimals (so ``12``, ``12.0`` and
  ``np.int64(12)`` are the same answer);
- an answer written with 2 to 6 decimals is also accepted when it equals the expected value rounded to that
  many decimals (the digests of ``f"{expected:.2f}"`` ... ``f"{expected:.6f}"`` are kept); one decimal is read
  as two, since ``round(0.0987, 2)`` is ``0.1``;
- with ``percent_ok=True`` (a share the question allows as a percentage), ``36.7`` is also read as ``0.367``.

**Hints grow** with each attempt that is not right: a nudge, then where to look, then the method; the last
one is repeated. A hint names functions and columns, never the value. **Known wrong answers** get feedback
aimed at the mistake: ``wrong={13: "that is the count for ES-11/7"}`` (a tuple of values still works: they are
tested as wrong, with the ordinary hint). A key may also be a test on the answer, for answers that are not
one value (``wrong={starts("right"): "you read the list as examples"}``).

Every check is recorded in :data:`LOG` (key, status, attempt), which ``tools/grade.py`` reads after running
a learner's notebook.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from worldorder import answers, feedback
from worldorder.chartspec import chart_problems

#: the kinds an :func:`exercise` may have, then the kinds registered otherwise
ANSWER_KINDS = ("value", "number", "country", "countries", "text", "vote", "bloc", "file")
KINDS = (*ANSWER_KINDS, "chart", "written", "function")
_SALT = secrets.token_bytes(16)
_DECIMAL_PLACES = range(2, 7)

NUDGES = {
    "number": "Read the question again: what exactly is counted or measured, and in which table?",
    "value": "Read the question again: which table holds this, and which column answers it?",
    "country": "Answer with one country (a name, a label or a three-letter code all work).",
    "countries": "Answer with every country asked for: a list, or names separated by commas.",
    "text": "Answer with the word or name exactly as the table writes it (case and spacing do not matter).",
    "vote": "Answer with the vote: Yes, No, Abstain or Did not vote (or the code Y, N, A or X).",
    "bloc": "Answer with one bloc, by the name or abbreviation wo.bloc() reads (e.g. 'NATO', 'African Union').",
    "file": "Answer with the file's name, as `manifest` writes it in the `file` column.",
    "function": "Write the function so that it works on any table of the same shape, not only today's.",
    "chart": "Build the chart with alt.Chart(table).mark_...().encode(...).properties(title=..., description=...).",
}


def _digest(key: str, text: str) -> str:
    return hashlib.sha256(_SALT + key.encode() + b"\0" + text.encode()).hexdigest()


# ---------------------------------------------------------------- numbers as digests (reading answers: answers.py)


def _number(answer) -> float:
    return answers.number(answers.scalar(answer))


def _places(value: float) -> int:
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _number_forms(value: float, tolerance: float, rounding: bool = True) -> set[str]:
    """Every normalised form under which ``value`` (the expected one) is accepted."""
    step = tolerance / 4
    cells = range(math.floor((value - tolerance) / step), math.floor((value + tolerance) / step) + 1) if step else ()
    forms = {f"cell:{k}" for k in cells} if tolerance else {f"exact:{round(value, 9):.9f}"}
    if rounding:
        forms |= {f"round{p}:{value:.{p}f}" for p in _DECIMAL_PLACES}
    return forms


def _answer_forms(value: float, tolerance: float) -> set[str]:
    """The forms of a learner's number: its cell (or exact value) and, if it has 2-6 decimals, its rounding."""
    forms = {f"cell:{math.floor(value / (tolerance / 4))}"} if tolerance else {f"exact:{round(value, 9):.9f}"}
    places = _places(value)
    if places == 1:  # round(0.0987, 2) is 0.1: a float drops the trailing zero of 0.10
        places = 2
    if places in _DECIMAL_PLACES:
        forms.add(f"round{places}:{value:.{places}f}")
    return forms


def _as_percent(value: float) -> float:
    """36.7 (a percentage) as the share 0.367, without binary noise in its decimals."""
    return float(Decimal(repr(value)).scaleb(-2))


def _normal(kind: str, value) -> str:
    return answers.normal(kind, value if kind == "countries" else answers.scalar(value))


def _is_number(value) -> bool:
    return answers.is_number(answers.scalar(value))


# ---------------------------------------------------------------- the registry


class Exercise:
    """One exercise: its key, kind, hints and feedback. It holds no expected answer (see the module docstring)."""

    __slots__ = ("key", "kind", "hints", "tolerance", "percent_ok", "feedback", "wrong", "spec", "_verdict")

    def __init__(self, key, kind, hints, tolerance=0.0, percent_ok=False, feedback=None, spec=None, verdict=None):
        self.key, self.kind, self.hints = key, kind, tuple(hints)
        self.tolerance, self.percent_ok = float(tolerance), bool(percent_ok)
        self.feedback = dict(feedback or {})
        # answers that must be judged wrong (the tests feed them in); a callable key is a test on the answer
        self.wrong = tuple(value for value in self.feedback if not callable(value))
        self.spec = spec
        self._verdict = verdict

    @property
    def hint(self) -> str:
        """The last, fullest hint (the method, never the answer)."""
        return self.hints[-1]

    def __repr__(self) -> str:
        return f"<exercise {self.key} ({self.kind}): check it with wo.check({self.key!r}, answer)>"


EXERCISES: dict[str, Exercise] = {}
LOG: list[dict] = []
_ATTEMPTS: dict[str, int] = {}


def _hints(hint, kind: str) -> tuple[str, ...]:
    hints = (NUDGES.get(kind, NUDGES["value"]), hint) if isinstance(hint, str) else tuple(hint)
    if not hints or not all(isinstance(h, str) and h for h in hints):
        raise ValueError("hint must be a string or a sequence of strings")
    return hints


def _feedback(wrong) -> dict:
    if isinstance(wrong, Mapping):
        return {value: (message or "") for value, message in wrong.items()}
    return {value: "" for value in wrong}


def starts(prefix: str) -> Callable[[object], bool]:
    """A test for ``wrong=``: the answer, read as text, starts with ``prefix`` (case and outer spaces ignored).

    >>> starts("right")(" Right: the roll call has ...")
    True
    >>> starts("right")("incomplete: ...")
    False
    """
    def test(answer) -> bool:
        return str(answers.scalar(answer)).strip().lower().startswith(prefix.lower())

    test.__name__ = f"starts({prefix!r})"
    return test


def exercise(key: str, hint="", kind: str = "value", tolerance: float = 0.0, wrong=(), percent_ok: bool = False):
    """Register a function that computes the expected answer of exercise ``key`` (called once, at the first check;
    only digests of its value are kept, and the decorator returns ``None``). ``hint``: one string (after a general
    nudge) or growing hints; ``wrong``: a tuple of wrong answers or a mapping to feedback aimed at each mistake.
    """
    if kind not in ANSWER_KINDS:
        raise ValueError(f"kind must be one of {ANSWER_KINDS}, not {kind!r}")

    def register(func):
        state: dict = {}  # only digests, filled on the first check

        def verdict(answer) -> bool:
            if "digests" not in state:
                value = func()
                state["numeric"] = kind == "number" or (kind == "value" and _is_number(value))
                forms = _number_forms(_number(value), tolerance) if state["numeric"] else {_normal(kind, value)}
                state["digests"] = {_digest(key, form) for form in forms}
                del value
            if kind == "countries":
                return _digest(key, _normal(kind, answer)) in state["digests"]
            problem, read = None, False
            for option in answers.candidates(answer):  # a one-row Series: its value, then its index label
                try:
                    if not state["numeric"]:
                        forms = {answers.normal(kind, option)}
                    else:
                        number = answers.number(option)
                        forms = {f for v in [number] + ([_as_percent(number)] if percent_ok else [])
                                 for f in _answer_forms(v, tolerance)}
                except (ValueError, TypeError, KeyError) as err:
                    problem = problem or err
                    continue
                if any(_digest(key, form) in state["digests"] for form in forms):
                    return True
                read = True
            if problem and not read:
                raise problem
            return False

        EXERCISES[key] = Exercise(key, kind, _hints(hint, kind), tolerance, percent_ok, _feedback(wrong), verdict=verdict)

    return register


def written(key: str, look_for: Iterable[str]):
    """Register an "argue from the data" question, not auto-checked; ``look_for``: what a good answer does."""
    EXERCISES[key] = Exercise(key, "written", tuple(look_for))


# ---------------------------------------------------------------- charts

def _once(func: Callable | None) -> Callable | None:
    """``func``, computed at its first call only (what a chart must draw: a table that takes time to compute)."""
    if func is None:
        return None
    kept: list = []

    def once():
        if not kept:
            kept.append(func())
        return kept[0]

    return once


def chart_exercise(key: str, marks, encodings: Mapping[str, tuple], hint="", data: Callable | None = None,
                   title: bool = True, description: bool = True, draws: Callable | None = None,
                   sort: tuple[str, str] | None = None, typed: bool = False):
    """Register a chart to build: accepted ``marks``; ``encodings`` maps each required channel to ``(field,
    types)`` (a column, a tuple of columns or ``None`` for any; type letters such as ``"QT"``); ``draws()`` returns
    what the chart must draw (see :func:`worldorder.chartspec.draws_problems`), judged on the chart's data after
    its transforms and aggregates; ``data(table)`` returns ``None`` or what is wrong with the chart's table, used
    when what is drawn cannot be evaluated; ``sort=("y", "x")``: y sorted by x; ``typed``: every encoding written
    with its type; ``title``/``description`` are required by default.
    """
    spec = {"marks": (marks,) if isinstance(marks, str) else tuple(marks), "encodings": dict(encodings),
            "data": data, "title": title, "description": description, "draws": _once(draws), "sort": sort,
            "typed": typed}
    EXERCISES[key] = Exercise(key, "chart", _hints(hint, "chart"), spec=spec)


# ---------------------------------------------------------------- checking


class CheckResult:
    """The verdict of a check: truthy when right, shown as a short message; ``status`` is "right", "not yet",
    "no answer" or "written" (a written answer, not auto-checked)."""

    def __init__(self, key: str, right, message: str, status: str | None = None, attempt: int = 0):
        self.key, self.right, self.message, self.attempt = key, right, message, attempt
        self.status = status or ("right" if right else "not yet")

    def __bool__(self) -> bool:
        return bool(self.right)

    def __repr__(self) -> str:
        return feedback.plain(self.message)

    def _repr_html_(self) -> str:
        return feedback.html(self.message, self.status)


def _lookup(key) -> Exercise:
    if not isinstance(key, str) or key not in EXERCISES:
        shown = ", ".join(sorted(EXERCISES)[:3])
        raise ValueError(f"Unknown exercise {key!r}. Exercises are named like {shown}.")
    return EXERCISES[key]


def _record(ex: Exercise, right, status: str, text: str) -> CheckResult:
    attempt = _ATTEMPTS[ex.key] = _ATTEMPTS.get(ex.key, 0) + 1
    LOG.append({"key": ex.key, "status": status, "attempt": attempt})
    return CheckResult(ex.key, right, f"Exercise {ex.key} (attempt {attempt}): {text}", status, attempt)


def _hint(ex: Exercise) -> str:
    misses = sum(1 for entry in LOG if entry["key"] == ex.key and entry["status"] != "right")
    return ex.hints[min(misses, len(ex.hints) - 1)]


def _empty(answer) -> bool:
    return answer is None or answer is ... or (isinstance(answer, str) and not answer.strip())


def _known_wrong(ex: Exercise, answer) -> str | None:
    """The feedback for a registered wrong answer, if the answer is one."""
    for value, message in ex.feedback.items():
        if not message:
            continue
        try:
            if callable(value):
                same = value(answer)
            elif ex.kind == "number" or (ex.kind == "value" and _is_number(value)):
                same = _number_forms(_number(value), 0, rounding=False) & _answer_forms(_number(answer), 0)
            else:
                same = _normal(ex.kind, value) == _normal(ex.kind, answer)
        except (ValueError, TypeError):
            continue
        if same:
            return message
    return None


def check(key: str, answer) -> CheckResult:
    """Say whether ``answer`` to exercise ``key`` is right; give a hint (growing with attempts) when it is not."""
    ex = _lookup(key)
    if ex.kind == "chart":
        return check_chart(key, answer)
    if ex.kind == "written":
        return _check_written(ex, answer)
    if ex.kind == "function":
        return _check_function(ex, answer)
    if _empty(answer):
        return _record(ex, False, "no answer", f"no answer yet. Replace ... with your answer. Hint: {_hint(ex)}")
    try:
        right = ex._verdict(answer)
    except answers.NotOneValue as err:
        return _record(ex, False, "not yet", f"Not yet: {err}. Hint: {_hint(ex)}")
    except (ValueError, TypeError, KeyError) as err:
        return _record(ex, False, "not yet", f"that answer could not be read ({err}). Hint: {_hint(ex)}")
    if right:
        return _record(ex, True, "right", "Right!")
    aimed = _known_wrong(ex, answer)
    return _record(ex, False, "not yet", f"Not yet{': ' + aimed if aimed else ''}. Hint: {_hint(ex)}")


def check_chart(key: str, chart) -> CheckResult:
    """Read the chart's specification (mark, encoded fields and types, title, description); say what is missing."""
    ex = _lookup(key)
    if ex.kind != "chart":
        raise ValueError(f"Exercise {key} is not a chart exercise: use wo.check({key!r}, answer).")
    if _empty(chart):
        return _record(ex, False, "no answer", f"no chart yet. Hint: {_hint(ex)}")
    problems = chart_problems(ex.spec, chart)
    if not problems:
        return _record(ex, True, "right", "Right! The chart has everything asked for.")
    return _record(ex, False, "not yet", f"Not yet: {'; '.join(problems)}. Hint: {_hint(ex)}")


def _check_function(ex: Exercise, answer) -> CheckResult:
    """A "write a function" exercise (worldorder.methods): run on the real data and on changed copies."""
    if _empty(answer):
        return _record(ex, False, "no answer", f"no function yet. Hint: {_hint(ex)}")
    status, text = ex._verdict(answer)
    if status == "right":
        return _record(ex, True, "right", text)
    lead = "no answer yet: " if status == "no answer" else "Not yet: "
    return _record(ex, False, status, f"{lead}{text}. Hint: {_hint(ex)}")


def _check_written(ex: Exercise, answer) -> CheckResult:
    checklist = " ".join(f"({i}) {item}" for i, item in enumerate(ex.hints, 1))
    if _empty(answer) or not isinstance(answer, str):
        return _record(ex, None, "no answer", "no answer yet: write your answer as text between the quotes. "
                                              f"A good answer: {checklist}")
    words = len(answer.split())
    return _record(ex, None, "written", f"your answer ({words} words) is recorded. This question is not "
                                        f"auto-checked: your teacher reads it. Before you hand it in, check that "
                                        f"it: {checklist}")


def log_json() -> str:
    """Every check of this session as JSON (what ``tools/grade.py`` reads)."""
    return json.dumps(LOG)
