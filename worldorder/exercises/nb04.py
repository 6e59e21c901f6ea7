"""Exercises of notebook 04 (how the sources disagree): the expected answers, computed from the shipped data."""

from worldorder import data, ledger, record
from worldorder.checks import exercise


@exercise("04.1", hint="List the 'A' votes in wo.votes(resolutions='2774') and find the one that is not "
                       "the UK, France, Denmark or Greece.", kind="country",
          wrong=("Denmark", "United Kingdom", "China"))
def _():
    votes = record.votes(resolutions=["S/RES/2774 (2025)"])
    abstained = set(votes.loc[votes["vote"] == "A", "iso3"])
    (missing,) = abstained - {"GBR", "FRA", "DNK", "GRC"}
    return missing


@exercise("04.2", hint="Take wo.votes(resolutions='ES-11/7') and count the rows whose vote is 'N'.",
          kind="number", wrong=(17, 19, 8))
def _():
    return int(record.vote_table("ES-11/7")["vote"].eq("N").sum())  # another path than the solution's filter


@exercise("04.3", hint="In the ledger (wo.claims()), look at the fact 'S/RES/2774: the failed amendments' and give "
                       "the seed id whose claim is rated wrong.", kind="text",
          wrong=("explainer", "analysis", "summary"))
def _():
    table = ledger.claims()
    rows = table[(table["fact"] == "S/RES/2774: the failed amendments") & (table["rating"] == "wrong")]
    (seed,) = rows["seed"].unique()
    return seed


@exercise("04.4", hint="Filter wo.vote_disputes() to 'A/RES/ES-11/8': which country does another source "
                       "report differently?", kind="country", wrong=("Ukraine", "Israel", "Congo"))
def _():
    disputes = data.vote_disputes()
    (iso3,) = disputes.loc[disputes["resolution"] == "A/RES/ES-11/8", "iso3"]
    return iso3


@exercise("04.5", hint="For each vote in wo.day_votes('2025-02-24'), compare the USA's vote with Russia's "
                       "(wo.vote_of) and count the votes where they are equal.", kind="number", wrong=(1, 3, 0))
def _():
    symbols = record.day_votes("2025-02-24")["resolution"]
    return sum(record.vote_of(s, "USA") == record.vote_of(s, "RUS") for s in symbols)


def _held_back(key: str) -> str:
    """The verdict (full text) of the ledger row held back for exercise ``key``."""
    table = ledger.read_ledger()
    (row,) = [r for _, r in table[table["exercise"] == key].iterrows()]
    return str(ledger.verdict_of(row))


_ENCODE = ("Encode the quoted sentence with wo.check_claim(kind, resolution, vote, countries, scope=..., number=...): "
           "a list without 'including', 'such as', 'like', 'other' is the complete list (scope='exact'). "
           "Pass str(...) of the verdict.")


@exercise("04.6", hint=_ENCODE, kind="value", wrong=("right", "incomplete", "cannot be checked"))
def _():
    return _held_back("04.6")


@exercise("04.7", hint=_ENCODE, kind="value", wrong=("right", "incomplete", "wrong"))
def _():
    return _held_back("04.7")


@exercise("04.8", hint=_ENCODE + " A stated group size goes in number.", kind="value",
          wrong=("right", "incomplete", "wrong"))
def _():
    return _held_back("04.8")
