"""Who belonged to a bloc on a given date."""

from __future__ import annotations

import pandas as pd

from worldorder import data, lookup


def bloc_members(bloc: str, on="2025-02-24") -> list[str]:
    """ISO3 codes of a bloc's members on a date, sorted.

    ``bloc`` is an organisation from ``wo.blocs()`` (``"NATO"``, ``"African
    Union"``, ...) or a UN regional group (``"WEOG"``, ``"African Group"``, ...).
    A spell counts from ``joined_date`` through ``left_date`` (the UK is in the EU on
    2020-01-31 and out from 2020-02-01).
    Spells with no usable join date (``joined_date`` empty) never count; the
    ``note`` column says why. Codes of non-UN members (``PSE``, ``ESH``) and of
    states that no longer exist (``SUN``, ``DDR``, ``CSK``) are kept.
    """
    name = lookup.bloc(bloc)
    day = lookup.on_date(on)
    if name in lookup.REGIONAL_GROUPS:
        return _regional_group(name, day)
    spells = data.blocs()
    spells = spells[spells["bloc"] == name]
    return sorted(spells.loc[spell_active(spells["joined_date"], spells["left_date"], day), "iso3"].unique())


def spell_active(joined, left, day):
    """Whether membership spells are active on a day: joined <= day <= left (no left date: still a member).

    Works on Series or on broadcasting arrays (spells × days). A spell with no join date is never active.
    """
    return (joined <= day) & (pd.isna(left) | (day <= left))


def _regional_group(name: str, day: pd.Timestamp) -> list[str]:
    members = data.members()
    in_group = (members["un_regional_group"] == lookup.REGIONAL_GROUPS[name]) & (members["admission_date"] <= day)
    return sorted(members.loc[in_group, "iso3"])


def is_member(country: str, bloc: str, on="2025-02-24") -> bool:
    """Whether a country belonged to a bloc on a date."""
    return lookup.country(country) in bloc_members(bloc, on)
