"""Execution time of each notebook on a fresh kernel (nbclient), and of the whole set."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path("notebooks")


def run() -> None:
    total = 0.0
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
                       ).execute()
        took = time.perf_counter() - start
        total += took
        print(f"  {path.name}: {took:.1f} s")
    print(f"  whole set: {total:.1f} s (target ≤ 60 s)")
