"""Charts of notebook 06 (how the UN works): membership growth, margins, agreement by issue, positions.

Each function takes the table it draws and returns a finished chart (title and description).

>>> import worldorder as wo
>>> chart = membership_growth_chart(wo.un_membership())
>>> chart.to_dict()["description"][:20]
'UN members at the en'
>>> membership_growth_chart(wo.members())
Traceback (most recent call last):
...
ValueError: membership_growth_chart takes wo.un_membership(): columns year, un_regional_group, members are needed.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from worldorder.charts import theme


def _need(table: pd.DataFrame, columns: list[str], name: str, source: str) -> None:
    if not set(columns) <= set(table.columns):
        raise ValueError(f"{name} takes {source}: columns {', '.join(columns)} are needed.")


def membership_growth_chart(table: pd.DataFrame, by: str = "un_regional_group") -> alt.Chart:
    """Stacked areas of UN members at the end of each year, one band per regional group.

    The steep steps are the waves of admissions: 1955 (the package deal), 1960 and the 1960s
    (decolonisation in Africa), and 1991-1993 (the break-up of the USSR, Yugoslavia and Czechoslovakia).
    """
    _need(table, ["year", by, "members"], "membership_growth_chart", "wo.un_membership()")
    total = table.groupby("year")["members"].sum()
    chart = alt.Chart(table).mark_area().encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d")),
        y=alt.Y("members:Q", title="Members at the end of the year", stack="zero"),
        color=theme.category_colour(by, "Regional group"),
        order=alt.Order(by, sort="ascending"),
        tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip(f"{by}:N", title="Group"),
                 alt.Tooltip("members:Q", title="Members"), alt.Tooltip("admitted:Q", title="Admitted that year")],
    ).properties(width=640, height=300)
    sentence = (f"UN members at the end of each year by regional group, from {int(total.iloc[0])} in "
                f"{int(total.index[0])} to {int(total.iloc[-1])} in {int(total.index[-1])}, counting today's "
                "members by their admission dates.")
    return theme.finish(chart, "From the founders to 193 members", sentence,
                        subtitle="Today's members by admission date; seats that no longer exist are not counted")


def margins_chart(table: pd.DataFrame) -> alt.Chart:
    """Bars: for each vote, how many states would have had to switch (yes↔no) to change the outcome.

    >>> import worldorder as wo
    >>> margins_chart(wo.margins(["ES-11/7"])).to_dict()["title"]
    'How close were the votes?'
    >>> margins_chart(wo.resolutions(years=2025))
    Traceback (most recent call last):
    ...
    ValueError: margins_chart takes wo.margins([...]): columns short, margin, rule are needed.
    """
    _need(table, ["short", "margin", "rule"], "margins_chart", "wo.margins([...])")
    drawn = table.dropna(subset=["margin"])[["short", "rule", "yes", "no", "abstain", "margin"]]  # only what is drawn
    chart = alt.Chart(drawn).mark_bar().encode(
        x=alt.X("margin:Q", title="States that would have had to switch (yes ↔ no)"),
        y=alt.Y("short:N", title="Vote", sort=None),
        color=theme.category_colour("rule", "Rule"),
        tooltip=["short:N", "rule:N", "yes:Q", "no:Q", "abstain:Q", "margin:Q"],
    ).properties(width=560, height=alt.Step(22))
    widest = table.loc[table["margin"].astype(float).idxmax()]
    return theme.finish(chart, "How close were the votes?",
                        f"Switches needed to change the outcome of {len(table)} votes; the widest margin is "
                        f"{widest['short']} at {int(widest['margin'])}.")


def issue_agreement_chart(table: pd.DataFrame, coded_per_year: pd.DataFrame | None = None) -> alt.Chart:
    """Small multiples, one per issue: share of identical votes with the partner per year, a line per country.

    Years without coded votes are shaded grey in every panel when ``coded_per_year`` (``topics.coded_per_year()``) is given.

    >>> import worldorder as wo
    >>> issue_agreement_chart(wo.issue_agreement("GBR", years=1985)).to_dict()["title"]
    'Agreement with USA by issue'
    >>> issue_agreement_chart(wo.positions(1985))
    Traceback (most recent call last):
    ...
    ValueError: issue_agreement_chart takes wo.issue_agreement(...): columns year, issue_label, share, country, coded are needed.
    """
    _need(table, ["year", "issue_label", "share", "country", "coded"], "issue_agreement_chart",
          "wo.issue_agreement(...)")
    coded = table.loc[table["coded"], ["year", "issue_label", "share", "country", "n_both"]].assign(kind="vote")
    labels = list(dict.fromkeys(coded["issue_label"]))
    if coded_per_year is not None:
        gaps = coded_per_year.loc[coded_per_year["coded"] == 0, ["year"]]
        gaps = gaps.merge(pd.DataFrame({"issue_label": labels}), how="cross").assign(kind="gap", end=lambda d: d["year"] + 1)
        coded = pd.concat([coded, gaps], ignore_index=True)
    lines = alt.Chart().transform_filter(alt.datum.kind == "vote").mark_line(point=alt.OverlayMarkDef(size=12)).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
        y=alt.Y("share:Q", title="Identical votes", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=theme.category_colour("country", "Country"),
        tooltip=["country:N", alt.Tooltip("year:Q", format="d"), "issue_label:N", "n_both:Q",
                 alt.Tooltip("share:Q", format=".0%")],
    )
    shade = alt.Chart().transform_filter(alt.datum.kind == "gap").mark_rect(color=theme.GAP, opacity=0.7).encode(
        x="year:Q", x2="end:Q")
    chart = alt.layer(shade, lines, data=coded).properties(width=230, height=140).facet(
        facet=alt.Facet("issue_label:N", title=None, sort=labels), columns=3)
    partner = table["partner"].iloc[0] if "partner" in table else "USA"
    countries = ", ".join(dict.fromkeys(table["country"]))
    return theme.finish(chart, f"Agreement with {partner} by issue",
                        f"Share of identical votes with {partner} per year for {countries}, one panel per Voeten "
                        "issue code; grey bands mark years with no coded votes.")


def positions_chart(table: pd.DataFrame) -> alt.Chart:
    """Lines of chosen countries' positions per year (USA positive every year), zero marked.

    >>> import worldorder as wo
    >>> positions_chart(wo.positions_over_time(["USA", "RUS"], range(1990, 1992))).to_dict()["title"]
    'Positions on one line, year by year'
    >>> positions_chart(wo.un_membership())
    Traceback (most recent call last):
    ...
    ValueError: positions_chart takes wo.positions_over_time(...): columns year, country, position are needed.
    """
    _need(table, ["year", "country", "position"], "positions_chart", "wo.positions_over_time(...)")
    lines = alt.Chart(table).mark_line(point=alt.OverlayMarkDef(size=10)).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d")),
        y=alt.Y("position:Q", title="Position (first principal component, USA > 0)"),
        color=theme.category_colour("country", "Country"),
        tooltip=["country:N", alt.Tooltip("year:Q", format="d"), alt.Tooltip("position:Q", format=".2f"),
                 alt.Tooltip("explained:Q", format=".0%", title="Variance explained")],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color=theme.ZERO).encode(y="y:Q")
    chart = alt.layer(zero, lines).properties(width=640, height=300)
    first, last = int(table["year"].min()), int(table["year"].max())
    return theme.finish(chart, "Positions on one line, year by year",
                        f"Each country's position on the first principal component of the year's GA votes, "
                        f"{first}-{last}, with the sign set so the United States is positive every year.")


__all__ = ["issue_agreement_chart", "margins_chart", "membership_growth_chart", "positions_chart"]
