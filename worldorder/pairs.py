"""How often countries vote alike: all-pairs agreement, comparisons with the USA, voting coincidence.

Everything works on a country × vote matrix of vote codes, so every pair is computed at once with
matrix products instead of a join per pair. The yearly tables are computed from the roll calls at run
time (about a tenth of a second for 1946-2025; ``make bench`` measures it).

>>> round(agreement_share("USA", "GBR", 2023), 3)
0.724
>>> report_percent(Fraction(109, 200))     # 54.5 exactly: half to even
54
>>> report_percent(87)
Traceback (most recent call last):
...
ValueError: report_percent takes a share between 0 and 1, not 87 (a percentage already?).
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction

import numpy as np
import pandas as pd

from worldorder import data, names, order, record

CODES = np.array([0, 1, 2])  # Y, N, A in vocab.VOTE_CODES order; 3 is X
COINCIDENCE_RULES = {
    "pre2017": "identical ÷ (identical + opposite); abstentions and absences left out",
    "2017": "partial votes (one side abstained) count ½; absences left out",
    "2021": "partial votes count ½; absences count ½ and stay in the total",
}


def vote_matrix(long: pd.DataFrame, vote_key: str = "resolution") -> pd.DataFrame:
    """Countries as rows, votes as columns, vote codes as cells (missing where not listed)."""
    return long.pivot(index="iso3", columns=vote_key, values="vote")


def pair_counts(matrix: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of rows: votes both cast (Y/N/A) and votes cast identically, as two square arrays."""
    codes = matrix.to_numpy()
    identical = np.zeros((len(codes), len(codes)))
    for code in ("Y", "N", "A"):
        cast = (codes == code).astype(np.float64)
        identical += cast @ cast.T
    voted = np.isin(codes, ("Y", "N", "A")).astype(np.float64)
    return voted @ voted.T, identical


def pairwise_agreement(matrix: pd.DataFrame) -> pd.DataFrame:
    """Share of identical votes between every pair of rows over the votes both cast (NaN, not 0, if none)."""
    n_both, identical = pair_counts(matrix)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_both > 0, identical / n_both, np.nan)
    return pd.DataFrame(share, index=matrix.index, columns=matrix.index)


# ---------------------------------------------------------------- every pair, every year, from the roll calls


def _year_blocks(body: str = "GA"):
    """Yield (year, rows of the vote arrays) for each year of recorded votes of one body."""
    table = data.resolution_table()
    arrays = data.vote_arrays()
    in_body = (table["body"] == body).to_numpy()[arrays["row"]]
    years = table["year"].to_numpy()[arrays["row"]]
    for year in np.unique(years[in_body]):
        yield int(year), np.flatnonzero(in_body & (years == year))


@functools.cache
def _yearly_pairs() -> pd.DataFrame:
    arrays = data.vote_arrays()
    countries = arrays["iso3_names"]
    frames = []
    for year, idx in _year_blocks():
        rows, seats, codes = arrays["row"][idx], arrays["iso3"][idx], arrays["vote"][idx]
        cols = np.unique(rows, return_inverse=True)[1]
        grid = np.full((len(countries), cols.max() + 1), 3, dtype=np.int8)
        grid[seats, cols] = codes
        present = np.flatnonzero((grid < 3).any(axis=1))
        grid = grid[present]
        voted = (grid < 3).astype(np.float32)
        identical = sum(((grid == c).astype(np.float32) @ (grid == c).astype(np.float32).T) for c in CODES)
        n_both = voted @ voted.T
        a, b = np.triu_indices(len(present), k=1)
        keep = n_both[a, b] > 0
        frames.append(pd.DataFrame({"year": np.int16(year), "a": present[a[keep]], "b": present[b[keep]],
                                    "n_both": n_both[a, b][keep].astype(np.int32),
                                    "n_identical": identical[a, b][keep].astype(np.int32)}))
    table = pd.concat(frames, ignore_index=True)
    table["iso3_a"] = pd.Categorical.from_codes(table.pop("a"), categories=countries)
    table["iso3_b"] = pd.Categorical.from_codes(table.pop("b"), categories=countries)
    table["share"] = table["n_identical"] / table["n_both"]
    return table[["year", "iso3_a", "iso3_b", "n_both", "n_identical", "share"]]


