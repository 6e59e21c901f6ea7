"""Solutions to the exercises of notebook 00 (start here), computed with the helper package."""

import pandas as pd

import worldorder as wo


def solve_00_1():
    """How many focus votes does wo.resolutions(focus=True) hold? One row per vote."""
    return len(wo.resolutions(focus=True))


def solve_00_2():
    """Which body voted on S/RES/2774 (2025)? The `body` column of its row."""
    table = wo.resolutions(focus=True)
    return table.loc[table["resolution"] == wo.resolution("2774"), "body"].iloc[0]


def solve_00_3():
    """How many focus votes took place on the same day as S/RES/2774 (2025)?"""
    table = wo.resolutions(focus=True)
    day = table.loc[table["resolution"] == wo.resolution("2774"), "date"].iloc[0]
    return int((table["date"] == day).sum())


def solve_00_4():
    """Which data file has the most rows? Read it from the manifest."""
    manifest = pd.read_csv(wo.data.data_dir() / "manifest.csv")
    return manifest.sort_values("rows", ascending=False)["file"].iloc[0]
