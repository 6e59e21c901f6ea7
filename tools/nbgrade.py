"""The teacher's grading loop, with nbgrader: ``python -m tools.nbgrade COMMAND [ASSIGNMENT ...]``.

One assignment per notebook (``nb00`` ... ``nb07``). The nbgrader versions of the notebooks are generated from
``notebooks/`` and the exercise definitions in ``worldorder/exercises/``, so the learner's self-checks and the
grader read the same definition of each exercise:

- each self-check cell (``wo.check("03.1", answer)``) becomes an autograded test cell worth one point: the student
  sees the same cell, and a hidden test (``assert wo.check(...)``), put back only when grading, gives the point;
- each written question's answer cell (``NN.W``) becomes a manually graded cell, worth as many points as its rubric
  in TEACHING.md has lines (4; 07.W: 6);
- every other cell is left as it is.

Commands (the course folder is ``class/`` unless ``--course-dir`` says otherwise; the exchange folder is
``class/exchange`` for ``make lab`` and ``/srv/nbgrader/exchange`` on a JupyterHub, ``--exchange``):

    init                     write the course's nbgrader_config.py (and the students of --roster)
    release  [nb03 ...]      generate the assignments and release them to the exchange
    collect  [nb03 ...]      collect the submissions
    autograde [nb03 ...]     run every submission; its self-checks are the tests
    results  [--out CSV]     the auto-checked and hand-graded scores, one row per student and exercise
    written  nb03 [--student ada --exercise 03.W --score 3 --comment ...]
                             without a score: each written answer to grade, with its rubric from TEACHING.md;
                             with one: record the grade and the comment
    feedback [nb03 ...]      generate the feedback and return it to the exchange
    student fetch|submit|feedback nb03 --student ada --home DIR
                             what a student does (JupyterLab's Assignments tab does the same)

Run it with the project's Python (``.venv/bin/python -m tools.nbgrade``, or the make targets).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"  # --notebooks and --teaching change them (on the hub: tools/hubgrade.py)
TEACHING = REPO / "TEACHING.md"
COURSE = REPO / "class"
COURSE_ID = "worldorder"
CHECK = re.compile(r"""^wo\.check\(\s*["'](\d{2}\.\w+)["']\s*,\s*(\w+)\s*\)\s*$""", re.M)
RESULT_COLUMNS = ["student", "assignment", "exercise", "kind", "score", "max_score", "status"]
#: what a released written-answer cell holds (nbgrader's stub for a cleared answer cell)
WRITTEN_STUB = 'answer = """\n\n"""'


def assignments(names=None) -> dict[str, Path]:
    """The assignments: ``nbNN`` for each notebook ``NN-*.ipynb`` (all, or the ones named)."""
    found = {f"nb{p.name[:2]}": p for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))}
    if not names:
        return found
    unknown = [n for n in names if n not in found]
    if unknown:
        raise SystemExit(f"Unknown assignment {unknown[0]!r}: the assignments are {', '.join(found)}.")
    return {n: found[n] for n in names}


# ---------------------------------------------------------------- rubrics and exercises (one source each)


def rubrics(text: str | None = None) -> dict[str, dict]:
    """Each written question's title, model answer and rubric, read from TEACHING.md."""
    text = text if text is not None else TEACHING.read_text(encoding="utf-8")
    found = {}
    for match in re.finditer(r"^\*\*(\d{2}\.W) · (.+?)\*\*(.*?)(?=^\*\*\d{2}\.W|^## |\Z)", text, re.M | re.S):
        key, title, body = match.group(1), match.group(2), " ".join(match.group(3).split())
        rubric = re.search(r"\*Rubric[^*]*\*\s*(.*)", body)
        lines = [part.strip(" .") for part in re.split(r";", rubric.group(1))] if rubric else []
        model = re.search(r"\*Model answer:\*\s*(.*?)(?=\*Rubric|$)", body)
        found[key] = {"title": title, "model": model.group(1).strip() if model else "", "rubric": lines,
                      "points": len(lines) or 4}
    return found


def _kind(key: str) -> str:
    from worldorder import checks

    return checks.EXERCISES[key].kind if key in checks.EXERCISES else "unknown"


def _grade_id(prefix: str, key: str) -> str:
    """nbgrader's id of a graded cell (letters, digits, _ and - only): ``check-03_1``, ``written-03_W``."""
    return f"{prefix}-{key.replace('.', '_')}"


def _key(grade_id: str) -> str:
    """The exercise key of a graded cell's id."""
    return grade_id.split("-", 1)[1].replace("_", ".", 1)


