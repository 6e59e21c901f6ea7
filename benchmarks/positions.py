"""Positions on one line (``wo.positions``): one year and every year, against the targets of issue 11.

Targets: one year in at most 50 ms, every year in at most 2 s. "Cold" is the first call for a year in a
session (gathering that year's roll calls, after the data files are loaded); "warm" is every later call.
Run alone with ``python -m benchmarks.positions``; ``run()`` is what ``benchmarks/__main__.py`` calls.
"""

from __future__ import annotations

import statistics
import time

import worldorder as wo
from worldorder import scaling

ONE_YEAR_TARGET = 0.050
ALL_YEARS_TARGET = 2.0
YEARS = (1950, 1975, 1985, 2005, 2025)


def _timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def measure(repeat: int = 5) -> dict[str, float]:
    """Seconds: cold one year, warm one year (median over ``YEARS`` × ``repeat``; the slowest too),
    cold every year, warm every year (median of ``repeat``)."""
    wo.resolutions(years=2025)  # load the data files first: they are not part of this benchmark
    scaling._clear()
    cold_one = _timed(scaling.positions, 1985)
    warm = [_timed(scaling.positions, y) for _ in range(repeat) for y in YEARS]
    scaling._clear()
    cold_all = _timed(scaling.positions_over_time)
    warm_all = statistics.median(_timed(scaling.positions_over_time) for _ in range(repeat))
    return {"one_year_cold": cold_one, "one_year_warm": statistics.median(warm), "one_year_slowest": max(warm),
            "all_years_cold": cold_all, "all_years_warm": warm_all}


def run(repeat: int = 5) -> dict[str, float]:
    """Print the timings and their ratio to the targets (below 1 meets the target); return the timings."""
    found = measure(repeat)
    years = len(scaling._by_year())
    for key, value in found.items():
        target = ONE_YEAR_TARGET if key.startswith("one") else ALL_YEARS_TARGET
        print(f"   positions {key.replace('_', ' '):<18} {value * 1000:8.1f} ms   "
              f"ratio to target {value / target:5.2f} ({target * 1000:.0f} ms)")
    print(f"   ({years} years with recorded GA votes; median of {repeat} runs where warm)")
    return found


if __name__ == "__main__":
    run()
