"""How blocs voted: splits, cohesion, defectors and agreement, with membership dated to each vote.

A bloc is a name from ``wo.bloc_names()`` (organisations and the five UN regional groups) or a custom
bloc made with ``wo.custom_bloc``. Its members are looked up on the date of each vote, so Finland
counts for NATO on 24 February 2025 but not on 2 March 2022, and a 1956 vote uses 1956 NATO.

- a member's vote is ``Y``, ``N``, ``A`` (cast) or ``X`` (did not vote); a member with no row in a roll
  call (not a UN member yet, an observer such as ``PSE``, or not on the Security Council) is *not
  listed*, counted in ``not_listed`` and named, never dropped;
- a bloc's **majority** on a vote is the most common of its members' cast votes (a plurality). When
  two positions tie for most, or nobody cast a vote, the bloc has no majority on that vote (None).

>>> t = cohesion(["NATO"], ["ES-11/1", "ES-11/7"])
>>> [round(v, 2) for v in t["agreement_index"]]
[1.0, 0.86]
>>> defectors(["EU"], ["ES-11/7"])["iso3"].tolist()
['HUN']
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from worldorder import data, membership, names, record
from worldorder.vocab import CAST, VOTE_CODES, VOTE_LABELS

CODES = VOTE_CODES
DEFAULT_BLOCS = ["EU", "NATO", "G7", "BRICS", "AU"]
DEFAULT_VOTES = ["A/RES/ES-11/1", "A/RES/ES-11/7", "A/RES/ES-11/8"]


def vote_list(resolutions) -> pd.DataFrame:
    """The chosen votes (resolution, short, body, date), in date order, from any spelling of the symbols."""
    return _vote_table(tuple(names.resolution_keys(resolutions))).copy()


@functools.lru_cache(maxsize=256)
def _vote_table(symbols: tuple[str, ...]) -> pd.DataFrame:
    table = data.resolution_table()
    found = table[table["resolution"].isin(symbols)][["resolution", "short", "body", "date"]].reset_index(drop=True)
    found["resolution"] = found["resolution"].astype(str)
    found["body"] = found["body"].astype(str)
    return found


@functools.lru_cache(maxsize=512)
def _cast_on(symbol: str) -> dict[str, str]:
    """iso3 → vote code on one recorded vote."""
    return record.cast_on(symbol)


@functools.cache
def _labels() -> dict[str, str]:
    return {iso3: member_label(iso3) for iso3 in data.countries()["iso3"]}


for _cached in (_vote_table, _cast_on, _labels):
    data.on_clear(_cached.cache_clear)


def member_label(iso3: str) -> str:
    """``"Ukraine (UKR)"``; observers and non-members say so (``"Western Sahara (ESH, not a UN member)"``)."""
    status = data.countries().set_index("iso3")["status"].get(iso3)
    label = names.country_label(iso3)
    return label if status in ("member", "former seat") else label[:-1] + ", not a UN member)"


def _keys(blocs, resolutions) -> tuple[tuple, tuple[str, ...]]:
    """Hashable, resolved forms of the arguments (so results can be memoised)."""
    return tuple(names.bloc_keys(blocs)), tuple(vote_list(resolutions)["resolution"])


def member_votes(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc member per vote: how each member of each bloc voted, membership dated to the vote.

    Columns: bloc, resolution, short, body, date, iso3, country, vote (Y/N/A/X,
    or missing when the member has no row in the roll call) and status
    ("voted", "did not vote", "not a UN member", "not on the Security
    Council" or "no row in the roll call"). Nobody is dropped.
    """
    return _member_votes(*_keys(blocs, resolutions)).copy()


