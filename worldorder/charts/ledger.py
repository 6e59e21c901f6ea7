"""The claims ledger as a chart: which seed covers which fact, and how well."""

from __future__ import annotations

import altair as alt
import pandas as pd

from worldorder import seeds as seed_grid
from worldorder.charts import theme


def coverage_chart(ledger: pd.DataFrame) -> alt.Chart:
    """A seed × fact grid of ``ledger = wo.claims()``: the rating of each seed's claims on each fact, as colour and
    as a word."""
    grid = seed_grid.claim_grid(ledger)
    long = grid.reset_index().melt(id_vars="fact", var_name="seed", value_name="rating")
    long = long[long["rating"] != ""]
    short = {"right": "right", "partly right": "partly", "incomplete": "incompl.", "wrong": "WRONG",
             "cannot be checked": "?"}
    long["label"] = long["rating"].map(short)
    facts, seeds = list(grid.index), list(grid.columns)
    wrong = sorted(long.loc[long["rating"].isin(["wrong", "incomplete"]), "seed"].unique())
    base = alt.Chart(long).encode(
        x=alt.X("seed:N", title="Seed article", sort=seeds, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("fact:N", title=None, sort=facts, axis=alt.Axis(labelLimit=320)),
        tooltip=[alt.Tooltip("fact:N", title="Fact"), alt.Tooltip("seed:N", title="Seed"),
                 alt.Tooltip("rating:N", title="Rating")],
    )
    cells = base.mark_rect(stroke=theme.PAPER).encode(color=alt.Color(
        "rating:N", title="Rating", sort=list(theme.RATING_COLOURS),
        scale=alt.Scale(domain=list(theme.RATING_COLOURS), range=list(theme.RATING_COLOURS.values()))))
    dark = alt.FieldOneOfPredicate(field="rating", oneOf=["right", "wrong"])
    text = base.mark_text(fontSize=10).encode(text="label:N",
                                              color=alt.condition(dark, alt.value(theme.PAPER), alt.value(theme.INK)))
    return theme.finish(
        (cells + text).properties(width=90 * len(seeds), height=18 * len(facts)),
        "Which seed covers which fact, and how well",
        f"Grid of {len(facts)} facts by {len(seeds)} seed articles; blank cells are facts a seed does not mention; "
        f"seeds with a wrong or incomplete claim: {', '.join(wrong) or 'none'}.",
        subtitle="'?' = cannot be checked with the project's data.")
