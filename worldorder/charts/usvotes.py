"""Charts of eighty years of votes: agreement with the USA over time, where everyone stands in a year,
the three coincidence formulas, and the focus votes at a glance.
"""

from __future__ import annotations

import difflib

import altair as alt
import pandas as pd

from worldorder import pairs
from worldorder.charts import theme
from worldorder.charts.theme import CATEGORY_SHAPES, LINE_DASHES
from worldorder.vocab import TOTAL_COLUMNS, VOTE_LABELS

BIN_WIDTH = 0.05  # width of one column in the rank dot plot (5 percentage points)
OTHERS = "other members"
RULES = tuple(pairs.COINCIDENCE_RULES)


def _marker(year: float, text: str, align: str = "left", y: int = 8) -> alt.LayerChart:
    frame = pd.DataFrame({"year": [year], "text": [text]})
    rule = alt.Chart(frame).mark_rule(color=theme.RULE, strokeDash=[3, 3]).encode(x="year:Q")
    label = alt.Chart(frame).mark_text(align=align, dx=4 if align == "left" else -4, color=theme.RULE_LABEL, fontSize=11).encode(
        x="year:Q", y=alt.value(y), text="text:N")
    return rule + label


def us_agreement_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Lines of the yearly share of identical votes with the USA (``table = wo.us_agreement(partners)``), with the
    Cold War's end and the partial last year marked from the facts the table carries in ``table.attrs``.

    >>> us_agreement_chart(pd.DataFrame({"year": [2023], "country": ["France"], "share": [0.7]}))
    Traceback (most recent call last):
    ...
    ValueError: us_agreement_chart draws the table wo.us_agreement(partners) gives, which carries the years to mark in table.attrs; this table lacks ['cold_war_end', 'last_full_year', 'scrape_last']: for example us_agreement_chart(wo.us_agreement(['UK', 'Russia'])).
    """
    marks = _agreement_marks(table)
    domain = list(dict.fromkeys(table["country"]))
    last_day = marks["scrape_last"]
    last_year = last_day.year
    base = alt.Chart(table).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(nice=False)),
        y=alt.Y("share:Q", title="Share of identical votes with the USA", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        color=theme.category_colour("country", "Country", domain),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("year:Q", title="Year", format="d"),
                 alt.Tooltip("share:Q", title="Identical", format=".1%"),
                 alt.Tooltip("n_both:Q", title="Votes both cast")],
    )
    lines = base.mark_line(strokeWidth=1.8).encode(
        strokeDash=alt.StrokeDash("country:N", title="Country",
                                  scale=alt.Scale(domain=domain, range=(LINE_DASHES * 2)[: len(domain)])))
    points = base.mark_point(size=14, filled=True).encode(
        shape=alt.Shape("country:N", title="Country",
                        scale=alt.Scale(domain=domain, range=(CATEGORY_SHAPES * 2)[: len(domain)])))
    end = marks["cold_war_end"]
    markers = _marker(end, f"USSR seat passes to Russia ({end})") + _marker(
        last_year, f"{last_year}: votes to {last_day:%d %b} only", align="right", y=24)
    final = table[table["year"] == min(marks["last_full_year"], table["year"].max())].sort_values("share")
    description = (f"Share of identical GA votes with the USA, {table['year'].min()}–{table['year'].max()}; "
                   f"in {final['year'].iloc[0]} {final['country'].iloc[-1]} agreed most "
                   f"({final['share'].iloc[-1]:.0%}) and {final['country'].iloc[0]} least ({final['share'].iloc[0]:.0%}).")
    chart = (lines + points + markers).properties(width=680, height=320)
    return theme.finish(chart, "How often did they vote like the United States?", description,
                        subtitle="Recorded General Assembly votes; abstaining counts as a vote, absence does not")


AGREEMENT_MARKS = ("cold_war_end", "last_full_year", "scrape_last")


def _agreement_marks(table: pd.DataFrame) -> dict:
    """The years :func:`us_agreement_chart` marks, as ``wo.us_agreement`` stores them in ``table.attrs``."""
    missing = [k for k in AGREEMENT_MARKS if k not in getattr(table, "attrs", {})]
    if missing:
        raise ValueError(f"us_agreement_chart draws the table wo.us_agreement(partners) gives, which carries the "
                         f"years to mark in table.attrs; this table lacks {missing}: "
                         "for example us_agreement_chart(wo.us_agreement(['UK', 'Russia'])).")
    return {k: table.attrs[k] for k in AGREEMENT_MARKS}


def _dot_stacks(table: pd.DataFrame, highlight: list[str]) -> pd.DataFrame:
    """Place each country in a 5-point column and give it a height within the column."""
    dots = table.copy()
    dots["bin"] = (dots["share"] // BIN_WIDTH).clip(upper=1 / BIN_WIDTH - 1) * BIN_WIDTH + BIN_WIDTH / 2
    dots = dots.sort_values(["bin", "share"])
    dots["stack"] = dots.groupby("bin").cumcount() + 1
    dots["group"] = dots["country"].where(dots["iso3"].isin(highlight), OTHERS)
    return dots


def us_rank_chart(ranks: pd.DataFrame, highlight=("GBR", "FRA", "ISR", "IND", "CHN", "RUS")) -> alt.FacetChart:
    """A dot per member, placed by its share of identical votes with the USA, one row per year.

    ``ranks`` holds ``wo.us_rank(year)`` tables with a ``year`` column; ``highlight`` names members by the ISO3
    codes of its ``iso3`` column (``wo.country_keys([...])`` turns names into codes), each drawn in its own
    colour and shape under the name the table gives it.

    >>> ranks = pd.DataFrame({"year": [2023], "iso3": ["GBR"], "country": ["United Kingdom (GBR)"], "share": [0.7]})
    >>> us_rank_chart(ranks, highlight=["United Kingdom"])
    Traceback (most recent call last):
    ...
    ValueError: us_rank_chart highlights members by the ISO3 codes of the table's iso3 column, and 'United Kingdom' is not one of them. wo.country_keys(['United Kingdom']) turns names into codes.
    """
    codes = _highlight_keys(ranks, highlight)
    years = list(dict.fromkeys(ranks["year"]))
    dots = pd.concat([_dot_stacks(ranks[ranks["year"] == y], codes) for y in years], ignore_index=True)
    labels = ranks.drop_duplicates("iso3").set_index("iso3")["country"]
    named = list(dict.fromkeys(labels[c] for c in codes))
    domain = named + [OTHERS]
    dots = dots.sort_values("group", key=lambda g: g != OTHERS, kind="stable")  # named countries drawn on top
    base = alt.Chart().encode(
        x=alt.X("bin:Q", title="Share of identical votes with the USA (columns 5 points wide)",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("stack:Q", title="Members"),
    )
    points = base.mark_point(filled=True, size=40, opacity=1).encode(
        color=alt.Color("group:N", title="Member",
                        scale=alt.Scale(domain=domain, range=theme.OKABE_ITO[: len(named)] + [theme.OTHERS])),
        shape=alt.Shape("group:N", title="Member",
                        scale=alt.Scale(domain=domain, range=CATEGORY_SHAPES[: len(named)] + ["circle"])),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("share:Q", title="Identical", format=".1%"),
                 alt.Tooltip("rank:Q", title="Rank"), alt.Tooltip("n_both:Q", title="Votes both cast")],
    )
    labels = base.mark_text(align="left", dx=7, fontSize=11, fontWeight="bold").encode(text="iso3:N").transform_filter(
        alt.datum.group != OTHERS)
    chart = alt.layer(points, labels, data=dots).properties(width=640, height=190).facet(
        row=alt.Row("year:O", title=None))
    medians = dots.groupby("year")["share"].median()
    description = ("Each member's share of identical votes with the USA; the median member agreed "
                   + ", ".join(f"{medians[y]:.0%} of the time in {y}" for y in years) + ".")
    return theme.finish(chart, "Where does everyone else stand?", description,
                        subtitle="One dot per member; named countries have their own colour and shape")


def _highlight_keys(ranks: pd.DataFrame, highlight) -> list[str]:
    """The highlighted members' codes, each checked against the table (names are resolved by the caller)."""
    codes = [highlight] if isinstance(highlight, str) else list(highlight)
    known = list(dict.fromkeys(ranks["iso3"]))
    for code in codes:
        if code not in known:
            close = difflib.get_close_matches(str(code).upper(), known, n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"us_rank_chart highlights members by the ISO3 codes of the table's iso3 column, and "
                             f"{code!r} is not one of them.{hint} wo.country_keys([{code!r}]) turns names into codes.")
    return list(dict.fromkeys(codes))


