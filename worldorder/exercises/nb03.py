"""Exercises of notebook 03 (the votes of 24 February 2025): the expected answers, computed from the shipped data."""

from worldorder import record
from worldorder.charts import maps
from worldorder.checks import chart_exercise, exercise, written


@exercise("03.1", hint="Take wo.votes(resolutions='ES-11/8') and count the rows whose vote is 'N'.",
          kind="number", wrong=(7, 9, 18))
def _():
    return int(record.vote_table("ES-11/8")["vote"].eq("N").sum())  # another path than the solution's filter


@exercise("03.2", hint="Look up Ukraine's row in wo.vote_table('ES-11/8') and give its vote_label, "
                       "spelled as in that column.", kind="text", wrong=("Yes", "No", "Did not vote"))
def _():
    return record.vote_table("ES-11/8").set_index("iso3").loc["UKR", "vote_label"]


@exercise("03.3", hint="Filter wo.small_states('ES-11/7') to vote 'N' and list the countries.",
          kind="countries", wrong=("Palau", "Palau, Marshall Islands, Nauru", "Marshall Islands, Micronesia"))
def _():
    small = maps.small_states("ES-11/7")
    return sorted(small.loc[small["vote"] == "N", "iso3"])


@exercise("03.4", hint="Take the yes count of ES-11/1 minus the yes count of ES-11/7 "
                       "(wo.totals(...) or the `yes` column of wo.resolutions(focus=True)); give a positive number.",
          kind="number", wrong=(93, 141, 50))
def _():
    yes = {s: int(record.totals(s).set_index("vote").loc["Y", "counted"]) for s in ("ES-11/1", "ES-11/7")}
    return yes["ES-11/1"] - yes["ES-11/7"]


@exercise("03.5", hint="wo.side_with('ES-11/8', 'Russia') lists the others that voted as Russia did; "
                       "count its rows.", kind="number", wrong=(8, 72, 18))
def _():
    return len(record.side_with("A/RES/ES-11/8", "RUS"))


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
