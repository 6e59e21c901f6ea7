"""Exercises of notebook 07 (your own question): the expected answers, computed from the shipped data."""

from worldorder import blocvotes, record
from worldorder.checks import chart_exercise, exercise, written


@exercise("07.1", hint=("Start from starting point B and change the bloc.",
                        "wo.cohesion(['ASEAN'], series) gives one row per vote, with agreement_index.",
                        "Count the rows whose agreement_index is below 0.5: (table['agreement_index'] < 0.5).sum()"),
          kind="number", wrong={9: "that is the number of ES-11 votes, not those below 0.5",
                                0: "count the votes whose index is below 0.5 (not at or above)"})
def _():
    ga = record.resolutions(body="GA")
    series = ga.loc[ga["resolution"].str.startswith("A/RES/ES-11/"), "resolution"].tolist()
    return int((blocvotes.cohesion(["ASEAN"], series)["agreement_index"] < 0.5).sum())


chart_exercise("07.2", marks=("line", "point", "bar", "circle", "square", "tick", "area", "rect", "rule", "text",
                              "trail", "boxplot", "errorbar"),
               encodings={"x": (None, "QNOT"), "y": (None, "QNOT")}, typed=True,
               hint=("Start from one of the three charts of the starting points.",
                     "alt.Chart(your_table).mark_...() then .encode(x='column:Q', y='column:N').",
                     "Give every encoding a type letter, then .properties(title=..., description=...)."))

written("07.W", ["states the question in one sentence", "defines the measure and the votes it is computed over",
                 "dates membership to each vote", "flags small numbers (n beside each share)",
                 "cites the sources (UN Digital Library, Voeten, data/README.md)", "states a limit of the record"])
