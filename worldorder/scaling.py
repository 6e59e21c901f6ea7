"""Positions on one line: the first principal component of one year's General Assembly recorded votes.

The method, step by step (notebook 06 computes it by hand before calling the helper):

1. The member × vote matrix of the year's recorded GA votes: yes = 1, abstain = 0, no = −1.
   Absences ("X", listed but did not vote) and seats not listed are missing.
2. Members that cast (yes, no or abstain) fewer than ``min_share`` of the year's votes are dropped
   (default: half); they would be placed by too few votes.
3. Each vote (column) is centred: its mean over the members who cast it is subtracted. A missing cell
   is then set to 0, the vote's mean: an absence pulls a member neither way.
4. The first principal component (the first singular vector, found by power iteration) gives each
   member a score. The
   ``position`` is that score divided by the square root of the number of votes, so it is a per-vote
   quantity (between −2 and 2) comparable in size across years; ``explained`` is the share of the
   matrix's variance (its squared singular values) that the component holds.
5. The sign of a principal component is arbitrary: it is set so that the United States is positive,
   every year, which also aligns the years with each other.

What it is not: these are not the Bailey–Strezhnev–Voeten ideal points, which model all years jointly
(with votes repeated across years as bridges) so that positions are comparable over time. Here each
year is estimated on its own: a position says where a member stood relative to that year's others.

>>> import worldorder as wo
>>> table = wo.positions(2025)
>>> bool(table.set_index("iso3").loc["USA", "position"] > 0)
True
>>> wo.positions(1964)
Traceback (most recent call last):
...
ValueError: There are no recorded General Assembly votes in 1964: the 19th session was run without votes during the Article 19 (arrears) crisis (unga_history/PROVENANCE.md §6).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from worldorder import data, names, record

CODING = {"Y": 1.0, "A": 0.0, "N": -1.0}
"""How a vote becomes a number; absences ("X") and seats not listed are missing."""

ANCHOR = "USA"


@functools.cache
def _ga_years() -> tuple[np.ndarray, np.ndarray]:
    """Per row of the (date-sorted) record: its year, and whether it is a GA vote with a recorded roll call."""
    table = data.resolution_table()
    recorded = (table["body"].astype(str).to_numpy() == "GA") & (table[["yes", "no", "abstain"]].sum(axis=1) > 0).to_numpy()
    return table["year"].to_numpy(), recorded


@functools.cache
def _by_year() -> dict[int, None]:
    """The years with recorded GA votes (their votes are gathered lazily by :func:`_one_year`)."""
    years, recorded = _ga_years()
    return dict.fromkeys(int(y) for y in np.unique(years[recorded]))


@functools.cache
def _one_year(year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One year's recorded GA votes cast: (column within the year, seat code, value)."""
    years, recorded = _ga_years()
    lo, hi = np.searchsorted(years, [year, year + 1])  # the record is sorted by date: a year is one block of rows
    arrays = data.vote_arrays()
    row = arrays["row"]
    keep = (row >= lo) & (row < hi)
    rows, seats, codes = row[keep], arrays["iso3"][keep], arrays["vote"][keep]
    keep = recorded[rows] & (codes < 3)  # Y, N, A (VOTE_CODES order); X is an absence
    rows, seats, codes = rows[keep], seats[keep], codes[keep]
    _, column = np.unique(rows, return_inverse=True)
    return column, seats, np.array([CODING["Y"], CODING["N"], CODING["A"]])[codes]


def _clear() -> None:
    for cached in (_ga_years, _by_year, _one_year, _labels):
        cached.cache_clear()


data.on_clear(_clear)


@functools.cache
def _labels() -> dict[str, str]:
    return {c: names.country_label(c) for c in data.vote_arrays()["iso3_names"]}


def year_matrix(year) -> pd.DataFrame:
    """The member × vote matrix of one year's recorded GA votes: 1 yes, 0 abstain, −1 no, NaN absent.

    Columns are numbered in date order (0, 1, …); rows are seat codes.

    >>> m = year_matrix(2025)
    >>> sorted(float(v) for v in m.stack().dropna().unique())
    [-1.0, 0.0, 1.0]
    >>> year_matrix(1945)
    Traceback (most recent call last):
    ...
    ValueError: No recorded votes in 1945: the record runs from 1946 to 2025.
    """
    column, seat, value = _year(year)
    used, row = np.unique(seat, return_inverse=True)
    matrix = np.full((used.size, column.max() + 1), np.nan)
    matrix[row, column] = value
    return pd.DataFrame(matrix, index=pd.Index(data.vote_arrays()["iso3_names"][used], name="iso3"))


def _year(year):
    y = names.year(year)
    if y not in _by_year():
        raise ValueError(record.no_votes_message([y], "GA"))
    return _one_year(y)


def first_component(matrix: np.ndarray, start: np.ndarray, tol: float = 1e-12, max_iter: int = 2000) -> np.ndarray:
    """The first right singular vector of ``matrix`` (unit length), by power iteration from ``start``.

    Power iteration needs only matrix-vector products, which are fast and single-threaded for matrices of
    this size (a full SVD is slower, and much slower on a busy machine). When it does not converge
    (the first two components nearly tied) it falls back to :func:`numpy.linalg.svd`. Same input, same output.

    >>> m = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, 0.0]])
    >>> v = first_component(m, np.ones(2))
    >>> bool(np.allclose(abs(v), abs(np.linalg.svd(m)[2][0])))
    True
    >>> first_component(m, np.ones(3))
    Traceback (most recent call last):
    ...
    ValueError: start needs one value per column of the matrix (2), not 3.
    """
    if start.shape != (matrix.shape[1],):
        raise ValueError(f"start needs one value per column of the matrix ({matrix.shape[1]}), not {start.size}.")
    v = matrix.T @ (matrix @ start)
    norm = np.sqrt(v @ v)
    if norm == 0:
        return np.linalg.svd(matrix, full_matrices=False)[2][0]
    v = v / norm
    for _ in range(max_iter):
        w = matrix.T @ (matrix @ v)
        w /= np.sqrt(w @ w)
        if np.abs(w - v).max() < tol:
            return w
        v = w
    return np.linalg.svd(matrix, full_matrices=False)[2][0]


