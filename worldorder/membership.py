"""Who belonged to what, on a given day: blocs, UN regional groups and the UN itself.

Every spell (``data/blocs.csv``: organisations and the UN regional groups) holds its join and its exit as
windows: the day it joined lies between ``joined_date`` and ``joined_latest``, its last day between
``left_date`` and ``left_latest`` (one day when the source gives the day, a month or a year when it gives
only that). On a day inside such a window membership is *not known to the day*, and the answers say so
instead of guessing: :func:`is_member` raises :class:`MembershipNotKnown`, :func:`bloc_members` refuses
unless told what to do with the uncertain members, and :func:`membership_counts` counts them apart. A spell
counts through its last day (the UK is in the EU on 2020-01-31 and out from 2020-02-01).

>>> bloc_members("NATO", on="1949-12-31")[:4]
['BEL', 'CAN', 'DNK', 'FRA']
>>> is_member("USSR", "Warsaw Pact", "1970-01-01")
True
>>> is_member("Albania", "Warsaw Pact", "1968-09-14")
False
>>> is_member("Canada", "G20", "1999-09-10")
Traceback (most recent call last):
...
worldorder.membership.MembershipNotKnown: Whether Canada (CAN) belonged to G20 on 10 September 1999 is not known to the day: joined known to the month: not known to the day from 1999-09-01 to 1999-09-30.
>>> bloc_members("Warsaw Pact", on="2022-03-02")
Traceback (most recent call last):
...
ValueError: Warsaw Pact had no members on 2 March 2022: its last member left on 1 July 1991.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from worldorder import data, names


class MembershipNotKnown(ValueError):
    """Membership on a day that falls inside a join or exit known only to the month, the year or a range."""


def spell_active(joined, left, day):
    """Whether membership spells are counted on a day: joined <= day <= left (no left date: still a member).

    Works on Series or on broadcasting arrays (spells × days). A spell with no join date is never active.
    This is the counting rule of the vote measures (a window counts from its first day); the answers
    about membership use :func:`spell_status`, which says where that rule is not known to the day.
    """
    return (joined <= day) & (pd.isna(left) | (day <= left))


def spell_status(spells: pd.DataFrame, day):
    """Per spell: True (a member for sure), False (for sure not) or None (not known to the day)."""
    joined_first, joined_last = spells["joined_date"], spells["joined_latest"]
    left_first, left_last = spells["left_date"], spells["left_latest"]
    out = (joined_first.isna() | (day < joined_first) | (left_last.notna() & (day > left_last))).to_numpy()
    sure = (joined_last.notna() & (joined_last <= day) & (left_first.isna() | (day <= left_first))).to_numpy()
    return np.where(out, False, np.where(sure, True, None))


def long_date(day: pd.Timestamp) -> str:
    """``"2 March 2022"``."""
    return f"{day.day} {day:%B %Y}"


def _spells(bloc) -> pd.DataFrame:
    """A bloc's spells (shared, read-only)."""
    return _spells_of(str(bloc))


@functools.lru_cache(maxsize=256)
def _spells_of(bloc: str) -> pd.DataFrame:
    spells = data.spells()
    return spells[spells["bloc"] == bloc]


@functools.lru_cache(maxsize=4096)
def members_on(bloc, day: pd.Timestamp) -> tuple[str, ...]:
    """Members of a resolved bloc (a project name or a CustomBloc) on a normalised day, sorted; may be empty.

    The counting rule of the vote measures (:func:`spell_active`): a spell known to the month or the year
    counts from the window's first day; a spell whose join is disputed is never counted."""
    return tuple(members_on_days(bloc, [day])[0])


def members_on_days(bloc, days) -> list[np.ndarray]:
    """:func:`members_on` for several days at once: per day, the sorted ISO3 codes (an array; may be empty).

    Every counted spell against every day in one step.

    >>> before, after = members_on_days("NATO", pd.to_datetime(["1949-12-31", "1952-03-01"]))
    >>> list(before), sorted(set(after) - set(before))
    (['BEL', 'CAN', 'DNK', 'FRA', 'GBR', 'ISL', 'ITA', 'LUX', 'NLD', 'NOR', 'PRT', 'USA'], ['GRC', 'TUR'])
    """
    if isinstance(bloc, names.CustomBloc):
        return [np.array(sorted(bloc.members), dtype=object) for _ in days]
    iso3, joined, left = _counted_spells(str(bloc))
    days = pd.DatetimeIndex(days).to_numpy()
    active = spell_active(joined[:, None], left[:, None], days[None, :])
    return [np.unique(iso3[active[:, j]]) for j in range(active.shape[1])]


