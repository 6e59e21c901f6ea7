"""How often countries vote alike: all-pairs agreement and comparisons with one country.

Both work on a country × vote matrix of vote codes, so every pair is computed
at once with matrix products instead of a join per pair.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from worldorder import data, lookup

CAST = ("Y", "N", "A")


def vote_matrix(long: pd.DataFrame, vote_key: str = "resolution") -> pd.DataFrame:
    """Countries as rows, votes as columns, vote codes as cells (missing where not listed)."""
    return long.pivot(index="iso3", columns=vote_key, values="vote")


def pair_counts(matrix: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of rows: votes both cast (Y/N/A) and votes cast identically.

    Returns two square arrays ``(n_both, n_identical)`` indexed like ``matrix``.
    """
    codes = matrix.to_numpy()
    identical = np.zeros((len(codes), len(codes)))
    for code in CAST:
        cast = (codes == code).astype(np.float64)
        identical += cast @ cast.T
    voted = np.isin(codes, CAST).astype(np.float64)
    return voted @ voted.T, identical


def pairwise_agreement(matrix: pd.DataFrame) -> pd.DataFrame:
    """Share of identical votes between every pair of rows, over the votes both cast.

    A square DataFrame; a pair that never both voted gets NaN, not 0.
    """
    n_both, identical = pair_counts(matrix)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_both > 0, identical / n_both, np.nan)
    return pd.DataFrame(share, index=matrix.index, columns=matrix.index)


def pair_table(matrix: pd.DataFrame) -> pd.DataFrame:
    """Long form of :func:`pair_counts`: one row per pair (``iso3_a`` < ``iso3_b``) that both voted."""
    n_both, identical = pair_counts(matrix)
    upper_a, upper_b = np.triu_indices(len(matrix), k=1)
    codes = matrix.index.to_numpy()
    table = pd.DataFrame({
        "iso3_a": codes[upper_a],
        "iso3_b": codes[upper_b],
        "n_both": n_both[upper_a, upper_b].astype(np.int32),
        "n_identical": identical[upper_a, upper_b].astype(np.int32),
    })
    return table[table["n_both"] > 0].reset_index(drop=True)


def compare_with(matrix: pd.DataFrame, reference: str = "USA") -> pd.DataFrame:
    """How every row's votes compare with one reference row, vote by vote, counted.

    Columns: ``n_votes`` (votes in which both are listed), ``identical`` (same
    Y, N or A), ``opposite`` (Y against N), ``partial`` (one abstained, the
    other voted Y or N), ``member_absent`` (the row did not vote, the
    reference did), ``us_absent`` (the reference did not vote).
    """
    codes = matrix.to_numpy()
    ref = matrix.loc[reference].to_numpy()[None, :]
    listed = pd.notna(codes) & pd.notna(ref)
    cast, ref_cast = np.isin(codes, CAST), np.isin(ref, CAST)
    yes_no, ref_yes_no = np.isin(codes, ("Y", "N")), np.isin(ref, ("Y", "N"))
    counts = {
        "n_votes": listed,
        "identical": cast & (codes == ref),
        "opposite": yes_no & ref_yes_no & (codes != ref),
        "partial": ((codes == "A") & ref_yes_no) | (yes_no & (ref == "A")),
        "member_absent": (codes == "X") & ref_cast,
        "us_absent": listed & (ref == "X"),
    }
    return pd.DataFrame({k: v.sum(axis=1) for k, v in counts.items()}, index=matrix.index)


# ---------------------------------------------------------------- voting coincidence

COINCIDENCE_RULES = {
    "pre2017": "identical ÷ (identical + opposite); abstentions and absences left out",
    "2017": "partial votes (one side abstained) count ½; absences left out",
    "2021": "partial votes count ½; absences count ½ and stay in the total",
}


def coincidence_share(counts, rule: str = "2021"):
    """The State Department's voting-coincidence share from vote counts.

    ``counts`` has ``identical``, ``opposite``, ``partial`` and ``member_absent``
    (numbers, Series or a DataFrame's columns). The three rules the Department
    has used in its annual *Voting Practices in the United Nations* report:

    - ``"pre2017"``: identical / (identical + opposite)
    - ``"2017"`` (2017-2020 reports): (identical + ½ partial) / (identical + opposite + partial)
    - ``"2021"`` (2021 onward): (identical + ½ partial + ½ absent) / (identical + opposite + partial + absent)

    A share with an empty denominator is NaN, not 0.
    """
    if rule not in COINCIDENCE_RULES:
        raise ValueError(f"Unknown rule {rule!r}. Choose one of {', '.join(COINCIDENCE_RULES)}.")
    ident, opp, part, absent = (counts[k] for k in ("identical", "opposite", "partial", "member_absent"))
    if rule == "pre2017":
        top, bottom = ident, ident + opp
    elif rule == "2017":
        top, bottom = ident + part / 2, ident + opp + part
    else:
        top, bottom = ident + part / 2 + absent / 2, ident + opp + part + absent
    bottom = bottom.where(bottom > 0) if isinstance(bottom, pd.Series) else (bottom or np.nan)
    return top / bottom


def report_percent(share) -> int:
    """A share as the report prints it: a whole percentage, rounded half to even."""
    return round(float(share) * 100)


def coincidence(country: str, year: int, rule: str = "2021") -> float:
    """A country's voting coincidence with the United States in one year's recorded GA votes.

    ``wo.coincidence("Canada", 2023)`` → 0.795...; ``report_percent`` rounds it as
    the report does (80). See :func:`coincidence_share` for the three rules.
    """
    iso3 = lookup.country(country)
    table = data.history_us_votes()
    years = sorted(table["year"].unique())
    if year not in years:
        raise ValueError(f"No recorded GA votes for {year}. Choose a year from {years[0]} to {years[-1]} (none in 1964).")
    row = table[(table["iso3"] == iso3) & (table["year"] == year)]
    if iso3 == "USA" or row.empty:
        raise ValueError(f"No votes to compare for {lookup.country_label(iso3)} and the United States in {year}.")
    return float(coincidence_share(row.iloc[0], rule))