def coincidence_chart(table: pd.DataFrame) -> alt.LayerChart:
    """One row per country: its printed percentage under each rule, joined by a line to show the spread."""
    long = table.reset_index().melt(id_vars=["iso3", "country"], value_vars=list(RULES),
                                    var_name="rule", value_name="percent")
    labels = {"pre2017": "before 2017", "2017": "2017–2020", "2021": "2021 onward"}
    long["rule"] = long["rule"].map(labels)
    order = list(table["country"])
    spread = long.groupby("country")["percent"].agg(["min", "max"]).reset_index()
    y = alt.Y("country:N", title=None, sort=order)
    bars = alt.Chart(spread).mark_rule(color=theme.SPREAD, strokeWidth=2).encode(
        y=y, x=alt.X("min:Q", title="Voting coincidence with the USA (%)", scale=alt.Scale(domain=[0, 100])), x2="max:Q")
    dots = alt.Chart(long).mark_point(filled=True, size=90).encode(
        y=y, x="percent:Q",
        color=theme.category_colour("rule", "Rule used", list(labels.values())),
        shape=alt.Shape("rule:N", title="Rule used",
                        scale=alt.Scale(domain=list(labels.values()), range=["circle", "square", "triangle-up"])),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("rule:N", title="Rule"),
                 alt.Tooltip("percent:Q", title="Coincidence (%)")],
    )
    chart = (bars + dots).properties(width=560, height=28 * len(order))
    return theme.finish(chart, "Same votes, three formulas", rule_effect(table),
                        subtitle="Voting coincidence with the USA as the State Department's report would print it")