def source_notebook(path: Path) -> nbformat.NotebookNode:
    """The nbgrader source version of a notebook: self-checks as autograded tests, written answers as manually
    graded cells (see the module docstring)."""
    nb = nbformat.read(path, as_version=4)
    written = rubrics()
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        match = CHECK.search(cell.source)
        if not match:
            continue
        key, name = match.groups()
        if _kind(key) == "written":
            answer = nb.cells[index - 1]
            answer.source = WRITTEN_STUB
            answer.metadata["nbgrader"] = {"grade": True, "solution": True, "locked": False, "task": False,
                                           "grade_id": _grade_id("written", key), "points": written[key]["points"],
                                           "schema_version": 3}
            continue
        cell.source = (f"{cell.source.rstrip()}\n### BEGIN HIDDEN TESTS\nassert wo.check({key!r}, {name}), "
                       f"\"exercise {key} is not yet right\"\n### END HIDDEN TESTS")
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "task": False,
                                     "grade_id": _grade_id("check", key), "points": 1, "schema_version": 3}
    return nb


# ---------------------------------------------------------------- running nbgrader


def _options(args) -> list[str]:
    return [f"--CourseDirectory.root={args.course_dir}", f"--CourseDirectory.course_id={COURSE_ID}",
            f"--Exchange.root={args.exchange}", "--Exchange.path_includes_course=True"]


