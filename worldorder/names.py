"""The edge: turn what a learner types (a name, a code, a symbol, a date, a year) into the project's keys.

Every function here accepts any case, accents or none, and curly or straight apostrophes, and raises a
``ValueError`` that names the bad value and suggests close matches. Nothing is guessed: an input that
could mean two things is refused with the candidates. Modules below this one take resolved keys only.

>>> country("Ukriane")
Traceback (most recent call last):
...
ValueError: Unknown country 'Ukriane'. Did you mean Ukraine (UKR)?
>>> country("France (DEU)")
Traceback (most recent call last):
...
ValueError: The label 'France (DEU)' names France but carries the code DEU (Germany). Give the name or the code alone.
>>> resolution("es-11/7"), resolution("2774")
('A/RES/ES-11/7', 'S/RES/2774 (2025)')
>>> day("02/03/2022")
Traceback (most recent call last):
...
ValueError: The date '02/03/2022' is ambiguous: 2 March 2022 or 3 February 2022? Write it as year-month-day, '2022-03-02' or '2022-02-03'.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

import numpy as np
import pycountry

from worldorder import data
from worldorder.dates import FORMS, day, year  # noqa: F401  (read here, at the edge)
from worldorder.text import DASHES, as_list, normalise  # noqa: F401

# Everyday names that neither the UN nor ISO uses.
COUNTRY_ALIASES = {
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "us": "USA", "usa": "USA", "america": "USA", "united states of america": "USA",
    "turkey": "TUR", "ivory coast": "CIV", "czech republic": "CZE", "swaziland": "SWZ",
    "dprk": "PRK", "north korea": "PRK", "south korea": "KOR",
    "uae": "ARE", "drc": "COD", "congo-brazzaville": "COG", "congo-kinshasa": "COD",
    "holland": "NLD", "netherlands": "NLD", "macedonia": "MKD", "east timor": "TLS",
    "palestine": "PSE", "sahrawi republic": "ESH",
}
# Former names a history class types, mapped to the seat the shipped tables use for that country (the
# USSR's seat is coded RUS, the seat's code in the votes; see data/README.md). The names printed on the UN
# Digital Library records (ZAIRE, UPPER VOLTA, ...) come from countries.csv's ``former_names`` column,
# built from unga_history/undl_scrape_1946_2025/country_name_to_code.csv.
HISTORICAL_NAMES = {
    "ussr": "RUS", "soviet union": "RUS", "sun": "RUS", "union of soviet socialist republics": "RUS",
    "byelorussian ssr": "BLR", "belorussian ssr": "BLR", "byelorussia": "BLR", "belorussia": "BLR", "bssr": "BLR",
    "ukrainian ssr": "UKR", "ceylon": "LKA", "upper volta": "BFA", "dahomey": "BEN", "zaire": "COD",
    "burma": "MMR", "siam": "THA", "persia": "IRN", "kampuchea": "KHM", "democratic kampuchea": "KHM",
    "khmer republic": "KHM", "malagasy republic": "MDG", "united arab republic": "EGY",
    "west germany": "DEU", "federal republic of germany": "DEU", "frg": "DEU", "brd": "DEU",
    "east germany": "DDR", "gdr": "DDR", "german democratic republic": "DDR",
    "south yemen": "YMD", "tanganyika": "TZA", "federation of malaya": "MYS", "malaya": "MYS",
    "union of south africa": "ZAF", "czechoslovakia": "CSK", "yugoslavia": "YUG",
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


def _suggest(kind: str, value, choices: dict[str, str], label, example: str) -> ValueError:
    """An "Unknown ..." error with close matches. A code of three letters or fewer is offered only for an
    input as short ('Zaire' does not suggest ARE, 'U.K.' does not suggest 'U.S.')."""
    typed = normalise(value)
    pool = [c for c in choices if (len(c) <= 3) == (len(typed.replace(".", "")) <= 3)]
    close = difflib.get_close_matches(typed, pool, n=6, cutoff=0.75)
    names = list(dict.fromkeys(label(choices[c]) for c in close))[:3]
    hint = f"Did you mean {', '.join(names)}?" if names else f"Try {example}."
    return ValueError(f"Unknown {kind} {value!r}. {hint}")


def _text(kind: str, value, example: str) -> str:
    if isinstance(value, (np.str_,)):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"Unknown {kind} {value!r}: give a {kind} as text, for example {example}.")
    return value


# ---------------------------------------------------------------- countries


def _country_key(text) -> str:
    """A country's lookup key: :func:`normalise`, without full stops (``"U.K."`` is ``"uk"``, ``"St. Lucia"``
    is ``"saint lucia"``)."""
    text = normalise(text)
    if re.fullmatch(r"([a-z]\.\s*)+[a-z]?", text):  # an abbreviation: U.K., U.S.A.
        return re.sub(r"[.\s]", "", text)
    return " ".join(re.sub(r"\bst\b", "saint", text.replace(".", " ")).split())


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    table = data.countries()
    for row in table.itertuples():
        found = pycountry.countries.get(alpha_3=row.iso3)
        extra = [getattr(found, a, None) for a in ("alpha_2", "name", "official_name", "common_name")] if found else []
        former = str(getattr(row, "former_names", "") or "").split(";")
        for name in [row.iso3, row.un_name, row.common_name, *extra, *former]:
            if name and name.strip():
                names.setdefault(_country_key(name), row.iso3)
    for alias, iso3 in {**COUNTRY_ALIASES, **HISTORICAL_NAMES}.items():
        if iso3 in set(table["iso3"]):
            names.setdefault(_country_key(alias), iso3)
    return names


def bloc_or_country(value) -> str | None:
    """A sentence when ``value`` names both a country and a bloc (``"AU"``: Australia's ISO code and the
    African Union), else None. Such a value is refused wherever a country is asked for."""
    key = normalise(value)
    if key in _bloc_names() and _country_key(value) in _country_names():
        iso3 = _country_names()[_country_key(value)]
        full = next((k for k, v in BLOC_ALIASES.items() if v == _bloc_names()[key]), "")
        return (f"{value!r} is ambiguous: the ISO code of {country_label(iso3)} or the bloc "
                f"{_bloc_names()[key]!r}{' (' + full.title() + ')' if full else ''}. For the country write {iso3!r} or {_labels()[iso3]!r}; "
                f"for the bloc use a function that takes a bloc.")
    return None


@functools.cache
def _labels() -> dict[str, str]:
    table = data.countries()
    return dict(zip(table["iso3"], table["common_name"]))


data.on_clear(_country_names.cache_clear)
data.on_clear(_labels.cache_clear)


def country_label(iso3: str) -> str:
    """``"Ukraine (UKR)"`` for ``"UKR"``; only a code the data knows has a label.

    >>> country_label("UKR")
    'Ukraine (UKR)'
    >>> country_label("Ukraine")
    Traceback (most recent call last):
    ...
    ValueError: country_label takes a code such as 'UKR', not 'Ukraine'; write country_label(country('Ukraine')).
    """
    code = str(iso3).strip().upper() if isinstance(iso3, (str, np.str_)) else None
    if code not in _labels():
        if isinstance(iso3, str) and iso3.strip() and _country_key(iso3) in _country_names():
            raise ValueError(f"country_label takes a code such as 'UKR', not {iso3!r}; "
                             f"write country_label(country({iso3!r})).")
        raise ValueError(f"Unknown country code {iso3!r}: country_label takes a code such as 'UKR'.")
    return f"{_labels()[code]} ({code})"


def country(value) -> str:
    """The ISO3 code of a country given its code, any of its names, or its label ``"Ukraine (UKR)"``.

    Former seats (``"East Germany"`` → ``DDR``) and Palestine (``PSE``, an observer state) resolve too;
    the USSR's seat is Russia's (``RUS``).
    """
    value = _text("country", value, "'UKR' or 'Ukraine'")
    label = re.fullmatch(r"\s*(.+?)\s*\(\s*([A-Za-z]{3})\s*\)\s*", value)
    if label:
        name, code = label.group(1), label.group(2).upper()
        by_name = _country_names().get(_country_key(name))
        if code in _labels() and by_name == code:
            return code
        if code in _labels() and by_name:
            raise ValueError(f"The label {value!r} names {_labels()[by_name]} but carries the code {code} "
                             f"({_labels()[code]}). Give the name or the code alone.")
    if ambiguous := bloc_or_country(value):
        raise ValueError(ambiguous)
    key = _country_key(value)
    if key in _country_names():
        return _country_names()[key]
    raise _suggest("country", value, _country_names(), country_label, "'UKR' or 'Ukraine'")


def country_keys(values) -> list[str]:
    """ISO3 codes for several countries: a list (or tuple, set, Series ...), or one string separated by commas.

    Each country comes once, where it is first named: ``["Ukraine", "UKR", "Poland"]`` gives
    ``["UKR", "POL"]``, so a country named twice never doubles a table's rows.
    """
    if isinstance(values, (str, np.str_)):
        values = [v for v in re.split(r"[,;\n]", str(values)) if v.strip()]
    return list(dict.fromkeys(country(v) for v in as_list("country", values, "['Ukraine', 'Poland']")))


# ---------------------------------------------------------------- blocs


@dataclass(frozen=True)
class CustomBloc:
    """A bloc a learner defines: a name and a fixed list of ISO3 codes."""

    name: str
    members: tuple[str, ...]

    def __str__(self) -> str:
        return self.name


@functools.cache
def _bloc_names() -> dict[str, str]:
    names = {normalise(b): b for b in data.BLOC_NAMES}
    for group, un_name in REGIONAL_GROUPS.items():
        names[normalise(group)] = group
        names.setdefault(normalise(un_name), group)
    for alias, name in BLOC_ALIASES.items():
        names.setdefault(alias, name)
    return names


def bloc(value) -> str:
    """The project's name for a bloc or UN regional group (``"nato"`` → ``"NATO"``)."""
    value = _text("bloc", value, "'NATO', 'EU', 'African Union' or 'WEOG'")
    key = normalise(value)
    if key in _bloc_names():
        return _bloc_names()[key]
    raise _suggest("bloc", value, _bloc_names(), str, "'NATO', 'EU', 'African Union' or 'WEOG'")


