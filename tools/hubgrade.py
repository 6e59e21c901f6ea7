"""The teacher's grading loop on the class server: nbgrader on the hub (``make hub-release`` ... ``make hub-feedback``).

``make hub`` (:func:`configure`, called by ``python -m tools.classhub setup``) gets the class ready for nbgrader:

- the **exchange** (``/srv/nbgrader/exchange``, nbgrader's default; ``HUB_EXCHANGE=...``): owned by root, mode 1777
  as nbgrader asks (world-writable; the sticky bit keeps anyone from removing what another made), with the course's
  folder ``worldorder/`` made in advance and owned by the teacher, so no student can take the name first. nbgrader
  itself then makes ``outbound/`` (755: everyone fetches), ``inbound/`` (733 with set-group-id: everyone submits,
  nobody lists another's submission) and ``feedback_public/`` (711: a student fetches only the feedback whose
  name, a hash of their own submission, they know);
- a **system-wide** ``nbgrader_config.py`` in the students' environment (``env/etc/jupyter/``): the course id, the
  exchange, and each student's copy fetched into ``~/worldorder/nb03/``;
- nbgrader's **teacher tools switched off** in every student's JupyterLab (the formgrader, the "Create Assignment"
  toolbar and the course list, server and browser sides); the Assignments tab (fetch, submit, fetch feedback) and
  "Validate" stay;
- the **roster** for the teacher: ``teacher/roster.txt``, the students of the class list.

The teacher's commands run as **the teacher's own Unix user** (the first teacher on the class list, or
``--teacher``), never as root: autograding runs the students' code, as nbgrader always does with the instructor's
rights. The course folder (nbgrader's gradebook, submissions, feedback) is ``~TEACHER/course``, in the teacher's
private home. Run as root::

    python -m tools.hubgrade --prefix /srv/worldorder release nb03      # or: make hub-release ASSIGNMENT=nb03

with any command of :mod:`tools.nbgrade` (release, collect, autograde, written, results, feedback).
"""

from __future__ import annotations

import argparse
import grp
import json
import os
import pwd
import subprocess
import sys
from pathlib import Path

from tools.classhub import DEFAULT_PREFIX, TEACHERS, Layout, Member, read_class_list
from tools.nbgrade import COURSE_ID

EXCHANGE = Path("/srv/nbgrader/exchange")
COURSE_FOLDER = "course"  # the teacher's nbgrader course folder: ~TEACHER/course
#: nbgrader's teacher tools, off in the students' JupyterLab (server extensions and JupyterLab plugins)
TEACHER_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")
STUDENT_SERVER_EXTENSIONS = ("nbgrader.server_extensions.assignment_list",
                             "nbgrader.server_extensions.validate_assignment")
TEACHER_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                   "@jupyter/nbgrader:course-list")

STUDENT_CONFIG = """# nbgrader for the students of the class server (written by make hub: tools/hubgrade.py)
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course!r}
c.Exchange.root = {exchange!r}
# a fetched assignment goes into the student's notebook folder: ~/worldorder/nb03/
c.Exchange.path_includes_course = False
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o755)
    path.write_text(text, encoding="utf-8")
    os.chown(path, 0, 0)
    os.chmod(path, 0o644)


def teachers(members: list[Member]) -> list[str]:
    return [m.name for m in members if m.role == "teacher"]


def configure(layout: Layout, members: list[Member], exchange: Path = EXCHANGE) -> None:
    """The exchange, the students' nbgrader settings and the teacher's roster (see the module docstring)."""
    exchange = Path(exchange).resolve()
    for folder in reversed([exchange, *exchange.parents]):
        if not folder.exists():
            folder.mkdir()
            os.chmod(folder, 0o755)
    os.chown(exchange, 0, 0)
    os.chmod(exchange, 0o1777)
    teacher = pwd.getpwnam(teachers(members)[0])
    course = exchange / COURSE_ID
    course.mkdir(exist_ok=True)
    if course.stat().st_uid != teacher.pw_uid:
        os.chown(course, teacher.pw_uid, teacher.pw_gid)
    os.chmod(course, 0o755)

    etc = layout.env / "etc" / "jupyter"
    _write(etc / "nbgrader_config.py", STUDENT_CONFIG.format(course=COURSE_ID, exchange=str(exchange)))
    extensions = {**dict.fromkeys(TEACHER_SERVER_EXTENSIONS, False), **dict.fromkeys(STUDENT_SERVER_EXTENSIONS, True)}
    _write(etc / "jupyter_server_config.d" / "nbgrader.json",
           json.dumps({"ServerApp": {"jpserver_extensions": extensions}}, indent=2) + "\n")
    _write(etc / "labconfig" / "page_config.json",
           json.dumps({"disabledExtensions": dict.fromkeys(TEACHER_PLUGINS, True)}, indent=2) + "\n")

    roster = layout.teacher / "roster.txt"
    roster.write_text("".join(f"{m.name}\n" for m in members if m.role == "student"), encoding="utf-8")
    os.chown(roster, 0, grp.getgrnam(TEACHERS).gr_gid)
    os.chmod(roster, 0o640)


def command(layout: Layout, exchange: Path, teacher: str, words: list[str]) -> tuple[list[str], dict]:
    """The nbgrade command line and how to run it as the teacher (user, groups, environment, folder)."""
    user = pwd.getpwnam(teacher)
    line = [str(layout.env / "bin" / "python"), "-m", "tools.nbgrade",
            "--course-dir", str(Path(user.pw_dir) / COURSE_FOLDER), "--exchange", str(Path(exchange).resolve()),
            "--roster", str(layout.teacher / "roster.txt"), "--notebooks", str(layout.notebooks),
            "--teaching", str(layout.teacher / "TEACHING.md"), *words]
    how = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": os.getgrouplist(teacher, user.pw_gid),
           "cwd": user.pw_dir, "umask": 0o077,
           "env": {"HOME": user.pw_dir, "USER": teacher, "LANG": "C.UTF-8", "PYTHONPATH": str(layout.lib),
                   "PATH": f"{layout.env / 'bin'}:/usr/bin:/bin"}}
    return line, how


def run(layout: Layout, exchange: Path, teacher: str | None, words: list[str]) -> int:
    members = read_class_list(layout.class_list)
    names = teachers(members)
    teacher = teacher or names[0]
    if teacher not in names:
        raise SystemExit(f"{teacher} is not a teacher on the class list ({', '.join(names)} teaching).")
    line, how = command(layout, exchange, teacher, words)
    return subprocess.run(line, **how).returncode


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.hubgrade", description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX)
    parser.add_argument("--exchange", type=Path, default=EXCHANGE)
    parser.add_argument("--teacher", help="whose course folder (default: the first teacher on the class list)")
    parser.add_argument("words", nargs=argparse.REMAINDER, help="a command of python -m tools.nbgrade")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("run it as root (sudo make hub-release ...): it runs nbgrader as the teacher's own user.")
    sys.exit(run(Layout(args.prefix.resolve()), args.exchange, args.teacher, args.words))


if __name__ == "__main__":
    main()
