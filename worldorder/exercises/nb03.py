"""Exercises of notebook 03 (the votes of 24 February 2025): the expected answers, computed from the shipped data."""

from worldorder import record
from worldorder.charts import maps
from worldorder.checks import chart_exercise, exercise, written


@exercise("03.1", hint=("Count the roll call yourself, as section 2 did for ES-11/7.",
                        "wo.votes(resolutions='ES-11/8') has one row per member, with `vote` Y, N, A or X.",
                        "Count the rows whose vote is 'N' (.eq('N').sum() or value_counts())."),
          kind="number", wrong={18: "that is the no count of ES-11/7; this is ES-11/8", 7: None, 9: None})
def _():
    return int(record.vote_table("ES-11/8")["vote"].eq("N").sum())  # another path than the solution's filter


@exercise("03.2", hint=("Look up one member's vote on one resolution.",
                        "wo.vote_of(resolution, country) gives the code; wo.VOTE_LABELS turns it into a word.",
                        "Or find Ukraine's row in wo.vote_table('ES-11/8') and read `vote_label`."),
          kind="text", wrong={"Yes": "Ukraine voted yes on ES-11/7; this is the amended US text, ES-11/8",
                              "No": None, "Did not vote": None})
def _():
    return record.vote_table("ES-11/8").set_index("iso3").loc["UKR", "vote_label"]


@exercise("03.3", hint=("The small states are those the map cannot draw; keep the ones that voted no.",
                        "wo.small_states('ES-11/7') lists them with their `vote`.",
                        "Keep the rows whose vote is 'N' and give the countries (a list, or names with commas)."),
          kind="countries", wrong=("Palau", "Palau, Marshall Islands, Nauru", "Marshall Islands, Micronesia"))
def _():
    small = maps.small_states("ES-11/7")
    return sorted(small.loc[small["vote"] == "N", "iso3"])


@exercise("03.4", hint=("The notebook compared ES-11/1 with ES-11/7; do the same with the latest vote, ES-11/9.",
                        "The `yes` column of wo.resolutions(focus=True) (indexed by `short`) holds each vote's yes "
                        "count; wo.totals(...) counts it from the roll call.",
                        "Subtract: yes on ES-11/1 minus yes on ES-11/9 (a positive number)."),
          kind="number", wrong={48: "that is the fall to ES-11/7, the notebook's example; this asks about ES-11/9",
                                -50: "subtract the other way round: ES-11/1 minus ES-11/9"})
def _():
    yes = {s: int(record.totals(s).set_index("vote").loc["Y", "counted"]) for s in ("ES-11/1", "ES-11/9")}
    return yes["ES-11/1"] - yes["ES-11/9"]


@exercise("03.5", hint=("Who cast exactly China's vote on ES-11/7? Leave China itself out.",
                        "wo.side_with(resolution, country) lists the others that voted as that country did.",
                        "Count its rows with len()."),
          kind="number", wrong={65: "that counts China too: the question asks for the others",
                                93: "that is the number of yes votes: what did China vote?"})
def _():
    return len(record.side_with("A/RES/ES-11/7", "CHN"))


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
                     "alt.Chart(counts).mark_bar().encode(x='count:Q', y='vote:N')"
                     ".properties(title=..., description=...)"),
               data=_es11_1_counts)

written("03.W", ["names the votes of the day (ES-11/7, ES-11/8, S/RES/2774)", "says who voted as the US did, "
                 "with numbers from a cell", "separates the vote on the text from the draft the US tabled",
                 "says what the roll call cannot show (the amendments)"])
