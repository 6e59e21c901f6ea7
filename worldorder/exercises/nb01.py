"""Exercises of notebook 01 (the post-war order): the expected answers, computed from the shipped data."""

from worldorder import data, membership
from worldorder.checks import chart_exercise, exercise, written


@exercise("01.1", hint=("Count the EU's members year by year, then find the first year that reaches 15.",
                       "wo.membership_counts(['EU']) has one row per year with `members` on 31 December.",
                       "Keep the rows with members >= 15 and take the smallest `year` (.min())."),
          kind="value", wrong={2004: "that is the big enlargement to the east; the EU reached 15 before it",
                               1986: None, 1973: None})
def _():
    counts = membership.membership_counts(["EU"])
    return int(counts.loc[counts["members"] >= 15, "year"].min())


@exercise("01.2", hint=("Membership depends on the day: ask for the members on 1 January 1970.",
                       "wo.bloc_members(bloc, on=day) lists the members on a day, as the notebook did for NATO.",
                       "Count the list it returns with len(); wo.blocs() shows who left the Pact before 1970."),
          kind="number", wrong={8: "that is the Pact at its founding: one member had left by 1970", 6: None})
def _():
    return len(membership.bloc_members("Warsaw Pact", on="1970-01-01"))


@exercise("01.3", hint=("Count the events of each category.",
                       "The `category` column of `events` (wo.timeline()) holds each event's kind.",
                       ".value_counts() on that column puts the largest category first; answer with its name."),
          kind="text", wrong=("institution", "vote"))
def _():
    return data.timeline()["category"].value_counts().index[0]


@exercise("01.4", hint=("The United Kingdom left on 31 January 2020: count the members at the end of that year.",
                       "wo.bloc_members('EU', on=...) or the 2020 row of wo.membership_counts(['EU']).",
                       "len() of the member list on '2020-12-31'."),
          kind="number", wrong={28: "that still counts the United Kingdom, which left in January 2020", 26: None})
def _():
    return len(membership.bloc_members("EU", on="2020-12-31"))


@exercise("01.5", hint=("Look at how such a date is written in the `date` column.",
                       "A date given only to the month is written 'YYYY-MM': how many characters is that?",
                       "Count the rows of events whose date has that length: (events['date'].str.len() == n).sum()."),
          kind="number", wrong={0: None, 1: None, 45: "that counts every event, not only those dated to the month"})
def _():
    return int((data.timeline()["date"].str.len() == 7).sum())


chart_exercise("01.6", marks="line", encodings={"x": ("year", "QT"), "y": ("members", "Q")},
               hint=("Start from the NATO chart above and change its table.",
                     "counts = wo.membership_counts(['Warsaw Pact']) has the columns year and members.",
                     "alt.Chart(counts).mark_line().encode(x='year:Q', y='members:Q')"
                     ".properties(title=..., description=...)"),
               data=lambda t: None if "bloc" in t and set(t["bloc"]) == {"Warsaw Pact"}
               else "the chart's table should be the Warsaw Pact's counts (wo.membership_counts(['Warsaw Pact']))")

written("01.W", ["gives at least two numbers computed in this notebook", "names dates (join and leave years)",
                 "names a caveat of the membership data (month-only dates, states that no longer exist)",
                 "answers the question: still, partly, or no"])
