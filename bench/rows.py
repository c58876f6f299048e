"""Each figure of issue 15 as rows of the table: measured by child processes, against a baseline from the same
run where there is one (alternating runs, so that a noisy moment on a shared machine hurts both alike).

Every row has a target and can fail. A row that misses carries a breakdown (`Row.breakdown`): the probe run
once more under cProfile, `-X importtime`, or with its memory by mapping and tracemalloc.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.lateness import Flip, judge, worst
from bench.profiling import PROFILE_ENV, TRACEMALLOC_ENV, import_times, top_functions
from bench.report import Row, fmt, median, ratio_row

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SMALL = ROOT / "agenda.yaml"  # the bundled agenda (10 slots)
FOUR_SCREENS = HERE / "four_screens.json"
TICK_COUNTS = (10, 1000, 2000, 4000)

# What would close each row when it misses: the reading of its breakdown, printed under it (README,
# "Speed, memory and show-day reliability", has the longer story). Keyed by row number.
CLOSING = {
    "1": "build the operator window in stages (rundown and menus after the first paint) and touch fewer "
         "Qt enum types before it (PySide makes a Python enum class for each on first use)",
    "2": "a Qt-native HTTP/WebSocket server (QTcpServer + QWebSocketServer; QtNetwork is loaded anyway) "
         "instead of aiohttp, asyncio and OpenSSL: about 20 MiB",
    "3": "thumbnails that copy the display's painted picture instead of drawing its scene again; "
         "one wake-up a second where the countdown and the clock flip together",
    "4": "paint the displays first in a wake-up, before the operator window and its thumbnails",
    "5": "less Python per slot in the builder (about 14 µs each: slot times, people, the model objects), "
         "e.g. compiled with mypyc",
    "6": "the agenda builder as for row 5, and the network server started without importing aiohttp's "
         "client side (its SSL contexts cost about 0.4 s)",
    "7": "the agenda builder as for row 5: the load is most of it",
    "8": "send the runs as an append-only delta, and crew cues only to views that draw them",
    "9": "find what the profile shows growing with history and cache it per plan or per finished run",
    "10": "the network thread shares the interpreter with the Qt thread's paints: a server that writes "
          "from C++ (QWebSocketServer) or runs in a process of its own",
    "11": "not reachable against a blank page: a page that never paints costs next to nothing, and every "
          "change on screen costs a frame (style, layout, paint, raster, the compositor) whatever its size: 16 px "
          "of text flipped once a second is itself about 3x about:blank (the 'also' column). /stage's job is two "
          "flips a second (the slot's countdown and the laptop's clock fall at different moments), and it now "
          "makes exactly those two frames and no other (the bar moves in the digits' frame): against the fair "
          "floor, a clock and a countdown of its size flipping the same way, it costs the same within the noise "
          "(0.7-1.6x over runs on a busy machine). The target needs a baseline that "
          "changes on screen (the fair floor) or a stage without a seconds clock",
}


def qt_env(**extra: str) -> dict[str, str]:
    """Offscreen on the four screens; settings in a folder of their own (never the user's)."""
    config = tempfile.mkdtemp(prefix="runofshow-bench-config-")
    # PYTHONDONTWRITEBYTECODE is dropped: an installed app runs from compiled bytecode (bench.main compiles
    # it first), and a shell that sets it would make every fresh process compile the app again.
    inherited = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**inherited, "QT_QPA_PLATFORM": f"offscreen:configfile={FOUR_SCREENS}", "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": config, **extra}


def child(args: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 300,
          python_flags: Sequence[str] = ()) -> tuple[float, list[str], str]:
    """Run `python [flags] ARGS` (a bench script, or -m runofshow …): its wall time, output lines, stderr."""
    command = [sys.executable, *python_flags, *[str(HERE / a) if a.endswith(".py") else a for a in args]]
    began = time.perf_counter()
    proc = subprocess.run(command, env=env or qt_env(), capture_output=True, text=True, timeout=timeout, check=False)
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed, proc.stdout.strip().splitlines(), proc.stderr


