"""Exercises of notebook 04 (how the sources disagree): the expected answers, computed from the shipped data."""

from worldorder import ledger, membership, record
from worldorder.checks import chart_exercise, exercise, starts, written
from worldorder.methods import drop_one, flip_one, function_exercise, set_where


@exercise("04.1", hint=("'Only' makes the list complete: every no vote must be named, and only those.",
                        "wo.check_claim('vote_list', 'ES-11/1', 'N', [...], scope='exact') compares the list with "
                        "the roll call; so does filtering wo.votes(resolutions='ES-11/1') to vote 'N'.",
                        "Compare the set of no voters with the three named countries: the answer is the "
                        "difference."),
          kind="countries", wrong={"Eritrea": "one country is not all of them: list every no voter the sentence "
                                              "leaves out",
                                   "Russia, Belarus, North Korea": "those are the countries the sentence names; "
                                                                   "the question asks which no voters it leaves out",
                                   "Slovenia": "Slovenia is the one the report's Security Council list leaves out, "
                                               "shown in the notebook; this is another vote"})
def _():
    votes = record.vote_table("ES-11/1")
    return sorted(set(votes.loc[votes["vote"] == "N", "iso3"]) - {"RUS", "BLR", "PRK"})


@exercise("04.2", hint=("Two votes at once: a member counts only if both of its votes match the US votes.",
                        "wo.votes(resolutions=['ES-11/7', 'ES-11/8']) pivoted to one row per country "
                        "(pivot(index='iso3', columns='resolution', values='vote')) gives both votes side by side.",
                        "Compare each row with the row of 'USA', keep rows equal on both columns, and leave the "
                        "USA itself out."),
          kind="number", wrong={17: "17 voted as the US did on ES-11/7 alone; keep only those who also voted as it "
                                    "did on ES-11/8",
                                9: "leave the United States itself out of the count", 0: None})
def _():
    table = record.vote_table("ES-11/7").merge(record.vote_table("ES-11/8"), on="iso3", suffixes=("_7", "_8"))
    us = table.set_index("iso3").loc["USA"]
    same = (table["vote_7"] == us["vote_7"]) & (table["vote_8"] == us["vote_8"]) & (table["iso3"] != "USA")
    return int(same.sum())


@exercise("04.3", hint=("The ledger has the resolution a claim is about and a rating on every row: you need both.",
                        "wo.claims() has the columns resolution and rating; some claims name several resolutions, "
                        "separated by ';'.",
                        "Keep the rows whose `resolution` is exactly 'A/RES/ES-11/7' (==, not str.contains) and "
                        "whose rating is 'right', and count them."),
          kind="number", wrong={21: "that counts every claim about ES-11/7; keep those rated right",
                                23: "that also counts claims about several resolutions at once: keep those about "
                                    "ES-11/7 alone"})
def _():
    table = ledger.claims()
    return int(((table["resolution"] == "A/RES/ES-11/7") & (table["rating"] == "right")).sum())


@exercise("04.4", hint=("Two tables: who was in the African Union on the day, and how each member voted.",
                       "wo.bloc_members('AU', on=...) gives the members on the day of the vote (the `date` of "
                       "wo.resolutions(resolutions=...)); wo.votes(resolutions=..., countries=...) their votes.",
                       "Keep the members' rows whose vote is 'A' and count them."),
          kind="number", wrong={25: "that counts a state that was not in the African Union on that day (today's "
                                    "members, or the UN's African regional group, are not the AU of 2008): take "
                                    "the members on the day of the vote",
                                105: "that is every abstention on the resolution; keep only the African Union's "
                                     "members",
                                24.5: None})
def _():
    members = set(membership.bloc_members("AU", on="2008-04-15"))
    votes = record.vote_table("A/RES/62/249")
    return int((votes["iso3"].isin(members) & (votes["vote"] == "A")).sum())


@exercise("04.5", hint=("'Sided with Russia' is a claim about one day; put it beside a whole year.",
                        "wo.votes(body='GA', years=2014, countries=['USA', 'RUS']) pivoted to one row per "
                        "resolution gives the two votes side by side.",
                        "Keep the votes on which both voted (Y, N or A) and count those where the two votes are "
                        "equal."),
          kind="number", wrong={2: "2 is the count for the votes of 24 February 2025; the question asks about the "
                                   "GA votes of 2014",
                                77: "that is how many votes both cast in 2014; count those where the two votes "
                                    "are the same"})
