"""Self-checks for the exercises: ``wo.check("02.1", answer)`` says right or wrong, never the answer.

Each notebook's exercises live in ``worldorder/exercises/nbNN.py``. An exercise
is a function that computes the expected answer from the shipped data,
registered with :func:`exercise`; the answer itself is never stored as text.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from worldorder import names


@dataclass(frozen=True)
class Exercise:
    key: str
    expected: Callable[[], object]
    hint: str
    kind: str = "value"  # value | number | country | countries | text
    tolerance: float = 0.0
    wrong: tuple = ()  # answers that must be judged wrong (used by the tests)


EXERCISES: dict[str, Exercise] = {}


def exercise(key: str, hint: str, kind: str = "value", tolerance: float = 0.0, wrong: tuple = ()):
    """Register a function that computes the expected answer of exercise ``key``."""
    def register(func):
        EXERCISES[key] = Exercise(key, func, hint, kind, tolerance, tuple(wrong))
        return func
    return register


def _load_all() -> None:
    from worldorder import exercises

    for module in pkgutil.iter_modules(exercises.__path__):
        importlib.import_module(f"worldorder.exercises.{module.name}")


class CheckResult:
    """The verdict of a check: truthy when right, shown as a short message."""

    def __init__(self, key: str, right: bool, message: str):
        self.key, self.right, self.message = key, right, message

    def __bool__(self) -> bool:
        return bool(self.right)

    def __repr__(self) -> str:
        return self.message


def _scalar(answer):
    """A one-value Series, array or list as that value; numpy scalars as Python numbers."""
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple)) and len(answer) == 1:
        answer = list(answer)[0]
    if isinstance(answer, (np.integer, np.floating, np.bool_)):
        answer = answer.item()
    return answer


def _decimals(value: float) -> int:
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _close(answer: float, expected: float, tolerance: float) -> bool:
    """Within the stated tolerance, or equal to the expected value rounded to the answer's own decimals (2 or more)."""
    if math.isclose(answer, expected, rel_tol=0, abs_tol=tolerance or 1e-9):
        return True
    places = _decimals(answer)
    return 2 <= places <= 6 and abs(answer - expected) <= 0.5 * 10 ** -places + 1e-12


def _same(ex: Exercise, answer, expected) -> bool:
    if ex.kind == "number":
        answer = _scalar(answer)
        if isinstance(answer, bool) or not isinstance(answer, (int, float, Fraction)):
            return False
        return _close(float(answer), float(expected), ex.tolerance)
    if ex.kind == "country":
        return names.country(_scalar(answer)) == expected
    if ex.kind == "countries":
        items = names.countries(answer if isinstance(answer, str) else list(answer))
        return set(items) == set(expected)
    if ex.kind == "text":
        return names.normalise(_scalar(answer)) == names.normalise(expected)
    return bool(_scalar(answer) == expected)


def check(key: str, answer) -> CheckResult:
    """Say whether ``answer`` to exercise ``key`` is right; give a hint when it is not."""
    _load_all()
    if not isinstance(key, str) or key not in EXERCISES:
        raise ValueError(f"Unknown exercise {key!r}. Exercises are named like {', '.join(sorted(EXERCISES)[:3])}.")
    ex = EXERCISES[key]
    if answer is None or answer is ...:
        return CheckResult(key, False, f"Exercise {key}: no answer yet. Replace ... with your answer. Hint: {ex.hint}")
    try:
        right = _same(ex, answer, ex.expected())
    except (ValueError, TypeError) as err:
        return CheckResult(key, False, f"Exercise {key}: that answer could not be read ({err}). Hint: {ex.hint}")
    verdict = "Right!" if right else f"Not yet. Hint: {ex.hint}"
    return CheckResult(key, right, f"Exercise {key}: {verdict}")
