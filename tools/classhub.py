"""The class server's files and users, made from the class list: ``python -m tools.classhub setup`` (run by ``make hub``).

Everything lives under one folder, ``PREFIX`` (``/srv/worldorder`` by default), outside root's home so that the
students' Unix users can reach what they must read:

==================  ====================================================================  ===========================
folder              what                                                                  who can read it
==================  ====================================================================  ===========================
``env/``            the students' Python: Debian's ``/usr/bin/python3 -m venv``, with      everyone, read-only
                    JupyterLab, the notebooks' libraries and ``worldorder`` and its data
``class/``          the class notebooks (copied to each student on login) and the         everyone, read-only
                    gradebook tool
``teacher/``        ``solutions/``, ``TEACHING.md``, archived work, the class gradebook    root and the teachers' group
``hub/``            the hub's database, cookie secret and the class list                  root only
==================  ====================================================================  ===========================

Outside it, nbgrader's exchange (``/srv/nbgrader/exchange``) and the students' nbgrader settings are prepared for
the teacher's grading loop by :mod:`tools.hubgrade`.

Each name on the class list becomes a Unix user with a private home (mode 700): students in the group
``worldorder-class``, teachers also in ``worldorder-teachers``. A name that already belongs to a Unix user outside
these groups (``root``, ``daemon``, a staff account) is refused, never taken over.

>>> [(m.name, m.role) for m in parse_class_list("username,role\\nMs-Okafor,teacher\\nada,student\\n")]
[('ms-okafor', 'teacher'), ('ada', 'student')]
>>> parse_class_list("username,role\\nada lovelace,student\\n")
Traceback (most recent call last):
...
ValueError: class list, line 2: 'ada lovelace' cannot be a username: use lower-case letters, digits, '-' or '_' (at most 32, starting with a letter).
"""

from __future__ import annotations

import argparse
import csv
import grp
import hashlib
import io
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's: a pyenv or conda Python inside root's home is unreadable to students
DEFAULT_PREFIX = Path("/srv/worldorder")
STUDENTS = "worldorder-class"
TEACHERS = "worldorder-teachers"
ROLES = ("student", "teacher")
USERNAME = re.compile(r"[a-z][a-z0-9_-]{0,31}")
NOTEBOOK_FOLDER = "worldorder"  # each student's copies: ~/worldorder/
TEACHER_FILES = ("solutions", "TEACHING.md")


@dataclass(frozen=True)
class Member:
    name: str
    role: str


@dataclass(frozen=True)
class Layout:
    prefix: Path

    @property
    def env(self) -> Path:
        return self.prefix / "env"

    @property
    def notebooks(self) -> Path:
        return self.prefix / "class" / "notebooks"

    @property
    def lib(self) -> Path:
        return self.prefix / "class" / "lib"

    @property
    def teacher(self) -> Path:
        return self.prefix / "teacher"

    @property
    def state(self) -> Path:
        return self.prefix / "hub"

    @property
    def class_list(self) -> Path:
        return self.state / "class-list.csv"


def parse_class_list(text: str) -> list[Member]:
    """The members of a class list CSV (columns ``username`` and ``role``); every bad line is an error."""
    rows = list(csv.DictReader(io.StringIO(text)))
    members, seen = [], set()
    for line, row in enumerate(rows, start=2):
        if row.get("username") is None or "role" not in row:
            raise ValueError("class list: the first line must be 'username,role'.")
        name, role = row["username"].strip().lower(), (row["role"] or "").strip().lower()
        if not USERNAME.fullmatch(name):
            raise ValueError(f"class list, line {line}: {row['username']!r} cannot be a username: use lower-case "
                             "letters, digits, '-' or '_' (at most 32, starting with a letter).")
        if role not in ROLES:
            raise ValueError(f"class list, line {line}: role {row['role']!r} for {name} is not 'student' or 'teacher'.")
        if name in seen:
            raise ValueError(f"class list, line {line}: {name} is listed twice.")
        seen.add(name)
        members.append(Member(name, role))
    if not any(m.role == "teacher" for m in members):
        raise ValueError("class list: nobody has the role 'teacher': mark the teacher's line 'teacher'.")
    return members


def read_class_list(path: Path) -> list[Member]:
    try:
        return parse_class_list(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SystemExit(f"No class list at {path}: copy hub/class-list.example.csv and put your class in it.") from None


# ---------------------------------------------------------------- Unix users

def _run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), check=True, capture_output=True, text=True, **kwargs)


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def _groups_of(name: str) -> set[str]:
    entry = pwd.getpwnam(name)
    return {g.gr_name for g in grp.getgrall() if name in g.gr_mem} | {grp.getgrgid(entry.pw_gid).gr_name}


