"""The hub's side of the class (imported by ``hub/jupyterhub_config.py``): who may sign in, and how a student's
server starts.

- :class:`ClassAuthenticator` is NativeAuthenticator limited to the class list: only a listed username can sign
  up or log in; each student chooses their own password at sign-up and waits until the teacher approves them at
  ``/hub/authorize``; the teachers (admins) are approved when they sign up.
- :class:`ClassSpawner` is JupyterHub's LocalProcessSpawner (the hub runs as root; each student's server runs as
  that student's own Unix user). Before a server starts, the class notebooks the student lacks are copied into
  ``~/worldorder/`` as that student (a copy already there is never overwritten). The server and its kernels then
  run under the student's memory limit: a memory control group with ``mem_limit`` as its limit where the machine
  lets the hub make one (the kernel stops the largest process of that student when their total goes over), or
  else an address-space limit (``RLIMIT_AS``) on each of the student's processes, which bounds one runaway kernel
  but not the sum. LocalProcessSpawner enforces neither by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator import handlers as native_handlers
from traitlets import Unicode

from tools.classhub import Layout, copy_new_notebooks, read_class_list

CGROUP_FS = Path("/sys/fs/cgroup")


class _NoTimer:
    def timer(self, *args, **kwargs):
        return self

    def start(self):
        return self

    def stop(self, *args, **kwargs):
        pass


class _LoginHandler(native_handlers.LoginHandler):
    """NativeAuthenticator 1.3's login form, on JupyterHub 6: it still times itself with the statsd client that
    JupyterHub 6 removed, and JupyterHub 6 renders its error page with a ``sync`` argument the form does not take.
    Drop this shim once NativeAuthenticator supports JupyterHub 6 (tests/test_hub.py logs in through it)."""

    statsd = _NoTimer()

    def _render(self, login_error=None, username=None, **ignored):
        return super()._render(login_error=login_error, username=username)


class ClassAuthenticator(NativeAuthenticator):
    """Sign-up and login for the names on the class list only; the teacher approves each student."""

    class_list = Unicode("", config=True, help="The class list CSV (columns username, role).")

    def get_handlers(self, app):
        return [(route, _LoginHandler if route == r"/login" else handler)
                for route, handler in super().get_handlers(app)]

    def _members(self) -> dict[str, str]:
        return {m.name: m.role for m in read_class_list(Path(self.class_list))} if self.class_list else {}

    def validate_username(self, username: str) -> bool:
        return username in self._members() and super().validate_username(username)

    def check_allowed(self, username, authentication=None) -> bool:
        return username in self._members()


def memory_cgroup(name: str) -> Path | None:
    """A fresh memory cgroup for a student below the hub's own (v2, or v1's memory hierarchy), or None."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, where = line.split(":", 2)
        if controllers == "" and (CGROUP_FS / "cgroup.controllers").exists():
            base, limit_file = CGROUP_FS / where.lstrip("/"), "memory.max"
        elif "memory" in controllers.split(","):
            base, limit_file = CGROUP_FS / "memory" / where.lstrip("/"), "memory.limit_in_bytes"
        else:
            continue
        group = base / "worldorder" / name
        try:
            group.mkdir(parents=True, exist_ok=True)
            if limit_file == "memory.max":  # v2: the controller must be handed down to the new folders
                for parent in (base, base / "worldorder"):
                    # a folder holding processes (the hub's own) cannot hand it down
                    with contextlib.suppress(OSError):
                        (parent / "cgroup.subtree_control").write_text("+memory")
            if (group / limit_file).exists():
                return group
        except OSError:
            pass
    return None


def _limit_file(group: Path) -> Path:
    return group / ("memory.max" if (group / "memory.max").exists() else "memory.limit_in_bytes")


class ClassSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with the first-login copy and a per-student memory limit."""

    class_notebooks = Unicode("", config=True, help="The folder of class notebooks copied to each student.")
    memory_enforced = Unicode("", help="How mem_limit is enforced for the running server: cgroup, rlimit or ''.")

    def _cgroup(self) -> Path | None:
        return memory_cgroup(self.user.name) if self.mem_limit else None

    async def start(self):
        if self.class_notebooks:
            copied = await asyncio.to_thread(copy_new_notebooks, self.user.name, Path(self.class_notebooks))
            if copied:
                self.log.info("copied %s to %s's notebooks", ", ".join(copied), self.user.name)
        self._group = self._cgroup()
        if self._group is not None:
            _limit_file(self._group).write_text(str(int(self.mem_limit)))
            self.memory_enforced = "cgroup"
        elif self.mem_limit:
            self.memory_enforced = "rlimit"
            self.log.warning("no memory cgroup can be made here: %s's limit applies to each process (RLIMIT_AS)",
                             self.user.name)
        return await super().start()

    def make_preexec_fn(self, name):
        become_student = super().make_preexec_fn(name)
        group, limit = getattr(self, "_group", None), int(self.mem_limit or 0)

        def preexec():
            if group is not None:
                (group / "cgroup.procs").write_text(str(os.getpid()))
            elif limit:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            become_student()

        return preexec

    async def stop(self, now=False):
        await super().stop(now=now)
        group = getattr(self, "_group", None)
        if group is not None:
            for _ in range(20):  # the kernels leave a moment after the server
                try:
                    group.rmdir()
                    break
                except OSError:
                    await asyncio.sleep(0.25)


def layout_from_env() -> Layout:
    return Layout(Path(os.environ.get("WORLDORDER_HUB_PREFIX", "/srv/worldorder")))