def one_bloc(value, function: str = "this function"):
    """One bloc (a name or a CustomBloc); a list of several is refused, never cut to its first item."""
    if isinstance(value, CustomBloc):
        return value
    if not isinstance(value, (str, np.str_)) and hasattr(value, "__iter__") and not isinstance(value, (bytes, dict)):
        items = list(value)
        if len(items) == 1:
            return bloc_keys(items)[0]
        raise ValueError(f"{function} takes one bloc, not {len(items)} ({items!r}): call it once per bloc, "
                         f"for example [{function}(b) for b in ['EU', 'NATO']].")
    return bloc(value)


def bloc_names() -> list[str]:
    """Every bloc the project knows: the organisations, then the UN regional groups."""
    return sorted(data.BLOC_NAMES, key=str.lower) + list(REGIONAL_GROUPS)


def custom_bloc(name, members) -> CustomBloc:
    """A bloc of your own, e.g. ``custom_bloc("Nordics", ["Denmark", "Finland", "Iceland", "Norway", "Sweden"])``."""
    name = " ".join(str(name).split())
    if not name:
        raise ValueError("Give your bloc a name, for example custom_bloc('Nordics', ['Denmark', 'Finland']).")
    if normalise(name) in _bloc_names():
        raise ValueError(f"{name!r} is already the name of the bloc {_bloc_names()[normalise(name)]!r}: "
                         "give your own bloc another name.")
    codes = tuple(dict.fromkeys(country_keys(members)))
    if not codes:
        raise ValueError(f"The bloc {name!r} needs at least one country.")
    return CustomBloc(name, codes)