def ensure_users(members: list[Member]) -> list[str]:
    """Make a Unix user with a private home for each member who has none; return the names made.

    Every name is checked before anything is made: one that belongs to an account outside the class stops it all.
    """
    for member in members:
        try:
            pwd.getpwnam(member.name)
        except KeyError:
            continue
        if not _group_exists(STUDENTS) or STUDENTS not in _groups_of(member.name):
            raise SystemExit(f"{member.name} is already a Unix user on this machine, outside the class: choose "
                             "another username in the class list (the hub never takes over an existing account).")
    for group in (STUDENTS, TEACHERS):
        if not _group_exists(group):
            _run("groupadd", group)
    made = []
    for member in members:
        groups = STUDENTS + (f",{TEACHERS}" if member.role == "teacher" else "")
        try:
            pwd.getpwnam(member.name)
        except KeyError:
            _run("useradd", "--create-home", "--shell", "/bin/bash", "--groups", groups, member.name)
            made.append(member.name)
        else:
            _run("usermod", "--append", "--groups", groups, member.name)
        if member.role == "student" and TEACHERS in _groups_of(member.name):
            _run("gpasswd", "--delete", member.name, TEACHERS)
        os.chmod(pwd.getpwnam(member.name).pw_dir, 0o700)  # no student reads another's home
    return made


def remove_user(name: str, layout: Layout, keep_work: bool = True) -> Path | None:
    """Remove a class member's Unix user and home; their notebooks are archived to ``teacher/archive/`` first."""
    if STUDENTS not in _groups_of(name):
        raise SystemExit(f"{name} is not a member of the class ({STUDENTS}): not removed.")
    home = Path(pwd.getpwnam(name).pw_dir)
    archive = None
    if keep_work and (home / NOTEBOOK_FOLDER).is_dir():
        archive = layout.teacher / "archive" / name
        shutil.rmtree(archive, ignore_errors=True)
        shutil.copytree(home / NOTEBOOK_FOLDER, archive, symlinks=True)
        _private_to_teachers(layout.teacher / "archive")
    _run("userdel", "--remove", name)
    return archive


# ---------------------------------------------------------------- files and the students' environment

