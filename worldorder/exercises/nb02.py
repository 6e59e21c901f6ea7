"""Exercises of notebook 02 (eighty years of GA votes): the expected answers, computed from the shipped data."""

from worldorder import order, pairs
from worldorder.checks import chart_exercise, exercise, written


@exercise("02.1", hint="In wo.yearly_agreement() the pair is stored once, alphabetically: iso3_a 'RUS', "
                       "iso3_b 'USA'. Read `share` for 1995 (a number between 0 and 1).",
          kind="number", tolerance=0.0005, wrong=(0.367, 0.6375, 29, 36))
def _():
    return pairs.agreement_share("USA", "RUS", 1995)


@exercise("02.2", hint="Use wo.us_agreement(['UK']), keep the years from 1992 to wo.last_full_year() "
                       "and find the year with the smallest share (.idxmin() or sort_values).",
          kind="value", wrong=(2025, 2007, 1991))
def _():
    table = pairs.us_agreement(["GBR"]).set_index("year")["share"]
    return int(table.loc[1992:order.last_full_year()].idxmin())


@exercise("02.3", hint="wo.coincidence('Canada', 2023, rule='pre2017'), then wo.report_percent(...) "
                       "to round it as the report does.", kind="number", wrong=(80, 86, 0.87))
def _():
    return pairs.report_percent(pairs.coincidence("CAN", 2023, rule="pre2017"))


@exercise("02.4", hint="wo.us_rank(2023) lists every member, closest to the USA first; "
                       "give the country in the first row.", kind="country", wrong=("GBR", "FSM", "CAN"))
def _():
    return pairs.us_rank(2023)["iso3"].iloc[0]


def _pair(table, pair=frozenset({"CHN", "USA"})):
    if not {"iso3_a", "iso3_b"} <= set(table.columns):
        return "the chart's table should be rows of wo.yearly_agreement() (with iso3_a and iso3_b)"
    pairs = {frozenset(p) for p in zip(table["iso3_a"], table["iso3_b"])}
    return None if pairs == {pair} else "the chart's table should hold the USA–China pair only"


chart_exercise("02.5", marks="line", encodings={"x": ("year", "QT"), "y": ("share", "Q")},
               hint=("Copy the USA–Russia chart and change the table it draws.",
                     "In wo.yearly_agreement() each pair is stored once, alphabetically: CHN comes before USA.",
                     "agreement[(agreement['iso3_a'] == 'CHN') & (agreement['iso3_b'] == 'USA')], then the same "
                     "alt.Chart(...).mark_line().encode(x='year:Q', y='share:Q')"),
               data=_pair)

written("02.W", ["compares named years or periods (Cold War and after)", "quotes shares computed in the notebook",
                 "says how few votes some years rest on", "distinguishes allies (UK, France) from the median member"])