def _():
    votes = record.votes(years=2014, body="GA", countries=["USA", "RUS"])
    wide = votes.pivot(index="resolution", columns="iso3", values="vote")
    cast = wide["USA"].isin(["Y", "N", "A"]) & wide["RUS"].isin(["Y", "N", "A"])
    return int((cast & (wide["USA"] == wide["RUS"])).sum())


def _held_back(key: str) -> str:
    """The verdict (full text) of the ledger row held back for exercise ``key``."""
    table = ledger.read_ledger()
    (row,) = [r for _, r in table[table["exercise"] == key].iterrows()]
    return str(ledger.verdict_of(row))


_ENCODE = ("Encode the sentence as a claim: which vote, which vote code, which countries, and the scope the "
           "quoted words give it.",
           "wo.check_claim(kind, resolution, vote, countries, scope=..., number=...) computes the verdict; the "
           "notebook's section 1 gives the scope rule.",
           "A list without 'including', 'such as', 'like' or 'other' is the complete list (scope='exact'); give "
           "str(...) of the verdict.")
_AS_EXAMPLES = ("your verdict reads the list as examples (scope='some'); the sentence has no word such as "
                "'including' or 'such as', so by the rule it is the complete list")


def _us_left_out(answer) -> bool:
    text = str(answer)
    return "leaves out" in text and "United States (USA)" in text.split("leaves out", 1)[1]


@exercise("04.6", hint=_ENCODE, kind="value", wrong={starts("right"): _AS_EXAMPLES,
                                                     _us_left_out: "'joining forces with' puts the United States, "
                                                                   "the sentence's subject, in the group too: list it",
                                                     "right": None,
                                                     "cannot be checked": None})
def _():
    return _held_back("04.6")


@exercise("04.7", hint=_ENCODE, kind="value", wrong={starts("right"): _AS_EXAMPLES, "wrong": None})
def _():
    return _held_back("04.7")


@exercise("04.8", hint=_ENCODE[:2] + ("'three other European countries' gives examples plus a count: scope='some', "
                                      "and the size of the whole group (the two named plus the others) in number.",),
          kind="value", wrong={starts("incomplete"): "your verdict reads the two named countries as the complete "
                                                     "list, but the sentence says there were others: scope='some'",
                               starts("right: the roll call has"): "the sentence also states how many abstained in "
                                                                   "all (the two named and three others): put that "
                                                                   "number in number",
                               "wrong": None})
def _():
    return _held_back("04.8")


chart_exercise("04.9", marks="bar", encodings={"y": ("seed", "N"), "x": (None, "Q"), "color": ("rating", "N")},
               hint=("Change the chart of section 9: the same stacked bars, one bar per seed instead of per claim type.",
                     "Keep the table with the columns seed and rating (ledger[['seed', 'rating']].assign(n=1)); "
                     "sum(n) counts the claims in each segment.",
                     "Copy the chart of section 9 and change two things: the column kept beside rating, and the "
                     "one on y; then a title and a description of your own."),
               draws=lambda: {"table": ledger.claims().groupby(["seed", "rating"]).size().rename("n").reset_index(),
                              "channels": {"seed": ("y",), "rating": ("color",), "n": ("x",)},
                              "what": "the number of claims of each seed (y) and rating (colour) as bar lengths"},
               data=lambda t: None if {"seed", "rating"} <= set(t.columns)
               else "the chart's table needs the ledger's columns seed and rating")

@function_exercise("04.10", "voted_as", tables=lambda: {"votes": record.vote_table("ES-11/9"), "country": "IND"},
                   changes=[("one member that voted yes abstained instead", flip_one("Y", "A")),
                            ("one abstainer's row is removed", drop_one("vote", "A")),
                            ("one abstainer did not vote", flip_one("A", "X")),
                            ("the country itself voted yes", set_where("vote", lambda v: v["iso3"] == "IND", "Y"))],
                   kind="number",
                   hint=("First read the country's own vote in the table, then count who cast the same.",
                         "`votes.set_index('iso3')['vote']` gives each member's vote; `.loc[country]` reads one.",
                         "Count the rows whose vote equals the country's, and leave the country itself out "
                         "(minus one)."))
def _(votes, country):
    vote = votes.set_index("iso3")["vote"]
    return int((vote == vote.loc[country]).sum() - 1)

written("04.W", ["separates the checkable part (the votes of the day) from the interpretation ('seems', 'teams')",
                 "quotes verdicts or counts from cells, for the day and for a longer span",
                 "names a vote where the US did not vote as Russia did",
                 "says what the roll call cannot show (motives, negotiations) and where that record would be"])