class Keys(list):
    """Keys resolved once at the edge (a plain list, marked): :func:`bloc_keys` and :func:`resolution_keys` hand
    them back as they are, so the layers below never resolve the same input again."""


class BlocKeys(Keys):
    """Blocs resolved by :func:`bloc_keys`."""


class ResolutionKeys(Keys):
    """Votes resolved by :func:`resolution_keys`."""


def bloc_keys(values) -> list:
    """Resolve several blocs to project names or CustomBlocs, keeping order and refusing repeats."""
    if isinstance(values, BlocKeys):
        return values
    items = [values] if isinstance(values, CustomBloc) else as_list("bloc", values, "['EU', 'NATO']")
    resolved = [b if isinstance(b, CustomBloc) else bloc(b) for b in items]
    if not resolved:
        raise ValueError("Choose at least one bloc, for example ['EU', 'NATO'] (see wo.bloc_names()).")
    names = [str(b) for b in resolved]
    if repeated := sorted({n for n in names if names.count(n) > 1}):
        raise ValueError(f"The bloc {repeated[0]!r} is listed twice.")
    return BlocKeys(resolved)


# ---------------------------------------------------------------- resolutions


def _symbol_keys(symbol: str, body: str) -> list[str]:
    short = re.sub(r"^[AS]/RES/", "", symbol)
    keys = [symbol, short]
    if body == "SC":
        keys.append(re.sub(r"\s*\(\d{4}\)$", "", short))  # a bare number is a Security Council resolution
        keys.append(re.sub(r"\s*\(\d{4}\)$", "", symbol))  # S/RES/2774
    else:
        keys.append(re.sub(r"\[[^\]]*\]$", "", short))  # 377(V) for A/RES/377(V)[A-C]
        keys.append(re.sub(r"\[[^\]]*\]$", "", symbol))  # A/RES/377(V) too
    return [normalise(k).replace(" ", "") for k in keys]