def rule_effect(table: pd.DataFrame) -> str:
    """A sentence on how far the rule moves the figures, with the first country moved most as example."""
    gaps = table[list(RULES)].max(axis=1) - table[list(RULES)].min(axis=1)
    iso3 = gaps.idxmax()
    row = table.loc[iso3]
    values = ", ".join(f"{row[r]:.0f} % ({r})" for r in RULES)
    return (f"The rule moves each figure by up to {gaps.max():.0f} percentage points; "
            f"for {row['country']}: {values}.")


def focus_votes_chart(resolutions: pd.DataFrame) -> alt.Chart:
    """The totals counted from the roll calls of the General Assembly votes in a table from ``wo.resolutions()``."""
    table = resolutions
    table = table[table["body"] == "GA"].sort_values("date")
    columns = {column: VOTE_LABELS[code] for code, column in TOTAL_COLUMNS.items()}
    long = table.melt(id_vars=["short", "date", "title"], value_vars=list(columns),
                      var_name="kind", value_name="members")
    long["vote_label"] = long["kind"].map(columns)
    long["label"] = long["short"] + " (" + long["date"].dt.strftime("%d %b %Y") + ")"
    most, least = table.loc[table["yes"].idxmax()], table.loc[table["yes"].idxmin()]
    description = (f"{len(table)} General Assembly votes; yes votes ranged from {least['yes']} ({least['short']}) "
                   f"to {most['yes']} ({most['short']}).")
    chart = alt.Chart(long).mark_point(filled=True, size=90, opacity=0.9).encode(
        x=alt.X("members:Q", title="Member states"),
        y=alt.Y("label:N", title=None, sort=list(long["label"].drop_duplicates())),
        color=theme.vote_colour(), shape=theme.vote_shape(),
        tooltip=[alt.Tooltip("short:N", title="Resolution"), alt.Tooltip("title:N", title="Title"),
                 alt.Tooltip("vote_label:N", title="Vote"), alt.Tooltip("members:Q", title="Members")],
    ).properties(width=560, height=24 * len(table))
    return theme.finish(chart, "The General Assembly focus votes", description,
                        subtitle="Counted from the roll calls; each kind of vote has its own colour and shape")
