"""Load the curated tables in ``data/``, validate them, and cache them.

Every loader returns a fresh copy, so a notebook can change what it gets
without changing what the next cell loads.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

VOTE_CODES = ("Y", "N", "A", "X")
VOTE_LABELS = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
REBUILD_HINT = "Rebuild it with `make data` (or `python -m worldorder.build`), which reads ../shared/data."


class DataFileError(RuntimeError):
    """A curated data file is missing or does not hold what it should."""


def data_dir() -> Path:
    """The folder holding the curated tables (``$WORLDORDER_DATA`` overrides it)."""
    return Path(os.environ.get("WORLDORDER_DATA", Path(__file__).resolve().parent.parent / "data"))


def data_path(name: str) -> Path:
    """The path of one curated file, raising a clear error when it is missing."""
    path = data_dir() / name
    if not path.is_file():
        raise DataFileError(f"The data file {path} is missing. {REBUILD_HINT}")
    return path


def _read(name: str, **kwargs) -> pd.DataFrame:
    path = data_path(name)
    try:
        if name.endswith(".parquet"):
            return pd.read_parquet(path)
        return pd.read_csv(path, keep_default_na=False, na_values=[""], **kwargs)
    except Exception as err:  # any parse failure means the file is damaged
        raise DataFileError(f"The data file {path} could not be read ({err}). {REBUILD_HINT}") from err


def _require(name: str, ok: bool, problem: str) -> None:
    if not ok:
        raise DataFileError(f"The data file {data_dir() / name} is corrupted: {problem}. {REBUILD_HINT}")


def _require_columns(name: str, df: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    _require(name, not missing, f"columns {missing} are missing")


# ---------------------------------------------------------------- members


@functools.cache
def _members() -> pd.DataFrame:
    name = "members.csv"
    df = _read(name, dtype={"iso_numeric": str})
    _require_columns(name, df, ["iso3", "iso_numeric", "un_name", "common_name", "un_regional_group", "admission_date"])
    _require(name, len(df) == 193, f"expected 193 UN members, found {len(df)}")
    _require(name, df["iso3"].is_unique, "an ISO3 code appears twice")
    _require(name, df["iso3"].str.fullmatch(r"[A-Z]{3}").all(), "an ISO3 code is not three capital letters")
    df["admission_date"] = pd.to_datetime(df["admission_date"], errors="coerce")
    _require(name, df["admission_date"].notna().all(), "an admission date is missing or not a date")
    return df


def members() -> pd.DataFrame:
    """The 193 UN member states: codes, names, regional group and admission date."""
    return _members().copy()


# ---------------------------------------------------------------- blocs


@functools.cache
def _blocs() -> pd.DataFrame:
    name = "blocs.csv"
    df = _read(name)
    _require_columns(name, df, ["bloc", "iso3", "joined", "left", "joined_date", "left_date", "note", "source"])
    for col in ("joined_date", "left_date"):
        df[col] = pd.to_datetime(df[col], errors="coerce")
    spells_ok = (df["left_date"].isna() | df["joined_date"].isna() | (df["left_date"] > df["joined_date"])).all()
    _require(name, spells_ok, "a membership spell ends before it starts")
    return df


def blocs() -> pd.DataFrame:
    """One row per membership spell: bloc, iso3, joined, left, note, source.

    ``joined`` and ``left`` are the dates as the sources give them (a day, a
    month or a year); ``joined_date`` and ``left_date`` resolve them to the
    first day of that period, which is what the membership questions use.
    """
    return _blocs().copy()


# ---------------------------------------------------------------- votes


@functools.cache
def _resolutions() -> pd.DataFrame:
    name = "resolutions.csv"
    df = _read(name)
    _require_columns(name, df, ["resolution", "body", "date", "title", "yes", "no", "abstain", "non_voting", "source"])
    _require(name, df["resolution"].is_unique, "a resolution symbol appears twice")
    _require(name, df["body"].isin(["GA", "SC"]).all(), "body must be GA or SC")
    df["date"] = pd.to_datetime(df["date"], errors="coerce")
    _require(name, df["date"].notna().all(), "a vote date is missing or not a date")
    return df


def resolutions() -> pd.DataFrame:
    """One row per focus vote, with the official yes/no/abstain/non-voting totals."""
    return _resolutions().copy()


@functools.cache
def _votes() -> pd.DataFrame:
    name = "votes.csv"
    df = _read(name)
    _require_columns(name, df, ["resolution", "body", "date", "iso3", "vote"])
    df["date"] = pd.to_datetime(df["date"], errors="coerce")
    _require(name, df["vote"].isin(VOTE_CODES).all(), f"a vote is not one of {VOTE_CODES}")
    _require(name, not df.duplicated(["resolution", "iso3"]).any(), "a country appears twice in one vote")
    _require(name, df["iso3"].isin(_members()["iso3"]).all(), "a country code is not a UN member code")
    _check_votes_against_totals(name, df, _resolutions())
    return df


def _check_votes_against_totals(name: str, votes: pd.DataFrame, official: pd.DataFrame) -> None:
    unknown = set(votes["resolution"]) - set(official["resolution"])
    _require(name, not unknown, f"votes on resolutions not in resolutions.csv: {sorted(unknown)}")
    counted = votes.pivot_table(index="resolution", columns="vote", values="iso3", aggfunc="count", fill_value=0)
    counted = counted.reindex(columns=list(VOTE_CODES), fill_value=0)
    for row in official.itertuples():
        got = tuple(int(counted.loc[row.resolution, c]) if row.resolution in counted.index else 0 for c in VOTE_CODES)
        want = (row.yes, row.no, row.abstain, row.non_voting)
        _require(name, got == want, f"{row.resolution} counts Y/N/A/X {got}, the official totals are {want}")
        if row.body == "GA" and row.date.year >= 2025:
            _require(name, sum(got) == 193, f"{row.resolution} lists {sum(got)} countries, not 193")


def votes() -> pd.DataFrame:
    """One row per country per focus vote: resolution, body, date, iso3, vote (Y/N/A/X), disputed."""
    return _votes().copy()


@functools.cache
def _vote_disputes() -> pd.DataFrame:
    name = "vote_disputes.csv"
    df = _read(name)
    _require_columns(name, df, ["resolution", "iso3", "recorded", "other_source", "other_says", "note"])
    return df


def vote_disputes() -> pd.DataFrame:
    """Roll-call cells that another source reports differently from the UN record."""
    return _vote_disputes().copy()


# ---------------------------------------------------------------- timeline and history


@functools.cache
def _timeline() -> pd.DataFrame:
    name = "timeline.csv"
    df = _read(name)
    _require_columns(name, df, ["date", "start", "event", "category", "source"])
    df["start"] = pd.to_datetime(df["start"], errors="coerce")
    _require(name, df["start"].notna().all(), "an event date could not be read")
    _require(name, df["source"].str.startswith("http").all(), "an event has no source URL")
    return df


def timeline() -> pd.DataFrame:
    """Dated, sourced events of the post-war order (``date`` as sourced, ``start`` as a date)."""
    return _timeline().copy()


@functools.cache
def _history_agreement() -> pd.DataFrame:
    name = "history_agreement.parquet"
    df = _read(name)
    _require_columns(name, df, ["year", "iso3_a", "iso3_b", "n_both", "n_identical"])
    _require(name, (df["iso3_a"].astype(str) < df["iso3_b"].astype(str)).all(), "pairs must be stored once, a < b")
    _require(name, (df["n_identical"] <= df["n_both"]).all(), "more identical votes than votes")
    return df


def history_agreement() -> pd.DataFrame:
    """Yearly agreement between every pair of GA members, 1946-2025.

    One row per pair per year (``iso3_a`` < ``iso3_b``): ``n_both`` votes in
    which both voted Y, N or A, ``n_identical`` of them the same, ``share``.
    """
    df = _history_agreement().copy()
    df["share"] = df["n_identical"] / df["n_both"]
    return df


@functools.cache
def _history_us_votes() -> pd.DataFrame:
    name = "history_us_votes.csv"
    df = _read(name)
    cols = ["year", "iso3", "n_votes", "identical", "opposite", "partial", "member_absent", "us_absent"]
    _require_columns(name, df, cols)
    parts = df[["identical", "opposite", "partial", "member_absent", "us_absent"]].sum(axis=1)
    _require(name, (parts <= df["n_votes"]).all(), "the vote categories add up to more than n_votes")
    return df


def history_us_votes() -> pd.DataFrame:
    """Yearly counts, for every GA member, of how its votes compared with the United States'."""
    return _history_us_votes().copy()


@functools.cache
def _history_rollcalls() -> pd.DataFrame:
    return _read("history_rollcalls.csv")


def history_rollcalls() -> pd.DataFrame:
    """One row per year: how many recorded GA votes the history tables rest on."""
    return _history_rollcalls().copy()


def clear_cache() -> None:
    """Forget every loaded table (after a rebuild, or in tests)."""
    for loader in (_members, _blocs, _resolutions, _votes, _vote_disputes, _timeline,
                   _history_agreement, _history_us_votes, _history_rollcalls):
        loader.cache_clear()
    from worldorder import lookup

    lookup.clear_cache()
