"""Agreement involving blocs: positions of a country or a bloc, and how often they match.

A bloc's position on a vote is its majority, with membership dated to the vote (see
:mod:`worldorder.blocvotes`).

>>> round(agreement("USA", "EU", ["ES-11/1", "ES-11/7", "ES-11/8"]), 2)
0.33
>>> agreement("Atlantis", "EU", ["ES-11/1"])
Traceback (most recent call last):
...
ValueError: Unknown country or bloc 'Atlantis'. As a country: Try 'UKR' or 'Ukraine'. As a bloc: Try 'NATO', 'EU', 'African Union' or 'WEOG'.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from worldorder import names, pairs, record
from worldorder.blocvotes import (
    _bloc_counts,
    _cast_on,
    _grid,
    _keys,
    _long,
    _seats,
    bloc_counts,
    member_votes,
    vote_list,
)
from worldorder.names import CustomBloc
from worldorder.vocab import CAST, VOTE_CODES


def _country_or_bloc(value):
    """A CustomBloc or bloc name stays a bloc; otherwise the value must be a country (ISO3 returned)."""
    if isinstance(value, CustomBloc):
        return "bloc", value
    if isinstance(value, str) and (ambiguous := names.bloc_or_country(value)):
        raise ValueError(ambiguous)
    try:
        return "bloc", names.bloc(value)
    except ValueError as bloc_error:
        try:
            return "country", names.country(value)
        except ValueError as country_error:
            hints = [str(e).split(". ", 1)[-1] for e in (country_error, bloc_error)]
            raise ValueError(f"Unknown country or bloc {value!r}. As a country: {hints[0]} "
                             f"As a bloc: {hints[1]}") from None


def stances(who, resolutions) -> pd.Series:
    """The position (Y, N, A, or None) of a country or bloc on each vote, indexed by resolution.

    A country's position is its cast vote (None if it did not vote or has no
    row); a bloc's position is its majority on that date (None on a tie or
    when nobody voted).
    """
    kind, key = _country_or_bloc(who)
    votes = vote_list(resolutions)
    if kind == "bloc":
        table = bloc_counts([key], resolutions)
        found = table.set_index("resolution")["majority"]
    else:
        found = pd.Series({s: _cast_on(s).get(key) for s in votes["resolution"]}, dtype=object)
        found = found.where(found.isin(CAST), None)
    return found.reindex(votes["resolution"]).astype(object).where(lambda s: s.notna(), None)


def agreement(a, b, resolutions) -> float:
    """Share of votes on which ``a`` and ``b`` took the same position (countries or blocs, mixed freely).

    Over the chosen votes on which both have a position (see
    :func:`stances`): identical positions ÷ votes where both have one. A bloc's
    position is its dated majority, so ``agreement("USA", "EU", ...)`` asks
    how often the US voted as most EU members did. NaN if no vote qualifies.
    """
    pa, pb = stances(a, resolutions), stances(b, resolutions)
    both = pa.notna() & pb.notna()
    return float((pa[both] == pb[both]).mean()) if both.any() else float("nan")


def bloc_agreement(blocs, resolutions, method: str = "majority") -> pd.DataFrame:
    """Bloc × bloc agreement over a set of votes, as a square DataFrame (NaN where undefined).

    ``method="majority"``: share of votes on which the two blocs' majority
    positions were identical, over the votes on which both had a majority.

    ``method="members"``: mean pairwise agreement between members, pooled over
    the votes: among every pair of two different countries, one from each bloc,
    that both cast Y, N or A on a vote, the share that voted the same. On the
    diagonal it compares a bloc's members with each other.
    """
    chosen = names.bloc_keys(blocs)
    labels = [str(b) for b in chosen]
    if method == "majority":
        keys = _keys(chosen, resolutions)
        majority = _bloc_counts(*keys)["majority"].to_numpy()  # bloc by bloc, votes in date order
        codes = np.where(pd.isna(majority), "", majority).reshape(len(labels), len(keys[1]))
        n_both, identical = pairs.pair_counts(pd.DataFrame(codes, index=labels))
    elif method == "members":
        n_both, identical = _member_pair_counts(chosen, resolutions, labels)
    else:
        raise ValueError(f"Unknown method {method!r}. Choose 'majority' or 'members'.")
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_both > 0, identical / n_both, np.nan)
    matrix = pd.DataFrame(share, index=pd.Index(labels, name="bloc_a"), columns=pd.Index(labels, name="bloc_b"))
    matrix.attrs["method"] = method  # what the shares mean, for the chart that draws them
    return matrix


def _member_pair_counts(chosen, resolutions, labels) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of distinct members (one per bloc) that both cast a vote, and how many of them agreed."""
    long = member_votes(chosen, resolutions)
    k = len(labels)
    n_both, identical = np.zeros((k, k)), np.zeros((k, k))
    for _, rows in long.groupby("resolution"):
        cast = rows[rows["vote"].isin(CAST)]
        by_code = pd.crosstab(cast["bloc"], cast["vote"]).reindex(index=labels, columns=list(CAST), fill_value=0)
        counts = by_code.to_numpy(dtype=float)
        voters = [set(cast.loc[cast["bloc"] == n, "iso3"]) for n in labels]
        overlap = np.array([[len(voters[i] & voters[j]) for j in range(k)] for i in range(k)], dtype=float)
        total = counts.sum(axis=1)
        identical += counts @ counts.T - overlap
        n_both += np.outer(total, total) - overlap
    return n_both, identical


def country_agreement(resolutions, countries=None) -> pd.DataFrame:
    """All-pairs agreement between countries over a set of focus votes, in one vectorised step.

    Builds the country × vote matrix and uses ``wo.pairwise_agreement``
    (matrix products, not a join per pair): share of identical votes over the
    votes both cast (Y, N or A). ``countries`` narrows the rows (any spelling).
    """
    symbols = list(vote_list(resolutions)["resolution"])
    cast = record.votes(resolutions=symbols, countries=countries)
    return pairs.pairwise_agreement(pairs.vote_matrix(cast))


def agreement_with(country, blocs, resolutions) -> pd.DataFrame:
    """For each bloc and vote: how many of the bloc's other members voted as ``country`` did.

    Columns: bloc, resolution, short, date, country_vote, others_cast (members
    other than the country who cast Y, N or A), same, share (same ÷
    others_cast; NaN when the country did not cast a vote or no other member did).
    """
    iso3 = names.country(country)
    keys = _keys(blocs, resolutions)
    long, vote_of = _long(*keys), np.tile(np.arange(len(keys[1])), len(keys[0]))  # each cell's vote
    theirs = np.array([_cast_on(s).get(iso3) for s in keys[1]], dtype=object)
    code = {c: i for i, c in enumerate(VOTE_CODES)}
    their_code = np.array([code.get(v, -1) for v in theirs])
    others = (_seats()[0][long.seat] != iso3) & np.isin(long.vote, [code[c] for c in CAST])
    others_cast = np.bincount(long.cell[others], minlength=len(vote_of))
    same = np.bincount(long.cell[others & (long.vote == their_code[long.cell % len(keys[1])])], minlength=len(vote_of))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(np.isin(their_code, [code[c] for c in CAST])[vote_of] & (others_cast > 0),
                         same / others_cast, np.nan)
    table = _grid(*keys, country=names.country_label(iso3), country_vote=theirs[vote_of], others_cast=others_cast,
                  same=same, share=share)
    return table[["bloc", "resolution", "short", "date", "country", "country_vote", "others_cast", "same", "share"]]
