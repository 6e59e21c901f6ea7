"""Exercises of notebook 06 (how the UN works): the expected answers, computed from the shipped data."""

from worldorder import data, record, rules, scaling
from worldorder.checks import chart_exercise, exercise, written


@exercise("06.1", hint="Take wo.members() and count the members of the African group whose admission_date "
                       "falls in 1960 (or read the `admitted` column of wo.un_membership()).",
          kind="number", wrong=(17, 26, 99))
def _():
    members = data.members()
    return int(((members["admission_date"].dt.year == 1960) & (members["un_regional_group"] == "African")).sum())


@exercise("06.2", hint="Uniting for Peace is 'A/RES/377(V)[A-C]'. Apply wo.ga_important_question to it and "
                       "read the `margin`: the fewest yes voters who would have had to vote no.",
          kind="number", wrong=(14, 16, 27))
def _():
    row = record.resolutions(resolutions="A/RES/377(V)[A-C]").iloc[0]
    return rules.switches_two_thirds(int(row["yes"]), int(row["no"]))


@exercise("06.3", hint="Take wo.positions(1975); the first row is the United States' side. Which member other "
                       "than the United States has the highest position?", kind="country",
          wrong=("United States", "Soviet Union", "Cuba"))
def _():
    table = scaling.positions(1975)
    return table.loc[table["iso3"] != "USA", "iso3"].iloc[0]


@exercise("06.4", hint="wo.split_votes(2010, 'USA', 'France') lists the votes on which both voted but "
                       "differently; count its rows.", kind="number", wrong=(0, 10, 100))
def _():
    rank = record.votes(years=2010, body="GA", countries=["USA", "FRA"])
    rank = rank[rank["vote"] != "X"].pivot(index="resolution", columns="iso3", values="vote").dropna()
    return int((rank["USA"] != rank["FRA"]).sum())


chart_exercise("06.5", marks=("point", "circle", "tick", "bar"), encodings={"x": ("position", "Q"),
                                                                            "y": ("country", "NO")},
               hint=("Draw one mark per member of wo.positions(1990).",
                     "The table has the columns position (a number) and country (a name).",
                     "alt.Chart(table).mark_point().encode(x='position:Q', y=alt.Y('country:N', sort='-x'))"
                     ".properties(title=..., description=...)"),
               data=lambda t: None if "year" in t and set(t["year"]) == {1990}
               else "the chart's table should be wo.positions(1990)")

written("06.W", ["compares at least two years", "quotes the median share or position from a cell",
                 "names which members are the median", "says what one line leaves out"])
