"""The roll calls of the focus votes, country by country, and the charts of notebook 03.

    from worldorder import rollcall
    rollcall.vote_table("ES-11/7")          # one row per member: name, group, vote
    rollcall.side_with("ES-11/7", "USA")    # members that voted exactly as the USA did
    rollcall.world_map("ES-11/7")           # offline map (shapes from data/world-110m.json)
"""

from __future__ import annotations

import functools
import json

import altair as alt
import pandas as pd

from worldorder import data, lookup, style
from worldorder.data import VOTE_CODES, VOTE_LABELS

OFFICIAL_COLUMNS = {"Y": "yes", "N": "no", "A": "abstain", "X": "non_voting"}
WORLD_FILE = "world-110m.json"
NO_RECORD = "#eeeeee"
ANTARCTICA = "Antarctica"


# ---------------------------------------------------------------- tables


def vote_table(resolution: str) -> pd.DataFrame:
    """One row per country listed in a vote: iso3, iso_numeric, country, group, vote, vote_label, disputed."""
    symbol = lookup.resolution(resolution)
    votes = data.votes()
    votes = votes[votes["resolution"] == symbol]
    members = data.members()[["iso3", "iso_numeric", "common_name", "un_regional_group"]]
    table = votes.merge(members, on="iso3", how="left").rename(
        columns={"common_name": "country", "un_regional_group": "group"})
    table["vote_label"] = style.vote_labels(table["vote"])
    columns = ["iso3", "iso_numeric", "country", "group", "vote", "vote_label", "disputed"]
    return table[columns].sort_values("country").reset_index(drop=True)


def vote_of(resolution: str, country: str) -> str:
    """A country's vote code (Y/N/A/X) in one focus vote; ValueError when it is not listed."""
    symbol, iso3 = lookup.resolution(resolution), lookup.country(country)
    table = vote_table(symbol).set_index("iso3")["vote"]
    if iso3 not in table.index:
        raise ValueError(f"{lookup.country_label(iso3)} is not listed in the roll call of {symbol}.")
    return table[iso3]


def totals(resolution: str) -> pd.DataFrame:
    """Votes counted from the roll call beside the official totals, one row per vote (Y, N, A, X)."""
    symbol = lookup.resolution(resolution)
    counted = vote_table(symbol)["vote"].value_counts().reindex(list(VOTE_CODES), fill_value=0)
    official = data.resolutions().set_index("resolution").loc[symbol]
    table = pd.DataFrame({
        "vote": list(VOTE_CODES),
        "vote_label": [VOTE_LABELS[c] for c in VOTE_CODES],
        "counted": counted.to_numpy(),
        "official": [int(official[OFFICIAL_COLUMNS[c]]) for c in VOTE_CODES],
    })
    table["match"] = table["counted"] == table["official"]
    return table


def vote_lists(resolution: str) -> pd.DataFrame:
    """The same data as the map, as a table: each vote, how many, and which countries."""
    table = vote_table(resolution)
    grouped = table.groupby("vote_label", sort=False)["country"].agg(["count", lambda c: ", ".join(sorted(c))])
    grouped.columns = ["count", "countries"]
    return grouped.reindex([v for v in style.VOTE_ORDER if v in grouped.index]).rename_axis("vote")


def side_with(resolution: str, country: str) -> pd.DataFrame:
    """The other countries whose vote in ``resolution`` equals ``country``'s vote."""
    table = vote_table(resolution)
    iso3, own = lookup.country(country), vote_of(resolution, country)
    same = table[(table["vote"] == own) & (table["iso3"] != iso3)]
    return same[["iso3", "country", "group", "vote_label"]].reset_index(drop=True)


def day_votes(day: str = "2025-02-24") -> pd.DataFrame:
    """The focus votes held on one day, from wo.resolutions()."""
    table = data.resolutions()
    return table[table["date"] == lookup.on_date(day)].reset_index(drop=True)


def country_votes(countries, day: str = "2025-02-24") -> pd.DataFrame:
    """Countries as rows, the votes of that day as columns, vote labels as cells ('—' when not listed)."""
    codes = lookup.countries(countries)
    symbols = day_votes(day)["resolution"].tolist()
    votes = data.votes()
    votes = votes[votes["resolution"].isin(symbols) & votes["iso3"].isin(codes)]
    grid = votes.pivot(index="iso3", columns="resolution", values="vote").reindex(index=codes, columns=symbols)
    grid = grid.apply(style.vote_labels).fillna("—")
    grid.index = [lookup.country_label(c) for c in grid.index]
    return grid