@functools.lru_cache(maxsize=64)
def _member_votes(blocs: tuple, symbols: tuple) -> pd.DataFrame:
    votes = _vote_table(symbols)
    labels = _labels()
    rows = [(i * len(votes) + j, str(bloc), vote.resolution, vote.short, vote.body, vote.date, iso3,
             labels[iso3], _cast_on(vote.resolution).get(iso3))
            for i, bloc in enumerate(blocs) for j, vote in enumerate(votes.itertuples())
            for iso3 in membership.members_on(bloc, vote.date)]
    columns = ["cell", "bloc", "resolution", "short", "body", "date", "iso3", "country", "vote"]
    table = pd.DataFrame(rows, columns=columns)
    table["date"] = pd.to_datetime(table["date"])
    table["status"] = _status(table)
    return table[["bloc", "resolution", "short", "body", "date", "iso3", "country", "vote", "status", "cell"]]


def _status(table: pd.DataFrame) -> pd.Series:
    info = data.countries().set_index("iso3")
    outside = table["iso3"].map(info["status"]).isin(["observer", "non-member"])
    admitted = table["iso3"].map(info["admission_date"])
    not_yet = admitted.notna() & (admitted > table["date"])
    status = np.select(
        [table["vote"].isin(CAST), table["vote"].eq("X"), outside, table["body"].eq("SC"), not_yet],
        ["voted", "did not vote", "not a UN member", "not on the Security Council", "not a UN member yet"],
        default="no row in the roll call")
    return pd.Series(status, index=table.index)


# ---------------------------------------------------------------- how each bloc voted


