"""Who belonged to a bloc on a given date."""

from __future__ import annotations

import pandas as pd

from worldorder import data, lookup


def bloc_members(bloc: str, on="2025-02-24") -> list[str]:
    """ISO3 codes of a bloc's members on a date, sorted.

    ``bloc`` is an organisation from ``wo.blocs()`` (``"NATO"``, ``"African
    Union"``, ...) or a UN regional group (``"WEOG"``, ``"African Group"``, ...).
    A spell counts from ``joined_date`` up to the day before ``left_date``.
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
    active = (spells["joined_date"] <= day) & (spells["left_date"].isna() | (day < spells["left_date"]))
    return sorted(spells.loc[active, "iso3"].unique())


def _regional_group(name: str, day: pd.Timestamp) -> list[str]:
    members = data.members()
    in_group = (members["un_regional_group"] == lookup.REGIONAL_GROUPS[name]) & (members["admission_date"] <= day)
    return sorted(members.loc[in_group, "iso3"])


def is_member(country: str, bloc: str, on="2025-02-24") -> bool:
    """Whether a country belonged to a bloc on a date."""
    return lookup.country(country) in bloc_members(bloc, on)
