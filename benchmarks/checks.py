"""How long a learner waits for a chart check: judged by what the chart draws (its data after filters and
aggregates, compared with the values asked for) against reading its specification alone, in the same run."""

import importlib.util
import statistics
import time
from pathlib import Path

from worldorder import chartspec, checks

SOLUTIONS = Path(__file__).resolve().parent.parent / "solutions"


def _solution(key: str):
    path = SOLUTIONS / f"nb{key[:2]}.py"
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "solve_" + key.replace(".", "_"))()


def _median(spec, chart, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        chartspec.chart_problems(spec, chart)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(repeats: int = 5) -> None:
    for key in sorted(k for k, ex in checks.EXERCISES.items() if ex.kind == "chart" and k != "07.2"):
        chart, spec = _solution(key), checks.EXERCISES[key].spec
        checks.check(key, chart)  # the first check computes what the chart must draw, once
        drawn = _median(spec, chart, repeats)
        spec_only = _median({**spec, "draws": None, "sort": None, "typed": False}, chart, repeats)
        print(f"   {key}: {drawn * 1000:6.0f} ms judged by what it draws, {spec_only * 1000:6.0f} ms from the "
              f"specification alone (x{drawn / spec_only:.1f})")
