"""Exercises of notebook 06 (how the UN works): the expected answers, computed from the shipped data."""

import pandas as pd

from worldorder import data, record, rules, scaling
from worldorder.checks import chart_exercise, exercise, written
from worldorder.methods import drop_one, function_exercise, move_date


@exercise("06.1", hint=("The waves table shows only the years with the most admissions; the 1990s have more years "
                        "than that.",
                        "wo.un_membership() has one row per year and regional group, with `admitted` (how many of "
                        "today's members were admitted that year).",
                        "Keep the Asia-Pacific rows with `year` from 1990 to 1999 (both included) and sum `admitted`."),
          kind="number", wrong={9: "that is 1991-1993 only, the years the waves table shows; other years of the "
                                   "decade admitted Asia-Pacific members too",
                                14: "that counts 2000 as well: the 1990s end with 1999 (range(1990, 2000) stops "
                                    "at 1999)",
                                32: "that counts every regional group; keep the Asia-Pacific group",
                                52: "that is how many members the group had at the end of 1999; sum `admitted` "
                                    "over the decade instead",
                                16: "that is the notebook's example, Africa in 1960; compute the Asia-Pacific "
                                    "group in the 1990s"})
def _():
    members = data.members()
    year = members["admission_date"].dt.year
    return int((year.between(1990, 1999) & (members["un_regional_group"] == "Asia-Pacific")).sum())


@exercise("06.2", hint=("Apply the two-thirds rule of section 2 to another vote.",
                        "wo.ga_important_question(resolution) applies it to any GA vote and returns a table.",
                        "Read its `margin`: the fewest yes voters who would have had to vote no."),
          kind="number", wrong={14: "one short: with that many switched, the yes votes are still exactly "
                                    "two-thirds of yes + no, so the resolution still passes",
                                13: "two-thirds is measured against those present and voting (yes + no), not "
                                    "against all members or with the abstentions",
                                24: "that is the margin under the simple majority; the question asks about the "
                                    "two-thirds rule",
                                38: "that is the number of yes votes needed; the margin is how many yes voters "
                                    "would have had to switch",
                                20: "that is ES-11/7's margin, the notebook's example; compute Uniting for Peace"})
def _():
    row = record.resolutions(resolutions="A/RES/377(V)[A-C]").iloc[0]
    return rules.switches_two_thirds(int(row["yes"]), int(row["no"]))


@exercise("06.3", hint=("Compute the positions of 1975 and look near the United States.",
                        "wo.positions(1975) is sorted by position, the United States' side first.",
                        "Drop the United States and take the member with the highest position."), kind="country",
          wrong={"GBR": "the United Kingdom stood next to the United States in 1985, the year the notebook "
                        "computed, and is the highest of the positions chart's seven countries; the question "
                        "asks about 1975 and all members",
                 "USA": "the question asks for a member other than the United States",
                 "Soviet Union": "the Soviet seat stood at the other end of the line; the question asks for "
                                 "the highest position, the United States' side",
                 "Cuba": None})
def _():
    table = scaling.positions(1975)
    return table.loc[table["iso3"] != "USA", "iso3"].iloc[0]


@exercise("06.4", hint=("The drill-down of section 3 lists such votes for one pair and year; change the pair.",
                        "wo.split_votes(year, country, country) lists the votes on which both voted, differently.",
                        "Call it for 2003 with France in place of the United Kingdom and count its rows."),
          kind="number", wrong={40: "that is the United States and the United Kingdom, the notebook's "
                                    "drill-down; the question asks about France",
                                33: "that counts the votes on which the two voted the same; count those on which "
                                    "they differed",
                                77: "that counts every vote both cast; keep those on which they differed"})
def _():
    pair = record.votes(years=2003, body="GA", countries=["USA", "FRA"])
    pair = pair[pair["vote"] != "X"].pivot(index="resolution", columns="iso3", values="vote").dropna()
    return int((pair["USA"] != pair["FRA"]).sum())


chart_exercise("06.5", marks=("point", "circle", "tick", "bar"), encodings={"x": ("position", "Q"),
                                                                            "y": ("country", "NO")},
               hint=("Draw one mark per member of wo.positions(1990).",
                     "The table has the columns position (a number) and country (a name).",
                     "One point per member (mark_point): the position across as a number (:Q), the country down "
                     "as a name (:N), sorted by the position (sort='-x'); then a title and a description."),
               sort=("y", "x"),
               draws=lambda: {"table": scaling.positions(1990), "channels": {"position": ("x",), "country": ("y",)},
                              "what": "each member's position of 1990 across and its name down"},
               data=lambda t: None if "year" in t and set(t["year"]) == {1990}
               else "the chart's table should be wo.positions(1990)")

@function_exercise("06.6", "admitted_between",
                   tables=lambda: {"members": data.members(), "first": 1955, "last": 1960},
                   changes=[("a member admitted in 1955 is removed", drop_one("iso3", "ALB")),
                            ("a member's admission moves from 1960 to 1961",
                             move_date("admission_date", lambda m: m["iso3"] == "NGA", pd.DateOffset(years=1))),
                            ("a member's admission moves from 1961 back into 1960",
                             move_date("admission_date", lambda m: m["admission_date"].dt.year == 1961,
                                       pd.DateOffset(years=-1)))],
                   kind="number",
                   hint=("Use the `admission_date` column: the year of each member's admission.",
                         "`.dt.year` gives the year of a date column; `.between(first, last)` keeps both ends.",
                         "Count the rows whose admission year is between `first` and `last`, both included "
                         "(`.sum()` of the test)."))
def _(members, first, last):
    return int(members["admission_date"].dt.year.between(first, last).sum())

written("06.W", ["compares at least two years", "quotes the median share or position from a cell",
                 "names which members are the median", "says what one line leaves out"])
