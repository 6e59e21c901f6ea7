"""The one reader of dates and years: a day is read only when it is one day for sure.

Every public function that takes a day (``on=``, a vote's date) reads it with :func:`day`; every function
that takes a year reads it with :func:`year`. Refused, each with the forms that work: a date without a
year, a month or a year where a day is needed, a day the calendar lacks, an ambiguous ``02/03/2022``, a
time zone, a bare number, bytes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import numpy as np
import pandas as pd

from worldorder.text import normalise

AMBIGUOUS_DATE = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*")

MONTHS = {name.lower(): number for number in range(1, 13)
          for name in (calendar.month_name[number], calendar.month_abbr[number])} | {"sept": 9}
_MONTH = r"([a-z]+)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ZONE = r"(z|[+-]\d{2}:?\d{2}|\s*utc|\s*gmt)?"
DAY_FORMS = [  # (pattern, order of year, month, day in its groups)
    (re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}{_ZONE}"), "ymd"),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(rf"{_DAY}\s+{_MONTH},?\s+(\d{{4}})"), "dmy"),
    (re.compile(rf"{_MONTH}\s+{_DAY},?\s+(\d{{4}})"), "mdy"),
]
MONTH_FORMS = [re.compile(rf"{_MONTH},?\s+(\d{{4}})"), re.compile(r"(\d{4})-(\d{1,2})"),
               re.compile(r"(\d{1,2})/(\d{4})"), re.compile(r"(\d{4})/(\d{1,2})")]
NO_YEAR_FORMS = [re.compile(rf"{_DAY}\s+{_MONTH}"), re.compile(rf"{_MONTH}\s+{_DAY}"),
                 re.compile(r"(\d{1,2})-(\d{1,2})")]
FORMS = "Write it as '2025-02-24' (year-month-day) or '24 February 2025'."


def day(value) -> pd.Timestamp:
    """A calendar day from ``"2025-02-24"``, ``"24 February 2025"``, ``"February 24, 2025"``, a ``date`` or a
    ``Timestamp``; the one reader of dates in the package.

    A time of day is dropped (``"2025-02-24 12:00"`` is 24 February). Everything that is not one day for sure
    is refused, with the forms that work: a date without a year (``"4 April"``), a month or a year where a
    day is needed (``"April 2023"``, ``"2023-04"``, ``"2023"``), a day the calendar lacks (``"2025-02-30"``),
    a bare number, bytes, an ambiguous form such as ``"02/03/2022"``, and a date with a time zone.

    >>> day("24 February 2025") == day("2025-02-24") == day("Feb. 24, 2025")
    True
    >>> day("4 April")
    Traceback (most recent call last):
    ...
    ValueError: The date '4 April' has no year, and a day needs one: write '4 April YYYY' or 'YYYY-04-04' with the year you mean.
    >>> day("March 2024")
    Traceback (most recent call last):
    ...
    ValueError: The date 'March 2024' is a month, not a day: give one day in it, such as '2024-03-01' or '2024-03-31' (its first and last days).
    """
    if isinstance(value, (bytes, bytearray)):
        raise ValueError(f"The date {value!r} is bytes, not text: decode it first (b'...'.decode()). {FORMS}")
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"The date {value!r} is a boolean, not a date. {FORMS}")
    if isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"The date {value!r} is a bare number, not a date. {FORMS} "
                         "For a year, give a day in it, such as '2025-12-31'.")
    if isinstance(value, (dt.date, pd.Timestamp, np.datetime64)):
        stamp = pd.Timestamp(value)
    elif isinstance(value, (str, np.str_)):
        stamp = _read_day(str(value))
    else:
        raise ValueError(f"Unknown date {value!r}: a {type(value).__name__} is not a date. {FORMS}")
    if pd.isna(stamp):
        raise ValueError(f"Unknown date {value!r}. {FORMS}")
    if stamp.tzinfo is not None:
        raise ValueError(f"The date {value!r} has a time zone; give the calendar day alone, such as "
                         f"'{stamp:%Y-%m-%d}'.")
    return stamp.normalize()


def _read_day(value: str) -> pd.Timestamp:
    text = normalise(value)
    if m := AMBIGUOUS_DATE.fullmatch(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= 12 and b <= 12 and a != b:
            raise ValueError(f"The date {value!r} is ambiguous: {_spelled(m, a, b)} or {_spelled(m, b, a)}? "
                             f"Write it as year-month-day, '{_iso(m, a, b)}' or '{_iso(m, b, a)}'.")
        raise ValueError(f"The date {value!r} is not in a form read for sure. {FORMS}")
    if re.fullmatch(r"[+-]?\d+(\.\d*)?", text):
        what = "a year" if re.fullmatch(r"\d{4}", text) else "a bare number"
        raise ValueError(f"The date {value!r} is {what}, not a day. {FORMS}"
                         + (f" For the year, give a day in it, such as '{text}-12-31'." if len(text) == 4 else ""))
    for pattern, order in DAY_FORMS:
        if m := pattern.fullmatch(text):
            parts = dict(zip(order, m.groups()[:3]))
            if len(m.groups()) > 3 and m.group(4):
                raise ValueError(f"The date {value!r} has a time zone; give the calendar day alone.")
            return _calendar_day(value, parts["y"], parts["m"], parts["d"])
    for pattern in MONTH_FORMS:
        if m := pattern.fullmatch(text):
            y, mo = (m.group(2), m.group(1)) if not m.group(1).isdigit() or len(m.group(1)) <= 2 else m.groups()
            month = _month(value, mo)
            last = calendar.monthrange(int(y), month)[1]
            raise ValueError(f"The date {value!r} is a month, not a day: give one day in it, such as "
                             f"'{y}-{month:02d}-01' or '{y}-{month:02d}-{last}' (its first and last days).")
    for pattern in NO_YEAR_FORMS:
        if m := pattern.fullmatch(text):
            first, second = m.groups()
            if first.isdigit() and second.isdigit():
                break
            d, mo = (first, second) if first.isdigit() else (second, first)
            month = _month(value, mo)
            raise ValueError(f"The date {value!r} has no year, and a day needs one: write "
                             f"'{int(d)} {calendar.month_name[month]} YYYY' or 'YYYY-{month:02d}-{int(d):02d}' "
                             "with the year you mean.")
    raise ValueError(f"Unknown date {value!r}. {FORMS}")


def _month(value: str, name: str) -> int:
    if name.isdigit() and 1 <= int(name) <= 12:
        return int(name)
    if name in MONTHS:
        return MONTHS[name]
    raise ValueError(f"Unknown date {value!r}: {name!r} is not a month. {FORMS}")


def _calendar_day(value: str, y: str, m: str, d: str) -> pd.Timestamp:
    month = _month(value, m)
    try:
        return pd.Timestamp(dt.date(int(y), month, int(d)))
    except ValueError:
        last = calendar.monthrange(int(y), month)[1] if 1 <= int(y) <= 9999 else 31
        raise ValueError(f"The date {value!r} is not a day of the calendar: {calendar.month_name[month]} "
                         f"{y} has {last} days. {FORMS}") from None
    except (OverflowError, pd.errors.OutOfBoundsDatetime):
        raise ValueError(f"The date {value!r} is outside the years a date can hold (1677-2262). {FORMS}") from None


def _iso(match, a: int, b: int) -> str:
    year = match.group(3) if len(match.group(3)) == 4 else "20" + match.group(3)
    return f"{year}-{b:02d}-{a:02d}"


def _spelled(match, a: int, b: int) -> str:
    year = match.group(3) if len(match.group(3)) == 4 else "20" + match.group(3)
    return f"{a} {dt.date(2000, b, 1):%B} {year}"


def year(value) -> int:
    """A year from ``1985``, ``"1985"`` or a numpy integer; refused when it is not a whole year.

    >>> year(b"2025")
    Traceback (most recent call last):
    ...
    ValueError: The year b'2025' is bytes, not a number or text: decode it first (b'2025'.decode()), or give 2025.
    """
    if isinstance(value, (bytes, bytearray)):
        raise ValueError(f"The year {value!r} is bytes, not a number or text: decode it first "
                         f"({value!r}.decode()), or give {value.decode(errors='replace')}.")
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"Unknown year {value!r}: a boolean is not a year; give a year such as 1985.")
    if isinstance(value, (str, np.str_)) and re.fullmatch(r"\s*\d{4}\s*", str(value)):
        value = int(value)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        value = int(value)
    if not isinstance(value, (int, np.integer)):
        raise ValueError(f"Unknown year {value!r}: give a year such as 1985.")
    return int(value)
