"""Kill the real app with SIGKILL at 20 random moments of a rehearsed show; every restart carries on.

The app runs as its own process (`runofshow rehearse`), driven and read over its HTTP API as a
Stream Deck or a browser would. After each restart: the same slot, its elapsed time within a
second, the stage message, blackout and every past slot's actual times, exactly as before.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
SPEED = 1.0  # show seconds per real second: the elapsed check is to the second
COMMANDS: list[tuple[str, dict[str, object]]] = [
    ("go", {}), ("message", {"text": "Five minutes to the panel"}), ("blackout", {"display": "projector", "on": True}),
    ("next", {}), ("add_time", {"seconds": 60}), ("pause", {}), ("resume", {}), ("next", {}),
    ("message", {"text": "Mic 3 is dead, use 4", "flash": True}), ("blackout", {"display": "stage", "on": True}),
    ("next", {}), ("previous", {}), ("undo", {}), ("blackout", {"display": "projector", "on": False}),
    ("next", {}), ("clear_message", {}), ("next", {}), ("next", {}), ("add_time", {"seconds": -60}), ("next", {}),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class App:
    def __init__(self, state_dir: Path, port: int, agenda: Path | None = None) -> None:
        self.state_dir, self.port, self.agenda = state_dir, port, agenda
        self.proc: subprocess.Popen[str] | None = None
        self.log = state_dir / "app.log"

    def start(self) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(self.state_dir / "config")}
        self.log = self.state_dir / "app.log"
        with self.log.open("w", encoding="utf-8") as log:  # a file, not a pipe: a full pipe would stall the app
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "runofshow", "rehearse", *([str(self.agenda)] if self.agenda else []),
                 "--speed", str(SPEED), "--state-dir", str(self.state_dir), "--resume", "always",
                 "--listen", f"127.0.0.1:{self.port}"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.state()
                return
            except (OSError, urllib.error.URLError):
                assert self.proc.poll() is None, self.log.read_text(encoding="utf-8")
                time.sleep(0.05)
        raise AssertionError("the app did not answer within 30 s")

    def _request(self, path: str, body: dict[str, object] | None = None) -> dict[str, object]:
        token = (self.state_dir / "remote-token").read_text(encoding="ascii").strip()
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method="POST" if data else
                                         "GET", headers={"Authorization": f"Bearer {token}",
                                                         "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())  # type: ignore[no-any-return]

    def state(self) -> dict[str, object]:
        return self._request("/api/state")

    def command(self, name: str, args: dict[str, object]) -> None:
        try:
            self._request(f"/api/command/{name}", args)
        except urllib.error.HTTPError as exc:
            assert exc.code == 409, (name, exc.code)  # refused by the engine is fine; anything else is not

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        err = self.log.read_text(encoding="utf-8")
        assert "Traceback" not in err, err


def essentials(state: dict[str, object]) -> tuple[object, ...]:
    runs = [(r["slot_id"], r["start"], r["end"]) for r in state["runs"]]  # type: ignore[index, union-attr]
    current = state["current"]["id"] if state["current"] else None  # type: ignore[index]
    return state["phase"], current, state["message"], state["blackout"], runs


def test_twenty_kills_lose_nothing(tmp_path: Path) -> None:
    randomness = random.Random(20231130)
    app = App(tmp_path, free_port())
    app.start()
    try:
        for kill in range(KILLS):
            name, args = COMMANDS[kill % len(COMMANDS)]
            app.command(name, args)
            time.sleep(randomness.uniform(0.05, 0.8))  # a random moment, commands and ticks in flight
            before = app.state()
            app.kill()
            app.start()
            after = app.state()
            assert essentials(after) == essentials(before), f"kill {kill + 1}"
            timer_before, timer_after = before["timer"], after["timer"]
            running = before["phase"] == "running"
            # Each snapshot says when it was taken: a snapshot a busy start-up served late is still exact.
            gap = float(after["server_time"]) - float(before["server_time"])  # type: ignore[arg-type]
            expected = timer_before["elapsed"] + (gap * SPEED if running else 0.0)  # type: ignore[index]
            # The restarted app shows the slot's time as if it had kept running while it was down.
            assert abs(timer_after["elapsed"] - expected) <= 0.25, (  # type: ignore[index]
                f"kill {kill + 1}: elapsed {timer_after['elapsed']} expected {expected}")  # type: ignore[index]
    finally:
        if app.proc is not None and app.proc.poll() is None:
            app.kill()


PLAN_EDITS: list[tuple[str, dict[str, object]]] = [
    ("insert_slot", {"after": "welcome", "title": "Surprise guest", "duration": 300, "id": "guest"}),
    ("edit_slot", {"slot": "policy-panel", "duration": 1200}),
    ("shift", {"minutes": 5, "from": "agder"}),
    ("undo", {}),
    ("delete_slot", {"slot": "closing"}),
]


def test_kills_after_plan_edits_restore_the_edited_plan(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.yaml"  # a copy: the app saves plan edits to its agenda file
    agenda.write_text((ROOT / "agenda.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    app = App(tmp_path, free_port(), agenda)
    app.start()
    try:
        app.command("go", {})
        for kill, (name, args) in enumerate(PLAN_EDITS):
            app.command(name, args)
            before = app.state()
            app.kill()
            app.start()
            after = app.state()
            plan = [(s["id"], s["start"], s["end"]) for s in before["rundown"]]  # type: ignore[union-attr, index]
            assert [(s["id"], s["start"], s["end"]) for s in after["rundown"]] == plan, (  # type: ignore[union-attr, index]
                f"kill {kill + 1} after {name}")
            assert essentials(after) == essentials(before), f"kill {kill + 1}"
            assert after["can_undo"] == before["can_undo"]
        ids = [s["id"] for s in app.state()["rundown"]]  # type: ignore[union-attr, index]
        assert "guest" in ids and "closing" not in ids
    finally:
        if app.proc is not None and app.proc.poll() is None:
            app.kill()