data.on_clear(_yearly_pairs.cache_clear)


def yearly_agreement() -> pd.DataFrame:
    """Every pair of GA seats, every year: ``n_both`` votes both cast, ``n_identical`` the same, ``share``.

    One row per pair per year (``iso3_a`` < ``iso3_b``); pairs that never both voted in a year have no row.
    """
    return _yearly_pairs().copy()


def with_country(iso3: str = "USA") -> pd.DataFrame:
    """The rows of :func:`yearly_agreement` that involve one country, the other one in ``iso3``."""
    table = _yearly_pairs()
    a, b = table["iso3_a"].astype(str), table["iso3_b"].astype(str)
    pairs = table[(a == iso3) | (b == iso3)].copy()
    pairs["iso3"] = np.where(a[pairs.index] == iso3, b[pairs.index], a[pairs.index])
    return pairs.drop(columns=["iso3_a", "iso3_b"]).reset_index(drop=True)


def agreement_share(a, b, year) -> float:
    """Share of identical votes between two countries in one year's recorded GA votes."""
    first, second, when = names.country(a), names.country(b), names.year(year)
    if first == second:
        raise ValueError(f"{a!r} and {b!r} are the same country, {names.country_label(first)}: a country always "
                         "agrees with itself. Choose two different countries.")
    pairs = with_country(first)
    found = pairs[(pairs["iso3"] == second) & (pairs["year"] == when)]
    if found.empty:
        raise ValueError(f"{names.country_label(first)} and {names.country_label(second)} never both voted "
                         f"in a recorded GA vote in {when}.")
    return float(found["share"].iloc[0])


# ---------------------------------------------------------------- compared with one country, vote by vote


def compare_with(matrix: pd.DataFrame, reference: str = "USA") -> pd.DataFrame:
    """How every row's votes compare with one reference row, counted.

    Columns: ``n_votes`` (both listed), ``identical`` (same Y, N or A), ``opposite`` (Y against N),
    ``partial`` (one abstained, the other voted Y or N), ``member_absent`` (the row did not vote, the
    reference did), ``us_absent`` (the reference did not vote).
    """
    codes = matrix.to_numpy()
    ref = matrix.loc[reference].to_numpy()[None, :]
    listed = pd.notna(codes) & pd.notna(ref)
    cast, ref_cast = np.isin(codes, ("Y", "N", "A")), np.isin(ref, ("Y", "N", "A"))
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


@functools.cache
def _us_counts() -> pd.DataFrame:
    arrays = data.vote_arrays()
    countries = np.asarray(arrays["iso3_names"], dtype=object)
    usa = int(np.flatnonzero(countries == "USA")[0])
    frames = []
    for year, idx in _year_blocks():
        rows, seats, codes = arrays["row"][idx], arrays["iso3"][idx], arrays["vote"][idx]
        cols = np.unique(rows, return_inverse=True)[1]
        grid = np.full((len(countries), cols.max() + 1), -1, dtype=np.int8)  # -1: not listed
        grid[seats, cols] = codes
        ref = grid[usa][None, :]
        listed = (grid >= 0) & (ref >= 0)
        cast, ref_cast = (grid >= 0) & (grid < 3), (ref >= 0) & (ref < 3)
        yes_no, ref_yes_no = (grid == 0) | (grid == 1), (ref == 0) | (ref == 1)
        counts = {
            "n_votes": listed, "identical": cast & (grid == ref), "opposite": yes_no & ref_yes_no & (grid != ref),
            "partial": ((grid == 2) & ref_yes_no) | (yes_no & (ref == 2)),
            "member_absent": (grid == 3) & ref_cast, "us_absent": listed & (ref == 3),
        }
        frame = pd.DataFrame({k: v.sum(axis=1) for k, v in counts.items()})
        frame.insert(0, "iso3", countries)
        frame.insert(0, "year", year)
        frames.append(frame[(frame["n_votes"] > 0) & (frame["iso3"] != "USA")])
    return pd.concat(frames, ignore_index=True)


