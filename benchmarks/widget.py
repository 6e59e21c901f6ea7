"""Time from a change of an explorer control to its new view being shown, on votes from 1946 to 2025.

This is the Python side of one redraw: ``BlocExplorer.refresh`` (``compute_view``, then the display bundles
put in the output area). The goal (issue 19): median ≤ 30 ms, p95 well under 100 ms, with the memoised tables
cleared before each change ("cold").

Cold clears every memo that holds a result of the chosen blocs and votes (:data:`PER_CHANGE`): the vote
table, the member rows, the counts and the roll calls. What does not depend on the choice stays loaded, as it
does in a learner's kernel after the first view: the data files, the chart templates, each country's label,
UN status and admission date (``blocvotes._seats``), the four columns of the record the vote table is cut from
(``blocvotes._vote_columns``), each bloc's membership spells (``membership._spells_of``, and as arrays
``membership._counted_spells``: the members on each vote's date are computed from them on every change) and the
symbol → row index of the record. Membership answers by day (``membership.members_on``) are not used by a redraw.
"""

from __future__ import annotations

import itertools
import time

import numpy as np

import worldorder as wo
from worldorder import blocvotes, explorer

PER_CHANGE = (blocvotes._vote_table, blocvotes._long, blocvotes._member_votes, blocvotes._bloc_counts,
              blocvotes._cast_on)
GOAL = "goal: median ≤ 30 ms, p95 well under 100 ms"

BLOC_SETS = [("EU", "NATO"), ("EU", "NATO", "African Group"), ("G7", "BRICS", "AU", "EU", "NATO"),
             ("OIC", "SCO", "CSTO"), ("WEOG", "GRULAC", "OAS"), ("Warsaw Pact", "NATO", "Arab League"),
             ("G20", "Eastern European Group", "Asia-Pacific Group")]


def _vote_sets() -> list[tuple[str, ...]]:
    """Sets of votes from every decade, drawn once with a fixed seed."""
    table = wo.resolutions()
    rng = np.random.default_rng(7)
    sets = []
    for decade in range(1940, 2030, 10):
        chosen = table[(table["year"] // 10 * 10) == decade]["resolution"].to_numpy()
        sets.append(tuple(rng.choice(chosen, size=3, replace=False)))
    return sets + [tuple(blocvotes.DEFAULT_VOTES)]


def _measure(view: explorer.BlocExplorer, n: int, cold: bool) -> np.ndarray:
    combos = itertools.cycle(itertools.product(BLOC_SETS, _vote_sets(), list(explorer.MEASURES)))
    times = []
    for i in range(n):
        blocs, votes, measure = next(combos)
        control, value = [(view.blocs, blocs), (view.votes, votes), (view.measure, measure)][i % 3]
        if control is view.votes:
            view.votes.options = explorer.vote_options(keep=votes)
        if control.value == value:
            continue
        if cold:  # forget memoised tables: every change recomputes its tables from the data
            for cached in PER_CHANGE:
                cached.cache_clear()
        start = time.perf_counter()
        control.value = value  # the observer recomputes the view and fills the output area
        times.append(time.perf_counter() - start)
        assert view.view.charts or view.view.messages
    return np.array(times) * 1000


def run(n: int = 90) -> dict[str, float]:
    view = explorer.BlocExplorer()
    found = {}
    for label, cold in (("memo cleared before each change", True), ("memo kept (revisited views)", False)):
        times = _measure(view, n, cold)
        found[label] = float(np.median(times))
        print(f"  {label}: median {np.median(times):.0f} ms, p95 {np.percentile(times, 95):.0f} ms over "
              f"{len(times)} changes ({GOAL})")
    return found
