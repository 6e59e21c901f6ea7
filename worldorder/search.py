"""Search the record by what people call things: symbols, titles, agendas, and the words a title lacks.

A vote's searchable text is its symbol, title and agenda, plus its rows of ``data/search_terms.csv``: the common
names of an episode it belongs to ("Suez", "Falklands", "invasion of Ukraine"), the title of the Security Council
resolution that called its emergency special session, and Voeten's short description ("ZIONISM AS RACISM").
A query that is one of an episode's names lists that episode's votes first, ranked so that the ones a notebook
teaches come first; a four-digit year in the query (``"Korea 1950"``) keeps the votes of that year.

>>> found = ranked("Suez")
>>> found[:2]
[('A/RES/997(ES-I)', 'Suez crisis (1956)'), ('A/RES/998(ES-I)', 'Suez crisis (1956)')]
>>> query("Korea 1950")
(['korea'], [1950], 'korea')
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from worldorder import data, names

YEAR = re.compile(r"(?:19[4-9]\d|20\d\d)")
_INDEX: dict = {}
data.on_clear(_INDEX.clear)


def query(text) -> tuple[list[str], list[int], str]:
    """The words of a search, the years named in it, and the words joined (the key for episode names)."""
    words = names.normalise(names._text("search text", text, "'nuclear' or 'Ukraine'")).split()
    years = [int(w) for w in words if YEAR.fullmatch(w)]
    rest = [w for w in words if not YEAR.fullmatch(w)]
    return rest, years, " ".join(rest)


def _built() -> dict:
    table = data.resolution_table()
    if _INDEX.get("id") == id(table):
        return _INDEX
    terms = data.search_terms()
    extra = terms.groupby("resolution")["terms"].agg(" ".join)
    symbols = table["resolution"].astype(str)
    text = symbols + " " + table["title"].fillna("") + " " + table["agenda"].fillna("") + " "
    text = (text + symbols.map(extra).fillna("")).map(names.normalise)
    episodes = terms[terms["kind"] == "episode"].copy()
    episodes["row"] = pd.Index(symbols).get_indexer(episodes["resolution"])
    aliases: dict[str, list[str]] = {}
    for episode, alias_text in episodes.groupby("episode", sort=True)["terms"].first().items():
        for alias in alias_text.split(";"):
            aliases.setdefault(names.normalise(alias.replace("-", " ")), []).append(episode)
    _INDEX.clear()
    _INDEX.update(id=id(table), text=text, episodes=episodes.sort_values(["episode", "rank"]), aliases=aliases)
    return _INDEX


def text_mask(words: list[str]) -> np.ndarray:
    """Rows of the resolution table whose searchable text holds every word."""
    text = _built()["text"]
    keep = np.ones(len(text), dtype=bool)
    for word in words:
        keep &= text.str.contains(word, regex=False).to_numpy()
    return keep


def episodes_named(key: str) -> list[str]:
    """The episodes one of whose common names is ``key`` (normalised; hyphens read as spaces)."""
    return _built()["aliases"].get(key.replace("-", " "), [])


def ranked(text, keep: np.ndarray | None = None) -> list[tuple[str, str]]:
    """(symbol, episode) of every vote a search finds, best first: the votes of an episode the search names, in
    the episode's order, then the votes whose text holds every word, in date order (episode empty).

    ``keep`` (a mask over the resolution table) applies the other filters.
    """
    index, table = _built(), data.resolution_table()
    words, years, key = query(text)
    wanted = np.ones(len(table), dtype=bool) if keep is None else keep.copy()
    if years:
        wanted &= table["year"].isin(years).to_numpy()
    symbols = table["resolution"].astype(str).to_numpy()
    found: list[tuple[str, str]] = []
    seen: set[int] = set()
    for episode in episodes_named(key) + (episodes_named(names.normalise(text)) if years else []):
        for row in index["episodes"].loc[index["episodes"]["episode"] == episode, "row"]:
            if wanted[row] and row not in seen:
                seen.add(row)
                found.append((symbols[row], episode))
    for row in np.flatnonzero(wanted & text_mask(words)):
        if row not in seen:
            found.append((symbols[row], ""))
    return found
