"""Memory per learner's kernel, and how many learners one server holds.

A kernel's **unique memory** is what it alone holds: ``Private_Clean + Private_Dirty`` of
``/proc/<pid>/smaps_rollup``. Pages another process maps too (shared libraries, a data file the page cache holds
once) are not unique, so the figures are taken with 1, 2 and 4 kernels running side by side: the record's file,
mapped read-only by every kernel, counts as private while one kernel maps it and as shared once two do.

- **bare**: a fresh kernel that imported the libraries the helper stands on (:data:`BARE`), no data loaded;
- **extra**: what the same kernel holds more after :data:`LOAD` (``import worldorder``, every vote as a table,
  every resolution) and every code cell of notebook 05 (its measures, charts and explorers); then what a
  learner who keeps the table of every vote (:data:`KEEP`) holds on top: that table is the learner's own;
- **load time**: the :data:`BARE` cell's time and the :data:`LOAD` cell's time, in the same kernel.

Students per server: 16 GiB divided by the unique memory of one notebook's kernel (bare + extra, measured with
4 kernels), times the notebooks each student has open. The Jupyter server each student runs besides (on
JupyterHub, the single-user server) is not counted here; the shared pages (libraries, the mapped record) are
counted once, which is below the rounding.

Run ``python -m benchmarks.memory`` (Linux only: it reads ``/proc``).
"""

from __future__ import annotations

import gc
import json
import statistics
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "05-compare-vote-blocs.ipynb"
BARE = ("import time; _t = time.perf_counter()\n"
        "import IPython.display, altair, ipywidgets, numpy, pandas, pyarrow, pyarrow.ipc, pycountry, vl_convert\n"
        "_bare_s = time.perf_counter() - _t")
LOAD = ("import time; _t = time.perf_counter()\n"
        "import worldorder as wo\n"
        "wo.votes()  # every vote since 1946, as one table\n"
        "wo.resolutions()\n"
        "_load_s = time.perf_counter() - _t")
KEEP = "every_vote = wo.votes()  # a learner keeps the whole table: 958,844 rows of their own"
SETTLE = "import gc; gc.collect()"
SERVER_GIB = 16
MB = 1e6


def rollup(pid: int) -> dict[str, int]:
    """The fields of /proc/<pid>/smaps_rollup, in bytes."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        fields[key] = int(value.split()[0]) * 1024
    return fields


def unique_bytes(pid: int) -> int:
    """Private_Clean + Private_Dirty of a process, in bytes."""
    fields = rollup(pid)
    return fields["Private_Clean"] + fields["Private_Dirty"]


def notebook_cells(path: Path = NOTEBOOK) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


class Kernel:
    """A kernel of this environment (the ``python3`` kernel spec) that runs code and reports its memory."""

    def __init__(self, cwd: Path):
        self.manager = KernelManager(kernel_name="python3")
        self.manager.start_kernel(cwd=str(cwd))
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=120)

    @property
    def pid(self) -> int:
        return self.manager.provisioner.process.pid

    def run(self, code: str) -> None:
        reply = self.client.execute_interactive(code, timeout=300, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel cell failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}"
                               f"\n{code[:200]}")

    def value(self, expression: str):
        """A JSON value computed in the kernel (sent back on stdout)."""
        got = []
        self.client.execute_interactive(f"import json as _j; print(_j.dumps({expression}))", timeout=60,
                                        output_hook=lambda msg: got.append(msg["content"].get("text", ""))
                                        if msg["msg_type"] == "stream" else None)
        return json.loads("".join(got))

    def unique(self) -> int:
        self.run(SETTLE)
        time.sleep(0.3)
        return unique_bytes(self.pid)

    def anonymous(self) -> int:
        """Anonymous memory (heap, arrays): private whatever else runs, unlike a mapped file's pages."""
        return rollup(self.pid)["Anonymous"]

    def stop(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def measure(count: int, cells: list[str]) -> dict:
    """Start ``count`` kernels side by side, import the libraries in each, then run LOAD and the notebook in each."""
    kernels = [Kernel(NOTEBOOK.parent) for _ in range(count)]
    try:
        for k in kernels:
            k.run(BARE)
        bare = [k.unique() for k in kernels]
        bare_anon = [k.anonymous() for k in kernels]
        for k in kernels:
            k.run(LOAD)
            for cell in cells:
                k.run(cell)
        after = [k.unique() for k in kernels]
        anon = [k.anonymous() - b for k, b in zip(kernels, bare_anon)]
        times = [k.value("[_bare_s, _load_s]") for k in kernels]
        for k in kernels:
            k.run(KEEP)
        kept = [k.unique() for k in kernels]
        table = kernels[0].value("int(every_vote.memory_usage(deep=True).sum())")
    finally:
        for k in kernels:
            k.stop()
    return {"kernels": count, "bare": bare, "after": after, "extra": [a - b for a, b in zip(after, bare)],
            "kept": [k - a for k, a in zip(kept, after)], "table": table, "anonymous": anon,
            "bare_s": [t[0] for t in times], "load_s": [t[1] for t in times]}


def run(counts=(1, 2, 4)) -> dict:
    cells = notebook_cells()
    results = {n: measure(n, cells) for n in counts}
    gc.collect()
    one = results[counts[0]]
    print(f"  bare kernel (imports {BARE.splitlines()[1].removeprefix('import ')}): "
          f"{one['bare'][0] / MB:.0f} MB unique")
    for n, r in results.items():
        print(f"  {n} kernel{'s' if n > 1 else ' '} side by side, each after every vote and notebook 05: "
              f"extra unique per kernel {statistics.mean(r['extra']) / MB:.1f} MB "
              f"(max {max(r['extra']) / MB:.1f}; target ≤ 40 MB), of which anonymous "
              f"{statistics.mean(r['anonymous']) / MB:.1f} MB" + ("; alone, the pages it maps from files (the record, "
                                                                   "libraries) count as its own" if n == 1 else ""))
    steady = results[counts[-1]]
    print(f"  a learner who also keeps every vote as a table (`{KEEP.split('  #')[0]}`) holds "
          f"{statistics.mean(steady['kept']) / MB:.0f} MB more: the table's own "
          f"{steady['table'] / MB:.0f} MB (958,844 rows of text), not the record's")
    per_notebook = statistics.mean(steady["bare"]) + statistics.mean(steady["extra"])
    for open_notebooks in (1, 3):
        students = int(SERVER_GIB * 2**30 // (open_notebooks * per_notebook))
        print(f"  students per {SERVER_GIB} GiB server with {open_notebooks} notebook{'s' if open_notebooks > 1 else ''}"
              f" open each: {students} (kernels only, {per_notebook / MB:.0f} MB each, measured with {counts[-1]})")
    bare_s = statistics.median(t for r in results.values() for t in r["bare_s"])
    load_s = statistics.median(t for r in results.values() for t in r["load_s"])
    print(f"  load in the same kernels: bare imports {bare_s:.2f} s, then `import worldorder`, every vote and every "
          f"resolution {load_s:.2f} s more (target ≤ 0.5 s), ratio {(bare_s + load_s) / bare_s:.2f} "
          f"(median over {sum(counts)} kernels)")
    return results


if __name__ == "__main__":
    run()
