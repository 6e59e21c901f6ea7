"""A class at once on the hub: ``make bench-hub`` (N=10), as root, on 127.0.0.1 only.

``make hub`` serves a class list of N simulated students. Through the hub's REST API (a script token) every
student's server is started at the same moment; then one student runs notebook 03's code cells on a kernel of
their own while the class is idle (the baseline), and then all N students run the same cells at once, each on
their own kernel through the kernel websocket. Every loop is bounded by a time limit. Reported:

- the time until every server is ready;
- median and p95 cell time under load against the same cells on the one idle kernel (ratio);
- memory per active student: the resident memory of all their processes (their server and kernel), their
  proportional share (PSS: a page shared with others, such as the memory-mapped record or the libraries, counts
  by its share) and what is theirs alone (USS, as ``benchmarks.memory`` counts a kernel), with the largest
  student's resident figure.

The Unix users and the class folder made for the run are removed at the end, and the hub is stopped.
``WORLDORDER_BENCH_HUB_PREFIX`` keeps the students' environment between runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pwd
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import nbformat
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from tools.classhub import free_ports

REPO = Path(__file__).resolve().parent.parent
NB03 = next((REPO / "notebooks").glob("03-*.ipynb"))
LIMIT_S = 600  # every wait is bounded



class Class:
    def __init__(self, n: int):
        tag = secrets.token_hex(2)
        self.students = [f"wob{tag}{i:02d}" for i in range(n)]
        self.teacher = f"wob{tag}t"
        self.token = secrets.token_hex(24)
        self.scratch = Path(tempfile.mkdtemp(prefix="worldorder-hub-bench-", dir="/tmp"))
        os.chmod(self.scratch, 0o755)
        kept = os.environ.get("WORLDORDER_BENCH_HUB_PREFIX")
        self.prefix = Path(kept) if kept else self.scratch / "srv"
        self.class_list = self.scratch / "class.csv"
        self.class_list.write_text("username,role\n" + f"{self.teacher},teacher\n"
                                   + "".join(f"{s},student\n" for s in self.students))
        self.port = free_ports()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.http = AsyncHTTPClient()

    def start(self):
        log = (self.scratch / "hub.log").open("w")
        self.process = subprocess.Popen(
            ["make", "-C", str(REPO), "hub", f"VENV={sys.prefix}", f"HUB_PREFIX={self.prefix}",
             f"CLASS_LIST={self.class_list}", f"HUB_PORT={self.port}", "CULL_IDLE=3600"],
            env={**os.environ, "WORLDORDER_HUB_SCRIPT_TOKEN": self.token}, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)

    async def api(self, method: str, path: str, body=None, hub=True):
        request = HTTPRequest(f"{self.url}{'/hub/api' if hub else ''}{path}", method=method,
                              headers={"Authorization": f"token {self.token}"},
                              body=json.dumps(body) if body is not None else (None if method == "GET" else "{}"),
                              request_timeout=120, allow_nonstandard_methods=True)
        reply = await self.http.fetch(request, raise_error=False)
        return reply.code, json.loads(reply.body or b"null") if reply.body and reply.body[:1] in b"{[" else None

    async def wait_for_hub(self):
        deadline = time.time() + LIMIT_S
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("make hub stopped: see " + str(self.scratch / "hub.log"))
            try:
                code, _ = await self.api("GET", "/")
                if code == 200:
                    return
            except OSError:
                pass
            await asyncio.sleep(1)
        raise SystemExit("the hub did not start in time")

    def stop(self):
        if self.process and self.process.poll() is None:
            try:
                os.kill(int((self.prefix / "hub" / "jupyterhub.pid").read_text()), signal.SIGTERM)
            except (OSError, ValueError):
                os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=120)
        for name in [self.teacher, *self.students]:
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        if os.environ.get("WORLDORDER_BENCH_HUB_PREFIX"):
            for name in ("hub", "teacher", "class"):
                shutil.rmtree(self.prefix / name, ignore_errors=True)
        shutil.rmtree(self.scratch, ignore_errors=True)


async def start_servers(cls: Class) -> float:
    """Start every student's server at once; seconds until the last is ready."""
    code, _ = await cls.api("POST", "/users", {"usernames": cls.students})
    assert code in (201, 409), f"users not created: {code}"
    started = time.perf_counter()
    codes = await asyncio.gather(*(cls.api("POST", f"/users/{s}/server") for s in cls.students))
    assert all(c in (201, 202) for c, _ in codes), codes
    waiting = set(cls.students)
    while waiting and time.perf_counter() - started < LIMIT_S:
        for name in list(waiting):
            code, model = await cls.api("GET", f"/users/{name}")
            if code == 200 and (model.get("servers") or {}).get("", {}).get("ready"):
                waiting.discard(name)
        await asyncio.sleep(0.5)
    assert not waiting, f"servers not ready after {LIMIT_S} s: {sorted(waiting)}"
    return time.perf_counter() - started


