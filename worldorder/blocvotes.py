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
from typing import NamedTuple

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
    rows = np.sort([record.row_of(s) for s in symbols])  # the record is in date order: so is this
    return _vote_columns().iloc[rows].reset_index(drop=True)


@functools.cache
def _vote_columns() -> pd.DataFrame:
    """resolution, short, body and date of every recorded vote (made once per load)."""
    found = data.resolution_table()[["resolution", "short", "body", "date"]]
    return found.assign(resolution=found["resolution"].astype(str), body=found["body"].astype(str))


@functools.lru_cache(maxsize=512)
def _cast_on(symbol: str) -> dict[str, str]:
    """iso3 → vote code on one recorded vote."""
    return record.cast_on(symbol)


@functools.cache
def _seats() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every country code in the data, sorted, with its label, whether it is outside the UN (an observer or a
    non-member) and its admission date: made once per load, whatever blocs and votes are chosen."""
    info = data.countries().sort_values("iso3")
    codes = info["iso3"].to_numpy(dtype=object)
    return (codes, np.array([member_label(c) for c in codes], dtype=object),
            info["status"].isin(["observer", "non-member"]).to_numpy(dtype=bool), info["admission_date"].to_numpy())


def member_label(iso3: str) -> str:
    """``"Ukraine (UKR)"``; observers and non-members say so (``"Western Sahara (ESH, not a UN member)"``)."""
    status = data.countries().set_index("iso3")["status"].get(iso3)
    label = names.country_label(iso3)
    return label if status in ("member", "former seat") else label[:-1] + ", not a UN member)"


def _keys(blocs, resolutions) -> tuple[tuple, tuple[str, ...]]:
    """Hashable, resolved forms of the arguments (so results can be memoised)."""
    return tuple(names.bloc_keys(blocs)), tuple(_vote_table(tuple(names.resolution_keys(resolutions)))["resolution"])


def member_votes(blocs, resolutions) -> pd.DataFrame:
    """One row per bloc member per vote: how each member of each bloc voted, membership dated to the vote.

    Columns: bloc, resolution, short, body, date, iso3, country, vote (Y/N/A/X,
    or missing when the member has no row in the roll call) and status
    ("voted", "did not vote", "not a UN member", "not on the Security
    Council" or "no row in the roll call"). Nobody is dropped.
    """
    return _member_votes(*_keys(blocs, resolutions)).copy()


STATUSES = ("voted", "did not vote", "not a UN member", "not on the Security Council", "not a UN member yet",
            "no row in the roll call")


class _Long(NamedTuple):
    """The rows of :func:`member_votes` as arrays: ``cell`` (row of :func:`bloc_counts`), ``seat`` (position in
    :func:`_seats`), ``vote`` (position in CODES, -1 for no row) and ``status`` (position in STATUSES)."""

    cell: np.ndarray
    seat: np.ndarray
    vote: np.ndarray
    status: np.ndarray


@functools.lru_cache(maxsize=64)
def _long(blocs: tuple, symbols: tuple) -> _Long:
    votes = _vote_table(symbols)
    days, codes = votes["date"].to_numpy(), _seats()[0]
    members = [m for bloc in blocs for m in membership.members_on_days(bloc, days)]  # bloc by bloc, votes in order
    cell = np.repeat(np.arange(len(members)), [len(m) for m in members])
    found = np.concatenate(members) if len(cell) else np.array([], dtype=object)
    seat = np.searchsorted(codes, found)
    if len(seat) and (seat.max() >= len(codes) or (codes[seat] != found).any()):
        raise ValueError(f"A bloc member has no row in countries.csv: {sorted(set(found) - set(codes))}.")
    vote = record.roll_call_codes(symbols, codes)[cell % len(votes), seat]
    return _Long(cell, seat, vote, _status(cell % len(votes), seat, vote, votes))


def _status(vote_of: np.ndarray, seat: np.ndarray, vote: np.ndarray, votes: pd.DataFrame) -> np.ndarray:
    """Why each member has the vote it has: the first of STATUSES whose rule holds (a position in STATUSES)."""
    _, _, outside, admitted = _seats()
    day = votes["date"].to_numpy()[vote_of]
    cast = [CODES.index(c) for c in CAST]
    not_yet = ~np.isnat(admitted[seat]) & (admitted[seat] > day)
    return np.select([np.isin(vote, cast), vote == CODES.index("X"), outside[seat],
                      (votes["body"].to_numpy() == "SC")[vote_of], not_yet], range(5), default=5).astype(np.int8)


@functools.lru_cache(maxsize=64)
def _member_votes(blocs: tuple, symbols: tuple) -> pd.DataFrame:
    long, votes = _long(blocs, symbols), _vote_table(symbols)
    codes, labels = _seats()[:2]
    if not len(long.cell):  # nobody: the column types pandas gives a table with no rows
        table = pd.DataFrame(columns=["bloc", "resolution", "short", "body", "date", "iso3", "country", "vote",
                                      "status", "cell"])
        return table.assign(date=pd.to_datetime(table["date"]), status=pd.Series([], dtype="str"))
    bloc, vote_of = np.divmod(long.cell, len(votes))
    column = {c: votes[c].to_numpy(dtype=object)[vote_of] for c in ("resolution", "short", "body")}
    return pd.DataFrame({
        "bloc": np.array([str(b) for b in blocs], dtype=object)[bloc], **column,
        "date": votes["date"].to_numpy()[vote_of], "iso3": codes[long.seat], "country": labels[long.seat],
        "vote": np.array([*CODES, None], dtype=object)[long.vote],
        "status": np.array(STATUSES, dtype=object)[long.status], "cell": long.cell.astype(np.int64)})


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
    long, cells = _long(blocs, symbols), len(blocs) * len(symbols)
    counts = {code: np.bincount(long.cell[long.vote == i], minlength=cells) for i, code in enumerate(CODES)}
    members = np.bincount(long.cell, minlength=cells)
    cast = counts["Y"] + counts["N"] + counts["A"]
    table = _grid(blocs, symbols, members=members, **counts, cast=cast, not_listed=members - cast - counts["X"],
                  not_listed_members=np.array(_names_by_cell(long, long.vote < 0, cells), dtype=object))
    table["majority"] = pd.Series(_majority(np.stack([counts[c] for c in CAST], axis=1)), dtype=object)
    return table


for _cached in (_vote_table, _vote_columns, _cast_on, _seats, _long, _member_votes, _bloc_counts):  # from the data
    data.on_clear(_cached.cache_clear)


def _names_by_cell(long: _Long, rows: np.ndarray, cells: int) -> list[str]:
    """The labels of the chosen rows of :func:`_long`, joined per cell in row order ("" where none)."""
    found: list[list[str]] = [[] for _ in range(cells)]
    for cell, label in zip(long.cell[rows].tolist(), _seats()[1][long.seat[rows]].tolist()):
        found[cell].append(label)
    return [", ".join(labels) for labels in found]


def _grid(blocs: tuple, symbols: tuple, **columns) -> pd.DataFrame:
    """Every bloc × vote (bloc, resolution, short, body, date), bloc by bloc, then ``columns``: row i is the ``cell``
    i of :func:`member_votes`."""
    votes = _vote_table(symbols)
    which = np.tile(np.arange(len(votes)), len(blocs))
    return pd.DataFrame({"bloc": np.repeat(np.array([str(b) for b in blocs], dtype=object), len(votes)),
                         **{c: votes[c].to_numpy()[which] for c in votes.columns}, **columns})


def majority(counts: pd.DataFrame) -> pd.Series:
    """The most common cast vote (Y, N or A) per row of a table with Y, N, A columns.

    None when nobody cast a vote or when two positions tie for most: a tied bloc has no majority.
    """
    return pd.Series(_majority(counts[list(CAST)].to_numpy()), index=counts.index, dtype=object)


def _majority(cast: np.ndarray) -> np.ndarray:
    """:func:`majority` of an array of Y, N, A counts (one row per bloc and vote)."""
    if not len(cast):
        return np.zeros(0, dtype=object)
    top = cast.max(axis=1)
    unique_top = (cast == top[:, None]).sum(axis=1) == 1
    winner = np.array(CAST, dtype=object)[cast.argmax(axis=1)]
    return np.where((top > 0) & unique_top, winner, None)


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
    long, counts = _long(*keys), _bloc_counts(*keys)
    majority_of = np.array([CODES.index(m) if m is not None else -1 for m in counts["majority"].tolist()])[long.cell]
    broke = (majority_of >= 0) & (long.vote >= 0) & (long.vote != majority_of)
    if not include_absent:
        broke &= np.isin(long.vote, [CODES.index(c) for c in CAST])
    rows = np.flatnonzero(broke)
    table = _member_votes(*keys)
    labels = np.array([VOTE_LABELS[c] for c in CODES], dtype=object)
    cast = np.stack([counts[c].to_numpy() for c in CAST], axis=1)
    size = np.array([f"{top} of {n} cast" for top, n in zip(cast.max(axis=1).tolist(), cast.sum(axis=1).tolist())],
                    dtype=object)
    return pd.DataFrame({
        **{c: table[c].array.take(rows) for c in ("bloc", "resolution", "short", "date", "iso3", "country", "vote")},
        "vote_label": pd.array(labels[long.vote[rows]], dtype="str"),
        "majority": np.array(CODES, dtype=object)[majority_of[rows]],
        "majority_label": pd.array(labels[majority_of[rows]], dtype="str"),
        "majority_size": size[long.cell[rows]]})


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
    keys = _keys(blocs, resolutions)
    table, long = _bloc_counts(*keys), _long(*keys)
    off_council = np.bincount(long.cell[long.status == STATUSES.index("not on the Security Council")],
                              minlength=len(table))
    outside = _names_by_cell(long, np.isin(long.status, [STATUSES.index(s) for s in (
        "not a UN member", "not a UN member yet", "no row in the roll call")]), len(table))
    lines = []
    for i, (bloc, short, date, members, cast) in enumerate(zip(
            table["bloc"].tolist(), table["short"].tolist(), table["date"], table["members"].tolist(),
            table["cast"].tolist())):
        where = f"{short} ({membership.long_date(date)})"
        if members == 0:
            lines.append(membership.why_empty(bloc, date) + f" So it has no votes on {short}.")
            continue
        if off_council[i]:
            lines.append(f"{bloc} on {where}: {off_council[i]} of its {members} members were not on the "
                         "Security Council, so they had no vote.")
        if outside[i]:
            lines.append(f"{bloc} on {where}: not in the roll call: {outside[i]}.")
        if cast == 0:
            lines.append(f"{bloc} on {where}: none of its members cast a vote, so its cohesion is undefined.")
    return lines


def most_divided(table: pd.DataFrame) -> str:
    """A sentence naming the most divided and the most united bloc on a vote (lowest and highest Agreement Index)."""
    y, n, a = (table[c].to_numpy() for c in ("Y", "N", "A"))
    ai = agreement_index(y, n, a)
    if np.isnan(ai).all():
        return "None of the chosen blocs cast a vote on the chosen votes."
    low, high = int(np.nanargmin(ai)), int(np.nanargmax(ai))  # the first of equals, as idxmin and idxmax
    bloc, short = table["bloc"].to_numpy(), table["short"].to_numpy()
    return (f"The most divided was {bloc[low]} on {short[low]} (Agreement Index {ai[low]:.2f}: "
            f"{y[low]} yes, {n[low]} no, {a[low]} abstain); the most united {bloc[high]} on {short[high]} "
            f"({ai[high]:.2f}).")
