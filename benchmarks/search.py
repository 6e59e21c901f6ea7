"""``wo.find_votes``: a search over the symbols, titles and agendas of every recorded vote."""

from __future__ import annotations

import statistics
import time

import worldorder as wo

QUERIES = [("nuclear", {}), ("nuclear test", {"years": range(1980, 1990)}), ("ukraine", {}), ("suez", {}),
           ("palestine", {"body": "GA"}), ("apartheid", {"issue": "co"}), ("377(V)", {}), ("namibia", {}),
           ("human rights", {"years": 2015}), ("korea", {"body": "SC"})]


def run(repeat: int = 5) -> dict[str, float]:
    wo.find_votes("warm up")
    times = []
    for _ in range(repeat):
        for text, filters in QUERIES:
            start = time.perf_counter()
            wo.find_votes(text, **filters)
            times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"  find_votes: median {median:.1f} ms, slowest {max(times) * 1000:.1f} ms over {len(times)} searches "
          "(target: median ≤ 20 ms)")
    return {"find_votes_ms": median}