data.on_clear(_us_counts.cache_clear)


def us_comparisons() -> pd.DataFrame:
    """Yearly counts, for every GA seat, of how its votes compared with the United States' (see :func:`compare_with`)."""
    return _us_counts().copy()


# ---------------------------------------------------------------- voting coincidence


def coincidence_fraction(counts, rule: str = "2021") -> Fraction:
    """The State Department's voting-coincidence share as an exact fraction, from one row of counts.

    ``counts`` has ``identical``, ``opposite``, ``partial`` and ``member_absent``. The three rules of its
    annual *Voting Practices in the United Nations* report:

    - ``"pre2017"``: identical / (identical + opposite)
    - ``"2017"`` (2017-2020 reports): (identical + ½ partial) / (identical + opposite + partial)
    - ``"2021"`` (2021 onward): (identical + ½ partial + ½ absent) / (identical + opposite + partial + absent)
    """
    if rule not in COINCIDENCE_RULES:
        raise ValueError(f"Unknown rule {rule!r}. Choose one of {', '.join(COINCIDENCE_RULES)}.")
    ident, opp, part, absent = (int(counts[k]) for k in ("identical", "opposite", "partial", "member_absent"))
    top, bottom = {"pre2017": (2 * ident, 2 * (ident + opp)),
                   "2017": (2 * ident + part, 2 * (ident + opp + part)),
                   "2021": (2 * ident + part + absent, 2 * (ident + opp + part + absent))}[rule]
    if bottom == 0:
        raise ValueError("No votes to compare: the coincidence share is undefined (0 ÷ 0).")
    return Fraction(top, bottom)


def coincidence_share(counts, rule: str = "2021"):
    """:func:`coincidence_fraction` for a table: a float per row, NaN where undefined."""
    if isinstance(counts, pd.DataFrame):
        return counts.apply(lambda row: _float_or_nan(row, rule), axis=1)
    return _float_or_nan(counts, rule)


def _float_or_nan(row, rule: str) -> float:
    try:
        return float(coincidence_fraction(row, rule))
    except ValueError as err:
        if "undefined" in str(err):
            return math.nan
        raise


def report_percent(share) -> int:
    """A share as the report prints it: a whole percentage, rounded half to even, exactly.

    Give an exact :class:`fractions.Fraction` (as :func:`coincidence_fraction` returns) to round a share
    such as 109/200 = 54.5 % exactly; a float is first turned into the fraction it stands for.
    """
    if isinstance(share, (bool, np.bool_)) or not isinstance(share, (int, float, Fraction, np.integer, np.floating)):
        raise ValueError(f"report_percent takes a share between 0 and 1, not {share!r}.")
    if isinstance(share, (float, np.floating)) and math.isnan(share):
        raise ValueError("report_percent got NaN: the share is undefined (no votes to compare).")
    if not 0 <= share <= 1:
        raise ValueError(f"report_percent takes a share between 0 and 1, not {share!r} (a percentage already?).")
    exact = share if isinstance(share, Fraction) else Fraction(float(share)).limit_denominator(10**6)
    return round(exact * 100)


def coincidence(country, year, rule: str = "2021") -> float:
    """A country's voting coincidence with the United States in one year's recorded GA votes.

    ``coincidence("Canada", 2023)`` → 0.795...; :func:`report_percent` rounds it as the report does.
    """
    return float(_coincidence_row(country, year, rule))


