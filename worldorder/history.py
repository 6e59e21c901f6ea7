"""Analysis helpers and chart builders for notebooks 00-02: the post-war order and eighty years of GA votes.

    from worldorder import history
    history.membership_counts(["NATO", "EU"], range(1949, 2026))
    history.us_agreement(["Russia", "UK"])          # share of identical votes with the USA per year
    history.coincidence_table(["Canada", "India"], 2023)

Every table comes from the shipped data; the chart builders return Altair charts
with a title and a one-sentence description computed from the data they show.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import altair as alt
import pandas as pd

from worldorder import agreement, data, lookup, membership, style

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
CATEGORY_ORDER = ["institution", "alliance", "treaty", "enlargement", "conflict", "vote"]
CATEGORY_SHAPES = ["circle", "square", "diamond", "triangle-up", "cross", "triangle-down"]
LINE_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]]
RULES = ("pre2017", "2017", "2021")
BIN_WIDTH = 0.05  # width of one column in the rank dot plot (5 percentage points)
OTHERS = "other members"


# ---------------------------------------------------------------- sources and coverage


def seed_sources() -> pd.DataFrame:
    """The table of the five source articles in ``seeds/README.md`` (id, file, kind, covers)."""
    text = (SEEDS_DIR / "README.md").read_text(encoding="utf-8")
    rows = [[cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.startswith("| `")]
    table = pd.DataFrame(rows, columns=["id", "file", "kind", "covers"])
    table["file"] = table["file"].str.split("`").str[0].str.strip()
    return table


def seed_text(source_id: str) -> str:
    """The full text of one source article, by its id (``"report"``, ``"summary"``, ...)."""
    table = seed_sources()
    match = table[table["id"] == source_id.strip().lower()]
    if match.empty:
        raise ValueError(f"Unknown source id {source_id!r}. Choose one of {', '.join(table['id'])}.")
    return (SEEDS_DIR / match.iloc[0]["file"]).read_text(encoding="utf-8")


def history_coverage() -> dict[str, pd.Timestamp]:
    """First and last day of the GA recorded votes behind the history tables, read from data/manifest.csv."""
    manifest = pd.read_csv(data.data_path("manifest.csv"))
    source = manifest.loc[manifest["file"] == "history_agreement.parquet", "source"].iloc[0]
    found = re.search(r"(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})", source)
    if not found:
        raise data.DataFileError("data/manifest.csv does not state the date range of the history tables.")
    return {"first": pd.Timestamp(found.group(1)), "last": pd.Timestamp(found.group(2))}


def missing_years() -> list[int]:
    """Years between the first and last year of the history tables with no recorded GA vote."""
    years = set(data.history_rollcalls()["year"])
    return [y for y in range(min(years), max(years) + 1) if y not in years]


def event_date(words: str) -> pd.Timestamp:
    """The date of the first timeline event whose text contains ``words`` (case ignored)."""
    events = data.timeline()
    hits = events[events["event"].str.contains(words, case=False, regex=False)]
    if hits.empty:
        raise ValueError(f"No timeline event mentions {words!r}.")
    return hits.iloc[0]["start"]


def cold_war_end() -> int:
    """The year Russia took over the Soviet Union's UN seat, per the timeline: the end of the Cold War in the charts."""
    return event_date("Soviet Union's UN").year


# ---------------------------------------------------------------- notebook 01: timeline and blocs


def timeline_chart(events: pd.DataFrame | None = None) -> alt.Chart:
    """Every timeline event as a point: date across, category down, shape and colour per category."""
    events = data.timeline() if events is None else events
    top = events["category"].value_counts()
    description = (f"{len(events)} sourced events from {events['start'].min():%Y} to {events['start'].max():%Y}; "
                   f"the largest category is {top.index[0]} with {top.iloc[0]} events.")
    domain = [c for c in CATEGORY_ORDER if c in set(events["category"])]
    chart = alt.Chart(events).mark_point(size=110, filled=True, opacity=0.85).encode(
        x=alt.X("start:T", title="Date", axis=alt.Axis(format="%Y", tickCount=16)),
        y=alt.Y("category:N", title="Category", sort=domain),
        color=style.category_colour("category", "Category", domain),
        shape=alt.Shape("category:N", title="Category", scale=alt.Scale(domain=domain, range=CATEGORY_SHAPES)),
        tooltip=[alt.Tooltip("date:N", title="Date (as sourced)"), alt.Tooltip("event:N", title="Event"),
                 alt.Tooltip("category:N", title="Category"), alt.Tooltip("source:N", title="Source")],
    ).properties(width=680, height=240)
    return style.finish(chart, "The post-war order, event by event", description,
                        subtitle="Hover over a point to read the event and its source")


