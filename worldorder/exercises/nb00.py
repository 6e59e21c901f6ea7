"""Exercises of notebook 00 (start here): the expected answers, computed from the shipped data."""

import pandas as pd

from worldorder import data
from worldorder.checks import exercise, written


@exercise("00.1", hint=("One row of the table is one vote: how do you count the rows of a pandas table?",
                       "The table is `resolutions`, made with wo.resolutions(focus=True) earlier in the notebook.",
                       "len(table) gives the number of rows of a table."),
          kind="number", wrong={193: "that is the number of UN members, not of votes", 8338: "that counts the whole "
                                "record; keep only the focus votes (focus=True)", 11: None, 13: None})
def _():
    return int(data.resolution_table()["focus"].sum())


@exercise("00.2", hint=("The symbol says a lot: A/RES/... and S/RES/... are not adopted by the same body.",
                       "Find the row of `resolutions` for 'S/RES/2774 (2025)' and read its `body` column.",
                       "resolutions[resolutions['resolution'] == 'S/RES/2774 (2025)']['body'] gives the code."),
          kind="text", wrong={"GA": "GA is the General Assembly, which adopts the A/RES/ symbols", "UN": None})
def _():
    table = data.resolution_table()
    return str(table.loc[table["resolution"] == "S/RES/2774 (2025)", "body"].iloc[0])


@exercise("00.3", hint=("Two steps: first find the day of S/RES/2774 (2025), then count the focus votes of that day.",
                       "The `date` column of `resolutions` holds the day of each vote.",
                       "Read that vote's date, then sum (resolutions['date'] == day), as the notebook did for "
                       "24 February 2025."),
          kind="number", wrong={1: "that counts S/RES/2774 alone: count every focus vote of that day", 2: None,
                                12: "that counts every focus vote, on any day"})
def _():
    table = data.resolution_table()
    focus = table[table["focus"]]
    day = focus.loc[focus["resolution"] == "S/RES/2774 (2025)", "date"].iloc[0]
    return int((focus["date"] == day).sum())


@exercise("00.4", hint=("Which column of `manifest` counts rows?",
                       "`manifest` has one row per data file, with its `rows`; you want the largest.",
                       "Sort `manifest` by `rows` from the largest (ascending=False) and read `file` in the first "
                       "row, with its extension."), kind="text", wrong=("resolutions.parquet", "votes.csv",
                                                                  "history_agreement.parquet"))
def _():
    manifest = data.manifest()
    return manifest.loc[pd.to_numeric(manifest["rows"], errors="coerce").idxmax(), "file"]


written("00.W", ["names the vote chosen and where it sits in the series", "quotes the columns relied on "
                 "(yes, no, abstain, non_voting)", "says what a single vote cannot show"])
