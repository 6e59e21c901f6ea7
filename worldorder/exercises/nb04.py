"""Exercises of notebook 04 (how the sources disagree): the expected answers, computed from the shipped data."""

from worldorder import claims, data, rollcall
from worldorder.checks import exercise


@exercise("04.1", hint="List the 'A' votes of S/RES/2774 (2025) in wo.votes() and find the one that is not "
                       "the UK, France, Denmark or Greece.", kind="country", wrong=("Denmark", "United Kingdom", "China"))
def _():
    votes = data.votes()
    abstained = set(votes.loc[(votes["resolution"] == "S/RES/2774 (2025)") & (votes["vote"] == "A"), "iso3"])
    (missing,) = abstained - {"GBR", "FRA", "DNK", "GRC"}
    return missing


@exercise("04.2", hint="Filter wo.votes() to 'A/RES/ES-11/7' and count the rows whose vote is 'N'.",
          kind="number", wrong=(17, 19, 8))
def _():
    return int(rollcall.vote_table("ES-11/7")["vote"].eq("N").sum())  # another path than the solution's filter


@exercise("04.3", hint="In the ledger, look at the fact 'S/RES/2774: the failed amendments' and give the seed id "
                       "whose claim is rated wrong.", kind="text", wrong=("explainer", "analysis", "summary"))
def _():
    ledger = claims.claims()
    rows = ledger[(ledger["fact"] == "S/RES/2774: the failed amendments") & (ledger["rating"] == "wrong")]
    (seed,) = rows["seed"].unique()
    return seed


@exercise("04.4", hint="Filter wo.vote_disputes() to 'A/RES/ES-11/8': which country does another source "
                       "report differently?", kind="country", wrong=("Ukraine", "Israel", "Congo"))
def _():
    disputes = data.vote_disputes()
    (iso3,) = disputes.loc[disputes["resolution"] == "A/RES/ES-11/8", "iso3"]
    return iso3


@exercise("04.5", hint="For each vote in rollcall.day_votes(), compare the USA's vote with Russia's "
                       "(rollcall.vote_of) and count the votes where they are equal.", kind="number", wrong=(1, 3, 0))
def _():
    symbols = rollcall.day_votes("2025-02-24")["resolution"]
    return sum(rollcall.vote_of(s, "USA") == rollcall.vote_of(s, "RUS") for s in symbols)
