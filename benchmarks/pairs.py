"""All-pairs agreement: the vectorised country × vote computation against a naive pandas self-join."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd

from worldorder import agreement
from worldorder.build import load_history_votes

RAW = Path("../shared/data")


def vectorised(votes: pd.DataFrame) -> pd.DataFrame:
    """Per year: pivot to a country × vote matrix, count every pair with matrix products."""
    tables = []
    for year, rows in votes.groupby("year", sort=True):
        matrix = agreement.vote_matrix(rows, vote_key="undl_id")
        tables.append(agreement.pair_table(matrix).assign(year=year))
    return pd.concat(tables, ignore_index=True)


def self_join(votes: pd.DataFrame) -> pd.DataFrame:
    """The naive way: join the votes with themselves on the vote, keep pairs a < b, count."""
    cast = votes[votes["vote"].isin(agreement.CAST)]
    tables = []
    for year, rows in cast.groupby("year", sort=True):
        pairs = rows.merge(rows, on="undl_id", suffixes=("_a", "_b"))
        pairs = pairs[pairs["iso3_a"] < pairs["iso3_b"]]
        pairs = pairs.assign(same=pairs["vote_a"] == pairs["vote_b"])
        counted = pairs.groupby(["iso3_a", "iso3_b"])["same"].agg(n_both="size", n_identical="sum").reset_index()
        tables.append(counted.assign(year=year))
    return pd.concat(tables, ignore_index=True)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    key = ["year", "iso3_a", "iso3_b"]
    a = a.sort_values(key).reset_index(drop=True)[[*key, "n_both", "n_identical"]]
    b = b.sort_values(key).reset_index(drop=True)[[*key, "n_both", "n_identical"]]
    assert len(a) == len(b), f"{len(a)} pairs against {len(b)}"
    assert (a[key].to_numpy() == b[key].to_numpy()).all()
    assert np.array_equal(a["n_both"].to_numpy(np.int64), b["n_both"].to_numpy(np.int64))
    assert np.array_equal(a["n_identical"].to_numpy(np.int64), b["n_identical"].to_numpy(np.int64))


def _timed(func, *args, repeat: int = 1):
    """The result and the median time of ``repeat`` runs (the machine may be shared)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        times.append(time.perf_counter() - start)
    return result, float(np.median(times))


def run() -> None:
    if not (RAW / "unga_history").is_dir():
        print(f"all-pairs agreement: skipped, the raw history is not at {RAW.resolve()} (run from the repo root "
              "next to ../shared)")
        return
    votes = load_history_votes(RAW)
    one = votes[votes["year"] == 2023]
    print(f"all-pairs agreement, 2023: {one['iso3'].nunique()} members × {one['undl_id'].nunique()} votes")
    fast, t_fast = _timed(vectorised, one, repeat=5)
    slow, t_slow = _timed(self_join, one)
    _same(fast, slow)
    print(f"  vectorised {t_fast:.3f} s (median of 5), self-join {t_slow:.3f} s, ratio {t_slow / t_fast:.0f}×, identical numbers")
    years = sorted(votes["year"].unique())
    print(f"all-pairs agreement, every year {years[0]}-{years[-1]}: {len(years)} years, "
          f"{votes['undl_id'].nunique()} votes, {len(votes)} country votes")
    fast, t_fast = _timed(vectorised, votes, repeat=3)
    slow, t_slow = _timed(self_join, votes)
    _same(fast, slow)
    print(f"  vectorised {t_fast:.2f} s (median of 3; target ≤ 2 s), self-join {t_slow:.2f} s, ratio {t_slow / t_fast:.0f}× "
          f"(target ≥ 20×), {len(fast)} pair-years, identical numbers")
