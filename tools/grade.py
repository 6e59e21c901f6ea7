"""Grade a folder of students' notebooks from their self-checks: ``python -m tools.grade my-work --out gradebook.csv``.

Each notebook found in the folder (and its subfolders, one per student if you like) is run top to bottom on a
fresh kernel with nbclient (errors allowed, a time limit per cell), in its own folder. A last cell, added by
this tool and never saved into the student's file, prints the log of every ``wo.check`` call of that run
(``worldorder.checks.LOG``). The gradebook has one row per notebook and exercise:

- ``file``: the notebook, relative to the folder;
- ``exercise``: the key (``03.1``; ``03.W`` for the written question, ``03.6`` a chart);
- ``result``: ``right``, ``not yet``, ``written`` (a written answer, for the teacher to read), ``not run``
  (the check cell never ran, for example after a time-out), ``predicted`` (a "Predict first" guess) or
  ``not started`` (the notebook is the class's copy, never run and unchanged: it is not executed);
- ``attempts``: how many times the student checked it. A fresh run checks each cell once, so the number comes
  from the outputs the student saved (each check prints "attempt N"); at least 1 when the check ran;
- ``detail``: ``no answer`` when the answer was still ``...``, or the error that stopped the notebook; for a
  "Predict first" prompt (``result`` ``predicted``, exercise ``NN.P``), the learner's guess, as recorded.

With ``--roster FILE`` (one student name a line, each the name of a subfolder of the folder), a student with no
notebook at all gets one row with ``result`` ``not started``.

The verdicts come from the fresh run, not from the saved outputs, so an edited output cannot fake a "Right!".
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

MARKER = "WORLDORDER-GRADE-LOG "
LOG_CELL = f"import worldorder.checks as _grade_checks\nprint({MARKER!r} + _grade_checks.log_json())"
CHECK_CALL = re.compile(r"""wo\.(?:check|check_chart|predict)\(\s*["']([0-9]{2}\.\w+)["']""")
ATTEMPT = re.compile(r"Exercise ([0-9]{2}\.\w+) \(attempt (\d+)\)")
COLUMNS = ["file", "exercise", "result", "attempts", "detail"]
RELEASED = Path(__file__).resolve().parent.parent / "notebooks"


def notebooks(folder: Path) -> list[Path]:
    """The notebooks to grade, in order, without Jupyter's checkpoint copies."""
    return sorted(p for p in folder.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") in ("execute_result", "display_data"):
        return str(output.get("data", {}).get("text/plain", ""))
    return ""


def saved_attempts(nb) -> dict[str, int]:
    """The highest attempt number each check printed in the outputs the student saved."""
    found: dict[str, int] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            for key, attempt in ATTEMPT.findall(_text(output)):
                found[key] = max(found.get(key, 0), int(attempt))
    return found


def asked(nb) -> list[str]:
    """The exercises the notebook checks, in order of their check cells."""
    keys: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            keys += [k for k in CHECK_CALL.findall(cell.source) if k not in keys]
    return keys


def run(path: Path, timeout: int = 120) -> tuple[list[dict], str]:
    """Execute a copy of the notebook; return the check log of the run and the first error (or "")."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(LOG_CELL))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    problem = ""
    try:
        client.execute()
    except Exception as err:  # noqa: BLE001  (a time-out or a dead kernel: grade what ran)
        problem = f"{type(err).__name__}: {str(err).strip().splitlines()[0] if str(err).strip() else ''}"
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    if errors and not problem:
        problem = f"{errors[0].ename}: {errors[0].evalue}"[:200]
    printed = "".join(_text(o) for o in nb.cells[-1].get("outputs", []))
    log = []
    for line in printed.splitlines():
        if line.startswith(MARKER):
            log = json.loads(line[len(MARKER):])
    return log, problem


def untouched(nb, name: str) -> bool:
    """True when the notebook was never run and is the class's own copy, cell for cell (nothing to grade)."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    if any(c.get("outputs") or c.get("execution_count") for c in code):
        return False
    released = RELEASED / name
    if not released.exists():
        return False
    return [c.source for c in nb.cells] == [c.source for c in nbformat.read(released, as_version=4).cells]


def grade_notebook(path: Path, folder: Path, timeout: int = 120) -> list[dict]:
    original = nbformat.read(path, as_version=4)
    if untouched(original, path.name):
        return [{"file": path.relative_to(folder).as_posix(), "exercise": "", "result": "not started",
                 "attempts": 0, "detail": "never run: the class's copy, unchanged"}]
    saved = saved_attempts(original)
    log, problem = run(path, timeout)
    last: dict[str, dict] = {}
    for entry in log:
        last[entry["key"]] = entry
    runs = {key: sum(1 for e in log if e["key"] == key) for key in last}
    rows = []
    for key in asked(original) + [k for k in last if k not in asked(original)]:
        entry = last.get(key)
        if entry is None:
            result, detail = "not run", problem
        else:
            status = entry["status"]
            result = {"right": "right", "written": "written", "predicted": "predicted"}.get(status, "not yet")
            detail = "no answer" if status == "no answer" else entry.get("guess", "")
        attempts = max(saved.get(key, 0), runs.get(key, 0))
        rows.append({"file": path.relative_to(folder).as_posix(), "exercise": key, "result": result,
                     "attempts": attempts, "detail": detail})
    if not rows:
        rows.append({"file": path.relative_to(folder).as_posix(), "exercise": "", "result": "not run",
                     "attempts": 0, "detail": problem or "no self-checks in this notebook"})
    return rows


def read_roster(path: Path) -> list[str]:
    """The students of a class: one name a line (blank lines and lines starting with # are skipped)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def grade(folder: Path, out: Path, timeout: int = 120, roster: list[str] | None = None) -> list[dict]:
    """Grade every notebook in ``folder`` and write the gradebook to ``out``; return its rows. With a ``roster``,
    each student is a subfolder, and a student without a notebook is listed as ``not started``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SystemExit(f"No folder {folder}: make the students' copies first (make student-copy).")
    paths = notebooks(folder)
    if not paths and not roster:
        raise SystemExit(f"No notebooks in {folder}.")
    rows = []
    for name in roster or []:
        if not (folder / name).is_dir() or not notebooks(folder / name):
            rows.append({"file": f"{name}/", "exercise": "", "result": "not started", "attempts": 0,
                         "detail": "no notebook handed in"})
    for path in paths:
        print(f"grading {path.relative_to(folder)}", file=sys.stderr)
        rows += grade_notebook(path, folder, timeout)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    right = sum(r["result"] == "right" for r in rows)
    print(f"{out}: {len(rows)} rows from {len(paths)} notebooks, {right} right", file=sys.stderr)
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder of students' notebooks (e.g. my-work)")
    parser.add_argument("--out", type=Path, default=Path("gradebook.csv"), help="the CSV to write")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    parser.add_argument("--roster", type=Path, help="the class list, one student a line (each a subfolder)")
    args = parser.parse_args(argv)
    grade(args.folder, args.out, args.timeout, read_roster(args.roster) if args.roster else None)


if __name__ == "__main__":
    main()
