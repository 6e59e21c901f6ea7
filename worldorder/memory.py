"""How a learner's kernel keeps little memory of its own, so that one server holds a class.

Three things, measured by ``make bench`` (``benchmarks/memory.py``):

- the record is memory-mapped read-only (:func:`worldorder.files.mapped`): every kernel on the machine uses the
  one copy the operating system's page cache holds;
- Arrow memory (pandas' text columns, every vote as a table) comes from a pool that gives freed pages back to the
  operating system at once (:func:`table_pool`: jemalloc with no decay, where the pyarrow build has it), instead of
  keeping them for reuse as Arrow's default pool does;
- on Linux (glibc), blocks of 1 MiB or more (NumPy arrays, pandas columns) are mapped and unmapped on their own,
  never kept in the heap once freed (``M_MMAP_THRESHOLD``; without it glibc raises the threshold as big blocks are
  freed, and a kernel that once built a big table keeps its size for good).

:func:`keep_little` applies the last two once, when the helper is imported; ``WORLDORDER_ALLOCATOR=default``
leaves the allocators as they are.

>>> sorted(keep_little())
['arrow', 'glibc']
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys

import pyarrow as pa

MMAP_THRESHOLD = 1 << 20  # bytes: blocks this big or bigger go back to the operating system when freed
M_MMAP_THRESHOLD = -3  # mallopt's parameter number (glibc malloc.h)


@functools.cache
def table_pool() -> pa.MemoryPool:
    """An Arrow memory pool that returns freed pages to the operating system at once.

    jemalloc with no decay where the pyarrow build has it, else the system allocator (whose big blocks glibc
    returns, see :func:`keep_little`).
    """
    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
        return pool
    except (NotImplementedError, pa.ArrowException):
        return pa.system_memory_pool()


@functools.cache
def keep_little() -> dict[str, str]:
    """Set the allocators as the module docstring says (once); say what was set."""
    done: dict[str, str] = {}
    if os.environ.get("WORLDORDER_ALLOCATOR") == "default":
        return done
    pa.set_memory_pool(table_pool())
    done["arrow"] = table_pool().backend_name
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None)
            if hasattr(libc, "mallopt") and libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1:
                done["glibc"] = f"M_MMAP_THRESHOLD={MMAP_THRESHOLD}"
        except OSError:
            pass
    return done