# ---------------------------------------------------------------- map shapes


@functools.cache
def _topology() -> dict:
    path = data.data_path(WORLD_FILE)
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
        topology["objects"]["countries"]["geometries"]
    except (ValueError, KeyError) as err:
        raise data.DataFileError(f"The map file {path} could not be read ({err}). Copy countries-110m.json "
                                 "from the npm package world-atlas 2.x to data/world-110m.json.") from err
    return topology


def topology() -> dict:
    """The world-atlas TopoJSON (Natural Earth 1:110m); feature ids are ISO 3166 numeric codes."""
    return _topology()


def map_ids() -> set[str]:
    """The ISO numeric codes that have a shape on the 1:110m map."""
    return {g["id"] for g in _topology()["objects"]["countries"]["geometries"] if "id" in g}


def unlisted_shapes() -> list[str]:
    """Names of the map's shapes that are not UN members (drawn light grey; Antarctica is left off the map)."""
    members = set(data.members()["iso_numeric"])
    geometries = _topology()["objects"]["countries"]["geometries"]
    return sorted(g["properties"]["name"] for g in geometries
                  if g.get("id") not in members and g["properties"]["name"] != ANTARCTICA)


def small_states(resolution: str) -> pd.DataFrame:
    """Members listed in a vote that are too small to have a shape on the 1:110m map, with their vote."""
    table = vote_table(resolution)
    return table[~table["iso_numeric"].isin(map_ids())].reset_index(drop=True)


def _shapes() -> alt.Data:
    return alt.Data(values=_topology(), format=alt.DataFormat(type="topojson", feature="countries"))


def _summary(resolution: str) -> str:
    counts = totals(resolution).set_index("vote_label")["counted"]
    return ", ".join(f"{n} {label.lower()}" for label, n in counts.items() if n)


def world_map(resolution: str, width: int = 620) -> alt.HConcatChart:
    """A world map of one vote, coloured by vote, beside a bar of the counts (position, not colour alone).

    Shapes and votes are inline (no download). Grey land is not in the roll call (not a UN member, or
    not on the Council); members too small for the map are in :func:`small_states`.
    """
    symbol = lookup.resolution(resolution)
    table = vote_table(symbol)
    join = alt.LookupData(table[["iso_numeric", "country", "vote_label"]], key="iso_numeric",
                          fields=["country", "vote_label"])
    land = alt.Chart().mark_geoshape(fill=NO_RECORD, stroke="white", strokeWidth=0.4).transform_filter(
        f"datum.properties.name != '{ANTARCTICA}'")
    voted = alt.Chart().mark_geoshape(stroke="white", strokeWidth=0.4).transform_lookup(
        lookup="id", from_=join).transform_filter("isValid(datum.vote_label)").encode(
        color=style.vote_colour(),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("vote_label:N", title="Vote")])
    world = alt.layer(land, voted, data=_shapes()).project("equalEarth").properties(width=width, height=width * 0.5)
    bars = alt.Chart(totals(symbol)).mark_bar().encode(
        y=alt.Y("vote_label:N", title=None, sort=style.VOTE_ORDER),
        x=alt.X("counted:Q", title="Countries"),
        color=style.vote_colour(), tooltip=["vote_label:N", "counted:Q"],
    ).properties(width=160, height=120)
    labels = bars.mark_text(align="left", dx=3).encode(text="counted:Q", color=alt.value("black"))
    small = len(small_states(symbol))
    chart = alt.hconcat(world, bars + labels)
    return style.finish(
        chart, f"How each member voted on {symbol}",
        f"World map of {symbol}: {_summary(symbol)}; {small} listed members are too small for this map "
        "and are shown separately.",
        subtitle="Grey: not in this roll call. Small states are listed separately.")


def small_states_chart(resolution: str) -> alt.Chart:
    """A dot chart of the small states' votes: one row per state, vote by position, colour and shape."""
    symbol = lookup.resolution(resolution)
    table = small_states(symbol)
    counts = table["vote_label"].value_counts()
    finding = ", ".join(f"{n} {label.lower()}" for label, n in counts.reindex(style.VOTE_ORDER).dropna().astype(int).items())
    chart = alt.Chart(table).mark_point(size=90, filled=True).encode(
        y=alt.Y("country:N", title=None, sort="ascending"),
        x=alt.X("vote_label:N", title="Vote", sort=style.VOTE_ORDER, scale=alt.Scale(domain=style.VOTE_ORDER),
              axis=alt.Axis(labelAngle=0)),
        color=style.vote_colour(), shape=style.vote_shape(),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("vote_label:N", title="Vote")],
    ).properties(width=260)
    return style.finish(chart, f"Members too small for the map: {symbol}",
                        f"Votes on {symbol} of the {len(table)} members with no shape on the 1:110m map: {finding}.")


