"""Exercises of notebook 05 (compare vote blocs): the expected answers, computed from the shipped data."""

from worldorder import blocpairs, blocvotes
from worldorder.checks import chart_exercise, exercise, written

DEFAULT_BLOCS = blocvotes.DEFAULT_BLOCS


@exercise("05.1", hint="wo.cohesion(blocs, ['ES-11/7']) gives each bloc's agreement_index; the lowest is the "
                       "most split. Answer with the bloc's name as the table writes it.",
          kind="text", wrong=("EU", "NATO", "G7"))
def _():
    table = blocvotes.cohesion(DEFAULT_BLOCS, ["ES-11/7"])
    return table.loc[table["agreement_index"].idxmin(), "bloc"]


@exercise("05.2", hint="wo.defectors(['EU'], ['ES-11/7', 'ES-11/8']) lists the EU members who did not cast "
                       "the EU majority's vote; answer with the country.", kind="country",
          wrong=("Slovakia", "Austria", "France"))
def _():
    found = blocvotes.defectors(["EU"], ["ES-11/7", "ES-11/8"])["iso3"].unique()
    if len(found) != 1:
        raise ValueError(f"expected one EU defector, the data has {list(found)}")
    return found[0]


@exercise("05.3", hint="Take NATO's agreement_index in wo.cohesion(['NATO'], ['ES-11/1', 'ES-11/7']) on ES-11/7 "
                       "minus the one on ES-11/1 (a negative number if cohesion fell); two decimals are enough.",
          kind="number", tolerance=0.005, wrong=(0, 0.14, 1))
def _():
    table = blocvotes.cohesion(["NATO"], ["ES-11/1", "ES-11/7"]).set_index("short")["agreement_index"]
    return round(float(table["ES-11/7"] - table["ES-11/1"]), 4)


@exercise("05.4", hint="wo.defectors(['NATO'], ['ES-11/7']) names every NATO member who broke ranks; give "
                       "them all, as a list or separated by commas.", kind="countries",
          wrong=("United States", "Hungary, United States"))
def _():
    return sorted(blocvotes.defectors(["NATO"], ["ES-11/7"])["iso3"])


@exercise("05.5", hint="wo.agreement('USA', 'EU', ['ES-11/1', 'ES-11/7', 'ES-11/8']) is a share between 0 "
                       "and 1; two decimals are enough.", kind="number", tolerance=0.005, wrong=(0, 1, 0.5))
def _():
    return blocpairs.agreement("USA", "EU", ["ES-11/1", "ES-11/7", "ES-11/8"])


chart_exercise("05.6", marks=("bar", "point", "tick"),
               encodings={"x": (("agreement_index", "bloc"), "QN"), "y": (("agreement_index", "bloc"), "QN")},
               hint=("Draw the table wo.cohesion gives, one bar per bloc.",
                     "wo.cohesion(blocs, ['ES-11/8']) has the columns bloc and agreement_index.",
                     "alt.Chart(table).mark_bar().encode(x='agreement_index:Q', y='bloc:N')"
                     ".properties(title=..., description=...)"),
               data=lambda t: None if "short" in t and set(t["short"]) == {"ES-11/8"}
               else "the chart's table should be wo.cohesion(..., ['ES-11/8']) (ES-11/8 only)")

written("05.W", ["names the votes compared", "quotes Agreement Index values from a cell",
                 "names the defectors", "says membership was dated to each vote and whether it matters"])
