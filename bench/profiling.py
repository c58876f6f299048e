"""Breakdowns for the rows that miss: a probe profiles itself when BENCH_PROFILE names a file.

Also what reads the profiles back, `python -X importtime` output and /proc/PID/smaps, each reduced to a few
lines for the report.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

# cProfile, pstats and tracemalloc are imported only when used: the probes import this module, and a cold
# start must not pay for the bench's own tools.

PROFILE_ENV = "BENCH_PROFILE"  # a probe run with this set profiles its measured stretch into that file
TRACEMALLOC_ENV = "BENCH_TRACEMALLOC"  # a probe run with this set prints its top allocations
ROOT = Path(__file__).resolve().parent.parent


class Profile:
    """cProfile over a stretch of a probe, when asked for; does nothing otherwise."""

    def __init__(self) -> None:
        self.path = os.environ.get(PROFILE_ENV, "")
        self._profile: Any = None
        if self.path:
            import cProfile

            self._profile = cProfile.Profile()

    def start(self) -> None:
        if self._profile is not None:
            self._profile.enable()

    def pause(self) -> None:
        if self._profile is not None:
            self._profile.disable()

    def stop(self) -> None:
        if self._profile is not None:
            self._profile.disable()
            self._profile.dump_stats(self.path)


def short(path: str) -> str:
    """A file name as a reader places it: runofshow/ui/canvas.py, PySide6/…, aiohttp/web_ws.py."""
    match = re.search(r"(?:site|dist)-packages/(.*)$", path)
    if match:
        return match.group(1)
    if path.startswith(str(ROOT) + os.sep):
        return path[len(str(ROOT)) + 1:]
    match = re.search(r"/lib/python3\.\d+/(.*)$", path)
    return match.group(1) if match else path


def _where(key: tuple[str, int, str]) -> str:
    file, line, name = key
    if file == "~":
        return name.replace("<built-in method ", "<").replace("<method ", "<")
    return f"{short(file)}:{line} {name}"


# The event loop and the probe's own frame hold every other call: they say nothing about where time goes.
_WRAPPERS = re.compile(r"exec|run_until|_run_once|select|bench/|<module>|profile|threading.py|events.py.*_run$"
                       r"|importlib|<frozen")


def top_functions(stats_path: str | Path, count: int = 8) -> list[str]:
    """The functions with the most cumulative time in a profile, own time beside it."""
    import pstats

    stats = pstats.Stats(str(stats_path), stream=io.StringIO())
    entries = []
    for key, (_cc, calls, own, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = _where(key)
        if _WRAPPERS.search(where):
            continue
        entries.append((cumulative, own, calls, where))
    total = sum(s[2] for s in stats.stats.values())  # type: ignore[attr-defined]
    entries.sort(reverse=True)
    lines = [f"profile: {total:.3f} s of Python in the profiled stretch; top by cumulative time (own time, calls):"]
    lines += [f"{cumulative:7.3f} s cum {own:7.3f} s own {calls:>8} x  {where}"
              for cumulative, own, calls, where in entries[:count]]
    return lines


def import_times(stderr: str, count: int = 8) -> list[str]:
    """`python -X importtime` output: own import time summed by top-level package, the largest first."""
    by_package: dict[str, int] = defaultdict(int)
    own_modules: list[tuple[int, str]] = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if not match:
            continue
        own, module = int(match.group(1)), match.group(4)
        by_package[module.split(".")[0]] += own
        if module.startswith("runofshow"):
            own_modules.append((own, module))
    total = sum(by_package.values())
    ranked = sorted(by_package.items(), key=lambda item: -item[1])[:count]
    lines = [f"imports: {total / 1000:.0f} ms in all; by package (own time): "
             + ", ".join(f"{name} {us / 1000:.0f} ms" for name, us in ranked)]
    own_modules.sort(reverse=True)
    if own_modules:
        lines.append("slowest runofshow modules: " + ", ".join(f"{m} {us / 1000:.0f} ms" for us, m in own_modules[:5]))
    return lines


def smaps_by_mapping(text: str, count: int = 8) -> list[tuple[str, int]]:
    """Resident KiB per mapping (a library's file name, [heap], or [anon]) from /proc/PID/smaps, largest first."""
    rss: dict[str, int] = defaultdict(int)
    name = "[anon]"
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            continue
        if re.match(r"^[0-9a-f]+-[0-9a-f]+$", fields[0]):
            name = os.path.basename(fields[5]) if len(fields) > 5 else "[anon]"
            name = re.sub(r"\.so[.\d]*$", ".so", name)
        elif fields[0] == "Rss:":
            rss[name] += int(fields[1])
    return sorted(rss.items(), key=lambda item: -item[1])[:count]


def own_smaps(count: int = 8) -> list[tuple[str, int]]:
    try:
        with open("/proc/self/smaps", encoding="utf-8", errors="replace") as handle:
            return smaps_by_mapping(handle.read(), count)
    except OSError:
        return []


def start_tracemalloc() -> bool:
    import tracemalloc

    if os.environ.get(TRACEMALLOC_ENV) and not tracemalloc.is_tracing():
        tracemalloc.start(1)  # one frame: more makes the app's start-up minutes long
    return tracemalloc.is_tracing()


def tracemalloc_top(count: int = 6) -> list[str]:
    """Python's live allocations, summed by package (runofshow by module)."""
    import tracemalloc

    if not tracemalloc.is_tracing():
        return []
    snapshot = tracemalloc.take_snapshot()
    by: dict[str, int] = defaultdict(int)
    for stat in snapshot.statistics("filename"):
        by[_owner(short(stat.traceback[0].filename))] += stat.size
    total = sum(by.values())
    ranked = sorted(by.items(), key=lambda item: -item[1])[:count]
    return [f"python objects {total / 2**20:.1f} MiB (tracemalloc): "
            + ", ".join(f"{name} {size / 2**20:.1f}" for name, size in ranked)]


def _owner(file: str) -> str:
    """Who an allocation is for: its package (runofshow by module), imports as one."""
    if file == "linecache.py":
        return "linecache (see below)"
    if "importlib" in file:
        return "module code (imports)"
    return file if file.startswith("runofshow") else file.split("/", maxsplit=1)[0]


def linecache_held() -> str:
    """What Python's linecache holds: the source of every file someone asked a line of. PySide6's import hook
    (shibokensupport/feature.py) asks inspect for each module imported after PySide6, so that cache holds
    the app's whole source, and aiohttp's, for as long as the app runs."""
    import linecache

    entries = [entry for entry in linecache.cache.values() if len(entry) == 4]
    size = sum(sys.getsizeof(line) for entry in entries for line in entry[2])
    return f"linecache.cache: the source of {len(entries)} files, {size / 2**20:.1f} MiB of str (PySide6's import hook)"
