"""Charts of single votes: offline world maps with the states too small for them, the Security Council
vote, and a series of votes over time. Shapes come from ``data/world-110m.json`` (world-atlas 2.0.2).
"""

from __future__ import annotations

import functools

import altair as alt
import pandas as pd

from worldorder import data, record
from worldorder.charts import theme

ANTARCTICA = "Antarctica"


@functools.cache
def _geometries() -> tuple:
    try:
        return tuple(data.topology()["objects"]["countries"]["geometries"])
    except (KeyError, TypeError) as err:
        raise data.DataFileError(f"The map file {data.data_dir() / 'world-110m.json'} has no 'countries' "
                                 f"object ({err}). {data.restore_hint('world-110m.json')}") from err


data.on_clear(_geometries.cache_clear)


def map_ids() -> set[str]:
    """The ISO numeric codes that have a shape on the 1:110m map."""
    return {g["id"] for g in _geometries() if "id" in g}


def unlisted_shapes() -> list[str]:
    """Names of the map's shapes that are not UN members (drawn light grey; Antarctica is left off the map)."""
    members = set(data.members()["iso_numeric"])
    geometries = _geometries()
    return sorted(g["properties"]["name"] for g in geometries
                  if g.get("id") not in members and g["properties"]["name"] != ANTARCTICA)


def small_states(resolution: str) -> pd.DataFrame:
    """Members listed in a vote that are too small to have a shape on the 1:110m map, with their vote."""
    table = record.vote_table(resolution)
    return table[~table["iso_numeric"].isin(map_ids())].reset_index(drop=True)


def _shapes() -> alt.Data:
    return alt.Data(values=data.topology(), format=alt.DataFormat(type="topojson", feature="countries"))


def _given_table(value, columns: list[str], chart: str, source: str) -> pd.DataFrame:
    """The table a chart function was given, or an error that says which table it draws."""
    if not isinstance(value, pd.DataFrame) or not set(columns) <= set(value.columns) or value.empty:
        shown = "an empty table" if isinstance(value, pd.DataFrame) and value.empty else (
            f"a table without {sorted(set(columns) - set(value.columns))}" if isinstance(value, pd.DataFrame)
            else repr(value)[:60])
        raise ValueError(f"{chart} draws the table {source} gives, not {shown}: "
                         f"for example {chart}({source}).")
    return value


VOTE_TABLE = ["resolution", "iso3", "iso_numeric", "country", "vote", "vote_label"]


def _one_vote(table, chart: str, source: str) -> tuple[pd.DataFrame, str]:
    """A table of one vote (from ``wo.vote_table``) and its symbol."""
    table = _given_table(table, VOTE_TABLE, chart, source)
    symbols = list(dict.fromkeys(table["resolution"]))
    if len(symbols) != 1:
        raise ValueError(f"{chart} draws one vote; the table holds {len(symbols)} ({', '.join(symbols[:3])}): "
                         f"for example {chart}({source}).")
    return table, symbols[0]


def _counts(table: pd.DataFrame) -> pd.DataFrame:
    """The counted totals of a vote's table: one row per kind of vote, in the set's order."""
    counted = table["vote_label"].value_counts().reindex(theme.VOTE_ORDER, fill_value=0)
    return counted.rename("counted").rename_axis("vote_label").reset_index()


def _summary(table: pd.DataFrame) -> str:
    return ", ".join(f"{n} {label.lower()}" for label, n in _counts(table).itertuples(index=False) if n)


def world_map(table: pd.DataFrame, width: int = 620) -> alt.HConcatChart:
    """A world map of one vote (``table = wo.vote_table(resolution)``), coloured by vote, beside a bar of the counts
    (position, not colour alone).

    Shapes and votes are inline (no download). Grey land is not in the roll call (not a UN member, or
    not on the Council); members too small for the map are in :func:`small_states`.

    >>> world_map("ES-11/7")
    Traceback (most recent call last):
    ...
    ValueError: world_map draws the table wo.vote_table('ES-11/7') gives, not 'ES-11/7': for example world_map(wo.vote_table('ES-11/7')).
    """
    table, symbol = _one_vote(table, "world_map", "wo.vote_table('ES-11/7')")
    join = alt.LookupData(table[["iso_numeric", "country", "vote_label"]], key="iso_numeric",
                          fields=["country", "vote_label"])
    land = alt.Chart().mark_geoshape(fill=theme.NO_RECORD, stroke=theme.PAPER, strokeWidth=0.4, aria=False).transform_filter(
        f"datum.properties.name != '{ANTARCTICA}'")
    voted = alt.Chart().mark_geoshape(stroke=theme.PAPER, strokeWidth=0.4).transform_lookup(
        lookup="id", from_=join).transform_filter("isValid(datum.vote_label)").encode(
        color=theme.vote_colour(),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("vote_label:N", title="Vote")])
    world = alt.layer(land, voted, data=_shapes()).project("equalEarth").properties(width=width, height=width * 0.5)
    bars = alt.Chart(_counts(table)).mark_bar().encode(
        y=alt.Y("vote_label:N", title=None, sort=theme.VOTE_ORDER),
        x=alt.X("counted:Q", title="Countries"),
        color=theme.vote_colour(), tooltip=["vote_label:N", "counted:Q"],
    ).properties(width=160, height=120)
    labels = bars.mark_text(align="left", dx=3).encode(text="counted:Q", color=alt.value(theme.INK))
    small = int((~table["iso_numeric"].isin(map_ids())).sum())
    chart = alt.hconcat(world, bars + labels)
    return theme.finish(
        chart, f"How each member voted on {symbol}",
        f"World map of {symbol}: {_summary(table)}; {small} listed members are too small for this map "
        "and are shown separately.",
        subtitle="Grey: not in this roll call. Small states are listed separately.")


