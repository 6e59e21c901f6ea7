"""Run every benchmark in one go: ``python -m benchmarks`` from the repository root (``make bench``).

Figures, not tests: nothing here fails on a slow machine, but the all-pairs
benchmark does assert that the fast and the naive computations agree.
"""

import platform
import time

from benchmarks import notebooks, pairs, widget


def main() -> None:
    print(f"benchmarks on {platform.node()} ({platform.processor() or platform.machine()}), "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}")
    print("1. all-pairs agreement (vectorised country × vote matrix vs pandas self-join)")
    pairs.run()
    print("2. bloc explorer: value change → new chart data ready")
    widget.run()
    print("3. notebooks, fresh kernel each")
    notebooks.run()


if __name__ == "__main__":
    main()
