"""Exercises that test the method: the learner writes a function of the tables, and the check runs it on the real
data and on hidden changed copies (a vote flipped, a member removed, a date moved).

A function that only fits today's numbers (``def no_voters(votes): return ["BLR", "PRK", ...]``) is right on the
real data and wrong on a changed copy; the feedback names the copy it failed on::

    @function_exercise("03.7", "no_voters", tables=lambda: {"votes": record.vote_table("ES-11/7")},
                       changes=[("one yes voter voted no", flip_one("Y", "N"))], kind="countries")
    def _(votes):
        return sorted(votes.loc[votes["vote"] == "N", "iso3"])

The reference function lives only in the check's closure, as the other exercises' answers do.

>>> import pandas as pd
>>> table = pd.DataFrame({"iso3": ["FRA", "RUS", "CHN"], "vote": ["Y", "N", "A"]})
>>> flip_one("Y", "N")({"votes": table})["votes"]["vote"].tolist()
['N', 'N', 'A']
>>> drop_one("vote", "N")({"votes": table})["votes"]["iso3"].tolist()
['FRA', 'CHN']
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable

import pandas as pd

from worldorder import answers, checks, names


def flip_one(old: str, new: str, column: str = "vote", table: str | None = None) -> Callable[[dict], dict]:
    """A change: the first row whose ``column`` is ``old`` gets ``new`` (in the first table, or ``table``)."""
    def change(tables: dict) -> dict:
        name = table or next(iter(tables))
        frame = tables[name].copy()
        at = frame.index[frame[column] == old][0]
        frame.loc[at, column] = new
        return {**tables, name: frame}

    return change


def set_where(column: str, where: Callable[[pd.DataFrame], pd.Series], value,
              table: str | None = None) -> Callable[[dict], dict]:
    """A change: ``column`` gets ``value`` in the rows where ``where(frame)`` is true."""
    def change(tables: dict) -> dict:
        name = table or next(iter(tables))
        frame = tables[name].copy()
        frame.loc[where(frame), column] = value
        return {**tables, name: frame}

    return change


def drop_one(column: str, value, table: str | None = None) -> Callable[[dict], dict]:
    """A change: the first row whose ``column`` is ``value`` is removed."""
    def change(tables: dict) -> dict:
        name = table or next(iter(tables))
        frame = tables[name]
        return {**tables, name: frame.drop(frame.index[frame[column] == value][0])}

    return change


def move_date(column: str, where: Callable[[pd.DataFrame], pd.Series], by: pd.DateOffset,
              table: str | None = None) -> Callable[[dict], dict]:
    """A change: the date in ``column`` of the first row where ``where(frame)`` is true moves by ``by``."""
    def change(tables: dict) -> dict:
        name = table or next(iter(tables))
        frame = tables[name].copy()
        at = frame.index[where(frame)][0]
        frame.loc[at, column] = frame.loc[at, column] + by
        return {**tables, name: frame}

    return change


def _same(kind: str, got, expected, tolerance: float) -> bool:
    if kind == "countries":
        items = [got] if isinstance(got, str) else list(got)
        return set(names.country_keys(items)) == set(names.country_keys(list(expected)))
    if kind == "number":
        value = answers.number(answers.scalar(got))
        if isinstance(expected, float) and math.isnan(expected):
            return math.isnan(value)
        return abs(value - float(expected)) <= tolerance + 1e-9
    return answers.normal(kind, answers.scalar(got)) == answers.normal(kind, expected)


def function_exercise(key: str, name: str, tables: Callable[[], dict], changes, hint, kind: str = "number",
                      tolerance: float = 0.0):
    """Register the reference function of a "write a function" exercise (the decorator returns ``None``).

    ``tables()`` gives the real tables, passed to the functions in order; ``changes``: ``(what, change)`` pairs,
    ``change(tables)`` returning changed copies and ``what`` saying in words what changed (the feedback names it).
    """
    def register(reference):
        def judge(answer) -> tuple[str, str]:
            if not callable(answer):
                return "not yet", (f"give the function itself: `wo.check({key!r}, {name})`, without brackets after "
                                   "its name")
            real = tables()
            for what, change in [(None, None), *changes]:
                given = change(copy.deepcopy(real)) if change else real
                expected = reference(*copy.deepcopy(list(given.values())))
                try:
                    got = answer(*copy.deepcopy(list(given.values())))
                except Exception as err:  # noqa: BLE001  (the learner's code: say what it raised, and where)
                    where = "the real data" if what is None else f"a copy of the tables where {what}"
                    return "not yet", f"on {where}, your function stopped with {type(err).__name__}: {err}"
                if got is None or got is ...:
                    return "no answer", "your function returns nothing yet: end it with `return ...` and the result"
                try:
                    same = _same(kind, got, expected, tolerance)
                except (ValueError, TypeError, KeyError) as err:
                    return "not yet", f"your function's result could not be read ({err})"
                if not same and what is None:
                    return "not yet", "on the real data your function's result is not the one asked for"
                if not same:
                    return "not yet", (f"right on the real data, but not on a copy of the tables where {what}: "
                                       "compute from the table your function is given, not from today's numbers")
            cases = "; ".join(what for what, _change in changes)
            return "right", f"Right! Your function works on the real data and on changed copies ({cases})."

        checks.EXERCISES[key] = checks.Exercise(key, "function", checks._hints(hint, "function"), verdict=judge)

    return register