def value_of(lines: list[str], key: str) -> str:
    return next(line.split(" ", 1)[1] for line in lines if line.startswith(key + " "))


def profiled(args: Sequence[str], *, count: int = 8, timeout: float = 300) -> list[str]:
    """A probe run once more with BENCH_PROFILE: its top functions."""
    path = Path(tempfile.mkdtemp(prefix="runofshow-bench-prof-")) / "probe.prof"
    child(args, env=qt_env(**{PROFILE_ENV: str(path)}), timeout=timeout)
    return top_functions(path, count) if path.exists() else ["(the probe wrote no profile)"]


def profiled_module(args: Sequence[str], count: int = 8) -> list[str]:
    """`python -m cProfile -m runofshow …`: its top functions."""
    path = Path(tempfile.mkdtemp(prefix="runofshow-bench-prof-")) / "cli.prof"
    child(["-m", "cProfile", "-o", str(path), "-m", *args])
    return top_functions(path, count)


def alternate(runs: int, *measures: Callable[[], float]) -> list[list[float]]:
    """Each measure `runs` times, taking turns (A B A B …)."""
    results: list[list[float]] = [[] for _ in measures]
    for _ in range(runs):
        for into, measure in zip(results, measures, strict=True):
            into.append(measure())
    return results


# -- 1. cold start ----------------------------------------------------------------------------------

def launch_args(agenda: Path, *extra: str) -> list[str]:
    state = tempfile.mkdtemp(prefix="runofshow-bench-state-")
    return ["app_probe.py", "launch", *extra, str(agenda), "--state-dir", state]


def painted_after_launch(args: Sequence[str], python_flags: Sequence[str] = ()) -> tuple[float, str]:
    """Seconds from starting a fresh process to its first paint (the process stamps the paint itself)."""
    launched = time.time()
    _elapsed, lines, stderr = child(args, python_flags=python_flags)
    return float(value_of(lines, "painted_at")) - launched, stderr


def cold_start(runs: int) -> Row:
    app, floor = alternate(
        runs,
        lambda: painted_after_launch(launch_args(SMALL, "--exit-at-paint", "--listen", "127.0.0.1:0"))[0],
        lambda: painted_after_launch(["floor.py", "start"])[0])
    row = ratio_row("1. cold start to the operator window's first paint (vs a bare PySide6 label)",
                    median(app), median(floor), "s", 1.5)
    if not row.met:
        _t, imports = painted_after_launch(launch_args(SMALL, "--exit-at-paint", "--listen", "127.0.0.1:0"),
                                           ["-X", "importtime"])
        _t, floor_imports = painted_after_launch(["floor.py", "start"], ["-X", "importtime"])
        row.breakdown = [*import_times(imports), "the floor's " + import_times(floor_imports, 3)[0],
                         *profiled(launch_args(SMALL, "--exit-at-paint", "--listen", "127.0.0.1:0"), count=6)]
    return row


# -- 2 and 3. four screens: peak memory and CPU against the fair floor ------------------------------

