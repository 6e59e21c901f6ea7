"""Cold start: ``import worldorder`` and loading every vote, against the bare imports it stands on.

Each figure is the median of fresh Python processes, so nothing is cached between runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

BARE = "import pandas, altair, ipywidgets"
FULL = "import pandas, altair, ipywidgets, worldorder as wo; wo.votes(); wo.resolutions()"


def _process_time(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(repeat: int = 5) -> dict[str, float]:
    bare, full = _process_time(BARE, repeat), _process_time(FULL, repeat)
    print(f"  bare imports (pandas, altair, ipywidgets) {bare:.2f} s; with `import worldorder` and every vote loaded "
          f"{full:.2f} s: {full - bare:.2f} s more (target ≤ 0.5 s), ratio {full / bare:.2f} (median of {repeat} "
          "fresh processes)")
    return {"bare_s": bare, "full_s": full}
