"""Time from a change of an explorer control to its new chart data being ready."""

from __future__ import annotations

import itertools
import time

import numpy as np

from worldorder import voteblocs, widgets

BLOC_SETS = [("EU", "NATO"), ("EU", "NATO", "African Group"), ("G7", "BRICS", "AU", "EU", "NATO"),
             ("OIC", "SCO", "CSTO"), ("WEOG", "GRULAC", "OAS"), ("ASEAN", "Arab League", "Commonwealth"),
             ("G20", "Eastern European Group", "Asia-Pacific Group")]
VOTE_SETS = [("A/RES/ES-11/1", "A/RES/ES-11/7", "A/RES/ES-11/8"), ("A/RES/68/262", "A/RES/ES-11/4"),
             ("A/RES/ES-11/7", "S/RES/2774 (2025)"), ("A/RES/ES-11/2", "A/RES/ES-11/3", "A/RES/ES-11/5")]
MEASURES = list(widgets.MEASURES)


def _changes(explorer, n):
    """n value changes cycling through blocs, votes and measures (each a different view)."""
    combos = itertools.cycle(itertools.product(BLOC_SETS, VOTE_SETS, MEASURES))
    for _ in range(n):
        blocs, votes, measure = next(combos)
        control, value = [(explorer.blocs, blocs), (explorer.votes, votes), (explorer.measure, measure)][_ % 3]
        yield control, value


def _measure(explorer, n, cold: bool) -> np.ndarray:
    times = []
    for control, value in _changes(explorer, n):
        if control.value == value:
            continue
        if cold:  # forget memoised tables: every change recomputes from the data
            voteblocs._member_votes.cache_clear()
            voteblocs._bloc_counts.cache_clear()
        start = time.perf_counter()
        control.value = value  # the observer recomputes the view and fills the output area
        times.append(time.perf_counter() - start)
        assert explorer.view.charts or explorer.view.messages
    return np.array(times) * 1000


def run(n: int = 84) -> None:
    explorer = widgets.BlocExplorer()
    for label, cold in (("memo cleared before each change", True), ("memo kept (revisited views)", False)):
        times = _measure(explorer, n, cold)
        print(f"  widget update, {label}: median {np.median(times):.0f} ms, 95th percentile "
              f"{np.percentile(times, 95):.0f} ms over {len(times)} changes (target median ≤ 50 ms)")
    data_times = []
    for blocs, votes in itertools.islice(itertools.cycle(itertools.product(BLOC_SETS, VOTE_SETS)), n):
        voteblocs._member_votes.cache_clear()
        voteblocs._bloc_counts.cache_clear()
        start = time.perf_counter()
        voteblocs.bloc_split(blocs, votes)
        data_times.append((time.perf_counter() - start) * 1000)
    print(f"  split table alone (bloc_split, memo cleared): median {np.median(data_times):.0f} ms, "
          f"95th percentile {np.percentile(data_times, 95):.0f} ms over {n} calls")
