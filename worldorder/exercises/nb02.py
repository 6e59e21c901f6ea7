"""Exercises of notebook 02 (eighty years of GA votes): the expected answers, computed from the shipped data."""

from worldorder import order, pairs, record
from worldorder.checks import chart_exercise, exercise, written
from worldorder.methods import flip_one, function_exercise


@exercise("02.1", hint=("The notebook followed the USA and Russia: do the same for another pair and year.",
                        "In wo.yearly_agreement() each pair is stored once, alphabetically: MEX is iso3_a, USA "
                        "iso3_b.",
                        "Filter the table to that pair and the year 1979, then read `share`."),
          kind="number", tolerance=0.0005, percent_ok=True,
          wrong={0.367: "that is the USA–Russia share of 1995; this question asks about Mexico in 1979",
                 40: "that looks like a count of identical votes: give the share (identical over both voting)"})
def _():
    return pairs.agreement_share("USA", "MEX", 1979)


@exercise("02.2", hint=("Follow the USA and Japan year by year, then find the lowest year.",
                        "wo.us_agreement(['Japan']) gives one row per year; keep 1992 to wo.last_full_year().",
                        "Find the year of the smallest `share` (.idxmin() on a share indexed by year, or "
                        "sort_values)."),
          kind="value", wrong={2025: "2025 is not a full year: stop at wo.last_full_year()",
                               1991: "the question starts in 1992, after the Cold War",
                               2006: "close: that is Japan's second-lowest year"})
def _():
    table = pairs.us_agreement(["JPN"]).set_index("year")["share"]
    return int(table.loc[1992:order.last_full_year()].idxmin())


@exercise("02.3", hint=("Same computation as the notebook's for Canada, for another country and year.",
                        "wo.coincidence(country, year, rule=...) takes the rule as 'pre2017', '2017' or '2021'.",
                        "wo.report_percent(...) of that figure rounds it to a whole percent as the report does."),
          kind="number", wrong={80: "that is Canada's figure for 2023, the notebook's example"})
def _():
    return pairs.report_percent(pairs.coincidence("BRA", 2022, rule="pre2017"))


@exercise("02.4", hint=("Rank every member by its share of votes identical to the USA's in 2010.",
                        "wo.us_rank(year) lists every member, closest to the USA first.",
                        "Give the country in the first row (its iso3 or its name)."),
          kind="country", wrong={"GBR": "the United Kingdom is a close ally, but not the first row in 2010",
                                 "ISR": "close: look at the very first row", "CAN": None})
def _():
    return pairs.us_rank(2010)["iso3"].iloc[0]


def _pair(table, pair=frozenset({"CHN", "USA"})):
    if not {"iso3_a", "iso3_b"} <= set(table.columns):
        return "the chart's table should be rows of wo.yearly_agreement() (with iso3_a and iso3_b)"
    pairs = {frozenset(p) for p in zip(table["iso3_a"], table["iso3_b"])}
    return None if pairs == {pair} else "the chart's table should hold the USA–China pair only"


chart_exercise("02.5", marks="line", encodings={"x": ("year", "QT"), "y": ("share", "Q")},
               hint=("Copy the USA–Russia chart and change the table it draws.",
                     "In wo.yearly_agreement() each pair is stored once, alphabetically: CHN comes before USA.",
                     "agreement[(agreement['iso3_a'] == 'CHN') & (agreement['iso3_b'] == 'USA')], then copy the "
                     "notebook's USA-Russia line chart and change only its table, title and description."),
               draws=lambda: {"table": pairs.us_agreement(["CHN"]), "channels": {"year": ("x",), "share": ("y",)},
                              "what": "the USA–China share of identical votes year by year (year across, share up)"},
               data=_pair)

def _pair_votes():
    return {"votes": record.votes(years=1995, body="GA", countries=["FRA", "DEU"]), "a": "FRA", "b": "DEU"}


@function_exercise("02.6", "identical_share", tables=_pair_votes,
                   changes=[("one yes vote is flipped to no", flip_one("Y", "N")),
                            ("one of the two did not vote (X) on a resolution", flip_one("Y", "X")),
                            ("one abstention becomes a yes", flip_one("A", "Y"))],
                   kind="number", tolerance=0.0005,
                   hint=("Only the resolutions on which both voted (Y, N or A) count, as in section 1.",
                         "Pivot the votes to one row per resolution and one column per country "
                         "(`pivot(index='resolution', columns='iso3', values='vote')`).",
                         "Keep the rows where both columns are Y, N or A (`.isin`), then take the mean of "
                         "`row[a] == row[b]` over those rows."))
def _(votes, a, b):
    wide = votes.pivot(index="resolution", columns="iso3", values="vote")
    both = wide[wide[a].isin(["Y", "N", "A"]) & wide[b].isin(["Y", "N", "A"])]
    return float((both[a] == both[b]).mean())

written("02.W", ["compares named years or periods (Cold War and after)", "quotes shares computed in the notebook",
                 "says how few votes some years rest on", "distinguishes allies (UK, France) from the median member"])
