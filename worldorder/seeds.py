"""Comparing the seeds: which article covers which fact, how well, and where they disagree.

>>> grid = claim_grid()
>>> list(grid.columns)
['explainer', 'analysis', 'report', 'opinion', 'summary']
"""

from __future__ import annotations

import pandas as pd

from worldorder.ledger import RATINGS, claims, seed_texts


def _worst(ratings: pd.Series) -> str:
    order = ["wrong", "incomplete", "partly right", "right", "cannot be checked"]
    return min(ratings, key=order.index)


def claim_grid(ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """Facts as rows, seeds as columns: the rating of what each seed says about each fact ('' if silent).

    When a seed makes several claims about one fact, the cell shows the weakest of their ratings.
    """
    ledger = claims() if ledger is None else ledger
    seeds = list(seed_texts())
    grid = ledger.groupby(["fact", "seed"])["rating"].agg(_worst).unstack()
    grid = grid.reindex(columns=seeds).fillna("")
    return grid.sort_index().rename_axis(index="fact", columns="seed")


def disagreements(ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """Facts on which two or more seeds are rated differently, with each seed's quote and verdict."""
    ledger = claims() if ledger is None else ledger
    per_fact = ledger.groupby("fact")["rating"].nunique()
    split = per_fact.index[per_fact > 1]
    shared = ledger.groupby("fact")["seed"].nunique()
    facts = [f for f in split if shared[f] > 1]
    rows = ledger[ledger["fact"].isin(facts)]
    return rows[["fact", "seed", "claim_id", "quote", "rating", "verdict"]].sort_values(["fact", "rating"]).reset_index(drop=True)


def rating_counts(ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many claims of each seed got each rating."""
    ledger = claims() if ledger is None else ledger
    table = pd.crosstab(ledger["seed"], ledger["rating"]).reindex(columns=list(RATINGS), fill_value=0)
    return table.reindex(list(seed_texts()))
