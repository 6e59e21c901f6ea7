"""The one module that reads ``data/``: loaders, schemas and one cache. (The articles in ``seeds/`` are read by
:mod:`worldorder.articles`.)

Every file is checked against the sha256 that ``data/manifest.csv`` records for it (:mod:`worldorder.files`,
which also finds the folders, in a clone or in an installed package), and every column against its schema, the
first time it is read. A missing, changed or damaged file raises :class:`DataFileError`, which names the file and
says how to restore it. The record (``resolutions.arrow``, ``votes.arrow``) is memory-mapped: the roll calls are
read-only arrays on the file, shared by every kernel through the page cache. Loaders here take resolved keys (ISO3
codes, full symbols); :mod:`worldorder.record` is the public, name-resolving front.

>>> members()["iso3"].size
193
>>> sorted(countries().query("status == 'former seat'")["iso3"])
['CSK', 'DDR', 'EAZ', 'SCG', 'YMD', 'YUG']
"""

from __future__ import annotations

import functools
import json

import numpy as np
import pandas as pd
import pyarrow as pa

from worldorder import files, integrity, memory
from worldorder.files import (  # noqa: F401  (the data module's public names since release 0.1)
    DataFileError,
    data_dir,
    installed,
    manifest,
    path_of,
    restore_hint,
    seeds_dir,
)
from worldorder.files import fail as _fail
from worldorder.vocab import BODIES, COUNTRY_STATUS, ISSUES, TOTAL_COLUMNS, VOTE_CODES

BLOC_NAMES = ("ASEAN", "AU", "Arab League", "BRICS", "CSTO", "Commonwealth", "EU", "G20", "G7", "G8", "NATO", "OAS",
              "OIC", "SCO", "Warsaw Pact")
memory.keep_little()  # a kernel gives big freed blocks back (see worldorder.memory)
GROUP_NAMES = ("African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG")  # UN regional groups
TIMELINE_CATEGORIES = ("institution", "alliance", "treaty", "enlargement", "conflict", "vote")
DATE = r"\d{4}-\d{2}-\d{2}"


def _read(name: str, dtype=str) -> pd.DataFrame:
    if name.endswith(".arrow"):
        table = files.mapped(name)
        try:  # string columns stay Arrow arrays on the mapped file
            table = table.to_pandas()
        except (pa.ArrowException, ValueError, TypeError) as err:
            raise _fail(name, f"could not be read ({type(err).__name__}: {err})") from err
    else:
        try:
            table = pd.read_csv(path_of(name), dtype=dtype, keep_default_na=False)
        except DataFileError:
            raise
        except Exception as err:  # any parse failure means the file is damaged
            raise _fail(name, f"could not be read ({type(err).__name__}: {err})") from err
    _audit(name, _rows_problem(name, table))
    return table


def _rows_problem(name: str, table) -> str | None:
    """A table (pandas, or Arrow on the mapped file) whose length is not the rows its manifest row states."""
    stated = manifest().loc[manifest()["file"] == name, "rows"]
    return integrity.rows_problem(stated.iloc[0] if len(stated) else "", table)


def _audit(name: str, problem: str | None) -> None:  # a problem found by worldorder.integrity
    _require(name, problem is None, problem or "")


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
    _columns(name, df, ["bloc", "iso3", "joined", "left", "joined_date", "left_date", "date_rule", "note", "source",
                        "joined_latest", "left_latest", "joined_precision", "left_precision"])
    _values(name, df, "bloc", BLOC_NAMES + GROUP_NAMES)
    _values(name, df, "iso3", _countries()["iso3"])
    for col in ("joined", "left"):
        _pattern(name, df, col, r"\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?", blank=True)
        _values(name, df, f"{col}_precision", ("day", "month", "year", "range", "disputed"), blank=True)
    for col in ("joined_date", "left_date", "joined_latest", "left_latest"):
        _pattern(name, df, col, DATE, blank=True)
        df[col] = pd.to_datetime(df[col].replace("", None))
    ends_first = df["left_date"].notna() & df["joined_date"].notna() & (df["left_date"] <= df["joined_date"])
    _require(name, not ends_first.any(), "a membership spell ends before it starts")
    _audit(name, integrity.spell_windows(df))
    return df


def blocs() -> pd.DataFrame:
    """One row per membership spell of an organisation: bloc, iso3, joined, left (as sourced), joined_date,
    left_date, date_rule, note, source, and the windows (``joined_latest``, ``left_latest``, precisions)."""
    table = _blocs()
    return table[table["bloc"].isin(BLOC_NAMES)].reset_index(drop=True)


def spells() -> pd.DataFrame:
    """Every membership spell: the organisations' and the UN regional groups' (shared, read-only)."""
    return _blocs()


# ---------------------------------------------------------------- the record


RESOLUTIONS, VOTES = "resolutions.arrow", "votes.arrow"
BLOCK = 1 << 16  # roll-call rows checked at a time: the checks' scratch arrays stay small


@functools.cache
def _sorted_resolutions() -> pd.DataFrame:
    name = RESOLUTIONS
    df = _read(name)
    _columns(name, df, ["resolution", "undl_id", "body", "date", "year", "session", "short", "title",
                        *(f"official_{c}" for c in TOTAL_COLUMNS.values()), "issues", "issue_coded", "important",
                        "focus", "record", "source"])
    _require(name, df["resolution"].is_unique and df["undl_id"].is_unique, "a vote appears twice")
    _values(name, df, "body", BODIES)
    _require(name, pd.api.types.is_datetime64_any_dtype(df["date"]) and df["date"].notna().all(), "a date is missing")
    _audit(name, integrity.resolution_dates(df))
    codes = df["issues"].str.split(";").explode()
    _values(name, codes.to_frame(), "issues", ISSUES, blank=True)
    _require(name, df["focus"].sum() == 12, f"expected 12 focus votes, found {df['focus'].sum()}")
    order = df[["date", "body", "undl_id"]]
    _require(name, order.equals(order.sort_values(["date", "body", "undl_id"], ignore_index=True)),
             "the votes are not in date order (votes.arrow numbers them by their row)")
    for column in ("resolution", "body"):
        df[column] = df[column].astype("category")
    return df


