"""Where the shipped files are, whether they are intact, and how to get one back.

In an installed package (a wheel, ``pip install .``, ``pip install git+URL``) the tables and the articles are
``worldorder/_data`` and ``worldorder/_seeds`` inside the package, found with :mod:`importlib.resources`; in a
clone (``make install``, ``pip install -e .``) they are the project's ``data/`` and ``seeds/``.
``$WORLDORDER_DATA`` and ``$WORLDORDER_SEEDS`` point elsewhere. Every file is checked against the sha256 in
``manifest.csv`` the first time it is used; the record's Arrow files are then memory-mapped read-only, so every
kernel on a machine uses the one copy the operating system's page cache holds.

>>> data_dir().name in ("data", "_data")
True
>>> mapped("votes.arrow").column_names
['resolution', 'iso3', 'vote']
"""

from __future__ import annotations

import functools
import hashlib
import json
import mmap
import os
import shlex
from importlib import metadata, resources
from pathlib import Path
from urllib import parse

import pandas as pd
import pyarrow as pa
from pyarrow import ipc

from worldorder import integrity

SOURCE_TREE = Path(__file__).resolve().parent.parent  # the project folder, when the package runs from a clone


class DataFileError(RuntimeError):
    """A shipped data file is missing, changed or damaged. The message says which, and how to restore it."""


# ---------------------------------------------------------------- where


@functools.cache
def _shipped(folder: str) -> Path | None:
    """``worldorder/_data`` or ``worldorder/_seeds`` inside an installed package (None when running from a clone).

    A wheel carries the project's ``data/`` and ``seeds/`` folders as ``worldorder/_data`` and
    ``worldorder/_seeds`` (``pyproject.toml``); importlib.resources finds them wherever pip put the package.
    """
    found = resources.files("worldorder").joinpath(folder)
    return Path(str(found)) if found.is_dir() else None


def installed(folder: str = "data") -> bool:
    """Whether ``data`` (or ``seeds``) in use is the one an installed package carries (not a clone's, no override)."""
    return not os.environ.get(f"WORLDORDER_{folder.upper()}") and _shipped(f"_{folder}") is not None


def data_dir() -> Path:
    """The folder holding the curated tables (``$WORLDORDER_DATA`` overrides it).

    In an installed package: ``worldorder/_data`` inside it; in a clone (``make install``, ``pip install -e .``):
    the project's ``data/``.
    """
    return Path(os.environ.get("WORLDORDER_DATA") or _shipped("_data") or SOURCE_TREE / "data")


def seeds_dir() -> Path:
    """The folder holding the five source articles (``$WORLDORDER_SEEDS`` overrides it)."""
    return Path(os.environ.get("WORLDORDER_SEEDS") or _shipped("_seeds") or SOURCE_TREE / "seeds")


STATIC = Path(__file__).resolve().parent / "static"  # the widgets' browser code, in a clone and a wheel alike


def browser_code(name: str) -> str:
    """The text of ``worldorder/static/<name>``: browser code a widget sends (``python -m tools.chart_view`` builds it).

    >>> browser_code("chart_view.js").startswith("// worldorder's explorer chart")
    True
    """
    path = STATIC / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        how = (f"reinstall the package with `{_reinstall_command()}`" if installed() else
               f"rebuild it with `python -m tools.chart_view`, or `git checkout -- worldorder/static/{name}`")
        raise DataFileError(f"The browser code {path} cannot be read ({type(err).__name__}). Restore it: {how}.") from None


# ---------------------------------------------------------------- how to restore


