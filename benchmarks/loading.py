"""Cold start: ``import worldorder`` and loading every vote, beside the bare imports it stands on.

Each run is a fresh Python process that times itself (so the figures leave out interpreter start-up and
shut-down, which a notebook's kernel does not repeat); the figures are medians over the runs.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

CHILD = """
import json, time
start = time.perf_counter()
import IPython.display, altair, ipywidgets, numpy, pandas, pyarrow, pyarrow.ipc, pycountry, vl_convert
bare = time.perf_counter()
import worldorder as wo
wo.votes(); wo.resolutions()
done = time.perf_counter()
print(json.dumps({"bare": bare - start, "extra": done - bare}))
"""


def run(repeat: int = 5) -> dict[str, float]:
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD], check=True, capture_output=True,
                                      text=True).stdout) for _ in range(repeat)]
    bare = statistics.median(r["bare"] for r in runs)
    extra = statistics.median(r["extra"] for r in runs)
    print(f"  bare imports (the libraries the helper imports) {bare:.2f} s; `import worldorder` and loading every vote "
          f"{extra:.2f} s more (target ≤ 0.5 s), ratio {(bare + extra) / bare:.2f} (median of {repeat} fresh processes)")
    return {"bare_s": bare, "extra_s": extra}
