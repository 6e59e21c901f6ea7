"""Solutions to the exercises of notebook 00 (start here), computed with the helper package."""

import pandas as pd

import worldorder as wo


def solve_00_1():
    """How many votes did the General Assembly record in 1971? Count by body and year."""
    return int(wo.resolutions().groupby(["body", "year"]).size().loc[("GA", 1971)])


def solve_00_2():
    """In which year did the Security Council record the most votes? The year of the largest group."""
    council = wo.resolutions().query("body == 'SC'")
    return int(council.groupby("year").size().sort_values().index[-1])


def solve_00_3():
    """How many recorded votes (either body) took place on the same day as A/RES/ES-11/5?"""
    record = wo.resolutions()
    day = record.set_index("resolution").loc[wo.resolution("ES-11/5"), "date"]
    return int(record["date"].eq(day).sum())


def solve_00_4():
    """How many rows do the data tables hold together, votes.arrow left out? Files without a row count are not
    tables."""
    manifest = pd.read_csv(wo.data.data_dir() / "manifest.csv")
    return int(manifest.loc[manifest["file"] != "votes.arrow", "rows"].sum())
