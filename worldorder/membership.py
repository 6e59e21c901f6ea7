"""Who belonged to what, on a given day: blocs, UN regional groups and the UN itself.

One rule serves everything: a spell counts from ``joined_date`` through ``left_date`` (the UK is in
the EU on 2020-01-31 and out from 2020-02-01); a spell with no join date never counts.

>>> bloc_members("NATO", on="1949-12-31")[:4]
['BEL', 'CAN', 'DNK', 'FRA']
>>> is_member("USSR", "Warsaw Pact", "1970-01-01")
True
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


def spell_active(joined, left, day):
    """Whether membership spells are active on a day: joined <= day <= left (no left date: still a member).

    Works on Series or on broadcasting arrays (spells × days). A spell with no join date is never active.
    """
    return (joined <= day) & (pd.isna(left) | (day <= left))


def long_date(day: pd.Timestamp) -> str:
    """``"2 March 2022"``."""
    return f"{day.day} {day:%B %Y}"


@functools.lru_cache(maxsize=4096)
def members_on(bloc, day: pd.Timestamp) -> tuple[str, ...]:
    """Members of a resolved bloc (a project name or a CustomBloc) on a normalised day, sorted; may be empty."""
    if isinstance(bloc, names.CustomBloc):
        return tuple(sorted(bloc.members))
    if bloc in names.REGIONAL_GROUPS:
        table = data.members()
        chosen = (table["un_regional_group"] == names.REGIONAL_GROUPS[bloc]) & (table["admission_date"] <= day)
        return tuple(sorted(table.loc[chosen, "iso3"]))
    spells = data.blocs()
    spells = spells[spells["bloc"] == bloc]
    return tuple(sorted(spells.loc[spell_active(spells["joined_date"], spells["left_date"], day), "iso3"].unique()))


data.on_clear(members_on.cache_clear)


def why_empty(bloc, day: pd.Timestamp) -> str:
    """A sentence on why a bloc had no members on a day: not founded yet, or dissolved."""
    spells = data.blocs()
    spells = spells[(spells["bloc"] == str(bloc)) & spells["joined_date"].notna()]
    if spells.empty:
        return f"{bloc} had no members on {long_date(day)}."
    first, last = spells["joined_date"].min(), spells["left_date"].max()
    if day < first:
        return f"{bloc} had no members on {long_date(day)}: its first members joined on {long_date(first)}."
    return f"{bloc} had no members on {long_date(day)}: its last member left on {long_date(last)}."


def bloc_members(bloc, on="2025-02-24") -> list[str]:
    """ISO3 codes of a bloc's members on a day, sorted.

    ``bloc`` is an organisation (``"NATO"``, ``"African Union"``, ...), a UN regional group (``"WEOG"``)
    or a custom bloc. Codes of non-UN members (``PSE``, ``ESH``) and former seats (``DDR``, ``CSK``) are
    kept. A day on which the bloc had no members raises an error that says why.
    """
    resolved, day = names.one_bloc(bloc, "bloc_members"), names.day(on)
    found = members_on(resolved, day)
    if not found:
        raise ValueError(why_empty(resolved, day))
    return list(found)


def is_member(country, bloc, on="2025-02-24") -> bool:
    """Whether a country belonged to a bloc on a day (False before the bloc existed)."""
    iso3, resolved, day = names.country(country), names.one_bloc(bloc, "is_member"), names.day(on)
    return iso3 in members_on(resolved, day)


def un_member_on(iso3: str, day: pd.Timestamp) -> bool:
    """Whether a current UN member had been admitted by a day (former seats: listed in the votes instead)."""
    table = data.countries().set_index("iso3")
    admitted = table.loc[iso3, "admission_date"]
    return bool(pd.notna(admitted) and admitted <= day)


def membership_counts(blocs=("NATO", "EU", "Warsaw Pact"), years=range(1945, 2026), day: str = "12-31") -> pd.DataFrame:
    """Members of each bloc on one day of each year (31 December unless ``day`` says otherwise).

    One row per bloc per year in which the bloc had members: ``bloc``, ``year``, ``members``.
    Counts the same spells as :func:`bloc_members`.
    """
    chosen, wanted = names.blocs(blocs), names.years(years)
    days = pd.to_datetime([f"{y}-{day}" for y in wanted])
    frames = [pd.DataFrame({"bloc": str(b), "year": wanted, "members": _counts(b, days)}) for b in chosen]
    counts = pd.concat(frames, ignore_index=True)
    return counts[counts["members"] > 0].reset_index(drop=True)


def _counts(bloc, days: pd.DatetimeIndex) -> list[int]:
    """Members of one bloc on each day: every spell against every day at once."""
    if isinstance(bloc, names.CustomBloc) or bloc in names.REGIONAL_GROUPS:
        return [len(members_on(bloc, d)) for d in days]
    spells = data.blocs()
    spells = spells[spells["bloc"] == bloc]
    active = spell_active(spells["joined_date"].to_numpy()[:, None], spells["left_date"].to_numpy()[:, None],
                          days.to_numpy()[None, :])
    return pd.DataFrame(np.asarray(active), index=spells["iso3"]).groupby(level=0).any().sum().tolist()


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