def four_screens(runs: int, seconds: float) -> list[Row]:
    measured: dict[str, list[list[str]]] = {"app": [], "fair": [], "label": []}
    for _ in range(runs):
        measured["app"].append(child(["app_probe.py", "run", str(seconds)], timeout=seconds + 120)[1])
        measured["fair"].append(child(["fair_floor.py", "run", str(seconds)], timeout=seconds + 60)[1])
        measured["label"].append(child(["floor.py", "cpu", str(seconds)], timeout=seconds + 60)[1])

    def med(who: str, key: str) -> float:
        return median([float(value_of(lines, key)) for lines in measured[who]])

    memory = {who: med(who, "maxrss") for who in measured}
    cpu = {who: med(who, "cpu") for who in measured}
    setup = "operator + 3 full-screen displays on 4 screens, a slot running"
    mem_row = ratio_row(f"2. peak memory, {setup} (vs the fair floor)", memory["app"], memory["fair"], "KiB", 1.4,
                        also=f"one-label floor {fmt(memory['label'], 'KiB')}: {memory['app'] / memory['label']:.2f}x")
    cpu_row = ratio_row(f"3. CPU over {seconds:g} s, same set-up (vs the fair floor)", cpu["app"], cpu["fair"], "s",
                        1.5, target="≤ 1.5x (stretch 1.2x)",
                        also=f"one-label floor {fmt(cpu['label'], 's')}: {cpu['app'] / max(cpu['label'], 1e-9):.1f}x")
    if not mem_row.met:
        app_maps = json.loads(value_of(measured["app"][-1], "smaps"))
        lines = child(["app_probe.py", "run", "1"], env=qt_env(**{TRACEMALLOC_ENV: "1"}), timeout=180)[1]
        mem_row.breakdown = [
            "resident KiB by mapping (app, after the run): "
            + ", ".join(f"{name} {kib / 1024:.1f} MiB" for name, kib in app_maps),
            f"the fair floor's peak {fmt(memory['fair'], 'KiB')}: the difference is "
            f"{(memory['app'] - memory['fair']) / 1024:.1f} MiB",
            *json.loads(value_of(lines, "tracemalloc"))]
    if not cpu_row.met:
        cpu_row.breakdown = profiled(["app_probe.py", "run", str(seconds)], timeout=seconds + 120)
    return [mem_row, cpu_row]


# -- 4. repaint lateness ---------------------------------------------------------------------------

def lateness(seconds: float) -> list[Row]:
    lines = child(["app_probe.py", "align", str(seconds)], timeout=seconds + 120)[1]
    flips = [Flip(**item) for item in json.loads(value_of(lines, "flips"))]
    go_paints = json.loads(value_of(lines, "go_paints"))
    verdict = judge(flips)
    p99 = "no repaint" if verdict.p99_ms is None else f"{verdict.p99_ms:.1f} ms"
    go = f"GO to the first countdown painted: {max(go_paints) * 1000:.0f} ms (a command, not counted)" \
        if go_paints else ""
    row = Row(f"4. repaint lateness of a changed digit after its second, p99 ({verdict.flips} paints)",
              f"{p99}; {verdict.early} early, {verdict.stale} over 1 s", "0 ms (the boundary)", None,
              "< 20 ms, none early", verdict.on_time, also=go)
    row.breakdown = worst(flips) if flips else ["no paint of a changed digit was seen"]
    changes = sum(count for count, _bad in verdict.steps.values())
    watched = ", ".join(f"{display} {kind}" for display, kind in sorted(verdict.steps))
    step_row = Row("4. seconds skipped or shown twice, any display", f"{verdict.bad_steps} in {changes} changes",
                   "", None, "none", bool(verdict.steps) and verdict.bad_steps == 0, also=watched)
    step_row.breakdown = [f"{flip.display} {flip.kind}: {flip.text} at {flip.lateness * 1000:+.0f} ms"
                          for flip in flips][:10]
    return [row, step_row]


# -- 5, 6, 7. the big agenda: check, the app's first answer, render late ----------------------------

def cli_seconds(*args: str) -> float:
    return child(["-m", "runofshow", *args])[0]


