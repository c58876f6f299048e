"""Issue 13, done when: a stage manager runs the seed show and, during it, adds a surprise guest after
the welcome, cuts the panel to 20 minutes, delays everything after the break by 5 minutes and undoes
each of these, with the displays, the saved file, the report and a restart after kill -9 all agreeing.

The real app runs as its own process (offscreen, its own state folder, a copy of the seed agenda),
driven over HTTP on loopback as a Stream Deck would. After every step the same four witnesses are
asked: the snapshot the displays draw from, the agenda file as saved, `runofshow report` and, once,
the app itself after a SIGKILL and a restart.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from runofshow.io.agenda_yaml import load_agenda

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "agenda.yaml"
GUEST = "Surprise guest"
GUEST_SPEAKER = "Kari Nordmann, Minister of Trade, Government of Norway"
TIMEOUT = 30.0  # generous: a busy CI machine; every wait polls and returns as soon as it can

Plan = list[tuple[str, str, str]]  # (slot id, start, end) as ISO 8601 in the event's zone


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class App:
    """`runofshow AGENDA --resume always` as a process: a stage manager's restart script."""

    def __init__(self, agenda: Path, state_dir: Path) -> None:
        self.agenda, self.state_dir, self.port = agenda, state_dir, free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = state_dir / "app.log"

    def start(self) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(self.state_dir / "config"),
               "XDG_DATA_HOME": str(self.state_dir / "data")}
        with self.log.open("a", encoding="utf-8") as log:  # a file, not a pipe: a full pipe would stall the app
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "runofshow", str(self.agenda), "--state-dir", str(self.state_dir),
                 "--resume", "always", "--listen", f"127.0.0.1:{self.port}"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                self.state()
                return
            except (OSError, urllib.error.URLError):
                assert self.proc.poll() is None, self.log.read_text(encoding="utf-8")
                time.sleep(0.05)
        raise AssertionError(f"the app did not answer within {TIMEOUT} s")

    def _request(self, path: str, body: dict[str, object] | None = None) -> dict[str, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                         method="GET" if data is None else "POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())  # type: ignore[no-any-return]

    def state(self) -> dict[str, Any]:
        return self._request("/api/state")

    def command(self, name: str, args: dict[str, object]) -> dict[str, Any]:
        try:
            return self._request(f"/api/command/{name}", args)
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{name} {args}: HTTP {exc.code}: {exc.read().decode(errors='replace')}") from exc

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.kill()


def rundown(snapshot: dict[str, Any]) -> Plan:
    return [(s["id"], s["start"], s["end"]) for s in snapshot["rundown"]]


def file_plan(agenda: Path) -> Plan:
    loaded = load_agenda(agenda)
    assert loaded.agenda is not None, [str(p) for p in loaded.problems]
    return [(s.id, s.start.isoformat(), s.end.isoformat()) for s in loaded.agenda.slots]


def report_starts(agenda: Path, state_dir: Path, out: Path) -> dict[str, str]:
    """`runofshow report AGENDA --state-dir D --out X.csv`, as a stage manager types it: slot id -> planned start."""
    done = subprocess.run([sys.executable, "-m", "runofshow", "report", str(agenda), "--state-dir", str(state_dir),
                           "--out", str(out)], check=False, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        return {row["slot"]: row["planned start"] for row in csv.DictReader(handle)}


def settled(app: App, agenda: Path, check: str) -> dict[str, Any]:
    """The snapshot once the saved file shows the same plan (the save follows the command at once).

    Polls rather than sleeps: a save that never comes fails here, with both plans side by side."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        snapshot = app.state()
        on_disk = file_plan(agenda)
        if rundown(snapshot) == on_disk:
            return snapshot
        if time.monotonic() > deadline:
            raise AssertionError(f"{check}: the saved file and the displays disagree\n"
                                 f"displays: {rundown(snapshot)}\nfile:     {on_disk}")
        time.sleep(0.05)


def witnesses_agree(app: App, agenda: Path, state_dir: Path, out: Path, check: str) -> dict[str, Any]:
    """The displays' snapshot, the saved file and the report all give one plan; the snapshot is returned."""
    snapshot = settled(app, agenda, check)
    loaded = load_agenda(agenda)
    assert loaded.agenda is not None
    planned = {s.id: s.start.strftime("%H:%M:%S") for s in loaded.agenda.slots}
    assert report_starts(agenda, state_dir, out) == planned, f"{check}: the report's planned starts"
    return snapshot


def by_id(snapshot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in snapshot["rundown"]}


def minutes(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def next_at(snapshot: dict[str, Any]) -> set[str]:
    """What every display's words say the next slot starts at (one value per timer zone)."""
    return {words["next_at"] for words in snapshot["words"].values()}


def test_surprise_guest_short_panel_late_return_undo_and_kill(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.yaml"  # a copy: the app saves plan edits into its agenda file
    agenda.write_bytes(SEED.read_bytes())
    state_dir = tmp_path / "state"
    state_dir.mkdir()
    out = tmp_path / "report.csv"
    app = App(agenda, state_dir)
    app.start()
    try:
        seed = rundown(app.state())
        assert seed == file_plan(agenda)

        # GO: the welcome is on.
        app.command("go", {})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after GO")
        assert snapshot["current"]["id"] == "welcome"
        assert rundown(snapshot) == seed

        # A surprise guest after the welcome: 5 minutes, next up on every display.
        app.command("insert_slot", {"after": "welcome", "title": GUEST, "duration": 300, "speakers": [GUEST_SPEAKER]})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after the guest")
        ids = [s[0] for s in rundown(snapshot)]
        guest_id = ids[ids.index("welcome") + 1]
        guest = by_id(snapshot)[guest_id]
        assert guest["title"] == GUEST and guest["people"] == ["Kari Nordmann"]
        assert guest["start"] == by_id(snapshot)["welcome"]["end"]
        assert minutes(guest["end"]) - minutes(guest["start"]) == timedelta(minutes=5)
        assert [i for i in ids if i != guest_id] == [s[0] for s in seed]
        assert snapshot["current"]["id"] == "welcome"
        assert snapshot["next"]["id"] == guest_id and snapshot["next"]["title"] == GUEST
        assert [p["label"] for p in snapshot["next"]["speakers"]] == [GUEST_SPEAKER]
        assert next_at(snapshot) == {"13:45"}, "the displays' 'next at' is the guest's start"
        assert by_id(snapshot)["agder"]["start"] == dict((s[0], s[1]) for s in seed)["agder"]  # a hard start holds
        after_guest = rundown(snapshot)

        # The panel cut to 20 minutes.
        app.command("edit_slot", {"slot": "policy-panel", "duration": 1200})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after the panel cut")
        panel = by_id(snapshot)["policy-panel"]
        assert panel["duration"] == 1200
        assert minutes(panel["end"]) - minutes(panel["start"]) == timedelta(minutes=20)
        assert panel["start"] == by_id(snapshot)["agder"]["end"]
        assert snapshot["current"]["id"] == "welcome"
        after_cut = rundown(snapshot)

        # Everything from the return after the break on, 5 minutes later.
        app.command("shift", {"minutes": 5, "from": "agder"})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after the shift")
        moved = rundown(snapshot)
        first = [s[0] for s in moved].index("agder")
        assert moved[:first] == after_cut[:first], "nothing before the break's end moves"
        for (slot, start, end), (_, was_start, was_end) in zip(moved[first:], after_cut[first:], strict=True):
            assert minutes(start) - minutes(was_start) == timedelta(minutes=5), slot
            assert minutes(end) - minutes(was_end) == timedelta(minutes=5), slot
        assert by_id(snapshot)["agder"]["start"].startswith("2023-11-30T15:15:00")
        assert snapshot["current"]["id"] == "welcome" and snapshot["can_undo"]
        assert snapshot["next"]["id"] == guest_id
        # The rundown's forecast: the return from the break expected at its hard start, 15:15, unless the slots
        # before it end later. The app runs on the real clock (GO was pressed at today's time of day), so
        # the test works out which case today is instead of assuming an afternoon before 15:15.
        agder = [s[0] for s in moved].index("agder")
        assert len(snapshot["expected"]) == len(moved)
        before_it = snapshot["expected"][agder - 1]
        pace_reaches = datetime.fromisoformat(before_it["start"]) + (minutes(moved[agder - 1][2])
                                                                    - minutes(moved[agder - 1][1]))
        forecast = snapshot["expected"][agder]
        expected_at = datetime.fromisoformat(forecast["start"])
        # The plan is played on the day of the show (the day GO was pressed): its 15:15 is that day's 15:15,
        # even when the pace reaches past midnight (a test run late in the evening).
        show_day = datetime.fromisoformat(snapshot["planned_start"]).date()
        hard_start = datetime.combine(show_day, minutes(by_id(snapshot)["agder"]["start"]).timetz())
        late = pace_reaches > hard_start
        assert expected_at == (pace_reaches if late else hard_start)
        assert forecast["late_hard"] is late

        # kill -9 and the restart script: the same plan, the same slot, its time still running.
        before = app.state()
        app.kill()
        app.start()
        after = app.state()
        assert rundown(after) == rundown(before), "the plan after kill -9"
        assert after["current"]["id"] == before["current"]["id"] == "welcome"
        assert after["phase"] == before["phase"] == "running"
        assert after["next"]["id"] == before["next"]["id"] and next_at(after) == next_at(before)
        gap = float(after["server_time"]) - float(before["server_time"])
        expected = before["timer"]["elapsed"] + gap
        assert abs(after["timer"]["elapsed"] - expected) <= 2.0, (after["timer"]["elapsed"], expected)
        assert rundown(after) == file_plan(agenda), "the file after kill -9"
        assert after["can_undo"]

        # Undo each edit, newest first: displays, file and report agree after each.
        app.command("undo", {})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after undoing the shift")
        assert rundown(snapshot) == after_cut
        app.command("undo", {})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after undoing the panel cut")
        assert rundown(snapshot) == after_guest
        app.command("undo", {})
        snapshot = witnesses_agree(app, agenda, state_dir, out, "after undoing the guest")
        assert rundown(snapshot) == seed
        assert snapshot["current"]["id"] == "welcome" and snapshot["phase"] == "running"
        assert snapshot["next"]["id"] == "status-norway"
        assert agenda.read_bytes() == SEED.read_bytes(), "three undos give back the file as it was, byte for byte"
    finally:
        app.stop()
        log = app.log.read_text(encoding="utf-8") if app.log.exists() else ""
        assert "Traceback" not in log, log
