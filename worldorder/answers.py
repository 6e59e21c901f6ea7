"""Reading what a learner hands in: one value out of a container, a number out of text, a vote out of a word.

The self-checks (:mod:`worldorder.checks`) compare normal forms, so every correct way of writing an answer must
reach the same form, and nothing that only looks like the answer may:

>>> number("1,234")
1234.0
>>> number("1,1")
Traceback (most recent call last):
...
ValueError: '1,1' is not written as a number: write digits, with a point for decimals and a comma only between groups of three digits (as in 1,234 or 0.37)
>>> vote("abstained"), vote("Abstention"), vote("A"), vote("in favour"), vote("did not vote")
('A', 'A', 'A', 'Y', 'X')
>>> import pandas as pd
>>> candidates(pd.Series([12], index=[1982]))
[12, 1982]
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np
import pandas as pd

from worldorder import names

#: Every word a learner may use for a vote, normalised (lower case, no punctuation), and its code.
VOTE_WORDS = {
    "Y": ("y", "yes", "yea", "yeas", "yes vote", "voted yes", "in favour", "in favor", "for", "favour", "favor",
          "voted in favour", "voted in favor", "vote yes"),
    "N": ("n", "no", "nay", "nays", "no vote", "voted no", "against", "voted against", "vote no"),
    "A": ("a", "abstain", "abstains", "abstained", "abstaining", "abstention", "abstentions", "abs"),
    "X": ("x", "did not vote", "didn't vote", "didnt vote", "not voting", "non voting", "nonvoting", "non-voting",
          "absent", "no vote recorded", "did not participate"),
}
_VOTES = {word: code for code, words in VOTE_WORDS.items() for word in words}
_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?|[+-]?\.\d+%?")
TABLE = "give the value, not the table"


class NotOneValue(ValueError):
    """The answer is a table (or a list) where one value is asked."""


def _plain(value):
    if isinstance(value, (np.integer, np.floating, np.bool_, np.str_)):
        return value.item()
    return value


def candidates(answer) -> list:
    """The values an answer may stand for: itself; a one-value container's value; for a one-row Series (or a
    one-row, one-column DataFrame) whose index is not 0, 1, 2... also its index label (``value_counts().head(1)``
    holds the year in its index and the count as its value). A bigger table raises :class:`NotOneValue`."""
    answer = _result_text(answer)
    if isinstance(answer, pd.DataFrame):
        if answer.shape[0] == 1 and answer.shape[1] == 1:
            series = answer.iloc[:, 0]
        elif answer.size == 1:
            series = answer.iloc[0]
        else:
            raise NotOneValue(f"{TABLE}: this is a table of {answer.shape[0]} rows and {answer.shape[1]} columns; "
                              "pick one cell, e.g. table['column'].iloc[0]")
        return candidates(series)
    if isinstance(answer, pd.Series):
        if len(answer) != 1:
            raise NotOneValue(f"{TABLE}: this Series has {len(answer)} values; pick the one asked for "
                              "(.iloc[0], .idxmax(), .loc[...])")
        found = [_plain(answer.iloc[0])]
        if not isinstance(answer.index, pd.RangeIndex):
            found.append(_plain(answer.index[0]))
        return found
    if isinstance(answer, (pd.Index, np.ndarray, list, tuple)) and len(answer) == 1:
        return [_plain(list(answer)[0])]
    return [_plain(answer)]


def scalar(answer):
    """The one value an answer stands for (its first candidate)."""
    return candidates(answer)[0]


def _result_text(answer):
    """The project's own result objects as the text the notebook prints (a Verdict as ``str(verdict)``)."""
    if type(answer).__module__.startswith("worldorder.") and type(answer).__str__ is not object.__str__:
        return str(answer)
    return answer


def number(answer) -> float:
    """A number from a number or from text written as one ("12", "1,234", "36.7%"); anything else raises."""
    answer = _plain(answer)
    if isinstance(answer, str):
        text = answer.strip()
        if not _NUMBER.fullmatch(text):
            raise ValueError(f"{answer!r} is not written as a number: write digits, with a point for decimals "
                             "and a comma only between groups of three digits (as in 1,234 or 0.37)")
        plain = text.replace(",", "")
        answer = float(plain.removesuffix("%")) / (100 if plain.endswith("%") else 1)
    if isinstance(answer, bool) or not isinstance(answer, (int, float, Fraction)):
        raise TypeError(f"expected a number, got {type(answer).__name__}")
    value = float(answer)
    if not math.isfinite(value):
        raise ValueError("the number is not finite")
    return value


def is_number(value) -> bool:
    value = _plain(value)
    return isinstance(value, (int, float, Fraction)) and not isinstance(value, bool)


def vote(answer) -> str:
    """A vote code (Y, N, A, X) from a code or a word in any case or inflection."""
    key = re.sub(r"[^a-z' ]", " ", names.normalise(answer)).strip()
    key = " ".join(key.split())
    if key in _VOTES:
        return _VOTES[key]
    raise ValueError(f"{answer!r} is not a vote: answer Yes, No, Abstain or Did not vote (or Y, N, A, X)")


def file_name(answer) -> str:
    """A data file's name, with or without its extension (``"vote_disputes"`` is ``vote_disputes.csv``)."""
    text = names.normalise(answer).strip("/ ")
    text = text.rsplit("/", 1)[-1]
    return re.sub(r"\.(csv|parquet|json|md|txt|arrow|feather)$", "", text)


def normal(kind: str, value) -> str:
    """The one normal form of a non-numeric answer of this kind."""
    value = _result_text(value)
    if kind == "country":
        return "country:" + names.country(value)
    if kind == "countries":
        items = names.country_keys(value if isinstance(value, str) else list(value))
        return "countries:" + ",".join(sorted(set(items)))
    if kind == "vote":
        return "vote:" + vote(value)
    if kind == "bloc":
        return "bloc:" + names.bloc(str(value))
    if kind == "file":
        return "file:" + file_name(value)
    if kind == "text":
        return "text:" + names.normalise(str(value))
    return "value:" + repr(value)
