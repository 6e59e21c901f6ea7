"""What a learner types, made comparable: text normalised one way, and list arguments read one way.

>>> normalise("Côte d’Ivoire"), normalise("ES–11/7")
("cote d'ivoire", 'es-11/7')
>>> as_list("country", b"UKR", "['Ukraine', 'Poland']")
Traceback (most recent call last):
...
ValueError: The countries b'UKR' are bytes, not text or a list: decode them first (b'...'.decode()) or give a list, for example ['Ukraine', 'Poland'].
"""

from __future__ import annotations

import unicodedata

import numpy as np

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")


def normalise(text) -> str:
    """Lower case, no accents, single spaces, curly quotes made straight, every dash a hyphen:
    ``"Côte d’Ivoire"`` → ``"cote d'ivoire"``, ``"ES–11/7"`` → ``"es-11/7"``."""
    text = str(text).replace("\u2019", "'").replace("\u2018", "'").translate(DASHES)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def _plural(kind: str) -> str:
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def as_list(kind: str, values, example: str) -> list:
    """A list from a list, tuple, set, array, Series or Index; a single string counts as one item."""
    if values is None:
        raise ValueError(f"No {kind} given: give a list of {_plural(kind)}, for example {example}.")
    if isinstance(values, (bytes, bytearray, memoryview)):
        raise ValueError(f"The {_plural(kind)} {values!r} are bytes, not text or a list: decode them first "
                         f"(b'...'.decode()) or give a list, for example {example}.")
    if isinstance(values, dict):
        raise ValueError(f"A dict is not a list of {_plural(kind)}: give a list, for example {example}.")
    if isinstance(values, (str, np.str_)) or not hasattr(values, "__iter__"):
        return [values]
    return list(values)