@functools.cache
def _resolutions() -> pd.DataFrame:
    counted = _counted(len(_sorted_resolutions()))
    df = _sorted_resolutions().assign(**{column: counted[:, VOTE_CODES.index(code)]
                                         for code, column in TOTAL_COLUMNS.items()})
    _check_official(RESOLUTIONS, df)
    return df


def _blocks(size: int):
    for start in range(0, size, BLOCK):
        yield slice(start, min(size, start + BLOCK))


def _counted(rows: int) -> np.ndarray:
    """Y/N/A/X counted from the roll calls, one row per resolution (in resolutions.arrow order), block by block."""
    votes = _vote_codes()
    counts = np.zeros(4 * rows, dtype=np.int64)
    for part in _blocks(votes["row"].size):
        counts += np.bincount(votes["row"][part].astype(np.int64) * 4 + votes["vote"][part], minlength=4 * rows)
    return counts.reshape(-1, 4)


def _check_official(name: str, df: pd.DataFrame) -> None:
    known = df[df["official_yes"].notna()]
    for row in known.itertuples():
        got = tuple(getattr(row, c) for c in TOTAL_COLUMNS.values())
        want = tuple(int(getattr(row, f"official_{c}")) for c in TOTAL_COLUMNS.values())
        _require(name, got == want or row.totals_note, f"{row.resolution} counts Y/N/A/X {got} in {VOTES}, "
                                                       f"the official totals are {want}")


def _codes(name: str, table: pa.Table, column: str) -> tuple[np.ndarray, list[str]]:
    """A dictionary-coded column as (its codes, a read-only view on the mapped file; its labels)."""
    _require(name, column in table.column_names, f"the column {column!r} is missing")
    data = table.column(column)
    _require(name, pa.types.is_dictionary(data.type) and data.num_chunks == 1 and data.null_count == 0,
             f"column {column!r} is not coded without gaps (dictionary codes, one chunk, no empty cell)")
    chunk = data.chunk(0)
    return chunk.indices.to_numpy(zero_copy_only=True), chunk.dictionary.to_pylist()


@functools.cache
def _vote_codes() -> dict[str, np.ndarray]:
    """votes.arrow as read-only arrays on the mapped file: ``row`` (the resolution's row in resolutions.arrow
    order), ``iso3`` (codes into ``iso3_names``), ``vote`` (codes 0-3 into VOTE_CODES)."""
    name, table = VOTES, files.mapped(VOTES)
    _audit(name, _rows_problem(name, table))
    row, symbols = _codes(name, table, "resolution")
    iso3, seats = _codes(name, table, "iso3")
    vote, labels = _codes(name, table, "vote")
    _require(name, labels == list(VOTE_CODES), f"votes are not coded {VOTE_CODES}")
    _require(name, symbols == _sorted_resolutions()["resolution"].astype(str).tolist(),
             f"its resolutions are not those of {RESOLUTIONS}, in the same order")
    _values(name, pd.DataFrame({"iso3": seats}), "iso3", _countries()["iso3"])
    for codes, labelled in ((row, symbols), (iso3, seats), (vote, labels)):
        _require(name, codes.size == 0 or codes.min() >= 0 and codes.max() < len(labelled), "a code has no label")
    ordered = True  # the build writes the votes sorted by resolution row, then seat: check it block by block
    for part in _blocks(row.size):
        lo = max(part.start - 1, 0)
        key = row[lo:part.stop].astype(np.int32) * 1024 + iso3[lo:part.stop]
        ordered &= bool((np.diff(key) > 0).all())
    unique = ordered or np.unique(row.astype(np.int64) * 1024 + iso3).size == row.size
    _require(name, unique, "a country appears twice in one vote")
    return {"row": row, "iso3": iso3, "iso3_names": np.asarray(seats, dtype=object), "vote": vote}


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
    cells = integrity.cells(zip(df["resolution"], df["iso3"]), _resolutions()["resolution"], _vote_codes(), VOTE_CODES)
    _audit(name, integrity.dispute_cells(df, cells))
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


# ---------------------------------------------------------------- timeline, documents, ledger, shapes


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
    _audit(name, integrity.timeline_starts(df))
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
    text = path_of("world-110m.json").read_text(encoding="utf-8", errors="replace")
    if problem := integrity.json_problem(text):
        raise _fail("world-110m.json", problem)
    return text


def topology() -> dict:
    """The world shapes (TopoJSON), a fresh object on every call."""
    return json.loads(_topology_text())


def clear_cache() -> None:
    """Forget every loaded table (after a rebuild, or in tests that damage a copy of the data)."""
    files.forget_files()
    for cached in (_countries, _blocs, _sorted_resolutions, _resolutions, _vote_codes, _vote_disputes, _timeline,
                   _documents, _search_terms, _topology_text):
        cached.cache_clear()
    for hook in _CLEAR_HOOKS:
        hook()


_CLEAR_HOOKS: list = []


def on_clear(hook):
    """Register a function that forgets a cache derived from the data (called by :func:`clear_cache`)."""
    _CLEAR_HOOKS.append(hook)
    return hook
