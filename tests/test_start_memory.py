"""After start-up the app hands back what only start-up needed: the module sources PySide's import hook read."""

from __future__ import annotations

import linecache

import runofshow.core.agenda
from runofshow.memory import release_start_up_memory, trim_c_heap


def test_the_sources_read_at_import_are_dropped() -> None:
    source = runofshow.core.agenda.__file__
    assert source is not None
    assert linecache.getlines(source)  # what inspect.getsource (PySide's hook) leaves in the cache
    assert source in linecache.cache
    release_start_up_memory()
    assert source not in linecache.cache
    assert linecache.getlines(source), "a traceback can still read the lines from disk"


def test_trimming_the_heap_never_raises() -> None:
    assert trim_c_heap() in (True, False)
