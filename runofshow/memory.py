"""Memory the running app no longer needs after start-up, handed back to the system.

PySide6's import hook reads the source of every module imported after it (about 350 files, 12 MiB of
text kept in `linecache`), and start-up leaves freed blocks in the C heap. A show runs for hours with
the same working set, so both are released once the window, the displays and the server are up.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import linecache
import logging

log = logging.getLogger(__name__)


def release_start_up_memory() -> None:
    """Drop the cached module sources, collect, and return free heap pages to the system (glibc only)."""
    linecache.clearcache()  # a traceback reads the lines it needs again from disk
    gc.collect()
    trim_c_heap()


def trim_c_heap() -> bool:
    """glibc's malloc_trim(0): free pages at the heap's top and inside it go back to the system."""
    try:
        name = ctypes.util.find_library("c")
        if name is None:
            return False
        libc = ctypes.CDLL(name)
        trim = getattr(libc, "malloc_trim", None)  # glibc only (not musl, macOS or Windows)
        if trim is None:
            return False
        trim.argtypes = [ctypes.c_size_t]
        trim.restype = ctypes.c_int
        return bool(trim(0))
    except OSError as exc:
        log.debug("malloc_trim unavailable: %s", exc)
        return False