def check(big: Path, runs: int) -> Row:
    b, s = alternate(runs, lambda: cli_seconds("check", str(big)), lambda: cli_seconds("check", str(SMALL)))
    row = ratio_row("5. runofshow check, 5,000-slot 70-day agenda (vs the bundled one)", median(b), median(s), "s", 3)
    if not row.met:
        row.breakdown = profiled_module(["runofshow", "check", str(big)])
    return row


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def first_answer_seconds(agenda: Path) -> float:
    """From launching the app (`runofshow AGENDA`) to both its first paint and /api/state answering."""
    port = free_port()
    state = tempfile.mkdtemp(prefix="runofshow-bench-state-")
    args = [sys.executable, str(HERE / "app_probe.py"), "launch", str(agenda), "--state-dir", state,
            "--listen", f"127.0.0.1:{port}"]
    launched = time.time()
    proc = subprocess.Popen(args, env=qt_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    painted: list[float] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("painted_at "):
                painted.append(float(line.split()[1]))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    token_file = Path(state) / "remote-token"
    try:
        deadline = launched + 120
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"the app ended ({proc.returncode}) before it answered")
            token = token_file.read_text(encoding="ascii").strip() if token_file.exists() else ""
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/state",
                                             headers={"Authorization": f"Bearer {token}"})
            try:
                with urllib.request.urlopen(request, timeout=5) as reply:
                    if reply.status == 200:
                        answered = time.time()
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.005)
        else:
            raise RuntimeError("the app did not answer /api/state within 120 s")
        waited = time.time() + 10
        while not painted and time.time() < waited:  # a paint before the server started: its line is on its way
            time.sleep(0.005)
        if not painted:
            raise RuntimeError("the app answered but its first paint was never stamped")
        return max(painted[0], answered) - launched
    finally:
        proc.kill()
        proc.wait()


