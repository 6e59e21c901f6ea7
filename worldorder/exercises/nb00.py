"""Exercises of notebook 00 (start here): the expected answers, computed from the shipped data."""

import pandas as pd

from worldorder import data
from worldorder.checks import exercise, written


@exercise("00.1", hint="wo.resolutions(focus=True) keeps only the focus votes; len() of that table gives its number "
                       "of rows, one per focus vote.", kind="number", wrong=(11, 13, 193, 8338))
def _():
    return int(data.resolution_table()["focus"].sum())


@exercise("00.2", hint="Find the row of wo.resolutions(focus=True) whose `resolution` is 'S/RES/2774 (2025)' and "
                       "read its `body` column; answer with that two-letter code.", kind="text", wrong=("GA", "UN"))
def _():
    table = data.resolution_table()
    return str(table.loc[table["resolution"] == "S/RES/2774 (2025)", "body"].iloc[0])


@exercise("00.3", hint="Take the `date` of S/RES/2774 (2025), then count the rows of wo.resolutions(focus=True) "
                       "with that date.", kind="number", wrong=(1, 2, 12))
def _():
    table = data.resolution_table()
    focus = table[table["focus"]]
    day = focus.loc[focus["resolution"] == "S/RES/2774 (2025)", "date"].iloc[0]
    return int((focus["date"] == day).sum())


@exercise("00.4", hint="Sort the manifest by its `rows` column (or use .idxmax()) and give the `file` name, "
                       "with its extension.", kind="text", wrong=("resolutions.parquet", "votes.csv",
                                                                  "history_agreement.parquet"))
def _():
    manifest = data.manifest()
    return manifest.loc[pd.to_numeric(manifest["rows"], errors="coerce").idxmax(), "file"]


written("00.W", ["names the vote chosen and where it sits in the series", "quotes the columns relied on "
                 "(yes, no, abstain, non_voting)", "says what a single vote cannot show"])
