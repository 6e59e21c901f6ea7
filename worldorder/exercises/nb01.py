"""Exercises of notebook 01 (the post-war order): the expected answers, computed from the shipped data."""

from worldorder import data, membership
from worldorder.checks import chart_exercise, exercise, written


@exercise("01.1", hint="Make wo.membership_counts(['EU']) and keep the rows with at least 15 members; "
                       "the answer is the smallest year left.", kind="value", wrong=(1986, 2004, 1973))
def _():
    counts = membership.membership_counts(["EU"])
    return int(counts.loc[counts["members"] >= 15, "year"].min())


@exercise("01.2", hint="len(wo.bloc_members('Warsaw Pact', on='1970-01-01')); the table wo.blocs() shows who left "
                       "before then.", kind="number", wrong=(8, 6))
def _():
    return len(membership.bloc_members("Warsaw Pact", on="1970-01-01"))


@exercise("01.3", hint="wo.timeline()['category'].value_counts() puts the largest category first; "
                       "answer with its name.", kind="text", wrong=("institution", "vote"))
def _():
    return data.timeline()["category"].value_counts().index[0]


@exercise("01.4", hint="len(wo.bloc_members('EU', on='2020-12-31')), or look up 2020 in "
                       "wo.membership_counts(['EU']).", kind="number", wrong=(28, 26))
def _():
    return len(membership.bloc_members("EU", on="2020-12-31"))


@exercise("01.5", hint="A date given only to the month is 7 characters long ('YYYY-MM'): "
                       "count the rows where wo.timeline()['date'].str.len() == 7.", kind="number", wrong=(0, 1, 45))
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