def code_cells() -> list[str]:
    return [c.source for c in nbformat.read(NB03, as_version=4).cells if c.cell_type == "code" and c.source.strip()]


async def run_cells(cls: Class, name: str, cells: list[str], keep: bool = True) -> list[float]:
    """Start a kernel on the student's server and run the cells over its websocket; each cell's seconds.
    With ``keep=False`` the kernel is shut down afterwards."""
    code, kernel = await cls.api("POST", f"/user/{name}/api/kernels", {"name": "python3"}, hub=False)
    assert code == 201, f"{name}: kernel not started ({code})"
    ws = await websocket_connect(HTTPRequest(
        f"ws://127.0.0.1:{cls.port}/user/{name}/api/kernels/{kernel['id']}/channels",
        headers={"Authorization": f"token {cls.token}"}, request_timeout=120))
    session, times = uuid.uuid4().hex, []
    try:
        for source in cells:
            msg_id = uuid.uuid4().hex
            ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "username": name, "session": session, "msg_type": "execute_request",
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": source, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True}}))
            started, error = time.perf_counter(), None
            while True:
                raw = await asyncio.wait_for(ws.read_message(), timeout=LIMIT_S)
                assert raw is not None, f"{name}: the kernel's websocket closed (out of memory?)"
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "error":
                    error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            times.append(time.perf_counter() - started)
            assert error is None, f"{name}: a cell of notebook 03 failed: {error}"
    finally:
        ws.close()
        if not keep:
            await cls.api("DELETE", f"/user/{name}/api/kernels/{kernel['id']}", hub=False)
    return times


def memory_of(name: str) -> tuple[int, int, int]:
    """(RSS, PSS, USS) in bytes of all the student's processes: resident, proportional share, unique to them."""
    uid, found = pwd.getpwnam(name).pw_uid, {"Rss": 0, "Pss": 0, "Private_Clean": 0, "Private_Dirty": 0}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            for line in (entry / "smaps_rollup").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in found:
                    found[key] += int(value.split()[0]) * 1024
        except OSError:
            pass
    return found["Rss"], found["Pss"], found["Private_Clean"] + found["Private_Dirty"]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


async def bench(n: int) -> dict:
    cls = Class(n)
    try:
        print(f"  starting the hub with {n} students (the students' environment is built on a first run) ...")
        cls.start()
        await cls.wait_for_hub()
        ready = await start_servers(cls)
        cells = code_cells()
        idle = await run_cells(cls, cls.students[0], cells, keep=False)  # one kernel, the class idle
        loaded = await asyncio.gather(*(run_cells(cls, s, cells) for s in cls.students[1:] + cls.students[:1]))
        under_load = [t for times in loaded for t in times]
        memory = [memory_of(s) for s in cls.students]  # each student: their server and one kernel
        figures = {
            "students": n, "all_servers_ready_s": ready, "cells": len(cells),
            "idle_median_s": statistics.median(idle), "idle_p95_s": p95(idle),
            "load_median_s": statistics.median(under_load), "load_p95_s": p95(under_load),
            "idle_notebook_s": sum(idle), "load_notebook_median_s": statistics.median(sum(t) for t in loaded),
            "rss_median_mb": statistics.median(m[0] for m in memory) / 2**20,
            "pss_median_mb": statistics.median(m[1] for m in memory) / 2**20,
            "rss_max_mb": max(m[0] for m in memory) / 2**20,
            "uss_median_mb": statistics.median(m[2] for m in memory) / 2**20,
        }
        print(f"  {n} servers started at once: all ready after {ready:.1f} s")
        print(f"  notebook 03, {len(cells)} code cells: one idle kernel median {figures['idle_median_s'] * 1000:.0f} ms, "
              f"p95 {figures['idle_p95_s'] * 1000:.0f} ms, whole notebook {figures['idle_notebook_s']:.1f} s")
        print(f"  {n} students at once: median {figures['load_median_s'] * 1000:.0f} ms "
              f"({figures['load_median_s'] / figures['idle_median_s']:.1f}× idle), p95 "
              f"{figures['load_p95_s'] * 1000:.0f} ms ({figures['load_p95_s'] / figures['idle_p95_s']:.1f}× idle), "
              f"whole notebook {figures['load_notebook_median_s']:.1f} s (median student, "
              f"{os.cpu_count()} cores)")
        print(f"  memory per active student (server + kernel after notebook 03): RSS median "
              f"{figures['rss_median_mb']:.0f} MB (largest {figures['rss_max_mb']:.0f} MB), PSS median "
              f"{figures['pss_median_mb']:.0f} MB, unique (USS) median {figures['uss_median_mb']:.0f} MB")
        return figures
    finally:
        cls.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("the hub benchmark runs as root: it makes a Unix user for each simulated student")
    figures = asyncio.run(bench(args.students))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
