"""Charts of the post-war order: the timeline of events and how the blocs grew.

Chart functions take the table they draw (from ``wo.timeline()`` or ``wo.membership_counts()``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from worldorder.charts import theme
from worldorder.charts.theme import CATEGORY_SHAPES, LINE_DASHES

CATEGORY_ORDER = ["institution", "alliance", "treaty", "enlargement", "conflict", "vote"]


def timeline_chart(events: pd.DataFrame) -> alt.Chart:
    """Every event of ``events = wo.timeline()`` (or a part of it) as a point: date across, category down, shape and
    colour per category."""
    top = events["category"].value_counts()
    description = (f"{len(events)} sourced events from {events['start'].min():%Y} to {events['start'].max():%Y}; "
                   f"the largest category is {top.index[0]} with {top.iloc[0]} events.")
    domain = [c for c in CATEGORY_ORDER if c in set(events["category"])]
    chart = alt.Chart(events).mark_point(size=110, filled=True, opacity=0.85).encode(
        x=alt.X("start:T", title="Date", axis=alt.Axis(format="%Y", tickCount=16)),
        y=alt.Y("category:N", title="Category", sort=domain),
        color=theme.category_colour("category", "Category", domain),
        shape=alt.Shape("category:N", title="Category", scale=alt.Scale(domain=domain, range=CATEGORY_SHAPES)),
        tooltip=[alt.Tooltip("date:N", title="Date (as sourced)"), alt.Tooltip("event:N", title="Event"),
                 alt.Tooltip("category:N", title="Category"), alt.Tooltip("source:N", title="Source")],
    ).properties(width=680, height=240)
    return theme.finish(chart, "The post-war order, event by event", description,
                        subtitle="Hover over a point to read the event and its source")


def _growth_sentence(counts: pd.DataFrame) -> str:
    parts = []
    for bloc, rows in counts.groupby("bloc", sort=False):
        first, last, peak = rows.iloc[0], rows.iloc[-1], rows.loc[rows["members"].idxmax()]
        text = f"{bloc} {first['members']} in {first['year']}, {last['members']} in {last['year']}"
        if peak["members"] > last["members"]:
            text += f" (at most {peak['members']})"
        parts.append(text)
    return "Members at year end: " + "; ".join(parts) + "."


def membership_chart(counts: pd.DataFrame) -> alt.Chart:
    """Lines of member counts per year, one per bloc, told apart by colour, dash and point shape."""
    domain = list(dict.fromkeys(counts["bloc"]))
    base = alt.Chart(counts).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d")),
        y=alt.Y("members:Q", title="Member states (on 31 December)"),
        color=theme.category_colour("bloc", "Bloc", domain),
        tooltip=[alt.Tooltip("bloc:N", title="Bloc"), alt.Tooltip("year:Q", title="Year", format="d"),
                 alt.Tooltip("members:Q", title="Members")],
    )
    lines = base.mark_line(strokeWidth=2).encode(
        strokeDash=alt.StrokeDash("bloc:N", title="Bloc", scale=alt.Scale(domain=domain, range=LINE_DASHES[: len(domain)])))
    points = base.mark_point(size=25, filled=True).encode(
        shape=alt.Shape("bloc:N", title="Bloc", scale=alt.Scale(domain=domain, range=CATEGORY_SHAPES[: len(domain)])))
    chart = (lines + points).properties(width=680, height=300)
    return theme.finish(chart, "How the blocs grew", _growth_sentence(counts),
                        subtitle="Number of member states at the end of each year")
