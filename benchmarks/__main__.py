"""Run every benchmark in one go: ``python -m benchmarks`` from the repository root (``make bench``).

Figures, not tests: nothing here fails on a slow machine, but the all-pairs benchmark asserts that the
fast and the naive computations agree. ``--quick`` skips the slow parts (the full self-join, the explorer driven in
Chromium, the notebooks, the memory of 1, 2 and 4 kernels).
"""

import platform
import sys
import time

from benchmarks import browser, checks, loading, memory, notebooks, pairs, positions, search, widget


def main(argv=None) -> None:
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    print(f"benchmarks on {platform.node()} ({platform.processor() or platform.machine()}), "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}")
    print("1. cold start")
    loading.run(3 if quick else 5)
    print("2. all-pairs agreement (vectorised country × vote matrix vs pandas self-join)")
    pairs.run(quick)
    print("3. search")
    search.run()
    print("4. bloc explorer: value change → new view shown (Python side, then in Chromium)")
    widget.run(45 if quick else 90)
    if not quick:
        browser.run(100)
    print("5. positions on one line")
    positions.run()
    print("6. chart checks")
    checks.run(3 if quick else 5)
    if not quick:
        print("7. notebooks, fresh kernel each")
        notebooks.run()
        print("8. memory per learner's kernel (unique memory: Private_Clean + Private_Dirty of /proc/<pid>/smaps_rollup)")
        memory.run()


if __name__ == "__main__":
    main()
