"""Exercises of notebook 05 (compare vote blocs): the expected answers, computed from the shipped data."""

from worldorder import blocpairs, blocvotes, membership, names, record
from worldorder.checks import chart_exercise, exercise, written
from worldorder.methods import drop_one, flip_one, function_exercise

DEFAULT_BLOCS = blocvotes.DEFAULT_BLOCS


@exercise("05.1", hint=("The most split bloc has the lowest Agreement Index on that vote, ES-11/4.",
                       "wo.cohesion(blocs, ['ES-11/4']) gives each bloc's agreement_index, members dated to the vote.",
                       "Find the row with the smallest agreement_index and answer with its `bloc` as the table "
                       "writes it."),
          kind="bloc", wrong={"AU": "the AU was the most split on ES-11/7, the notebook's vote; ES-11/4 is another "
                                    "vote: compute it", "EU": "the EU voted as one on ES-11/4", "NATO": None,
                              "G7": None})
def _():
    table = blocvotes.cohesion(DEFAULT_BLOCS, ["ES-11/4"])
    return table.loc[table["agreement_index"].idxmin(), "bloc"]


@exercise("05.2", hint=("Find the 1971 vote first, then look at the EU's members on its day (in 1971: the European "
                        "Communities).",
                        "wo.find_votes('lawful rights', years=1971) finds the vote; wo.defectors(['EU'], [symbol]) "
                        "lists who broke ranks, with members dated to the vote.",
                        "Read the country of the defectors table's one row."),
          kind="country", wrong={"GBR": "the United Kingdom joined the European Communities in 1973, after this "
                                        "vote: take the members on the day of the vote",
                                 "DEU": "West Germany was not yet a UN member in October 1971: it has no vote in "
                                        "this roll call",
                                 "USA": "the United States broke ranks in NATO; the question asks about the EU's "
                                        "members",
                                 "GRC": "Greece broke ranks in NATO, which it had joined; it joined the European "
                                        "Communities only in 1981",
                                 "FRA": None})
def _():
    symbol = record.find_votes("lawful rights of the People's Republic of China", years=1971)["resolution"]
    found = blocvotes.defectors(["EU"], list(symbol))["iso3"].unique()
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


@exercise("05.4", hint=("A member broke ranks if its vote differs from ASEAN's majority, whichever way it went.",
                        "wo.defectors(['ASEAN'], ['ES-11/3']) names every ASEAN member who broke ranks on that vote.",
                        "Give them all: a list of codes or names, or names separated by commas."),
          kind="countries", wrong={"Laos, Vietnam": "those two voted no; ASEAN's majority abstained, so members who "
                                                    "voted yes broke ranks too",
                                   "Myanmar, Philippines": "those two voted yes; ASEAN's majority abstained, so "
                                                           "members who voted no broke ranks too",
                                   "Vietnam": "one country is not all of them: read every row of the defectors table"})
def _():
    return sorted(blocvotes.defectors(["ASEAN"], ["ES-11/3"])["iso3"])


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
                     "mark_bar() with the index on one axis (a number, :Q) and the bloc on the other (a name, "
                     ":N), as the split chart of section 2 did with counts; then .properties(title, description)."),
               draws=lambda: {"table": blocvotes.cohesion(names.bloc_names(), ["ES-11/8"]),
                              "channels": {"bloc": ("x", "y"), "agreement_index": ("x", "y")}, "subset": True,
                              "what": "blocs' Agreement Index on ES-11/8 (one axis the bloc, the other its index)"},
               data=lambda t: None if "short" in t and set(t["short"]) == {"ES-11/8"}
               else "the chart's table should be wo.cohesion(..., ['ES-11/8']) (ES-11/8 only)")

def _au_votes():
    members = membership.bloc_members("AU", on="2025-12-03")
    votes = record.vote_table("ES-11/9")
    return {"votes": votes[votes["iso3"].isin(members)].reset_index(drop=True)}


@function_exercise("05.7", "agreement_index", tables=_au_votes,
                   changes=[("one yes vote is flipped to no", flip_one("Y", "N")),
                            ("one member that did not vote voted yes", flip_one("X", "Y")),
                            ("one abstainer's row is removed", drop_one("vote", "A"))],
                   kind="number", tolerance=0.0005,
                   hint=("Count the yes, no and abstain votes in the table; members who did not vote (X) are left "
                         "out.",
                         "`(votes['vote'] == 'Y').sum()` counts one kind; the formula of section 2 uses the "
                         "largest count and the total of the three.",
                         "Return (largest − (total − largest) / 2) / total, with total = Y + N + A."))
def _(votes):
    counts = votes["vote"].value_counts()
    return float(blocvotes.agreement_index(counts.get("Y", 0), counts.get("N", 0), counts.get("A", 0)))

written("05.W", ["names the votes compared", "quotes Agreement Index values from a cell",
                 "names the defectors", "says membership was dated to each vote and whether it matters"])
