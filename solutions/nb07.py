"""Solutions to the exercises of notebook 07 (your own question), computed with the helper package."""

import altair as alt

import worldorder as wo


def solve_07_1():
    """On how many ES-11 votes was ASEAN's Agreement Index below 0.5?"""
    ga = wo.resolutions(body="GA")
    series = ga[ga["resolution"].str.startswith("A/RES/ES-11/")]["resolution"]
    return int((wo.cohesion(["ASEAN"], list(series))["agreement_index"] < 0.5).sum())


def solve_07_2():
    """A chart of one's own question (here: ASEAN's cohesion on the ES-11 votes)."""
    ga = wo.resolutions(body="GA")
    series = ga[ga["resolution"].str.startswith("A/RES/ES-11/")]["resolution"]
    table = wo.cohesion(["ASEAN"], list(series))
    return alt.Chart(table).mark_line().encode(x="date:T", y="agreement_index:Q").properties(
        title="ASEAN on the ES-11 votes", description="Line chart of ASEAN's Agreement Index on each ES-11 vote.")