def _reinstall_command() -> str:
    """The pip command that puts back the installed package's files, from where it was installed if pip recorded it."""
    where = "worldorder"
    try:
        origin = json.loads(metadata.distribution("worldorder").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        origin = {}
    url, vcs = origin.get("url", ""), origin.get("vcs_info")
    if vcs:  # from a repository URL: the same commit again
        where = f"{vcs['vcs']}+{url}@{vcs.get('commit_id') or vcs.get('requested_revision', '')}".rstrip("@")
    elif url.startswith("file://"):  # from a wheel or a folder on this machine
        where = parse.unquote(url.removeprefix("file://"))
    elif url:
        where = url
    return f"python -m pip install --force-reinstall --no-deps {shlex.quote(where)}"


def restore_hint(name: str, *others: str, folder: str = "data") -> str:
    """How to get a shipped file back (and ``others`` damaged with it): reinstall an installed package; check it
    out again in a clone."""
    if installed(folder):
        return (f"It belongs to the installed worldorder package: reinstall the package to restore it, with "
                f"`{_reinstall_command()}`.")
    paths = " ".join(f"{folder}/{n}" for n in (name, *others))
    hint = f"Restore it with `git checkout -- {paths}` (in a clone of the project)"
    if folder == "data" and (SOURCE_TREE.parent / "shared" / "data").is_dir():
        hint += ", or rebuild data/ with `make data`"
    return hint + "."


def fail(name: str, problem: str) -> DataFileError:
    """The error for a data file: its path, what is wrong, and how to restore it."""
    return DataFileError(f"The data file {data_dir() / name} {problem}. {restore_hint(name)}")


# ---------------------------------------------------------------- intact


@functools.cache
def manifest() -> pd.DataFrame:
    """``data/manifest.csv``: every shipped file with rows, grain, keys, source and sha256."""
    path = data_dir() / "manifest.csv"
    if not path.is_file():
        raise fail("manifest.csv", "is missing")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"file", "rows", "grain", "keys", "source", "sha256"} <= set(table.columns):
        raise fail("manifest.csv", "is damaged: its columns are not file, rows, grain, keys, source, sha256")
    if problem := integrity.manifest_problem(table, integrity.recorded()):  # a re-recorded checksum
        damaged, sentence = problem
        others = () if damaged == "manifest.csv" else ("manifest.csv",)
        raise DataFileError(f"The data file {data_dir() / damaged} {sentence}. {restore_hint(damaged, *others)}")
    return table


def path_of(name: str) -> Path:
    """The path of a shipped file, after checking it exists and matches its checksum in the manifest.

    ``manifest.csv`` itself cannot list its own checksum: it is only checked to exist and to be readable.
    """
    if name == "manifest.csv":
        manifest()
        return data_dir() / name
    return _checked(name)


def _sha256(path: Path) -> str:
    """The file's sha256, read through a read-only memory map (the page cache's copy, not one of this process)."""
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return hashlib.sha256(b"").hexdigest()
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return hashlib.sha256(view).hexdigest()


@functools.cache
def _checked(name: str) -> Path:
    path = data_dir() / name
    if not path.is_file():
        raise fail(name, "is missing")
    entry = manifest().loc[manifest()["file"] == name, "sha256"]
    if entry.empty:
        raise DataFileError(f"The data file {path} is not listed in {data_dir() / 'manifest.csv'}: the manifest "
                            f"has lost its row. {restore_hint('manifest.csv')}")
    if _sha256(path) != entry.iloc[0]:
        raise fail(name, "has been changed: its checksum differs from the one in data/manifest.csv")
    return path


@functools.cache
def mapped(name: str) -> pa.Table:
    """An Arrow IPC file of the record, checked, memory-mapped read-only: its columns are views on the file.

    The operating system's page cache holds the file once for every process that maps it, so the record's columns
    count as shared memory, not as each kernel's own. A file that is not an Arrow IPC file with one record batch
    (as ``tools.build`` writes it, uncompressed) is reported as damaged.
    """
    path = path_of(name)
    try:
        reader = ipc.open_file(pa.memory_map(str(path), "r"))
        if reader.num_record_batches != 1:
            raise ValueError(f"{reader.num_record_batches} record batches, not 1")
        return pa.Table.from_batches([reader.get_batch(0)])
    except (pa.ArrowException, ValueError, OSError) as err:  # any read failure means the file is damaged
        raise fail(name, f"could not be read ({type(err).__name__}: {err})") from err


def forget_files() -> None:
    """Forget the checked files and the mapped tables (the maps close once nothing uses their columns)."""
    for cached in (_shipped, manifest, _checked, mapped):
        cached.cache_clear()