def membership_counts(blocs=("NATO", "EU", "Warsaw Pact"), years=range(1945, 2026), day: str = "12-31") -> pd.DataFrame:
    """Members of each bloc on one day of each year (31 December unless ``day`` says otherwise).

    One row per bloc per year in which the bloc had members: ``bloc``, ``year``, ``members``.
    Counts the same spells as ``wo.bloc_members`` (joined on or before the day, not yet left).
    """
    years = list(years)
    days = pd.to_datetime([f"{year}-{day}" for year in years])
    frames = [pd.DataFrame({"bloc": name, "year": years, "members": _count_members(name, days)})
              for name in (lookup.bloc(b) for b in blocs)]
    counts = pd.concat(frames, ignore_index=True)
    return counts[counts["members"] > 0].reset_index(drop=True)


def _count_members(name: str, days: pd.DatetimeIndex) -> list[int]:
    """Members of one bloc on each day: every spell against every day at once."""
    if name in lookup.REGIONAL_GROUPS:
        return [len(membership.bloc_members(name, on=d)) for d in days]
    spells = data.blocs()
    spells = spells[spells["bloc"] == name]
    active = membership.spell_active(spells["joined_date"].to_numpy()[:, None], spells["left_date"].to_numpy()[:, None],
                                     days.to_numpy()[None, :])
    return pd.DataFrame(active, index=spells["iso3"]).groupby(level=0).any().sum().tolist()


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
        color=style.category_colour("bloc", "Bloc", domain),
        tooltip=[alt.Tooltip("bloc:N", title="Bloc"), alt.Tooltip("year:Q", title="Year", format="d"),
                 alt.Tooltip("members:Q", title="Members")],
    )
    lines = base.mark_line(strokeWidth=2).encode(
        strokeDash=alt.StrokeDash("bloc:N", title="Bloc", scale=alt.Scale(domain=domain, range=LINE_DASHES[: len(domain)])))
    points = base.mark_point(size=25, filled=True).encode(
        shape=alt.Shape("bloc:N", title="Bloc", scale=alt.Scale(domain=domain, range=CATEGORY_SHAPES[: len(domain)])))
    chart = (lines + points).properties(width=680, height=300)
    return style.finish(chart, "How the blocs grew", _growth_sentence(counts),
                        subtitle="Number of member states at the end of each year")


# ---------------------------------------------------------------- notebook 02: agreement with the USA


def _with_usa() -> pd.DataFrame:
    """Rows of ``wo.history_agreement()`` that involve the USA, with the other member in ``iso3``."""
    table = data.history_agreement()
    pairs = table[(table["iso3_a"] == "USA") | (table["iso3_b"] == "USA")].copy()
    a, b = pairs["iso3_a"].astype(str), pairs["iso3_b"].astype(str)
    pairs["iso3"] = a.where(b == "USA", b)
    return pairs.drop(columns=["iso3_a", "iso3_b"])


def last_full_year() -> int:
    """The last year the history tables cover from January to December."""
    last = history_coverage()["last"]
    return last.year if (last.month, last.day) == (12, 31) else last.year - 1


def us_agreement(partners, years=None) -> pd.DataFrame:
    """Share of identical votes between the USA and each partner, per year.

    ``partners`` is a list of countries in any spelling (``wo.countries``).
    Columns: ``year``, ``iso3``, ``country``, ``n_both``, ``n_identical``, ``share``.
    """
    codes = lookup.countries(partners)
    pairs = _with_usa()
    pairs = pairs[pairs["iso3"].isin(codes)]
    if years is not None:
        pairs = pairs[pairs["year"].isin(list(years))]
    pairs["country"] = pairs["iso3"].map(lookup.country_label)
    order = {code: i for i, code in enumerate(codes)}
    pairs = pairs.sort_values(["iso3", "year"], key=lambda s: s.map(order) if s.name == "iso3" else s)
    return pairs[["year", "iso3", "country", "n_both", "n_identical", "share"]].reset_index(drop=True)


