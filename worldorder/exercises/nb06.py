"""Exercises of notebook 06 (how the UN works): the expected answers, computed from the shipped data."""

from worldorder import data, record, rules, scaling
from worldorder.checks import chart_exercise, exercise, written


@exercise("06.1", hint=("1960 was the year of African independence: count the admissions of that year in one group.",
                       "wo.un_membership() has one row per year and regional group, with `admitted`.",
                       "Keep year 1960 and the African group, and read (or sum) `admitted`."),
          kind="number", wrong=(17, 26, 99))
def _():
    members = data.members()
    return int(((members["admission_date"].dt.year == 1960) & (members["un_regional_group"] == "African")).sum())


@exercise("06.2", hint=("Apply the two-thirds rule of section 2 to another vote.",
                       "wo.ga_important_question(resolution) applies it to any GA vote and returns a table.",
                       "Read its `margin`: the fewest yes voters who would have had to vote no."),
          kind="number", wrong=(14, 16, 27))
def _():
    row = record.resolutions(resolutions="A/RES/377(V)[A-C]").iloc[0]
    return rules.switches_two_thirds(int(row["yes"]), int(row["no"]))


@exercise("06.3", hint=("Compute the positions of 1975 and look near the United States.",
                       "wo.positions(1975) is sorted by position, the United States' side first.",
                       "Drop the United States and take the member with the highest position."), kind="country",
          wrong=("United States", "Soviet Union", "Cuba"))
def _():
    table = scaling.positions(1975)
    return table.loc[table["iso3"] != "USA", "iso3"].iloc[0]


@exercise("06.4", hint=("The drill-down of section 3 lists such votes for one pair and year.",
                       "wo.split_votes(year, country, country) lists the votes on which both voted, differently.",
                       "Count its rows for 2010, the USA and France."),
          kind="number", wrong=(0, 10, 100))
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
