"""All pairs, all years, from the votes: the vectorised computation against a naive pandas self-join.

Both start from ``wo.votes(body="GA")``; the benchmark asserts they give identical numbers.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

import worldorder as wo
from worldorder import pairs


def self_join(votes: pd.DataFrame) -> pd.DataFrame:
    """The naive way: join the votes with themselves on the vote, keep pairs a < b, count."""
    cast = votes[votes["vote"].isin(wo.CAST)]
    tables = []
    for year, rows in cast.groupby("year", sort=True):
        both = rows.merge(rows, on="resolution", suffixes=("_a", "_b"))
        both = both[both["iso3_a"] < both["iso3_b"]]
        both = both.assign(same=both["vote_a"] == both["vote_b"])
        counted = both.groupby(["iso3_a", "iso3_b"])["same"].agg(n_both="size", n_identical="sum").reset_index()
        tables.append(counted.assign(year=year))
    return pd.concat(tables, ignore_index=True)


def vectorised() -> pd.DataFrame:
    pairs._yearly_pairs.cache_clear()
    return wo.yearly_agreement()


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    key = ["year", "iso3_a", "iso3_b"]
    a = a.assign(iso3_a=a["iso3_a"].astype(str), iso3_b=a["iso3_b"].astype(str))
    a = a.sort_values(key).reset_index(drop=True)[[*key, "n_both", "n_identical"]]
    b = b.sort_values(key).reset_index(drop=True)[[*key, "n_both", "n_identical"]]
    assert len(a) == len(b), f"{len(a)} pairs against {len(b)}"
    assert (a[key].to_numpy() == b[key].to_numpy()).all()
    assert np.array_equal(a["n_both"].to_numpy(np.int64), b["n_both"].to_numpy(np.int64))
    assert np.array_equal(a["n_identical"].to_numpy(np.int64), b["n_identical"].to_numpy(np.int64))


def _median_time(func, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return result, float(np.median(times))


def run(quick: bool = False) -> dict[str, float]:
    votes = wo.votes(body="GA")
    fast, t_fast = _median_time(vectorised, 5)
    sample = votes if not quick else votes[votes["year"].isin([1985, 2023])]
    slow, t_slow = _median_time(lambda: self_join(sample), 1)
    if not quick:
        _same(fast, slow)
    print(f"  every pair, every year ({votes['year'].nunique()} years, {votes['resolution'].nunique():,} GA votes, "
          f"{len(votes):,} seat votes): vectorised {t_fast:.3f} s (median of 5; target ≤ 0.3 s), "
          f"self-join {t_slow:.1f} s{' (2 years only)' if quick else ''}, ratio {t_slow / t_fast:.0f}× "
          f"(target ≥ 50×){'' if quick else ', identical numbers'}")
    return {"all_pairs_s": t_fast, "self_join_s": t_slow}
