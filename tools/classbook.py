"""The teacher's class gradebook from every student's notebooks on the class server: ``make hub-grade``.

For each student on the class list (``HUB_PREFIX/hub/class-list.csv``), each class notebook is looked up in their
``~/worldorder/``. A notebook the student never saved (missing, or still byte for byte the class copy) is
``not started``, so a student who never opened one appears with every notebook ``not started``. The notebooks a
student worked on are graded by ``python -m tools.grade`` (the same self-checks as ``make grade``), run as that
student's own Unix user with the students' Python, in a scratch folder: the student's code never runs as root,
and root never follows a path the student controls. One CSV for the class, readable by the teachers only:

``student, file, exercise, result, attempts, detail`` (see ``tools.grade`` for the last four).

What it cannot do: the grading runs the student's own code as the student, so a determined student could print
fake rows of their own; they cannot touch another student's rows.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.classhub import DEFAULT_PREFIX, NOTEBOOK_FOLDER, Layout, _private_to_teachers, read_class_list

COLUMNS = ["student", "file", "exercise", "result", "attempts", "detail"]
NOT_STARTED = "not started"
# Run as the student: copy the class notebooks they changed into the scratch folder; print their names.
PICK = ("import os, shutil, sys\n"
        "src, mine, out = sys.argv[1], os.path.expanduser(sys.argv[2]), sys.argv[3]\n"
        "for name in sorted(os.listdir(src)):\n"
        "    theirs = os.path.join(mine, name)\n"
        "    if name.endswith('.ipynb') and os.path.isfile(theirs):\n"
        "        with open(theirs, 'rb') as a, open(os.path.join(src, name), 'rb') as b:\n"
        "            if a.read() != b.read():\n"
        "                shutil.copyfile(theirs, os.path.join(out, name))\n"
        "                print(name)\n")


def _as_student(user: pwd.struct_passwd, args: list[str], layout: Layout, timeout: int) -> subprocess.CompletedProcess:
    env = {"HOME": user.pw_dir, "USER": user.pw_name, "LANG": "C.UTF-8", "PYTHONPATH": str(layout.lib),
           "PATH": f"{layout.env / 'bin'}:/usr/bin:/bin"}
    return subprocess.run(args, user=user.pw_uid, group=user.pw_gid, extra_groups=[], cwd=user.pw_dir, env=env,
                          umask=0o077, capture_output=True, text=True, timeout=timeout)


def _read_as_theirs(path: Path, uid: int) -> str:
    """A file the student's run wrote, read by root only if it is a plain file of theirs (never a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return ""
    with os.fdopen(fd, encoding="utf-8", errors="replace") as handle:
        info = os.fstat(handle.fileno())
        if info.st_uid != uid or info.st_nlink != 1 or not stat.S_ISREG(info.st_mode):
            return ""
        return handle.read()


def grade_student(name: str, layout: Layout, timeout: int = 120, log=print) -> list[dict]:
    """The gradebook rows of one student."""
    class_notebooks = sorted(p.name for p in layout.notebooks.glob("*.ipynb"))
    untouched = [{"student": name, "file": nb, "exercise": "", "result": NOT_STARTED, "attempts": 0, "detail": ""}
                 for nb in class_notebooks]
    try:
        user = pwd.getpwnam(name)
    except KeyError:
        return [{**row, "detail": "no account on this server"} for row in untouched]
    scratch = Path(tempfile.mkdtemp(prefix=f"worldorder-grade-{name}-"))
    try:
        os.chown(scratch, user.pw_uid, user.pw_gid)
        picked = _as_student(user, [str(layout.env / "bin" / "python"), "-c", PICK, str(layout.notebooks),
                                    f"~/{NOTEBOOK_FOLDER}", str(scratch)], layout, 60)
        worked = picked.stdout.split() if picked.returncode == 0 else []
        rows = [row for row in untouched if row["file"] not in worked]
        if worked:
            log(f"grading {name}: {', '.join(worked)}")
            out = scratch / "gradebook.csv"
            graded = _as_student(user, [str(layout.env / "bin" / "python"), "-m", "tools.grade", str(scratch),
                                        "--out", str(out), "--timeout", str(timeout)],
                                 layout, timeout * 40)
            found = list(csv.DictReader(io.StringIO(_read_as_theirs(out, user.pw_uid)))) if graded.returncode == 0 else []
            found = [r for r in found if r.get("file") in worked]
            for nb in worked:
                mine = [r for r in found if r["file"] == nb]
                rows += [{"student": name, **{k: r.get(k, "") for k in COLUMNS[1:]}} for r in mine] or [
                    {"student": name, "file": nb, "exercise": "", "result": "not run", "attempts": 0,
                     "detail": (graded.stderr.strip().splitlines() or ["the grading did not finish"])[-1][:200]}]
        return sorted(rows, key=lambda r: r["file"])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def gradebook(layout: Layout, out: Path, timeout: int = 120, log=print) -> list[dict]:
    """Grade the whole class into ``out``; return the rows."""
    members = read_class_list(layout.class_list)
    rows = []
    for member in members:
        if member.role == "student":
            rows += grade_student(member.name, layout, timeout, log)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    if out.parent == layout.teacher:
        _private_to_teachers(layout.teacher)
    students = {r["student"] for r in rows}
    idle = sorted(s for s in students if all(r["result"] == NOT_STARTED for r in rows if r["student"] == s))
    log(f"{out}: {len(rows)} rows for {len(students)} students; not started: {', '.join(idle) or 'nobody'}")
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX, help="the class folder of `make hub`")
    parser.add_argument("--out", type=Path, help="the CSV to write (default PREFIX/teacher/gradebook.csv)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("make hub-grade runs as root: it grades each student as that student's Unix user.")
    layout = Layout(args.prefix.resolve())
    gradebook(layout, args.out or layout.teacher / "gradebook.csv", args.timeout,
              log=lambda message: print(message, file=sys.stderr))


if __name__ == "__main__":
    main()
