"""Exercises of notebook 05 (compare vote blocs): the expected answers, computed from the shipped data."""

from worldorder import blocpairs, blocvotes
from worldorder.checks import chart_exercise, exercise, written

DEFAULT_BLOCS = blocvotes.DEFAULT_BLOCS


@exercise("05.1", hint=("The most split bloc has the lowest Agreement Index on that vote, ES-11/4.",
                       "wo.cohesion(blocs, ['ES-11/4']) gives each bloc's agreement_index, members dated to the vote.",
                       "Find the row with the smallest agreement_index and answer with its `bloc` as the table "
                       "writes it."),
          kind="text", wrong={"AU": "the AU was the most split on ES-11/7, the notebook's vote; ES-11/4 is another "
                                    "vote: compute it", "EU": "the EU voted as one on ES-11/4", "NATO": None,
                              "G7": None})
def _():
    table = blocvotes.cohesion(DEFAULT_BLOCS, ["ES-11/4"])
    return table.loc[table["agreement_index"].idxmin(), "bloc"]


@exercise("05.2", hint=("A defector did not cast its bloc's majority vote.",
                       "wo.defectors(['EU'], [...]) lists the EU members who broke ranks on those votes.",
                       "Read the `iso3` or `country` column of that table for ES-11/7 and ES-11/8."),
          kind="country", wrong=("Slovakia", "Austria", "France"))
def _():
    found = blocvotes.defectors(["EU"], ["ES-11/7", "ES-11/8"])["iso3"].unique()
    if len(found) != 1:
        raise ValueError(f"expected one EU defector, the data has {list(found)}")
    return found[0]


@exercise("05.3", hint=("The notebook did NATO; do the same for the Arab League.",
                        "wo.cohesion(['Arab League'], ['ES-11/1', 'ES-11/7']) gives its agreement_index on each "
                        "vote (members dated to each vote).",
                        "Subtract: the index on ES-11/7 minus the one on ES-11/1 (negative if cohesion fell); two "
                        "decimals are enough."),
          kind="number", tolerance=0.005, wrong={0.225: "mind the sign: ES-11/7 minus ES-11/1",
                                                 0: None, 1: None})
def _():
    table = blocvotes.cohesion(["Arab League"], ["ES-11/1", "ES-11/7"]).set_index("short")["agreement_index"]
    return round(float(table["ES-11/7"] - table["ES-11/1"]), 4)


@exercise("05.4", hint=("Who did not cast NATO's majority vote on ES-11/7?",
                        "wo.defectors(['NATO'], ['ES-11/7']) names every NATO member who broke ranks.",
                        "Give them all: a list of codes or names, or names separated by commas."),
          kind="countries", wrong={"United States": "one country is not all of them: read every row of the defectors table",
                                   "Hungary, United States": None})
def _():
    return sorted(blocvotes.defectors(["NATO"], ["ES-11/7"])["iso3"])


@exercise("05.5", hint=("The notebook compared the United States with the EU; do the same for Brazil.",
                        "wo.agreement(country, bloc, votes) compares a country with the bloc's majority position.",
                        "Use the three votes of the notebook; the answer is a share between 0 and 1 (or a "
                        "percentage)."),
          kind="number", tolerance=0.005, percent_ok=True, wrong={1: None, 0: None, 0.5: None})
def _():
    return blocpairs.agreement("BRA", "EU", ["ES-11/1", "ES-11/7", "ES-11/8"])

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