def positions(year, min_share: float = 0.5) -> pd.DataFrame:
    """Every GA member's position on one dimension in one year, the USA on the positive side.

    Parameters
    ----------
    year : int or str
        A year with recorded General Assembly votes (1946-2025, not 1964).
    min_share : float
        Members that cast fewer than this share of the year's votes are left out (default 0.5).

    Returns
    -------
    pandas.DataFrame
        One row per member, highest position first: ``year``, ``iso3``, ``country``, ``position``
        (between −2 and 2), ``votes_cast``, ``explained`` (the share of variance of the first component,
        the same on every row; also in ``.attrs["explained"]``) and ``n_votes`` (votes in the year).

    Examples
    --------
    >>> table = positions(1985)
    >>> bool(table.set_index("iso3").loc["USA", "position"] > 0), table.iloc[-1]["iso3"] != "USA"
    (True, True)
    >>> 0 < table.attrs["explained"] < 1
    True
    >>> positions(2025, min_share=1.5)
    Traceback (most recent call last):
    ...
    ValueError: min_share is a share of the year's votes, between 0 and 1; got 1.5.
    """
    if not 0 <= min_share <= 1:
        raise ValueError(f"min_share is a share of the year's votes, between 0 and 1; got {min_share}.")
    column, seat, value = _year(year)
    n_votes = int(column.max()) + 1
    used, row = np.unique(seat, return_inverse=True)
    cast = np.bincount(row, minlength=used.size)
    keep = cast >= min_share * n_votes
    matrix = np.zeros((used.size, n_votes))
    present = np.zeros((used.size, n_votes), dtype=bool)
    matrix[row, column] = value
    present[row, column] = True
    matrix, present, used, cast = matrix[keep], present[keep], used[keep], cast[keep]
    means = matrix.sum(axis=0) / np.maximum(present.sum(axis=0), 1)
    centred = np.where(present, matrix - means, 0.0)
    codes = data.vote_arrays()["iso3_names"][used]
    anchor = np.flatnonzero(codes == ANCHOR)
    start = centred[anchor[0]] if anchor.size and centred[anchor[0]].any() else np.ones(n_votes)
    component = first_component(centred, start)
    score = centred @ component
    total = float(np.sum(centred ** 2))
    explained = float(score @ score / total) if total > 0 else 0.0
    score = score / np.sqrt(n_votes)
    if anchor.size and score[anchor[0]] < 0 or not anchor.size and score.sum() > 0:
        score = -score
    labels = _labels()
    table = pd.DataFrame({"year": names.year(year), "iso3": codes, "country": [labels[c] for c in codes],
                          "position": score, "votes_cast": cast, "explained": explained, "n_votes": n_votes})
    table = table.iloc[np.lexsort((codes, -score))].reset_index(drop=True)
    table.attrs["explained"] = explained
    return table


def positions_over_time(countries=None, years=None, min_share: float = 0.5) -> pd.DataFrame:
    """:func:`positions` for many years in one long table, the sign aligned (USA positive) every year.

    ``countries``: names or codes (None: every member); ``years``: a year, a range or a list (None: every
    year with recorded GA votes). Years of a range without recorded GA votes (1964) are skipped; a
    single year without votes, or a range with none, is an error. A country that was not a
    member, or cast too few votes, in a year has no row for it.

    >>> table = positions_over_time(["USA", "Russia"], range(1990, 1993))
    >>> table.pivot(index="year", columns="iso3", values="position").gt(0).to_dict("list")
    {'RUS': [False, True, True], 'USA': [True, True, True]}
    >>> positions_over_time(["Atlantis"], 2000)
    Traceback (most recent call last):
    ...
    ValueError: ...
    """
    codes = names.country_keys(countries) if countries is not None else None
    wanted = sorted(_by_year()) if years is None else names.years(years)
    if len(wanted) > 1:
        found = [y for y in wanted if y in _by_year()]
        if not found:
            raise ValueError(record.no_votes_message(wanted, "GA"))
        wanted = found
    tables = [positions(y, min_share) for y in wanted]
    table = pd.concat(tables, ignore_index=True)
    if codes is not None:
        table = table[table["iso3"].isin(codes)].reset_index(drop=True)
    return table


def compare(year, min_share: float = 0.5) -> pd.DataFrame:
    """Positions next to the raw share of identical votes with the USA in the same year (``wo.us_rank``).

    >>> round(float(compare(2024)[["position", "share"]].corr().iloc[0, 1]), 1)
    0.9
    """
    from worldorder import pairs  # pairs is a layer of its own; import on use

    table = positions(year, min_share)
    rank = pairs.us_rank(year)[["iso3", "share"]]
    return table.merge(rank, on="iso3", how="left")


__all__ = ["CODING", "compare", "first_component", "positions", "positions_over_time", "year_matrix"]
