"""Damage a re-recorded checksum hides: the record of ``data/`` kept inside the package, row counts, and
checks that compare the files with each other.

``data/manifest.csv`` records each file's sha256, so a changed file is caught, unless the manifest was
re-recorded too (a careless rebuild, or a hand edit followed by a new checksum). Three layers catch that:

- **the package's own record**: ``tools.build`` writes the manifest's rows (file, rows, sha256) into
  :mod:`worldorder._data_record`, inside the package. A data edit alone does not change it, so a manifest
  that differs from it names the file whose checksum was re-recorded;
- **row counts**: every table must have the number of rows its manifest row states;
- **cross-file checks**: each vote's ``date`` falls in its ``year``; every disputed cell in
  ``vote_disputes.csv`` is a cell of the roll calls with the vote it says was recorded; every membership
  window runs forwards; every timeline ``start`` lies in its sourced ``date``.

This module holds no I/O: :mod:`worldorder.data` calls it with what it has read, and turns a problem
(a sentence) into a :class:`~worldorder.data.DataFileError` that names the file and how to restore it.

>>> manifest_problem(pd.DataFrame({"file": ["a.csv"], "rows": ["2"], "sha256": ["x"]}),
...                  {"a.csv": ("2", "y")})
('a.csv', 'its checksum in data/manifest.csv is not the one this package was built with (worldorder/_data_record.py): the file was changed and its checksum re-recorded')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

RESTORE = "`git checkout -- data/ worldorder/_data_record.py` (in a clone of the project)"


def recorded() -> dict[str, tuple[str, str]]:
    """The package's record of ``data/``: file → (rows, sha256), as written by ``tools.build``."""
    try:
        from worldorder._data_record import FILES
    except ImportError:  # a package built without data: nothing to compare with
        return {}
    return dict(FILES)


def manifest_problem(manifest: pd.DataFrame, record: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(file, problem) for the first manifest row that differs from the package's record, else None."""
    if not record:
        return None
    listed = dict(zip(manifest["file"], zip(manifest["rows"].astype(str), manifest["sha256"])))
    for name, (rows, sha) in record.items():
        if name not in listed:
            return "manifest.csv", f"has lost its row for {name} (the package was built with one)"
        if listed[name][1] != sha:
            return name, ("its checksum in data/manifest.csv is not the one this package was built with "
                          "(worldorder/_data_record.py): the file was changed and its checksum re-recorded")
        if listed[name][0] != rows:
            return "manifest.csv", f"states {listed[name][0] or 'no'} rows for {name}; the package was built with {rows}"
    extra = sorted(set(listed) - set(record))
    if extra:
        return "manifest.csv", f"lists {extra[0]}, a file this package was not built with"
    return None


def rows_problem(rows_stated: str, table: pd.DataFrame) -> str | None:
    """A sentence when a table's length differs from the rows its manifest row states."""
    if rows_stated in ("", None) or len(table) == int(rows_stated):
        return None
    return f"it has {len(table):,} rows, data/manifest.csv states {int(rows_stated):,}: rows were added or deleted"


def resolution_dates(table: pd.DataFrame) -> str | None:
    """Every vote's ``date`` lies in its ``year``."""
    wrong = table[table["date"].dt.year != table["year"].astype(int)]
    if wrong.empty:
        return None
    row = wrong.iloc[0]
    return f"{row['resolution']} is dated {row['date']:%Y-%m-%d} but filed under the year {row['year']}"


def dispute_cells(disputes: pd.DataFrame, cast: dict[tuple[str, str], str]) -> str | None:
    """Every disputed cell is a roll-call cell, and ``recorded`` is the vote the roll call holds.

    ``cast`` maps (resolution, iso3) to the vote in ``votes.arrow`` for the disputed cells."""
    for row in disputes.itertuples():
        found = cast.get((row.resolution, row.iso3))
        if found is None:
            return f"{row.resolution} has no vote of {row.iso3} in votes.arrow, yet a dispute about it"
        if found != row.recorded:
            return (f"it says {row.iso3}'s recorded vote on {row.resolution} is {row.recorded}, "
                    f"votes.arrow holds {found}")
    return None


def cells(wanted, symbols: pd.Series, votes: dict, codes) -> dict[tuple[str, str], str]:
    """The roll-call votes of some (resolution, iso3) cells, from the vote arrays of :mod:`worldorder.data`."""
    found = {}
    for symbol, iso3 in set(wanted):
        rows = np.flatnonzero(symbols.astype(str).to_numpy() == symbol)
        seats = np.flatnonzero(votes["iso3_names"] == iso3)
        if rows.size and seats.size:
            hit = (votes["row"] == rows[0]) & (votes["iso3"] == seats[0])
            if hit.any():
                found[(symbol, iso3)] = codes[votes["vote"][hit][0]]
    return found


def spell_windows(spells: pd.DataFrame) -> str | None:
    """Each membership window runs forwards: joined_date <= joined_latest <= left_date <= left_latest."""
    order = [("joined_date", "joined_latest"), ("joined_latest", "left_date"), ("left_date", "left_latest")]
    for first, second in order:
        both = spells[first].notna() & spells[second].notna()
        wrong = spells[both & (spells[first] > spells[second])]
        if not wrong.empty:
            row = wrong.iloc[0]
            return f"the {row['bloc']} spell of {row['iso3']} has {first} after {second}"
    return None


def timeline_starts(timeline: pd.DataFrame) -> str | None:
    """Each event's ``start`` lies in the month or the day its sourced ``date`` gives."""
    prefix = timeline["start"].dt.strftime("%Y-%m-%d")
    wrong = [(d, s) for d, s in zip(timeline["date"], prefix) if not s.startswith(d[:7])]
    if wrong:
        return f"an event dated {wrong[0][0]} starts on {wrong[0][1]}"
    return None


def json_problem(text: str) -> str | None:
    """A sentence when a JSON file does not parse (a truncated download, a half-written copy)."""
    import json

    try:
        json.loads(text)
    except ValueError as err:
        return f"is damaged: it is not valid JSON ({err.msg} at character {err.pos:,})"
    return None