def nbgrader(*words, args, cwd=None, student=None) -> str:
    """Run one nbgrader command; stop with its own message if it fails."""
    command = [str(Path(sys.executable).with_name("nbgrader")), *words, *_options(args)]
    if student:
        command.append(f"--student={student}")
    bin_dir = str(Path(sys.executable).parent)  # nbgrader runs alembic from PATH
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(command, cwd=cwd or args.course_dir, capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"nbgrader {' '.join(words)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


CONFIG = """# nbgrader's settings for this course (written by python -m tools.nbgrade init)
c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = {course!r}
c.Exchange.root = {exchange!r}
c.Exchange.path_includes_course = True
# a written answer's cell is released as the empty string the learner writes into
c.ClearSolutions.code_stub = {{"python": {stub!r}}}
c.ExecutePreprocessor.timeout = 120
# with `make lab` the teacher and the students are one Unix user
c.CollectApp.check_owner = {check_owner!r}
"""


def init(args) -> None:
    """Write the course's nbgrader_config.py and the exchange folder; add the roster's students."""
    args.course_dir.mkdir(parents=True, exist_ok=True)
    Path(args.exchange).mkdir(parents=True, exist_ok=True)
    (args.course_dir / "nbgrader_config.py").write_text(CONFIG.format(
        root=str(args.course_dir), course=COURSE_ID, exchange=str(args.exchange), stub=WRITTEN_STUB,
        check_owner=not args.local), encoding="utf-8")
    students = _roster(args)
    if students:  # one nbgrader run for the whole roster
        listing = args.course_dir / "roster.csv"
        listing.write_text("id\n" + "".join(f"{name}\n" for name in students), encoding="utf-8")
        nbgrader("db", "student", "import", str(listing), args=args)
    print(f"course folder {args.course_dir}, exchange {args.exchange}")


def _roster(args) -> list[str]:
    if not getattr(args, "roster", None):
        return []
    lines = Path(args.roster).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def release(args) -> None:
    if not (args.course_dir / "nbgrader_config.py").exists():
        init(args)
    for name, path in assignments(args.assignments).items():
        folder = args.course_dir / "source" / name
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(source_notebook(path), folder / path.name)
        nbgrader("generate_assignment", name, "--force", args=args)
        nbgrader("release_assignment", name, "--force", args=args)
        print(f"released {name} ({path.name})")


def collect(args) -> None:
    for name in assignments(args.assignments):
        print(nbgrader("collect", name, "--update", args=args).strip() or f"collected {name}")


def autograde(args) -> None:
    for name in assignments(args.assignments):
        nbgrader("autograde", name, "--force", args=args)
        print(f"autograded {name}")


def feedback(args) -> None:
    for name in assignments(args.assignments):
        nbgrader("generate_feedback", name, "--force", args=args)
        nbgrader("release_feedback", name, args=args)
        print(f"feedback for {name} returned to the exchange: students fetch it into their folder")


def student(args) -> None:
    """What a student does: fetch an assignment, submit it, fetch its feedback (into ``--home``)."""
    home = Path(args.home)
    home.mkdir(parents=True, exist_ok=True)
    command = {"fetch": "fetch_assignment", "submit": "submit", "feedback": "fetch_feedback"}[args.action]
    cache = f"--Exchange.cache={home / '.nbgrader_cache'}"  # each student's own, as in a home on a hub
    nbgrader(command, args.assignment, cache, args=args, cwd=home, student=args.student)
    print(f"{args.student}: {args.action} {args.assignment} in {home}")


# ---------------------------------------------------------------- the gradebook


def _gradebook(args):
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{args.course_dir / 'gradebook.db'}", course_id=COURSE_ID)


def results(args) -> list[dict]:
    """One row per student and exercise: auto-checked and hand-graded scores; a roster's student who submitted
    nothing is listed as ``not submitted``."""
    rows = []
    with _gradebook(args) as gradebook:
        students = sorted({s.id for s in gradebook.students} | set(_roster(args)))
        for assignment in gradebook.assignments:
            for who in students:
                try:
                    submission = gradebook.find_submission(assignment.name, who)
                except Exception:  # noqa: BLE001  (nbgrader raises MissingEntry)
                    rows.append({"student": who, "assignment": assignment.name, "exercise": "", "kind": "",
                                 "score": 0, "max_score": assignment.max_score, "status": "not submitted"})
                    continue
                for notebook in submission.notebooks:
                    for grade in sorted(notebook.grades, key=lambda g: g.name):
                        key = _key(grade.name)
                        manual = grade.name.startswith("written-")
                        status = ("needs grading" if grade.needs_manual_grade else "graded") if manual else (
                            "right" if grade.score else "not yet")
                        rows.append({"student": who, "assignment": assignment.name, "exercise": key,
                                     "kind": "written" if manual else _kind(key), "score": grade.score,
                                     "max_score": grade.max_score, "status": status})
    if getattr(args, "out", None):
        with open(args.out, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=RESULT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    else:
        for row in rows:
            print("\t".join(str(row[c]) for c in RESULT_COLUMNS))
    return rows


def written(args) -> None:
    """List each written answer with its rubric, or record one grade (``--score``, ``--comment``)."""
    name = args.assignment
    notebook = assignments([name])[name].stem
    with _gradebook(args) as gradebook:
        if args.score is not None:
            key = _grade_id("written", args.exercise)
            grade = gradebook.find_grade(key, notebook, name, args.student)
            if not 0 <= args.score <= grade.max_score:
                raise SystemExit(f"{args.exercise} is marked out of {grade.max_score:g}: give 0 to "
                                 f"{grade.max_score:g}, not {args.score:g}.")
            grade.manual_score = args.score
            grade.needs_manual_grade = False
            if args.comment:
                gradebook.find_comment(key, notebook, name, args.student).manual_comment = args.comment
            gradebook.db.commit()
            print(f"{args.student} {args.exercise}: {args.score:g} of {grade.max_score:g}")
            return
        guide = rubrics()
        for submission in gradebook.assignment_submissions(name):
            answers = _answers(args, name, submission.student.id)
            for grade in submission.notebooks[0].grades if submission.notebooks else []:
                if not grade.name.startswith("written-"):
                    continue
                key = _key(grade.name)
                score = "not graded yet" if grade.manual_score is None else f"{grade.manual_score:g}"
                print(f"== {submission.student.id} · {key} · {guide[key]['title']} ({score} of "
                      f"{grade.max_score:g})\n{answers.get(key, '(no answer)')}\nRubric, one point each:")
                print("\n".join(f"  [{i}] {line}" for i, line in enumerate(guide[key]["rubric"], 1)))


def _answers(args, name: str, who: str) -> dict[str, str]:
    """The written answers in a student's autograded notebook."""
    found = {}
    for path in (args.course_dir / "autograded" / who / name).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if grade_id.startswith("written-"):
                found[_key(grade_id)] = cell.source
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.nbgrade", description=__doc__.splitlines()[0])
    parser.add_argument("--course-dir", type=Path, default=COURSE, help="the course folder (default: class/)")
    parser.add_argument("--exchange", type=Path, help="the exchange folder (default: COURSE_DIR/exchange)")
    parser.add_argument("--roster", type=Path, help="the class list, one student a line")
    parser.add_argument("--notebooks", type=Path, help="the class notebooks (default: notebooks/)")
    parser.add_argument("--teaching", type=Path, help="TEACHING.md, with the rubrics (default: the project's)")
    parser.add_argument("--local", action="store_true",
                        help="teacher and students are one Unix user (make lab): do not check submitters")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("init", "release", "collect", "autograde", "feedback", "results"):
        sub = commands.add_parser(name)
        if name != "init":
            sub.add_argument("assignments", nargs="*", help="nb00 ... nb07 (default: all)")
        if name == "results":
            sub.add_argument("--out", type=Path, help="write the rows to this CSV")
    sub = commands.add_parser("written")
    sub.add_argument("assignment")
    sub.add_argument("--student")
    sub.add_argument("--exercise")
    sub.add_argument("--score", type=float)
    sub.add_argument("--comment")
    sub = commands.add_parser("student")
    sub.add_argument("action", choices=("fetch", "submit", "feedback"))
    sub.add_argument("assignment")
    sub.add_argument("--student", required=True)
    sub.add_argument("--home", type=Path, required=True, help="the student's own folder")
    args = parser.parse_args(argv)
    global NOTEBOOKS, TEACHING
    NOTEBOOKS, TEACHING = (args.notebooks or NOTEBOOKS).resolve(), (args.teaching or TEACHING).resolve()
    args.course_dir = args.course_dir.resolve()
    args.exchange = (args.exchange or args.course_dir / "exchange").resolve()
    {"init": init, "release": release, "collect": collect, "autograde": autograde, "feedback": feedback,
     "results": results, "written": written, "student": student}[args.command](args)


if __name__ == "__main__":
    main()