def bloc_counts(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc per vote: members, Y, N, A, X, cast, not_listed, not_listed_members, majority.

    ``members`` counts every member on the vote's date; ``not_listed`` those
    with no row in the roll call (``not_listed_members`` names them, e.g.
    "Palestine (PSE)" is not a UN member). ``majority`` is the bloc's most
    common cast vote, None when nobody cast a vote or two positions tie.
    """
    return _bloc_counts(*_keys(blocs, resolutions)).copy()


@functools.lru_cache(maxsize=64)
def _bloc_counts(blocs: tuple, symbols: tuple) -> pd.DataFrame:
    long = _member_votes(blocs, symbols)
    # every bloc × vote, even one with no members that day (the keys were resolved by _keys: not again)
    table = _all_bloc_votes(names.BlocKeys(blocs), names.ResolutionKeys(symbols))
    cell = long["cell"].to_numpy(dtype=np.int64)
    table["members"] = np.bincount(cell, minlength=len(table))
    for code in CODES:
        table[code] = np.bincount(cell[(long["vote"] == code).to_numpy(dtype=bool)], minlength=len(table))
    table["cast"] = table[list(CAST)].sum(axis=1)
    table["not_listed"] = table["members"] - table[list(CODES)].sum(axis=1)
    missing = long[long["vote"].isna()].groupby("cell")["country"].agg(", ".join)
    table["not_listed_members"] = missing.reindex(range(len(table)), fill_value="").to_numpy()
    table["majority"] = majority(table)
    return table


def _all_bloc_votes(blocs, resolutions) -> pd.DataFrame:
    """Every bloc × vote, bloc by bloc; row i is the ``cell`` i of :func:`member_votes`."""
    votes = vote_list(resolutions)
    chosen = [str(b) for b in names.bloc_keys(blocs)]
    table = votes.iloc[np.tile(np.arange(len(votes)), len(chosen))].reset_index(drop=True)
    table.insert(0, "bloc", np.repeat(np.array(chosen, dtype=object), len(votes)))
    return table


def majority(counts: pd.DataFrame) -> pd.Series:
    """The most common cast vote (Y, N or A) per row of a table with Y, N, A columns.

    None when nobody cast a vote or when two positions tie for most: a tied bloc has no majority.
    """
    cast = counts[list(CAST)].to_numpy()
    top = cast.max(axis=1)
    unique_top = (cast == top[:, None]).sum(axis=1) == 1
    winner = np.array(CAST, dtype=object)[cast.argmax(axis=1)]
    return pd.Series(np.where((top > 0) & unique_top, winner, None), index=counts.index, dtype=object)


def bloc_split(blocs, resolutions) -> pd.DataFrame:
    """How each bloc split on each vote: a long table, one row per bloc, vote and vote code.

    Columns: bloc, resolution, short, date, vote (Y/N/A/X), vote_label, count,
    members (on the vote's date), share (count ÷ members), not_listed and
    not_listed_members (members with no row in the roll call, named; they are
    reported here, never dropped). Rows run bloc by bloc, votes in date order,
    codes Y, N, A, X; codes nobody used have count 0; a bloc with no members
    on a vote's date has members 0 and share NaN.
    """
    wide = bloc_counts(blocs, resolutions)
    keep = ["bloc", "resolution", "short", "date", "members", "not_listed", "not_listed_members"]
    long = wide[keep].iloc[np.repeat(np.arange(len(wide)), len(CODES))].reset_index(drop=True)
    long.insert(4, "vote", np.tile(np.array(CODES, dtype=object), len(wide)))
    long.insert(5, "vote_label", long["vote"].map(VOTE_LABELS))
    long.insert(6, "count", wide[list(CODES)].to_numpy().ravel())
    long.insert(8, "share", long["count"] / long["members"].where(long["members"] > 0))
    return long


# ---------------------------------------------------------------- cohesion


def _counts_of(**counts):
    """Vote counts as float arrays; a negative count is refused (it would give an index outside 0-1)."""
    arrays = []
    for name, value in counts.items():
        if np.asarray(value, dtype=object).size and all(isinstance(v, (bool, np.bool_))
                                                       for v in np.asarray(value, dtype=object).ravel()):
            raise ValueError(f"The count {name}={value!r} is a boolean, not a number of votes: give a whole number.")
        try:
            arrays.append(np.asarray(value, dtype=float))
        except (TypeError, ValueError):
            raise ValueError(f"The count {name}={value!r} is not a number: give a whole number of votes "
                             "(or an array of them).") from None
    for name, values in zip(counts, arrays):
        if np.any(values < 0):
            raise ValueError(f"The count {name}={counts[name]!r} is negative: a count of votes is 0 or more.")
    return arrays


def agreement_index(y, n, a):
    """The Agreement Index of Hix, Noury and Roland (2005).

    AI = (max(Y, N, A) − ½[(Y + N + A) − max(Y, N, A)]) / (Y + N + A)

    1 when every member casts the same vote, 0 when the members split equally
    three ways. Source: Simon Hix, Abdul Noury and Gérard Roland (2005),
    "Power to the Parties: Cohesion and Competition in the European Parliament,
    1979–2001", *British Journal of Political Science* 35(2): 209–234.
    Undefined when nobody cast a vote (Y + N + A = 0): returned as NaN, not 0.
    Works on numbers or arrays.
    """
    y, n, a = _counts_of(y=y, n=n, a=a)
    total, top = y + n + a, np.maximum(np.maximum(y, n), a)
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(total > 0, (top - (total - top) / 2) / total, np.nan)
    return float(result) if result.ndim == 0 else result


def rice_index(y, n):
    """The Rice index of cohesion: |Y − N| / (Y + N).

    1 when all who voted yes or no voted the same way, 0 at an even yes/no
    split; abstentions are ignored. Source: Stuart A. Rice (1925), "The
    Behavior of Legislative Groups: A Method of Measurement", *Political
    Science Quarterly* 40(1): 60–72, and *Quantitative Methods in Politics*
    (1928). Undefined when nobody voted yes or no (Y + N = 0): NaN, not 0.
    """
    y, n = _counts_of(y=y, n=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(y + n > 0, np.abs(y - n) / (y + n), np.nan)
    return float(result) if result.ndim == 0 else result


def cohesion(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc per vote: the counts of :func:`bloc_counts` plus ``agreement_index`` and ``rice_index``.

    Both indices are NaN where undefined (nobody cast a vote; for Rice, nobody voted yes or no).
    """
    table = bloc_counts(blocs, resolutions)
    table["agreement_index"] = agreement_index(table["Y"], table["N"], table["A"])
    table["rice_index"] = rice_index(table["Y"], table["N"])
    return table


# ---------------------------------------------------------------- defectors


def defectors(blocs, resolutions, include_absent: bool = False) -> pd.DataFrame:
    """Members who voted differently from their bloc's majority on a vote.

    A defector cast Y, N or A and it was not the bloc's majority (see
    :func:`majority`). Where the bloc has no majority (a tie for most, or
    nobody voted) nobody is a defector. Members who did not vote (X) are left
    out unless ``include_absent=True``. Columns: bloc, resolution, short,
    date, iso3, country, vote, vote_label, majority, majority_label,
    majority_size ("29 of 31 cast").
    """
    keys = _keys(blocs, resolutions)
    long, counts = _member_votes(*keys), _bloc_counts(*keys)
    majority_of = counts["majority"].to_numpy()[long["cell"].to_numpy(dtype=np.int64)]
    vote = long["vote"].to_numpy()
    broke = pd.notna(majority_of) & pd.notna(vote) & (vote != majority_of)
    if not include_absent:
        broke &= np.isin(vote, CAST)
    out = long[broke].copy()
    out["vote_label"] = out["vote"].map(VOTE_LABELS)
    out["majority"] = majority_of[broke]
    out["majority_label"] = out["majority"].map(VOTE_LABELS)
    top = counts[list(CAST)].max(axis=1).astype(str) + " of " + counts["cast"].astype(str) + " cast"
    out["majority_size"] = top.to_numpy()[out["cell"].to_numpy(dtype=np.int64)]
    return out[["bloc", "resolution", "short", "date", "iso3", "country", "vote", "vote_label", "majority",
                "majority_label", "majority_size"]].reset_index(drop=True)


def defectors_table(blocs, resolutions, include_absent: bool = False) -> pd.DataFrame:
    """:func:`defectors` as a readable table (Bloc, Vote, Date, Country, Voted, Bloc majority)."""
    found = defectors(blocs, resolutions, include_absent)
    table = pd.DataFrame({
        "Bloc": found["bloc"], "Vote": found["short"], "Date": found["date"].dt.strftime("%Y-%m-%d"),
        "Country": found["country"], "Voted": found["vote_label"],
        "Bloc majority": found["majority_label"] + " (" + found["majority_size"] + ")",
    })
    return table


# ---------------------------------------------------------------- what to say about it


def notes(blocs, resolutions) -> list[str]:
    """Plain sentences about gaps: blocs with no members on a date, members not in a roll call, blocs that did not vote."""
    table = bloc_counts(blocs, resolutions)
    long = member_votes(blocs, resolutions)
    off_council = long[long["status"] == "not on the Security Council"].groupby(["bloc", "resolution"]).size()
    outside = long[long["status"].isin(["not a UN member", "not a UN member yet", "no row in the roll call"])]
    outside = outside.groupby(["bloc", "resolution"])["country"].agg(", ".join)
    lines = []
    for row in table.itertuples():
        key, where = (row.bloc, row.resolution), f"{row.short} ({membership.long_date(row.date)})"
        if row.members == 0:
            lines.append(membership.why_empty(row.bloc, row.date) + f" So it has no votes on {row.short}.")
            continue
        if key in off_council.index:
            lines.append(f"{row.bloc} on {where}: {off_council[key]} of its {row.members} members were not on the "
                         "Security Council, so they had no vote.")
        if key in outside.index:
            lines.append(f"{row.bloc} on {where}: not in the roll call: {outside[key]}.")
        if row.cast == 0:
            lines.append(f"{row.bloc} on {where}: none of its members cast a vote, so its cohesion is undefined.")
    return lines


def most_divided(table: pd.DataFrame) -> str:
    scored = table.assign(ai=agreement_index(table["Y"], table["N"], table["A"])).dropna(subset=["ai"])
    if scored.empty:
        return "None of the chosen blocs cast a vote on the chosen votes."
    low, high = scored.loc[scored["ai"].idxmin()], scored.loc[scored["ai"].idxmax()]
    return (f"The most divided was {low.bloc} on {low.short} (Agreement Index {low.ai:.2f}: "
            f"{low.Y} yes, {low.N} no, {low.A} abstain); the most united {high.bloc} on {high.short} ({high.ai:.2f}).")
