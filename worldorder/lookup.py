"""Turn what a learner types (a code, a name, a symbol) into the project's keys.

Every resolver accepts upper or lower case and accents or none, and raises a
``ValueError`` that names the bad value and suggests close matches.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

import pandas as pd
import pycountry

from worldorder import data

# Everyday names that neither the UN nor ISO uses.
COUNTRY_ALIASES = {
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "us": "USA", "u.s.": "USA", "america": "USA", "united states of america": "USA",
    "turkey": "TUR", "ivory coast": "CIV", "czech republic": "CZE", "swaziland": "SWZ",
    "burma": "MMR", "dprk": "PRK", "north korea": "PRK", "south korea": "KOR",
    "uae": "ARE", "drc": "COD", "congo-brazzaville": "COG", "congo-kinshasa": "COD",
    "holland": "NLD", "netherlands": "NLD", "macedonia": "MKD", "east timor": "TLS",
    "ussr": "RUS", "soviet union": "RUS",
}

REGIONAL_GROUPS = {
    "African Group": "African",
    "Asia-Pacific Group": "Asia-Pacific",
    "Eastern European Group": "Eastern European",
    "GRULAC": "Latin American and Caribbean",
    "WEOG": "Western European and Others",
}

BLOC_ALIASES = {
    "european union": "EU", "eec": "EU", "european communities": "EU",
    "north atlantic treaty organization": "NATO", "group of seven": "G7", "group of eight": "G8",
    "group of twenty": "G20", "african union": "AU", "organisation of african unity": "AU",
    "association of southeast asian nations": "ASEAN", "league of arab states": "Arab League",
    "organization of american states": "OAS", "collective security treaty organization": "CSTO",
    "shanghai cooperation organisation": "SCO", "shanghai cooperation organization": "SCO",
    "commonwealth of nations": "Commonwealth", "organisation of islamic cooperation": "OIC",
    "organization of islamic cooperation": "OIC", "warsaw treaty organization": "Warsaw Pact",
    "latin american and caribbean group": "GRULAC", "western european and others group": "WEOG",
}


def normalise(text: str) -> str:
    """Lower case, no accents, single spaces, curly quotes made straight."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.replace("’", "'").lower().split())


def _unknown(kind: str, value, choices: dict[str, str], label, example: str) -> ValueError:
    close = difflib.get_close_matches(normalise(value), list(choices), n=6, cutoff=0.6)
    names = list(dict.fromkeys(label(choices[c]) for c in close))[:3]
    hint = f"Did you mean {', '.join(names)}?" if names else f"Try {example}."
    return ValueError(f"Unknown {kind} {value!r}. {hint}")


def _resolve(kind: str, value, choices: dict[str, str], label, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"Unknown {kind} {value!r}: give a {kind} as text, for example {example}.")
    key = normalise(value)
    if key in choices:
        return choices[key]
    raise _unknown(kind, value, choices, label, example)


# ---------------------------------------------------------------- countries


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in data.members().itertuples():
        found = pycountry.countries.get(alpha_3=row.iso3)
        extra = [getattr(found, a, None) for a in ("alpha_2", "name", "official_name", "common_name")] if found else []
        for name in [row.iso3, row.un_name, row.common_name, *extra]:
            if name:
                names.setdefault(normalise(name), row.iso3)
    for alias, iso3 in COUNTRY_ALIASES.items():
        names.setdefault(alias, iso3)
    return names


@functools.cache
def _country_labels() -> dict[str, str]:
    return dict(zip(data.members()["iso3"], data.members()["common_name"]))


def country_label(iso3: str) -> str:
    """``"Ukraine (UKR)"`` for ``"UKR"``."""
    return f"{_country_labels().get(iso3, iso3)} ({iso3})"


def country(value: str) -> str:
    """The ISO3 code of a UN member given its code, any of its names, or its label ``"Ukraine (UKR)"``."""
    label = re.fullmatch(r"\s*.+\(([A-Za-z]{3})\)\s*", value) if isinstance(value, str) else None
    if label and label.group(1).upper() in _country_labels():
        return label.group(1).upper()
    return _resolve("country", value, _country_names(), country_label, "'UKR' or 'Ukraine'")


def countries(values) -> list[str]:
    """ISO3 codes for several countries (a list, or one string separated by commas)."""
    if isinstance(values, str):
        values = [v for v in re.split(r"[,;\n]", values) if v.strip()]
    return [country(v) for v in values]


# ---------------------------------------------------------------- blocs


@functools.cache
def _bloc_names() -> dict[str, str]:
    names = {normalise(b): b for b in data.blocs()["bloc"].unique()}
    for group, un_name in REGIONAL_GROUPS.items():
        names[normalise(group)] = group
        names.setdefault(normalise(un_name), group)
    for alias, bloc in BLOC_ALIASES.items():
        names.setdefault(alias, bloc)
    return names


def bloc(value: str) -> str:
    """The project's name for a bloc or UN regional group (``"nato"`` → ``"NATO"``)."""
    return _resolve("bloc", value, _bloc_names(), str, "'NATO', 'EU', 'African Union' or 'WEOG'")


def bloc_names() -> list[str]:
    """Every bloc the project knows: the organisations, then the UN regional groups."""
    return sorted(data.blocs()["bloc"].unique(), key=str.lower) + list(REGIONAL_GROUPS)


# ---------------------------------------------------------------- resolutions


def _symbol_keys(symbol: str) -> list[str]:
    short = re.sub(r"^[AS]/RES/", "", symbol)
    bare = re.sub(r"\s*\(\d{4}\)$", "", short)
    return [symbol, symbol.replace(" ", ""), short, bare, re.sub(r"\s*\(\d{4}\)$", "", symbol)]


@functools.cache
def _resolution_names() -> dict[str, str]:
    names = {}
    for symbol in data.resolutions()["resolution"]:
        for key in _symbol_keys(symbol):
            names.setdefault(normalise(key), symbol)
    return names


def resolution(value: str) -> str:
    """The full symbol of a focus vote (``"ES-11/7"`` → ``"A/RES/ES-11/7"``)."""
    return _resolve("resolution", value, _resolution_names(), str, "'A/RES/ES-11/7', 'ES-11/7' or 'S/RES/2774 (2025)'")


def clear_cache() -> None:
    for cached in (_country_names, _country_labels, _bloc_names, _resolution_names):
        cached.cache_clear()


def on_date(on) -> pd.Timestamp:
    """A date given as text, ``date`` or ``Timestamp``, with a clear error otherwise."""
    stamp = pd.to_datetime(on, errors="coerce") if not isinstance(on, pd.Timestamp) else on
    if pd.isna(stamp):
        raise ValueError(f"Unknown date {on!r}: give a date such as '2025-02-24'.")
    return stamp