def council_chart(resolution: str = "S/RES/2774 (2025)") -> alt.Chart:
    """The Security Council vote: the 15 members, vote by position, colour and shape."""
    symbol = lookup.resolution(resolution)
    table = vote_table(symbol)
    return style.finish(
        alt.Chart(table).mark_point(size=120, filled=True).encode(
            y=alt.Y("country:N", title=None, sort=alt.EncodingSortField("vote_label")),
            x=alt.X("vote_label:N", title="Vote", sort=style.VOTE_ORDER, scale=alt.Scale(domain=style.VOTE_ORDER),
              axis=alt.Axis(labelAngle=0)),
            color=style.vote_colour(), shape=style.vote_shape(),
            tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("vote_label:N", title="Vote")],
        ).properties(width=260),
        f"The Security Council vote on {symbol}",
        f"The {len(table)} Council members' votes on {symbol}: {_summary(symbol)}.")


# ---------------------------------------------------------------- the ES-11 series over time


def series_totals(prefix: str = "A/RES/ES-11/") -> pd.DataFrame:
    """Yes/no/abstain/did-not-vote counts for each GA focus vote of a series, in date order (long form)."""
    votes = data.votes()
    votes = votes[votes["resolution"].str.startswith(prefix)]
    counts = votes.groupby(["resolution", "vote"]).size().unstack(fill_value=0).reindex(columns=list(VOTE_CODES),
                                                                                          fill_value=0)
    info = data.resolutions().set_index("resolution")[["short", "date", "title"]]
    long = counts.stack().rename("count").reset_index().merge(info, left_on="resolution", right_index=True)
    long["vote_label"] = style.vote_labels(long["vote"])
    return long.sort_values(["date", "vote"]).reset_index(drop=True)


def series_wide(prefix: str = "A/RES/ES-11/") -> pd.DataFrame:
    """The same counts as :func:`series_totals`, one row per resolution."""
    long = series_totals(prefix)
    wide = long.pivot_table(index=["date", "short", "title"], columns="vote_label", values="count", aggfunc="sum")
    return wide.reindex(columns=style.VOTE_ORDER).reset_index()


def by_year(prefix: str = "A/RES/ES-11/") -> pd.DataFrame:
    """Average yes/no/abstain/did-not-vote per vote of the series, one row per year (2022 vs 2025 etc.)."""
    wide = series_wide(prefix)
    wide["year"] = wide["date"].dt.year
    table = wide.groupby("year")[style.VOTE_ORDER].mean().round(1)
    table.insert(0, "votes", wide.groupby("year").size())
    return table


def erosion_chart(prefix: str = "A/RES/ES-11/") -> alt.Chart:
    """Lines of yes/no/abstain/did-not-vote counts across a series of GA votes, with a shape per vote."""
    long = series_totals(prefix)
    yes = long[long["vote"] == "Y"].sort_values("date")
    first, peak, last = yes.iloc[0], yes.loc[yes["count"].idxmax()], yes.iloc[-1]
    base = alt.Chart(long).encode(
        x=alt.X("date:T", title="Date of the vote"),
        y=alt.Y("count:Q", title="Member states"),
        color=style.vote_colour(), shape=style.vote_shape(),
        tooltip=[alt.Tooltip("short:N", title="Resolution"), alt.Tooltip("date:T", title="Date"),
                 alt.Tooltip("vote_label:N", title="Vote"), alt.Tooltip("count:Q", title="Countries")],
    )
    chart = (base.mark_line(opacity=0.5).encode(shape=alt.Undefined) + base.mark_point(size=70, filled=True))
    return style.finish(
        chart.properties(width=560, height=280), "Support for the ES-11 resolutions over time",
        f"Yes votes went from {first['count']} on {first['short']} to a peak of {peak['count']} on {peak['short']} "
        f"and {last['count']} on {last['short']}.",
        subtitle="Each point is one recorded vote of the emergency special session on Ukraine.")
