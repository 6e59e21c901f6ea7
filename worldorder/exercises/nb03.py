"""Exercises of notebook 03 (the votes of 24 February 2025): the expected answers, computed from the shipped data."""

from worldorder import record
from worldorder.charts import maps
from worldorder.checks import chart_exercise, exercise, written
from worldorder.methods import drop_one, flip_one, function_exercise


@exercise("03.1", hint=("Count a roll call yourself, as section 2 did for the text of 24 February, on another vote.",
                        "wo.votes(resolutions='68/262') has one row per member, with `vote` Y, N, A or X.",
                        "Count the rows whose vote is 'N' (.eq('N').sum() or value_counts())."),
          kind="number", wrong={18: "that is the no count of the notebook's vote of 24 February; count the 2014 roll call",
                                8: "that is the no count of the amended US text; count the 2014 roll call",
                                100: "that is the yes count; the question asks how many voted no"})
def _():
    return int(record.vote_table("A/RES/68/262")["vote"].eq("N").sum())  # another path than the solution's filter


@exercise("03.2", hint=("Look up one member's vote on one resolution.",
                        "wo.vote_of(resolution, country) gives the code; wo.VOTE_LABELS turns it into a word.",
                        "Or find India's row in wo.vote_table('68/262') and read `vote_label`."),
          kind="vote", wrong={"Did not vote": "India has a vote in this roll call; 'did not vote' is the code X",
                              "Yes": None, "No": None})
def _():
    return record.vote_table("A/RES/68/262").set_index("iso3").loc["IND", "vote_label"]


@exercise("03.3", hint=("The small states are those the map cannot draw; the question asks about another vote.",
                        "wo.small_states('ES-11/9') lists them with their `vote` on that resolution.",
                        "Keep the rows whose vote is 'A' and give the countries (a list, or names with commas)."),
          kind="countries", wrong={"Marshall Islands, Palau": "those two voted no on ES-11/7, the notebook's vote; "
                                                              "this asks about abstentions on ES-11/9",
                                   "Bahrain": "one country is not all of them: give every small state that "
                                              "abstained",
                                   "ATG, DMA, GRD, LCA, VCT, WSM, STP, TUV":
                                       "those did not vote at all (X); the question asks who abstained (A)"})
def _():
    small = maps.small_states("ES-11/9")
    return sorted(small.loc[small["vote"] == "A", "iso3"])


@exercise("03.4", hint=("The notebook compared ES-11/1 with ES-11/7; do the same for the first and the latest "
                        "resolutions on human rights in Crimea.",
                        "The `yes` column of wo.resolutions(resolutions=[...]) holds each vote's yes count; "
                        "wo.totals(...) counts it from the roll call.",
                        "Subtract: yes on 80/223 minus yes on 71/205 (negative if the yes votes fell)."),
          kind="number", wrong={48: "that is the fall from ES-11/1 to ES-11/7, the notebook's example; this asks "
                                    "about the Crimea resolutions",
                                -9: "mind the sign: the later vote minus the earlier one"})
def _():
    yes = {s: int(record.totals(s).set_index("vote").loc["Y", "counted"]) for s in ("A/RES/71/205", "A/RES/80/223")}
    return yes["A/RES/80/223"] - yes["A/RES/71/205"]


@exercise("03.5", hint=("Who cast exactly China's vote on 80/223? Leave China itself out.",
                        "wo.side_with(resolution, country) lists the others that voted as that country did.",
                        "Count its rows with len()."),
          kind="number", wrong={16: "that counts China too: the question asks for the others",
                                79: "that is the number of yes votes: what did China vote?"})
def _():
    return len(record.side_with("A/RES/80/223", "CHN"))


def _es11_1_drawn():
    counts = record.vote_table("ES-11/1")["vote"].value_counts()
    what = "the counts of ES-11/1's roll call on one axis"
    return [{"table": counts.rename("n").reset_index(), "channels": {"n": ("x", "y")}, "what": what},
            {"table": counts.drop("X", errors="ignore").rename("n").reset_index(), "channels": {"n": ("x", "y")},
             "what": what}]


def _es11_1_counts(table):
    expected = sorted(record.vote_table("ES-11/1")["vote"].value_counts().tolist())
    numbers = table.select_dtypes("number")
    if any(sorted(numbers[c].tolist()) == expected for c in numbers):
        return None
    return "the counts in the chart's table are not those of ES-11/1's roll call"


chart_exercise("03.6", marks="bar", encodings={"x": (None, "QN"), "y": (None, "QN")},
               hint=("Do the same as for ES-11/7, with another vote.",
                     "wo.votes(resolutions='ES-11/1')['vote'].value_counts() gives the counts; .reset_index() "
                     "makes a table of them.",
                     "Copy the ES-11/7 bar chart of section 2 (es7_chart) and change its table, title and "
                     "description; the counts go on one axis as :Q, the kinds of vote on the other as :N."),
               draws=_es11_1_drawn, data=_es11_1_counts)

@function_exercise("03.7", "no_voters", tables=lambda: {"votes": record.vote_table("ES-11/7")},
                   changes=[("one yes voter voted no", flip_one("Y", "N")),
                            ("one no voter's row is removed", drop_one("vote", "N"))],
                   kind="countries",
                   hint=("The table has one row per member and its `vote`: keep the no votes.",
                         "A comparison in square brackets keeps rows: `votes[votes['vote'] == ...]`.",
                         "Keep the rows whose vote is 'N' and return their `iso3` values as a list "
                         "(`.tolist()`)."))
def _(votes):
    return sorted(votes.loc[votes["vote"] == "N", "iso3"])

written("03.W", ["names the votes of the day (ES-11/7, ES-11/8, S/RES/2774)", "says who voted as the US did, "
                 "with numbers from a cell", "separates the vote on the text from the draft the US tabled",
                 "says what the roll call cannot show (the amendments)"])
