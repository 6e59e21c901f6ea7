"""The five seed articles the set is built on: their index (``seeds/README.md``) and their texts.

The folder is found by :mod:`worldorder.files` (a clone's ``seeds/``, or inside an installed package); a
missing index or article raises :class:`~worldorder.files.DataFileError`, which says how to restore it.

>>> list(seed_sources()["id"])
['explainer', 'analysis', 'report', 'opinion', 'summary']
>>> seed_text("editorial")
Traceback (most recent call last):
...
ValueError: Unknown source id 'editorial'. Choose one of explainer, analysis, report, opinion, summary.
"""

from __future__ import annotations

import functools

import pandas as pd

from worldorder import data
from worldorder.files import DataFileError, restore_hint, seeds_dir


@functools.cache
def _seed_sources() -> pd.DataFrame:
    path = seeds_dir() / "README.md"
    if not path.is_file():
        raise DataFileError(f"The seeds index {path} is missing. {restore_hint('README.md', folder='seeds')}")
    rows = [[cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
            for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    table = pd.DataFrame(rows, columns=["id", "file", "kind", "covers"])
    table["file"] = table["file"].str.split("`").str[0].str.strip()
    return table


def seed_sources() -> pd.DataFrame:
    """The five source articles listed in ``seeds/README.md``: id, file, kind, covers."""
    return _seed_sources().copy()


@functools.cache
def seed_text(source_id: str) -> str:
    """The full text of one source article, by its id (``"report"``, ``"summary"``, ...)."""
    table = _seed_sources()
    match = table[table["id"] == str(source_id).strip().lower()]
    if match.empty:
        raise ValueError(f"Unknown source id {source_id!r}. Choose one of {', '.join(table['id'])}.")
    path = seeds_dir() / match.iloc[0]["file"]
    if not path.is_file():
        raise DataFileError(f"The seed file {path} is missing. {restore_hint(path.name, folder='seeds')}")
    return path.read_text(encoding="utf-8")


data.on_clear(_seed_sources.cache_clear)
data.on_clear(seed_text.cache_clear)
