"""The one module that reads ``data/`` and ``seeds/``: loaders, schemas, checksums and one cache.

Every file is checked against the sha256 that ``data/manifest.csv`` records for it, and every column
against its schema, the first time it is read. A missing, changed or damaged file raises
:class:`DataFileError`, which names the file and says how to restore it. Loaders here take resolved
keys (ISO3 codes, full symbols); :mod:`worldorder.record` is the public, name-resolving front.

>>> members()["iso3"].size
193
>>> sorted(countries().query("status == 'former seat'")["iso3"])
['CSK', 'DDR', 'EAZ', 'SCG', 'YMD', 'YUG']
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from worldorder.vocab import BODIES, COUNTRY_STATUS, ISSUES, TOTAL_COLUMNS, VOTE_CODES

REPO = Path(__file__).resolve().parent.parent
BLOC_NAMES = ("ASEAN", "AU", "Arab League", "BRICS", "CSTO", "Commonwealth", "EU", "G20", "G7", "G8", "NATO", "OAS",
              "OIC", "SCO", "Warsaw Pact")
TIMELINE_CATEGORIES = ("institution", "alliance", "treaty", "enlargement", "conflict", "vote")
DATE = r"\d{4}-\d{2}-\d{2}"


class DataFileError(RuntimeError):
    """A shipped data file is missing, changed or damaged. The message says which, and how to restore it."""


def data_dir() -> Path:
    """The folder holding the curated tables (``$WORLDORDER_DATA`` overrides it)."""
    return Path(os.environ.get("WORLDORDER_DATA") or REPO / "data")


def seeds_dir() -> Path:
    """The folder holding the five source articles (``$WORLDORDER_SEEDS`` overrides it)."""
    return Path(os.environ.get("WORLDORDER_SEEDS") or REPO / "seeds")


def restore_hint(name: str) -> str:
    hint = f"Restore it with `git checkout -- data/{name}` (in a clone of the project)"
    if (REPO.parent / "shared" / "data").is_dir():
        hint += ", or rebuild data/ with `make data`"
    return hint + "."


def _fail(name: str, problem: str) -> DataFileError:
    return DataFileError(f"The data file {data_dir() / name} {problem}. {restore_hint(name)}")


# ---------------------------------------------------------------- files, checksums, schemas


@functools.cache
def manifest() -> pd.DataFrame:
    """``data/manifest.csv``: every shipped file with rows, grain, keys, source and sha256."""
    path = data_dir() / "manifest.csv"
    if not path.is_file():
        raise _fail("manifest.csv", "is missing")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"file", "rows", "grain", "keys", "source", "sha256"} <= set(table.columns):
        raise _fail("manifest.csv", "is damaged: its columns are not file, rows, grain, keys, source, sha256")
    return table


def path_of(name: str) -> Path:
    """The path of a shipped file, after checking it exists and matches its checksum in the manifest.

    ``manifest.csv`` itself cannot list its own checksum: it is only checked to exist and to be readable.
    """
    if name == "manifest.csv":
        manifest()
        return data_dir() / name
    return _checked(name)


@functools.cache
def _checked(name: str) -> Path:
    path = data_dir() / name
    if not path.is_file():
        raise _fail(name, "is missing")
    entry = manifest().loc[manifest()["file"] == name, "sha256"]
    if entry.empty:
        raise _fail(name, "is not listed in data/manifest.csv")
    if hashlib.sha256(path.read_bytes()).hexdigest() != entry.iloc[0]:
        raise _fail(name, "has been changed: its checksum differs from the one in data/manifest.csv")
    return path


def _read(name: str, dtype=str) -> pd.DataFrame:
    path = path_of(name)
    try:
        if name.endswith(".parquet"):
            return pd.read_parquet(path)
        return pd.read_csv(path, dtype=dtype, keep_default_na=False)
    except Exception as err:  # any parse failure means the file is damaged
        raise _fail(name, f"could not be read ({type(err).__name__}: {err})") from err


def _require(name: str, ok, problem: str) -> None:
    if not bool(ok):
        raise _fail(name, f"is damaged: {problem}")


def _columns(name: str, df: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    _require(name, not missing, f"the columns {missing} are missing")


def _values(name: str, df: pd.DataFrame, column: str, allowed, blank: bool = False) -> None:
    values = df[column].astype(str)
    bad = values[~values.isin(set(allowed) | ({""} if blank else set()))]
    _require(name, bad.empty, f"column {column!r} holds {bad.iloc[0] if len(bad) else ''!r}, not one of the allowed "
                              f"values (first bad row {bad.index[0] if len(bad) else ''})")


def _pattern(name: str, df: pd.DataFrame, column: str, regex: str, blank: bool = False) -> None:
    values = df[column].astype(str)
    ok = values.str.fullmatch(regex) | ((values == "") if blank else False)
    _require(name, ok.all(), f"column {column!r} holds {values[~ok].iloc[0] if (~ok).any() else ''!r} "
                             f"(row {values.index[~ok][0] if (~ok).any() else ''}), which is not of the form {regex}")


# ---------------------------------------------------------------- countries and blocs


@functools.cache
def _countries() -> pd.DataFrame:
    name = "countries.csv"
    df = _read(name)
    _columns(name, df, ["iso3", "iso_numeric", "un_name", "common_name", "un_regional_group", "admission_date",
                        "status", "note"])
    _pattern(name, df, "iso3", r"[A-Z]{3}")
    _require(name, df["iso3"].is_unique, "an ISO3 code appears twice")
    _pattern(name, df, "iso_numeric", r"\d{3}", blank=True)
    _values(name, df, "status", COUNTRY_STATUS)
    members = df[df["status"] == "member"]
    _require(name, len(members) == 193, f"expected 193 UN members, found {len(members)}")
    _pattern(name, members, "iso_numeric", r"\d{3}")
    _pattern(name, members, "admission_date", DATE)
    _require(name, (members["un_name"] != "").all() and (df["common_name"] != "").all(), "a country has no name")
    df["admission_date"] = pd.to_datetime(df["admission_date"].replace("", None))
    return df


def countries() -> pd.DataFrame:
    """Every country code in the data: the 193 members, former seats (DDR, CSK, ...) and observers (PSE)."""
    return _countries().copy()


def members() -> pd.DataFrame:
    """The 193 UN member states: codes, names, regional group and admission date."""
    table = _countries()
    return table[table["status"] == "member"].reset_index(drop=True)


@functools.cache
def _blocs() -> pd.DataFrame:
    name = "blocs.csv"
    df = _read(name)
    _columns(name, df, ["bloc", "iso3", "joined", "left", "joined_date", "left_date", "date_rule", "note", "source"])
    _values(name, df, "bloc", BLOC_NAMES)
    _values(name, df, "iso3", _countries()["iso3"])
    for col in ("joined", "left"):
        _pattern(name, df, col, r"\d{4}(-\d{2}(-\d{2})?)?", blank=True)
    for col in ("joined_date", "left_date"):
        _pattern(name, df, col, DATE, blank=True)
        df[col] = pd.to_datetime(df[col].replace("", None))
    ends_first = df["left_date"].notna() & df["joined_date"].notna() & (df["left_date"] <= df["joined_date"])
    _require(name, not ends_first.any(), "a membership spell ends before it starts")
    return df


def blocs() -> pd.DataFrame:
    """One row per membership spell: bloc, iso3, joined, left (as sourced), joined_date, left_date, note, source."""
    return _blocs().copy()


# ---------------------------------------------------------------- the record


@functools.cache
def _sorted_resolutions() -> pd.DataFrame:
    name = "resolutions.parquet"
    df = _read(name)
    _columns(name, df, ["resolution", "undl_id", "body", "date", "year", "session", "short", "title",
                        *(f"official_{c}" for c in TOTAL_COLUMNS.values()), "issues", "issue_coded", "important",
                        "focus", "record", "source"])
    _require(name, df["resolution"].is_unique and df["undl_id"].is_unique, "a vote appears twice")
    _values(name, df, "body", BODIES)
    _require(name, pd.api.types.is_datetime64_any_dtype(df["date"]) and df["date"].notna().all(), "a date is missing")
    codes = df["issues"].str.split(";").explode()
    _values(name, codes.to_frame(), "issues", ISSUES, blank=True)
    _require(name, df["focus"].sum() == 12, f"expected 12 focus votes, found {df['focus'].sum()}")
    df = df.sort_values(["date", "body", "undl_id"]).reset_index(drop=True)
    for column in ("resolution", "body"):
        df[column] = df[column].astype("category")
    return df


@functools.cache
def _resolutions() -> pd.DataFrame:
    name = "resolutions.parquet"
    df = _sorted_resolutions().copy()
    counted = _counted(df)
    for code, column in TOTAL_COLUMNS.items():
        df[column] = counted[:, VOTE_CODES.index(code)]
    _check_official(name, df)
    return df


def _counted(resolutions: pd.DataFrame) -> np.ndarray:
    """Y/N/A/X counted from the roll calls, one row per resolution (in ``resolutions`` order)."""
    votes = _vote_codes()
    row = votes["row"]
    _require("votes.parquet", (row >= 0).all(), "a vote belongs to no resolution in resolutions.parquet")
    counts = np.bincount(row * 4 + votes["vote"], minlength=4 * len(resolutions)).reshape(-1, 4)
    return counts


def _check_official(name: str, df: pd.DataFrame) -> None:
    known = df[df["official_yes"].notna()]
    for row in known.itertuples():
        got = tuple(getattr(row, c) for c in TOTAL_COLUMNS.values())
        want = tuple(int(getattr(row, f"official_{c}")) for c in TOTAL_COLUMNS.values())
        _require(name, got == want or row.totals_note, f"{row.resolution} counts Y/N/A/X {got} in votes.parquet, "
                                                       f"the official totals are {want}")


@functools.cache
def _vote_codes() -> dict[str, np.ndarray]:
    """votes.parquet as arrays: ``row`` (position in resolutions order), ``iso3`` codes, ``vote`` codes 0-3."""
    name = "votes.parquet"
    df = _read(name)
    _columns(name, df, ["undl_id", "iso3", "vote"])
    _require(name, isinstance(df["vote"].dtype, pd.CategoricalDtype)
             and list(df["vote"].cat.categories) == list(VOTE_CODES), f"votes are not coded {VOTE_CODES}")
    _require(name, df["vote"].notna().all(), "a vote is empty")
    _values(name, pd.DataFrame({"iso3": df["iso3"].cat.categories}), "iso3", _countries()["iso3"])
    lookup = pd.Index(_sorted_resolutions()["undl_id"])
    row = lookup.get_indexer(df["undl_id"].to_numpy())
    key = row.astype(np.int64) * 1024 + df["iso3"].cat.codes.to_numpy().astype(np.int64)
    ordered = bool((np.diff(key) > 0).all())  # the build writes the votes sorted, so this is the usual check
    _require(name, ordered or np.unique(key).size == key.size, "a country appears twice in one vote")
    return {"row": row.astype(np.int64), "iso3": df["iso3"].cat.codes.to_numpy().astype(np.int16),
            "iso3_names": np.asarray(df["iso3"].cat.categories), "vote": df["vote"].cat.codes.to_numpy().astype(np.int8)}


def resolution_table() -> pd.DataFrame:
    """Every recorded vote, shared and read-only: callers filter and copy (see :func:`worldorder.record.resolutions`)."""
    return _resolutions()


def vote_arrays() -> dict[str, np.ndarray]:
    """The roll calls as arrays for fast measures: ``row`` into :func:`resolution_table`, ``iso3``, ``vote``."""
    _resolutions()  # validates the pair of files
    return _vote_codes()


@functools.cache
def _vote_disputes() -> pd.DataFrame:
    name = "vote_disputes.csv"
    df = _read(name)
    _columns(name, df, ["resolution", "iso3", "recorded", "other_source", "other_url", "other_says", "note"])
    _values(name, df, "resolution", set(_resolutions()["resolution"]))
    _values(name, df, "recorded", VOTE_CODES)
    return df


def vote_disputes() -> pd.DataFrame:
    """Roll-call cells that another source reports differently from the UN record."""
    return _vote_disputes().copy()



@functools.cache
def _search_terms() -> pd.DataFrame:
    name = "search_terms.csv"
    df = _read(name)
    _columns(name, df, ["resolution", "kind", "terms", "episode", "rank", "taught_in", "source"])
    _values(name, df, "resolution", set(_resolutions()["resolution"]))
    _values(name, df, "kind", ("episode", "called by", "voeten"))
    episodes = df["kind"] == "episode"
    _pattern(name, df[episodes], "rank", r"[1-9]\d*")
    _require(name, (df.loc[episodes, "episode"] != "").all() and (df["terms"] != "").all(), "a row has no terms")
    df["rank"] = pd.to_numeric(df["rank"].replace("", None)).astype("Int64")
    return df


def search_terms() -> pd.DataFrame:
    """Words for votes that their titles lack: episodes' common names, the calling Council resolution, Voeten's."""
    return _search_terms().copy()

# ---------------------------------------------------------------- timeline, seeds, ledger, shapes


@functools.cache
def _timeline() -> pd.DataFrame:
    name = "timeline.csv"
    df = _read(name)
    _columns(name, df, ["date", "start", "date_rule", "event", "category", "source", "publisher", "source_status"])
    _pattern(name, df, "date", r"\d{4}-\d{2}(-\d{2})?")
    _pattern(name, df, "start", DATE)
    _values(name, df, "category", TIMELINE_CATEGORIES)
    _pattern(name, df, "source", r"https?://\S+")
    df["start"] = pd.to_datetime(df["start"])
    return df


def timeline() -> pd.DataFrame:
    """Dated, sourced events of the post-war order (``date`` as sourced, ``start`` as a date)."""
    return _timeline().copy()


@functools.cache
def _documents() -> pd.DataFrame:
    name = "documents.csv"
    df = _read(name)
    _columns(name, df, ["doc_id", "document", "symbol", "section", "quote", "url", "found_via", "status", "note"])
    _require(name, df["doc_id"].is_unique, "a doc_id appears twice")
    _require(name, (df["status"] != "").all(), "a row has no status")
    return df


def documents() -> pd.DataFrame:
    """Short quotations of primary documents (UN Charter, S/RES/2774, ...) with where each was seen."""
    return _documents().copy()


def ledger_frame() -> pd.DataFrame:
    """``claims.csv`` as text cells, checksum-checked (:mod:`worldorder.claims` validates and rates it)."""
    return _read("claims.csv").copy()


@functools.cache
def _topology_text() -> str:
    return path_of("world-110m.json").read_text(encoding="utf-8")


def topology() -> dict:
    """The world shapes (TopoJSON), a fresh object on every call."""
    return json.loads(_topology_text())


@functools.cache
def _seed_sources() -> pd.DataFrame:
    path = seeds_dir() / "README.md"
    if not path.is_file():
        raise DataFileError(f"The seeds index {path} is missing. Restore it with `git checkout -- seeds/`.")
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
        raise DataFileError(f"The seed file {path} is missing. Restore it with `git checkout -- seeds/`.")
    return path.read_text(encoding="utf-8")


def coverage_dates() -> dict[str, pd.Timestamp]:
    """First and last day of the recorded GA votes in the data, and the last day of the UNDL scrape."""
    table = _resolutions()
    ga = table[table["body"] == "GA"]
    scraped = ga[~ga["source"].str.startswith("rollcalls/")]
    return {"first": ga["date"].min(), "last": ga["date"].max(), "scrape_last": scraped["date"].max()}


def clear_cache() -> None:
    """Forget every loaded table (after a rebuild, or in tests that damage a copy of the data)."""
    for cached in (manifest, _checked, _countries, _blocs, _sorted_resolutions, _resolutions, _vote_codes, _vote_disputes, _timeline, _documents,
                   _search_terms,
                   _topology_text, _seed_sources, seed_text):
        cached.cache_clear()
    for hook in _CLEAR_HOOKS:
        hook()


_CLEAR_HOOKS: list = []


def on_clear(hook):
    """Register a function that forgets a cache derived from the data (called by :func:`clear_cache`)."""
    _CLEAR_HOOKS.append(hook)
    return hook