@functools.cache
def _resolution_names() -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    table = data.resolution_table()
    for symbol, body in zip(table["resolution"].astype(str), table["body"].astype(str)):
        for key in dict.fromkeys(_symbol_keys(symbol, body)):
            names.setdefault(key, []).append(symbol)
    return {k: tuple(v) for k, v in names.items()}


data.on_clear(_resolution_names.cache_clear)


def resolution(value) -> str:
    """The full symbol of any recorded vote, from the forms people type.

    ``"A/RES/ES-11/7"``, ``"es-11/7"``, ``"377(V)"`` (GA resolutions before 1976 carry their session in
    Roman numerals), ``"68/262"``; a bare number such as ``"2774"`` is a Security Council resolution.
    An input that fits several votes raises an error listing them.
    """
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        value = str(value)
    value = _text("resolution", value, "'A/RES/ES-11/7', 'ES-11/7' or '2774'")
    key = normalise(value).replace(" ", "")
    found = _resolution_names().get(key)
    if found and len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(found[:8]) + (" ..." if len(found) > 8 else "")
        raise ValueError(f"{value!r} fits {len(found)} recorded votes: {listed}. Give the full symbol.")
    choices = {k: v[0] for k, v in _resolution_names().items()}
    raise _suggest("resolution", value, choices, str, "'A/RES/ES-11/7', 'ES-11/7' or '2774'")


def resolution_keys(values) -> list[str]:
    """Full symbols for several votes (a list, or one symbol), in the order given, without repeats."""
    if isinstance(values, ResolutionKeys):
        return values
    symbols = list(dict.fromkeys(resolution(v) for v in as_list("resolution", values, "['ES-11/1', 'ES-11/7']")))
    if not symbols:
        raise ValueError("Choose at least one vote, for example ['ES-11/1', 'ES-11/7'] (see wo.find_votes()).")
    return ResolutionKeys(symbols)


# ---------------------------------------------------------------- dates and years


def years(values) -> list[int]:
    """Years from one year, a list of years, or a ``range`` (``range(1980, 1990)``); each year once, in the
    order first given, so a year named twice never doubles a table's rows. Bytes are refused, never read
    as a list of numbers."""
    if isinstance(values, (int, np.integer, str, np.str_, bytes, bytearray)):
        return [year(values)]
    found = list(dict.fromkeys(year(v) for v in as_list("year", values, "range(1980, 1990)")))
    if not found:
        raise ValueError("No years given: give a year such as 1985 or a range such as range(1980, 1990).")
    return found


def flag(value, name: str) -> bool | None:
    """A yes/no argument: True, False or None (not chosen). Text such as ``'no'`` and numbers are refused,
    since ``bool('no')`` is True."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return None if value is None else bool(value)
    raise ValueError(f"{name}={value!r} is not True or False: give {name}=True, {name}=False, or leave it out.")


def parse_custom_blocs(text) -> list[CustomBloc]:
    """Custom blocs typed as ``"Name: country, country, ..."`` (several separated by ``;`` or new lines)."""
    found = []
    for part in str(text).replace("\n", ";").split(";"):
        if not part.strip():
            continue
        name, colon, members = part.partition(":")
        if not colon:
            raise ValueError(f"Could not read {part.strip()!r}: write a custom bloc as 'Name: country, country, ...', "
                             "for example 'Nordics: Denmark, Finland, Iceland, Norway, Sweden'.")
        found.append(custom_bloc(name, members))
    return found