@functools.lru_cache(maxsize=256)
def _counted_spells(bloc: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A bloc's spells the vote measures count (join not disputed): ISO3, joined and left as arrays, once per bloc."""
    spells = _spells(bloc)
    spells = spells[spells["joined_precision"] != "disputed"]
    return (spells["iso3"].to_numpy(dtype=object), spells["joined_date"].to_numpy(), spells["left_date"].to_numpy())


@functools.lru_cache(maxsize=4096)
def status_on(bloc, day: pd.Timestamp) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(members for sure, members not known to the day) of a resolved bloc on a normalised day."""
    if isinstance(bloc, names.CustomBloc):
        return tuple(sorted(bloc.members)), ()
    spells = _spells(bloc)
    status = pd.Series(spell_status(spells, day), index=spells["iso3"].to_numpy())
    sure = set(status.index[status.to_numpy() == True])  # noqa: E712 - an object array of True/False/None
    unsure = set(status.index[pd.isna(status.to_numpy(dtype=object))]) - sure
    return tuple(sorted(sure)), tuple(sorted(unsure))


data.on_clear(members_on.cache_clear)
data.on_clear(_counted_spells.cache_clear)
data.on_clear(_spells_of.cache_clear)
data.on_clear(status_on.cache_clear)


def why_empty(bloc, day: pd.Timestamp) -> str:
    """A sentence on why a bloc had no members on a day: not founded yet, or dissolved."""
    spells = _spells(bloc)
    spells = spells[spells["joined_date"].notna()]
    if spells.empty:
        return f"{bloc} had no members on {long_date(day)}."
    first, last = spells["joined_date"].min(), spells["left_date"].max()
    if day < first:
        return f"{bloc} had no members on {long_date(day)}: its first members joined on {long_date(first)}."
    if spells["left_date"].notna().all() and day > last:
        return f"{bloc} had no members on {long_date(day)}: its last member left on {long_date(last)}."
    return (f"{bloc} had no members known to the day on {long_date(day)}: the sources date its members' joins "
            "only to the month or the year. uncertain='include' lists those who may have been members.")


def _why_unknown(bloc, iso3: str, day: pd.Timestamp) -> str:
    spells = _spells(bloc)
    rules = spells.loc[(spells["iso3"] == iso3) & pd.isna(spell_status(spells, day).astype(object))
                       & spells["joined_date"].le(day), "date_rule"]
    return "; ".join(dict.fromkeys(rules)) or "its dates are not known to the day"


UNCERTAIN = ("refuse", "exclude", "include")


def bloc_members(bloc, on="2025-02-24", uncertain: str = "refuse") -> list[str]:
    """ISO3 codes of a bloc's members on a day, sorted.

    ``bloc`` is one organisation (``"NATO"``, ``"African Union"``, ...), one UN regional group (``"WEOG"``)
    or a custom bloc; a list of several is refused. Codes of non-UN members (``PSE``, ``ESH``) and former
    seats (``DDR``, ``CSK``) are kept. A day on which the bloc had no members raises an error that says why.

    When a member's join or exit is known only to the month or the year and ``on`` falls inside it,
    membership is not known to the day. ``uncertain`` says what to do then: ``"refuse"`` (the default)
    raises :class:`MembershipNotKnown` naming them, ``"exclude"`` leaves them out (members for sure only),
    ``"include"`` lists them too (everyone who may have been a member).
    """
    resolved, day = names.one_bloc(bloc, "bloc_members"), names.day(on)
    if uncertain not in UNCERTAIN:
        raise ValueError(f"uncertain={uncertain!r}: choose one of {', '.join(map(repr, UNCERTAIN))}.")
    sure, unsure = status_on(resolved, day)
    if unsure and uncertain == "refuse":
        listed = ", ".join(names.country_label(c) for c in unsure[:6]) + (" ..." if len(unsure) > 6 else "")
        raise MembershipNotKnown(
            f"On {long_date(day)} membership of {resolved} is not known to the day for {listed} "
            f"({_why_unknown(resolved, unsure[0], day)}). Pick another day, or choose "
            "uncertain='exclude' (members for sure) or uncertain='include' (everyone who may have been one).")
    found = sorted(set(sure) | (set(unsure) if uncertain == "include" else set()))
    if not found:
        raise ValueError(why_empty(resolved, day))
    return found


def is_member(country, bloc, on="2025-02-24") -> bool:
    """Whether a country belonged to a bloc on a day (False before the bloc existed).

    Raises :class:`MembershipNotKnown` when the day falls inside a join or an exit that the sources give
    only to the month, the year or a range: the answer is not known to the day.
    """
    iso3, resolved, day = names.country(country), names.one_bloc(bloc, "is_member"), names.day(on)
    sure, unsure = status_on(resolved, day)
    if iso3 in unsure and iso3 not in sure:
        raise MembershipNotKnown(f"Whether {names.country_label(iso3)} belonged to {resolved} on {long_date(day)} "
                                 f"is not known to the day: {_why_unknown(resolved, iso3, day)}.")
    return iso3 in sure


def _status_counts(bloc, days: pd.DatetimeIndex) -> tuple[list[int], list[int]]:
    """Members for sure, and members not known to the day, of one bloc on each day: every spell against every
    day at once (the same rule as :func:`spell_status`)."""
    if isinstance(bloc, names.CustomBloc):
        return [len(bloc.members)] * len(days), [0] * len(days)
    spells = _spells(bloc)
    day = days.to_numpy()[None, :]
    joined_first, joined_last, left_first, left_last = (
        spells[c].to_numpy()[:, None] for c in ("joined_date", "joined_latest", "left_date", "left_latest"))
    out = np.isnat(joined_first) | (day < joined_first) | (~np.isnat(left_last) & (day > left_last))
    sure = ~out & ~np.isnat(joined_last) & (joined_last <= day) & (np.isnat(left_first) | (day <= left_first))
    by_country = spells["iso3"].to_numpy()
    sure_any = pd.DataFrame(sure, index=by_country).groupby(level=0).any()
    unsure_any = pd.DataFrame(~out & ~sure, index=by_country).groupby(level=0).any() & ~sure_any
    return sure_any.sum().tolist(), unsure_any.sum().tolist()


def un_member_on(iso3: str, day: pd.Timestamp) -> bool:
    """Whether a current UN member had been admitted by a day (former seats: listed in the votes instead)."""
    table = data.countries().set_index("iso3")
    admitted = table.loc[iso3, "admission_date"]
    return bool(pd.notna(admitted) and admitted <= day)


def membership_counts(blocs=("NATO", "EU", "Warsaw Pact"), years=range(1945, 2026), day: str = "12-31") -> pd.DataFrame:
    """Members of each bloc on one day of each year (31 December unless ``day`` says otherwise).

    One row per bloc per year in which the bloc had members: ``bloc``, ``year``, ``members`` (members for
    sure that day) and ``not_known`` (members whose membership that day is not known to the day, because
    the source dates their join or exit only to the month or the year). Same spells as :func:`bloc_members`.
    """
    chosen, wanted = names.bloc_keys(blocs), names.years(years)
    days = pd.DatetimeIndex([names.day(f"{y}-{day}") for y in wanted])
    frames = []
    for b in chosen:
        sure, unsure = _status_counts(b, days)
        frames.append(pd.DataFrame({"bloc": str(b), "year": wanted, "members": sure, "not_known": unsure}))
    counts = pd.concat(frames, ignore_index=True)
    return counts[(counts["members"] + counts["not_known"]) > 0].reset_index(drop=True)


def un_membership(by: str = "un_regional_group") -> pd.DataFrame:
    """UN members admitted each year, and the running total, from the admission dates in ``countries.csv``.

    One row per year from 1945 to the last admission, per value of ``by`` (the regional group by
    default): ``admitted`` that year and ``members`` at the end of it. Counts today's 193 members by
    the date each was admitted; seats that no longer exist are not in this count.
    """
    table = data.members()
    table = table.assign(year=table["admission_date"].dt.year)
    span = range(int(table["year"].min()), int(table["year"].max()) + 1)
    grid = pd.MultiIndex.from_product([span, sorted(table[by].unique())], names=["year", by])
    admitted = table.groupby(["year", by]).size().reindex(grid, fill_value=0).rename("admitted").reset_index()
    admitted["members"] = admitted.groupby(by)["admitted"].cumsum()
    return admitted