def _marker(year: float, text: str, align: str = "left", y: int = 8) -> alt.LayerChart:
    frame = pd.DataFrame({"year": [year], "text": [text]})
    rule = alt.Chart(frame).mark_rule(color="#555555", strokeDash=[3, 3]).encode(x="year:Q")
    label = alt.Chart(frame).mark_text(align=align, dx=4 if align == "left" else -4, color="#333333", fontSize=11).encode(
        x="year:Q", y=alt.value(y), text="text:N")
    return rule + label


def us_agreement_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Lines of the yearly share of identical votes with the USA, with the Cold War's end and the partial last year marked."""
    domain = list(dict.fromkeys(table["country"]))
    last_year = int(data.history_rollcalls()["year"].max())
    last_day = history_coverage()["last"]
    base = alt.Chart(table).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(nice=False)),
        y=alt.Y("share:Q", title="Share of identical votes with the USA", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        color=style.category_colour("country", "Country", domain),
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
    end = cold_war_end()
    markers = _marker(end, f"USSR seat passes to Russia ({end})") + _marker(
        last_year, f"{last_year}: votes to {last_day:%d %b} only", align="right", y=24)
    final = table[table["year"] == min(last_full_year(), table["year"].max())].sort_values("share")
    description = (f"Share of identical GA votes with the USA, {table['year'].min()}–{table['year'].max()}; "
                   f"in {final['year'].iloc[0]} {final['country'].iloc[-1]} agreed most "
                   f"({final['share'].iloc[-1]:.0%}) and {final['country'].iloc[0]} least ({final['share'].iloc[0]:.0%}).")
    chart = (lines + points + markers).properties(width=680, height=320)
    return style.finish(chart, "How often did they vote like the United States?", description,
                        subtitle="Recorded General Assembly votes; abstaining counts as a vote, absence does not")


def us_rank(year: int) -> pd.DataFrame:
    """Every member's share of identical votes with the USA in one year, closest first (``rank`` 1)."""
    pairs = _with_usa()
    pairs = pairs[pairs["year"] == year]
    if pairs.empty:
        raise ValueError(f"No recorded GA votes with the USA in {year}. Missing years: {missing_years()}.")
    pairs = pairs.sort_values(["share", "iso3"], ascending=[False, True]).reset_index(drop=True)
    pairs["rank"] = range(1, len(pairs) + 1)
    pairs["country"] = pairs["iso3"].map(lookup.country_label)
    return pairs[["rank", "iso3", "country", "n_both", "n_identical", "share"]]


def _dot_stacks(table: pd.DataFrame, highlight: list[str]) -> pd.DataFrame:
    """Place each country in a 5-point column and give it a height within the column."""
    dots = table.copy()
    dots["bin"] = (dots["share"] // BIN_WIDTH).clip(upper=1 / BIN_WIDTH - 1) * BIN_WIDTH + BIN_WIDTH / 2
    dots = dots.sort_values(["bin", "share"])
    dots["stack"] = dots.groupby("bin").cumcount() + 1
    dots["group"] = dots["country"].where(dots["iso3"].isin(highlight), OTHERS)
    return dots


def us_rank_chart(years=(1985, 2023), highlight=("GBR", "FRA", "ISR", "IND", "CHN", "RUS")) -> alt.FacetChart:
    """A dot per member, placed by its share of identical votes with the USA, one row per year."""
    codes = lookup.countries(list(highlight))
    dots = pd.concat([_dot_stacks(us_rank(y).assign(year=y), codes) for y in years], ignore_index=True)
    named = list(dict.fromkeys(lookup.country_label(c) for c in codes))
    domain = named + [OTHERS]
    dots = dots.sort_values("group", key=lambda g: g != OTHERS, kind="stable")  # named countries drawn on top
    base = alt.Chart().encode(
        x=alt.X("bin:Q", title="Share of identical votes with the USA (columns 5 points wide)",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("stack:Q", title="Members"),
    )
    points = base.mark_point(filled=True, size=40, opacity=1).encode(
        color=alt.Color("group:N", title="Member",
                        scale=alt.Scale(domain=domain, range=style.OKABE_ITO[: len(named)] + ["#BBBBBB"])),
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
    return style.finish(chart, "Where does everyone else stand?", description,
                        subtitle="One dot per member; named countries have their own colour and shape")


# ---------------------------------------------------------------- notebook 02: voting coincidence


def coincidence_table(countries, year: int) -> pd.DataFrame:
    """The State Department's voting coincidence with the USA under each of its three rules.

    One row per country (in the order given): the counts from ``wo.history_us_votes()``,
    the share under each rule (``share_pre2017``, ``share_2017``, ``share_2021``) and the
    whole percentage the report would print (``pre2017``, ``2017``, ``2021``).
    """
    codes = lookup.countries(countries)
    counts = data.history_us_votes()
    counts = counts[(counts["year"] == year) & counts["iso3"].isin(codes)].set_index("iso3").reindex(codes)
    if counts["n_votes"].isna().any():
        absent = [lookup.country_label(c) for c in counts.index[counts["n_votes"].isna()]]
        raise ValueError(f"No votes to compare with the USA in {year} for {', '.join(absent)}.")
    table = counts[["identical", "opposite", "partial", "member_absent"]].astype(int)
    table.insert(0, "country", [lookup.country_label(c) for c in codes])
    for rule in RULES:
        table[f"share_{rule}"] = agreement.coincidence_share(table, rule)
        table[rule] = table[f"share_{rule}"].map(_percent)
    return table


def coincidence_chart(table: pd.DataFrame) -> alt.LayerChart:
    """One row per country: its printed percentage under each rule, joined by a line to show the spread."""
    long = table.reset_index().melt(id_vars=["iso3", "country"], value_vars=list(RULES),
                                    var_name="rule", value_name="percent")
    labels = {"pre2017": "before 2017", "2017": "2017–2020", "2021": "2021 onward"}
    long["rule"] = long["rule"].map(labels)
    order = list(table["country"])
    spread = long.groupby("country")["percent"].agg(["min", "max"]).reset_index()
    y = alt.Y("country:N", title=None, sort=order)
    bars = alt.Chart(spread).mark_rule(color="#999999", strokeWidth=2).encode(
        y=y, x=alt.X("min:Q", title="Voting coincidence with the USA (%)", scale=alt.Scale(domain=[0, 100])), x2="max:Q")
    dots = alt.Chart(long).mark_point(filled=True, size=90).encode(
        y=y, x="percent:Q",
        color=style.category_colour("rule", "Rule used", list(labels.values())),
        shape=alt.Shape("rule:N", title="Rule used",
                        scale=alt.Scale(domain=list(labels.values()), range=["circle", "square", "triangle-up"])),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("rule:N", title="Rule"),
                 alt.Tooltip("percent:Q", title="Coincidence (%)")],
    )
    chart = (bars + dots).properties(width=560, height=28 * len(order))
    return style.finish(chart, "Same votes, three formulas", rule_effect(table),
                        subtitle="Voting coincidence with the USA as the State Department's report would print it")


def rule_effect(table: pd.DataFrame) -> str:
    """A sentence on how far the rule moves the figures, with the first country moved most as example."""
    gaps = table[list(RULES)].max(axis=1) - table[list(RULES)].min(axis=1)
    iso3 = gaps.idxmax()
    row = table.loc[iso3]
    values = ", ".join(f"{row[r]:.0f} % ({r})" for r in RULES)
    return (f"The rule moves each figure by up to {gaps.max():.0f} percentage points; "
            f"for {row['country']}: {values}.")


def _percent(share: float) -> float:
    """``report_percent`` that passes NaN (an empty denominator) through."""
    return math.nan if pd.isna(share) else agreement.report_percent(share)


# ---------------------------------------------------------------- notebook 00: the focus votes at a glance


def focus_votes_chart(resolutions: pd.DataFrame | None = None) -> alt.Chart:
    """The official totals of every General Assembly focus vote: one row per vote, a symbol per kind of vote."""
    table = data.resolutions() if resolutions is None else resolutions
    table = table[table["body"] == "GA"].sort_values("date")
    columns = {"yes": "Yes", "no": "No", "abstain": "Abstain", "non_voting": "Did not vote"}
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
        color=style.vote_colour(), shape=style.vote_shape(),
        tooltip=[alt.Tooltip("short:N", title="Resolution"), alt.Tooltip("title:N", title="Title"),
                 alt.Tooltip("vote_label:N", title="Vote"), alt.Tooltip("members:Q", title="Members")],
    ).properties(width=560, height=24 * len(table))
    return style.finish(chart, "The General Assembly focus votes", description,
                        subtitle="Official totals; each kind of vote has its own colour and shape")