def _fingerprint(repo: Path) -> str:
    digest = hashlib.sha256()
    for path in [repo / "hub" / "requirements-class.txt", repo / "pyproject.toml",
                 *sorted((repo / "worldorder").rglob("*.py")), *sorted((repo / "data").glob("*"))]:
        if path.is_file():
            digest.update(path.relative_to(repo).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def build_env(layout: Layout, repo: Path = REPO, log=print) -> bool:
    """Make the students' environment unless it is up to date; return True when it was (re)built."""
    stamp = layout.env / ".worldorder-installed"
    fingerprint = _fingerprint(repo)
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    if not Path(SYSTEM_PYTHON).exists():
        raise SystemExit(f"{SYSTEM_PYTHON} is missing: the students' environment needs the system's Python 3.11+ "
                         "(Debian/Ubuntu: apt-get install python3 python3-venv).")
    log(f"building the students' environment in {layout.env} (a few minutes the first time)")
    shutil.rmtree(layout.env, ignore_errors=True)
    umask = {"preexec_fn": lambda: os.umask(0o022)}
    _run(SYSTEM_PYTHON, "-m", "venv", str(layout.env), **umask)
    pip = [str(layout.env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run(*pip, "-r", str(repo / "hub" / "requirements-class.txt"), **umask)
    _run(*pip, "--no-deps", str(repo), cwd=str(layout.prefix), **umask)
    settings = layout.env / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy(repo / "tools" / "jupyterlab" / "overrides.json", settings / "overrides.json")
    _read_only(layout.env)
    stamp.write_text(fingerprint)
    return True


def _read_only(folder: Path) -> None:
    """Owned by root, readable by everyone, writable by no one else."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        os.chown(path, 0, 0)
        mode = path.stat().st_mode
        os.chmod(path, (mode | 0o444 | (0o111 if path.is_dir() or mode & 0o100 else 0)) & ~0o022)


def _private_to_teachers(folder: Path) -> None:
    gid = grp.getgrnam(TEACHERS).gr_gid
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        os.chown(path, 0, gid)
        os.chmod(path, 0o2750 if path.is_dir() else 0o640)


def install_files(layout: Layout, members: list[Member], repo: Path = REPO) -> None:
    """The class notebooks and the gradebook tool for everyone; the teacher's files for the teachers only."""
    for folder in (layout.prefix, layout.prefix / "class"):
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o755)
    layout.notebooks.mkdir(parents=True, exist_ok=True)
    for path in sorted((repo / "notebooks").glob("*.ipynb")):
        shutil.copyfile(path, layout.notebooks / path.name)
    # The gradebook tool (python -m tools.grade) with the rest of tools/, whatever it comes to import.
    shutil.rmtree(layout.lib / "tools", ignore_errors=True)
    shutil.copytree(repo / "tools", layout.lib / "tools", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    _read_only(layout.prefix / "class")

    layout.teacher.mkdir(parents=True, exist_ok=True)
    for name in TEACHER_FILES:
        source, target = repo / name, layout.teacher / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copyfile(source, target)
    _private_to_teachers(layout.teacher)

    layout.state.mkdir(parents=True, exist_ok=True)
    os.chmod(layout.state, 0o700)
    with open(layout.class_list, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["username", "role"])
        writer.writerows((m.name, m.role) for m in members)
    os.chmod(layout.class_list, 0o600)


def free_ports() -> int:
    """A port p with p, p+1 and p+2 free on 127.0.0.1 (the proxy, the hub's API, the proxy's API)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port < 65000 and all(_free(port + i) for i in (1, 2)):
            return port
    raise RuntimeError("no three free ports in a row")


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def stamp_notebooks(layout: Layout) -> None:
    """Give the class notebooks the metadata the class kernel reports, so that a student's unedited copy does not
    open as changed (``tools.notebook_metadata``; the class environment's Python is Debian's, not ``.venv``'s)."""
    notebooks = sorted(str(p) for p in layout.notebooks.glob("*.ipynb"))
    subprocess.run([str(layout.env / "bin" / "python"), "-m", "tools.notebook_metadata", *notebooks],
                   env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(layout.lib), "LANG": "C.UTF-8", "HOME": "/root"},
                   capture_output=True, text=True, check=True, timeout=120)


def copy_new_notebooks(name: str, source: Path, folder: str = NOTEBOOK_FOLDER) -> list[str]:
    """Copy every class notebook the student does not have into ``~/worldorder/``, as that student.

    A copy already there (or anything else by that name) is never touched; run as the student's own Unix user, so
    a symlink the student planted can only ever lead to the student's own files. Returns the names copied.
    """
    user = pwd.getpwnam(name)
    script = ("import os, shutil, sys\n"
              "src, dest = sys.argv[1], os.path.expanduser(sys.argv[2])\n"
              "os.makedirs(dest, exist_ok=True)\n"
              "for name in sorted(os.listdir(src)):\n"
              "    if name.endswith('.ipynb') and not os.path.lexists(os.path.join(dest, name)):\n"
              "        shutil.copyfile(os.path.join(src, name), os.path.join(dest, name))\n"
              "        print(name)\n")
    done = subprocess.run([SYSTEM_PYTHON, "-c", script, str(source), f"~/{folder}"], user=user.pw_uid,
                          group=user.pw_gid, extra_groups=[], cwd=user.pw_dir, umask=0o077, timeout=60,
                          env={"HOME": user.pw_dir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def setup(class_list: Path, prefix: Path = DEFAULT_PREFIX, repo: Path = REPO, log=print,
          exchange: Path | None = None) -> Layout:
    """Everything ``make hub`` needs before the hub starts. Run as root; safe to run again after any change."""
    if os.geteuid() != 0:
        raise SystemExit("make hub runs as root: it creates a Unix user for each student (see hub/README.md).")
    members = read_class_list(class_list)
    layout = Layout(Path(prefix).resolve())
    layout.prefix.mkdir(parents=True, exist_ok=True)
    os.chmod(layout.prefix, 0o755)
    made = ensure_users(members)
    install_files(layout, members, repo)
    build_env(layout, repo, log)
    check_env(layout)
    stamp_notebooks(layout)
    from tools import hubgrade  # nbgrader's exchange and settings (the teacher's grading loop)

    hubgrade.configure(layout, members, exchange or hubgrade.EXCHANGE)
    teachers = [m.name for m in members if m.role == "teacher"]
    log(f"class of {len(members)} ({', '.join(teachers)} teaching); new Unix users: {', '.join(made) or 'none'}")
    return layout


def check_env(layout: Layout) -> None:
    """A user outside the class (``nobody``) loads the record with the students' Python: it is readable by all."""
    probe = "import worldorder as wo; print(len(wo.votes(resolutions='ES-11/7')))"
    done = subprocess.run([str(layout.env / "bin" / "python"), "-c", probe], user="nobody", group="nogroup",
                          extra_groups=[], cwd="/", env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
                          capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip().isdigit():
        raise SystemExit(f"The students' environment {layout.env} cannot load the record as another user:\n"
                         f"{done.stderr.strip()[-1500:]}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["setup", "remove"])
    parser.add_argument("names", nargs="*", help="remove: the usernames to remove")
    parser.add_argument("--class-list", type=Path, default=REPO / "hub" / "class-list.csv")
    parser.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX)
    parser.add_argument("--exchange", type=Path, help="nbgrader's exchange (default: /srv/nbgrader/exchange)")
    args = parser.parse_args(argv)
    if args.command == "setup":
        setup(args.class_list, args.prefix, exchange=args.exchange)
    else:
        for name in args.names:
            kept = remove_user(name, Layout(args.prefix))
            print(f"removed {name}" + (f"; their notebooks are kept in {kept}" if kept else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