def small_states_chart(table: pd.DataFrame) -> alt.Chart:
    """A dot chart of the small states' votes (``table = wo.small_states(resolution)``): one row per state, vote by
    position, colour and shape."""
    table, symbol = _one_vote(table, "small_states_chart", "wo.small_states('ES-11/7')")
    counts = table["vote_label"].value_counts()
    finding = ", ".join(f"{n} {label.lower()}" for label, n in counts.reindex(theme.VOTE_ORDER).dropna().astype(int).items())
    chart = alt.Chart(table).mark_point(size=90, filled=True).encode(
        y=alt.Y("country:N", title=None, sort="ascending"),
        x=alt.X("vote_label:N", title="Vote", sort=theme.VOTE_ORDER, scale=alt.Scale(domain=theme.VOTE_ORDER),
              axis=alt.Axis(labelAngle=0)),
        color=theme.vote_colour(), shape=theme.vote_shape(),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("vote_label:N", title="Vote")],
    ).properties(width=260)
    return theme.finish(chart, f"Members too small for the map: {symbol}",
                        f"Votes on {symbol} of the {len(table)} members with no shape on the 1:110m map: {finding}.")


def council_chart(table: pd.DataFrame) -> alt.Chart:
    """A Security Council vote (``table = wo.vote_table("S/RES/2774 (2025)")``): the 15 members, vote by position,
    colour and shape."""
    table, symbol = _one_vote(table, "council_chart", "wo.vote_table('S/RES/2774 (2025)')")
    if not symbol.startswith("S/"):
        raise ValueError(f"{symbol} is a General Assembly vote; council_chart draws Security Council votes "
                         "(use world_map for the General Assembly).")
    return theme.finish(
        alt.Chart(table).mark_point(size=120, filled=True).encode(
            y=alt.Y("country:N", title=None, sort=alt.EncodingSortField("vote_label")),
            x=alt.X("vote_label:N", title="Vote", sort=theme.VOTE_ORDER, scale=alt.Scale(domain=theme.VOTE_ORDER),
              axis=alt.Axis(labelAngle=0)),
            color=theme.vote_colour(), shape=theme.vote_shape(),
            tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("vote_label:N", title="Vote")],
        ).properties(width=260),
        f"The Security Council vote on {symbol}",
        f"The {len(table)} Council members' votes on {symbol}: {_summary(table)}.")


def erosion_chart(series: pd.DataFrame) -> alt.Chart:
    """Lines of yes/no/abstain/did-not-vote counts across a series of GA votes, with a shape per vote.

    ``series`` is the table of ``wo.series_totals(prefix)``, one row per vote and kind of vote.

    >>> erosion_chart("A/RES/ES-11/")
    Traceback (most recent call last):
    ...
    ValueError: erosion_chart draws the table wo.series_totals('A/RES/ES-11/') gives, not 'A/RES/ES-11/': for example erosion_chart(wo.series_totals('A/RES/ES-11/')).
    """
    long = _given_table(series, ["short", "date", "count", "vote", "vote_label"], "erosion_chart",
                        "wo.series_totals('A/RES/ES-11/')")
    yes = long[long["vote"] == "Y"].sort_values("date")
    first, peak, last = yes.iloc[0], yes.loc[yes["count"].idxmax()], yes.iloc[-1]
    base = alt.Chart(long).encode(
        x=alt.X("date:T", title="Date of the vote", axis=alt.Axis(format="%b %Y")),
        y=alt.Y("count:Q", title="Member states"),
        color=theme.vote_colour(), shape=theme.vote_shape(),
        tooltip=[alt.Tooltip("short:N", title="Resolution"), alt.Tooltip("date:T", title="Date"),
                 alt.Tooltip("vote_label:N", title="Vote"), alt.Tooltip("count:Q", title="Countries")],
    )
    chart = (base.mark_line(opacity=0.5).encode(shape=alt.Undefined) + base.mark_point(size=70, filled=True))
    return theme.finish(
        chart.properties(width=560, height=280), "Support for the ES-11 resolutions over time",
        f"Yes votes went from {first['count']} on {first['short']} to a peak of {peak['count']} on {peak['short']} "
        f"and {last['count']} on {last['short']}.",
        subtitle="Each point is one recorded vote of the emergency special session on Ukraine.")
