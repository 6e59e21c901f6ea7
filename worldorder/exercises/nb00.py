"""Exercises of notebook 00 (start here): the expected answers, computed from the shipped data."""

import pandas as pd

from worldorder import data
from worldorder.checks import exercise, written


@exercise("00.1", hint=("One row of `record` is one vote: keep the rows you want, then count them.",
                       "`record` has a `body` column (GA or SC) and a `year` column.",
                       "Combine two conditions with & inside the square brackets, each in parentheses, then count "
                       "the rows that are left."),
          kind="number", wrong={16: "that is the Security Council's count for 1971: keep the General Assembly",
                                95: "that counts both bodies: keep the General Assembly only",
                                12: "that counts the focus votes; use the whole record"})
def _():
    table = data.resolution_table()
    return int(((table["body"] == "GA") & (table["year"] == 1971)).sum())


@exercise("00.2", hint=("Keep the Security Council rows of `record`, then count the votes of each year.",
                       "`value_counts()` on a column counts how often each value appears, largest first.",
                       "Count the Security Council votes per year and read the year with the largest count "
                       "(.idxmax(), or the first label of the index)."),
          kind="value", wrong={1982: "that is the General Assembly's busiest year: keep the Security Council rows",
                               2006: "close: that is the Security Council's second busiest year",
                               2025: "2025 is the year of the focus votes, not the Council's busiest"})
def _():
    table = data.resolution_table()
    return int(table.loc[table["body"] == "SC", "year"].value_counts().idxmax())


@exercise("00.3", hint=("Two steps: first find the day of A/RES/ES-11/5, then count the votes of that day.",
                       "The `date` column of `record` holds the day of each vote; `record` has every vote, not "
                       "only the focus votes.",
                       "Read that vote's date, then count the rows of `record` with that date, as the notebook "
                       "did for 24 February 2025."),
          kind="number", wrong={1: "that counts A/RES/ES-11/5 alone (or only the focus votes): count every "
                                "recorded vote of that day", 12: "that counts every focus vote, on any day"})
def _():
    table = data.resolution_table()
    day = table.loc[table["resolution"] == "A/RES/ES-11/5", "date"].iloc[0]
    return int((table["date"] == day).sum())


@exercise("00.4", hint=("Which column of `manifest` counts rows, and which row is the big table you leave out?",
                       "Files without a row count (the map, the licence, the README) have NaN in `rows`: `sum()` "
                       "skips them, as it should.",
                       "Keep the rows of `manifest` whose `file` is not 'votes.arrow' (`!=` inside the square "
                       "brackets) and take the `sum()` of their `rows`."),
          kind="number", wrong={11: "that counts the files listed in `manifest`; add up their `rows` instead",
                                8: "that counts the tables; add up their `rows` instead"})
def _():
    manifest = data.manifest()
    rows = pd.to_numeric(manifest["rows"], errors="coerce")
    return int(rows[manifest["file"] != "votes.arrow"].sum())


written("00.W", ["names the vote chosen and where it sits in the series", "quotes the columns relied on "
                 "(yes, no, abstain, non_voting)", "says what a single vote cannot show"])