def first_answer(big: Path, runs: int) -> Row:
    b, s = alternate(runs, lambda: first_answer_seconds(big), lambda: first_answer_seconds(SMALL))
    value = median(b)
    row = Row("6. the app's first answer on the big agenda (window painted + /api/state)", fmt(value, "s"),
              f"{fmt(median(s), 's')} (bundled agenda)", None, "≤ 1 s", value <= 1.0)
    if not row.met:
        path = Path(tempfile.mkdtemp(prefix="runofshow-bench-prof-")) / "answer.prof"
        state = tempfile.mkdtemp(prefix="runofshow-bench-state-")
        proc = subprocess.Popen([sys.executable, str(HERE / "app_probe.py"), "launch", str(big), "--state-dir", state,
                                 "--listen", f"127.0.0.1:{free_port()}"],
                                env=qt_env(**{PROFILE_ENV: str(path)}), stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("profiled"):
                break
        proc.kill()
        proc.wait()
        row.breakdown = top_functions(path) if path.exists() else ["(no profile)"]
    return row


def late_moment(big: Path) -> str:
    """A time on the big show's last days, as `render --at` takes it: mid-slot, 4,990 slots in."""
    from runofshow.io.agenda_yaml import load_agenda

    agenda = load_agenda(big).agenda
    assert agenda is not None
    slot = agenda.slots[4990]
    start = slot.start.astimezone(agenda.event.tz)
    days = (start.date() - agenda.event.date).days
    return f"{start:%H}:{start.minute + 5:02d}+{days}d"


def render_late(big: Path, runs: int) -> Row:
    at = late_moment(big)
    out = Path(tempfile.mkdtemp(prefix="runofshow-bench-render-")) / "late.png"
    args_big = ["render", str(big), "--view", "stage", "--at", at, "--out", str(out)]
    args_small = ["render", str(SMALL), "--view", "stage", "--at", "15:41", "--out", str(out)]
    b, s = alternate(runs, lambda: cli_seconds(*args_big), lambda: cli_seconds(*args_small))
    value = median(b)
    row = Row(f"7. runofshow render late in the long show (--at {at})", fmt(value, "s"),
              f"{fmt(median(s), 's')} (bundled agenda)", None, "≤ 1 s", value <= 1.0)
    if not row.met:
        row.breakdown = profiled_module(["runofshow", *args_big])
    return row


# -- 8 and 10. the WebSocket ------------------------------------------------------------------------

def push_sizes(big: Path, seconds: float) -> Row:
    result = json.loads(child(["ws_latency.py", "sizes", str(big), str(seconds)], timeout=seconds + 180)[1][-1])
    value = float(result["median"])
    row = Row(f"8. WebSocket push during a slot, big agenda, median ({len(result['sizes'])} messages)",
              fmt(value, "B"), "", None, "≤ 8 KiB", value <= 8 * 1024, also=f"max {fmt(result['max'], 'B')}")
    row.breakdown = [f"sizes: {result['sizes']}", *result.get("median_keys", [])]
    return row


def ws_latency(clients: int, commands: int, limit_ms: float) -> Row:
    result = json.loads(child(["ws_latency.py", "latency", str(clients), str(commands)], timeout=600)[1][-1])
    row = Row(f"10. command to WebSocket, {clients} clients, p99 ({result['samples']} deliveries)",
              f"{result['p99']:.1f} ms", "", None, f"< {limit_ms:g} ms", result["p99"] < limit_ms,
              also=f"p50 {result['p50']:.1f} ms, max {result['max']:.1f} ms")
    if not row.met:
        path = Path(tempfile.mkdtemp(prefix="runofshow-bench-prof-")) / "serve.prof"
        child(["ws_latency.py", "latency", str(clients), str(commands)], env=qt_env(**{PROFILE_ENV: str(path)}),
              timeout=600)
        row.breakdown = (top_functions(path, 7) if path.exists() else []) + [
            "(the app's Qt thread, where commands run and snapshots are made; the network thread is not profiled)"]
    return row


# -- 9. one tick late in a long show --------------------------------------------------------------

def ticks(big: Path, block: int, rounds: int) -> Row:
    counts = ",".join(str(n) for n in TICK_COUNTS)
    args = ["big.py", "ticks", str(big), counts, str(block), str(rounds)]
    result = json.loads(child(args, timeout=900)[1][-1])
    per = {int(n): float(v) for n, v in result["tick"].items()}
    first, last = per[TICK_COUNTS[0]], per[TICK_COUNTS[-1]]
    shown = " / ".join(f"{per[n] * 1000:.1f}" for n in TICK_COUNTS)
    history = {int(n): int(v) for n, v in result["runs"].items()}
    if any(history[n] != n for n in TICK_COUNTS):  # the show measured must be the one its figure names
        raise RuntimeError(f"finished slots {history}, expected {TICK_COUNTS}")
    row = Row(f"9. one tick, all displays shown, after {' / '.join(f'{n:,}' for n in TICK_COUNTS)} finished "
              "slots (ms CPU)", f"{shown} ms", f"{first * 1000:.1f} ms (10 slots)", last / first,
              "4,000 ≤ 1.3x 10", last / first <= 1.3,
              also=f"{result['paints_per_tick']:.1f} display paints a tick")
    if not row.met:
        row.breakdown = ["the 4,000-slot ticks:", *profiled(args, timeout=900)]
    return row


# -- 11. the browser views' CPU against a blank page (issue 19) ----------------------------------------

def browser_cost(seconds: float, runs: int) -> Row:
    """/stage against about:blank in the same headless Chromium (the issue's target), with the pages that say
    what is possible: the fair floor (two big texts flipping at two moments of the second, /stage's job done
    with nothing else) and the least page that changes at all (bench/browser_cost.py)."""
    sets = ["blank", "tiny", "fair", "stage"]
    found = json.loads(child(["browser_cost.py", str(seconds), str(runs), *sets],
                             timeout=len(sets) * runs * (seconds + 30) + 180)[1][-1])
    cpu = {name: median(values) for name, values in found["cpu"].items()}

    def split(name: str) -> str:
        kinds = sorted(found["kinds"][name].items(), key=lambda item: -item[1])
        shares = ", ".join(f"{kind} {fmt(used, 's')}" for kind, used in kinds)
        return f"{name}, CPU by process over {runs} runs: {shares}"

    blank = max(cpu["blank"], 1e-9)
    row = ratio_row(f"11. /stage in headless Chromium, a slot running: CPU over {seconds:g} s (vs about:blank)",
                    cpu["stage"], cpu["blank"], "s", 1.5,
                    also=f"fair floor (two texts flipping) {fmt(cpu['fair'], 's')}: /stage "
                         f"{cpu['stage'] / max(cpu['fair'], 1e-9):.2f}x it; 16 px of text flipping once a second "
                         f"{fmt(cpu['tiny'], 's')} = {cpu['tiny'] / blank:.1f}x blank")
    row.breakdown = [split(name) for name in sets]
    return row
