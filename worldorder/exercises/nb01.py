"""Exercises of notebook 01 (the post-war order): the expected answers, computed from the shipped data."""

import pandas as pd

from worldorder import data, membership
from worldorder.checks import chart_exercise, exercise, written
from worldorder.methods import drop_one, function_exercise, move_date


@exercise("01.1", hint=("Count ASEAN's members year by year, then find the first year that reaches 10.",
                       "wo.membership_counts(['ASEAN']) has one row per year with `members` on 31 December.",
                       "Keep the rows with at least 10 members and take the earliest `year`."),
          kind="value", wrong={1997: "ASEAN grew that year, but not yet to 10 members",
                               2025: "that is the year ASEAN grew past 10, not the year it reached 10",
                               1967: "that is the year ASEAN was founded"})
def _():
    counts = membership.membership_counts(["ASEAN"])
    return int(counts.loc[counts["members"] >= 10, "year"].min())


@exercise("01.2", hint=("Membership depends on the day: ask for the CSTO's members on 1 January 2010.",
                       "wo.bloc_members(bloc, on=day) lists the members on a day, as the notebook did for NATO.",
                       "Count the list it returns; wo.blocs() shows who joined and left the CSTO, and when."),
          kind="number", wrong={6: "the CSTO had that many members in other years: check the day, 1 January 2010",
                                9: "that is the CSTO at its largest, in the 1990s"})
def _():
    return len(membership.bloc_members("CSTO", on="2010-01-01"))


@exercise("01.3", hint=("Membership depends on the day: find every bloc that counted the United Kingdom on 1 January 1990.",
                       "wo.bloc_members(bloc, on=day) lists a bloc's members on a day; the blocs are in the `bloc` "
                       "column of wo.blocs(). Or keep the United Kingdom's rows of wo.blocs() and compare "
                       "`joined_date` and `left_date` with the day.",
                       "Keep the spells of 'GBR' that began on or before 1990-01-01 and had not ended by then (no "
                       "`left_date`, or a later one), and count their blocs."),
          kind="number", wrong={3: "the bloc table lists the EU with its predecessor, the European Communities, which "
                                   "the United Kingdom joined in 1973: count it",
                                5: "that counts a bloc the United Kingdom joined after 1 January 1990"})
def _():
    spells = data.blocs()
    day = pd.Timestamp("1990-01-01")
    uk = spells[(spells["iso3"] == "GBR") & (spells["joined_date"] <= day)
                & ~(spells["left_date"] <= day)]
    return int(uk["bloc"].nunique())


@exercise("01.4", hint=("South Sudan joined the African Union (AU) in 2011: count the members at the end of that "
                       "year.",
                       "wo.bloc_members('AU', on=...) or the 2011 row of wo.membership_counts(['AU']).",
                       "Count the members on the last day of 2011."),
          kind="number", wrong={53: "that is the AU before South Sudan joined in 2011",
                                55: "that is the AU after Morocco rejoined in 2017"})
def _():
    return len(membership.bloc_members("AU", on="2011-12-31"))


@exercise("01.5", hint=("Look at how a join date given only to the month is written in the `joined` column of "
                       "wo.blocs().",
                       "A date given only to the month is written 'YYYY-MM': how many characters is that?",
                       "Count the spells whose `joined` has that length, as the notebook did for dates given only "
                       "as a year."),
          kind="number", wrong={78: "that counts join dates given only as a year (YYYY), not to the month",
                                30: "those spells have no join date at all",
                                374: "that counts every spell, not only those dated to the month"})
def _():
    return int((data.blocs()["joined"].fillna("").str.len() == 7).sum())


chart_exercise("01.6", marks="line", encodings={"x": ("year", "QT"), "y": ("members", "Q")},
               hint=("Start from the NATO chart above and change its table.",
                     "counts = wo.membership_counts(['Warsaw Pact']) has the columns year and members.",
                     "Copy the NATO chart of section 2 (nato_chart) and change only its table; keep the types "
                     "(:Q for both axes) and write a title and a description of your own."),
               draws=lambda: {"table": membership.membership_counts(["Warsaw Pact"]),
                              "channels": {"year": ("x",), "members": ("y",)},
                              "what": "the Warsaw Pact's members year by year (year across, members up)"},
               data=lambda t: None if "bloc" in t and set(t["bloc"]) == {"Warsaw Pact"}
               else "the chart's table should be the Warsaw Pact's counts (wo.membership_counts(['Warsaw Pact']))")

@function_exercise("01.7", "founders", tables=lambda: {"spells": data.blocs().query("bloc == 'ASEAN'")},
                   changes=[("a founder's row is removed", drop_one("iso3", "IDN")),
                            ("a founder's join date moves a year later",
                             move_date("joined_date", lambda s: s["iso3"] == "THA", pd.DateOffset(years=1)))],
                   kind="countries",
                   hint=("Founders are the members that joined on the bloc's first day: find that day in the table.",
                         "The `joined_date` column holds each spell's join date; `.min()` gives the earliest.",
                         "Keep the rows whose `joined_date` equals the column's minimum and return their `iso3` "
                         "values as a list."))
def _(spells):
    return sorted(spells.loc[spells["joined_date"] == spells["joined_date"].min(), "iso3"].unique())

written("01.W", ["gives at least two numbers computed in this notebook", "names dates (join and leave years)",
                 "names a caveat of the membership data (month-only dates, states that no longer exist)",
                 "answers the question: still, partly, or no"])