def _coincidence_row(country, year, rule: str) -> Fraction:
    iso3, when = names.country(country), names.year(year)
    table = _us_counts()
    if when not in set(table["year"]):
        raise ValueError(record.no_votes_message([when], "GA"))
    row = table[(table["iso3"] == iso3) & (table["year"] == when)]
    if iso3 == "USA":
        raise ValueError("Voting coincidence compares a country with the United States; the United States "
                         "always coincides with itself. Choose another country.")
    if row.empty:
        raise ValueError(f"No votes to compare for {names.country_label(iso3)} and the United States in {when}.")
    return coincidence_fraction(row.iloc[0], rule)


def coincidence_table(countries, year) -> pd.DataFrame:
    """Voting coincidence with the USA under each of the three rules, one row per country (in the order given).

    Columns: the counts, ``share_<rule>`` (a float) and ``<rule>`` (the whole percentage the report would
    print, from the exact fraction).
    """
    codes, when = names.country_keys(countries), names.year(year)
    rows = []
    for iso3 in codes:
        entry = {"iso3": iso3, "country": names.country_label(iso3)}
        for rule in COINCIDENCE_RULES:
            exact = _coincidence_row(iso3, when, rule)
            entry[f"share_{rule}"], entry[rule] = float(exact), report_percent(exact)
        rows.append(entry)
    counts = _us_counts()
    counts = counts[counts["year"] == when].set_index("iso3")[["identical", "opposite", "partial", "member_absent"]]
    table = pd.DataFrame(rows).set_index("iso3")
    return counts.reindex(codes).join(table)[["country", "identical", "opposite", "partial", "member_absent",
                                              *[f"share_{r}" for r in COINCIDENCE_RULES], *COINCIDENCE_RULES]]


def us_agreement(partners, years=None) -> pd.DataFrame:
    """Share of identical votes between the USA and each partner, per year (partners in any spelling).

    ``table.attrs`` holds the facts :func:`worldorder.us_agreement_chart` marks on the years: ``cold_war_end``
    (:func:`worldorder.cold_war_end`), ``last_full_year`` and ``scrape_last`` (the last day of the last, partial
    year: :func:`worldorder.order.record_span`). They stay with the rows a learner keeps or sorts.

    >>> us_agreement(["UK"]).attrs["cold_war_end"]
    1991
    """
    codes = names.country_keys(partners)
    if "USA" in codes:
        raise ValueError("us_agreement compares partners with the United States: leave the United States "
                         "(USA) out of the partners, since it always agrees with itself.")
    pairs = with_country("USA")
    pairs = pairs[pairs["iso3"].isin(codes)]
    if years is not None:
        pairs = pairs[pairs["year"].isin(names.years(years))]
    pairs["country"] = pairs["iso3"].map(names.country_label)
    rank = {code: i for i, code in enumerate(codes)}
    pairs = pairs.sort_values(["iso3", "year"], key=lambda s: s.map(rank) if s.name == "iso3" else s)
    table = pairs[["year", "iso3", "country", "n_both", "n_identical", "share"]].reset_index(drop=True)
    table.attrs = {"cold_war_end": order.cold_war_end(), "last_full_year": order.last_full_year(),
                   "scrape_last": order.record_span()["scrape_last"]}
    return table


def us_rank(year) -> pd.DataFrame:
    """Every seat's share of identical votes with the USA in one year, closest first (``rank`` 1)."""
    when = names.year(year)
    pairs = with_country("USA")
    pairs = pairs[pairs["year"] == when]
    if pairs.empty:
        raise ValueError(record.no_votes_message([when], "GA"))
    pairs = pairs.sort_values(["share", "iso3"], ascending=[False, True]).reset_index(drop=True)
    pairs["rank"] = range(1, len(pairs) + 1)
    pairs["country"] = pairs["iso3"].map(names.country_label)
    return pairs[["rank", "iso3", "country", "n_both", "n_identical", "share"]]
