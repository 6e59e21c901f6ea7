"""Exercises of notebook 00 (start here): the expected answers, computed from the shipped data."""

import pandas as pd

from worldorder import data
from worldorder.checks import exercise


@exercise("00.1", hint="len() of the table wo.resolutions() gives its number of rows, one per focus vote.",
          kind="number", wrong=(11, 13, 193))
def _():
    return len(data.resolutions())


@exercise("00.2", hint="Find the row of wo.resolutions() whose `resolution` is 'S/RES/2774 (2025)' and read its "
                       "`body` column; answer with that two-letter code.", kind="text", wrong=("GA", "UN"))
def _():
    table = data.resolutions()
    return table.loc[table["resolution"] == "S/RES/2774 (2025)", "body"].iloc[0]


@exercise("00.3", hint="Take the `date` of S/RES/2774 (2025), then count the rows of wo.resolutions() with that date.",
          kind="number", wrong=(1, 2, 12))
def _():
    table = data.resolutions()
    day = table.loc[table["resolution"] == "S/RES/2774 (2025)", "date"].iloc[0]
    return int((table["date"] == day).sum())


@exercise("00.4", hint="Sort the manifest by its `rows` column (or use .idxmax()) and give the `file` name, "
                       "with its extension.", kind="text", wrong=("votes.csv", "history_us_votes.csv"))
def _():
    manifest = pd.read_csv(data.data_path("manifest.csv"))
    return manifest.loc[manifest["rows"].idxmax(), "file"]
