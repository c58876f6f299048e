"""Issue 10's cases end to end: the real app in its own process, driven over HTTP, killed with SIGKILL.

Each scenario is what a controller, an attacker or a clumsy operator did on main at 1f044c6.
"""

from __future__ import annotations

import http.client
import json
import shutil
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from runofshow.paths import bundled_agenda
from tests.reliability.test_crash import App, essentials, free_port

pytestmark = pytest.mark.slow


class Driven(App):
    def post(self, name: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, dict[str, object]]:
        """A command as raw JSON bytes (so a lone surrogate can be sent): (status, reply)."""
        token = (self.state_dir / "remote-token").read_text(encoding="ascii").strip()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/command/{name}", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())
        except (OSError, http.client.HTTPException):  # killed before it answered
            return 0, {}

    def wait_for(self, check: object, timeout: float = 10.0) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state()
            if check(state):  # type: ignore[operator]
                return state
            time.sleep(0.1)
        raise AssertionError(f"never reached: {self.state()}")


@pytest.fixture
def app(tmp_path: Path) -> Driven:
    agenda = tmp_path / "agenda.yaml"
    shutil.copy(bundled_agenda(), agenda)
    started = Driven(tmp_path, free_port(), agenda)
    started.start()
    yield started
    if started.proc is not None and started.proc.poll() is None:
        started.kill()


def test_absurd_numbers_and_broken_text_are_refused_and_the_clock_keeps_running(app: Driven) -> None:
    assert app.post("go", b"{}")[0] == 200
    status, reply = app.post("add_time", b'{"seconds": 300000000000}')
    assert status == 400 and "seconds" in str(reply["error"])
    status, reply = app.post("message", b'{"text": "x\\ud800"}')
    assert status == 400 and "not valid Unicode" in str(reply["error"])
    first = app.state()
    app.wait_for(lambda s: s["server_time"] > first["server_time"] + 1)  # the clock and the pushes go on
    assert app.post("clear_message", b"{}")[0] == 409  # nothing was applied
    app.kill()
    app.start()  # the record holds nothing that stops a restart
    assert essentials(app.state())[:2] == essentials(first)[:2]


def test_an_agenda_edit_during_the_show_survives_a_kill(app: Driven, tmp_path: Path) -> None:
    assert app.post("goto", b'{"slot": "ec-objectives"}')[0] == 200
    agenda = tmp_path / "agenda.yaml"
    text = agenda.read_text(encoding="utf-8")
    start, end = text.index("  - id: ec-objectives\n"), text.index("  - id: belgian-presidency\n")
    agenda.write_text(text[:start] + text[end:], encoding="utf-8")  # the running slot is deleted from the file
    seen = app.wait_for(lambda s: s["phase"] == "between")  # the file watcher reloads it
    assert seen["current"]["id"] == "belgian-presidency"  # type: ignore[index]
    app.kill()
    app.start()
    assert essentials(app.state()) == essentials(seen)


def test_a_command_in_flight_when_the_app_is_killed_is_either_whole_or_absent(app: Driven) -> None:
    assert app.post("go", b"{}")[0] == 200
    before = app.state()
    replies: list[object] = []
    sender = threading.Thread(target=lambda: replies.append(app.post("next", b"{}")), daemon=True)
    sender.start()
    time.sleep(0.005)  # the command is on its way, maybe written, maybe not: a random moment
    app.kill()
    sender.join(15)
    app.start()
    after = app.state()
    current = after["current"]["id"]  # type: ignore[index]
    assert current in ("welcome", "status-norway")
    if replies and replies[0][0] == 200:  # type: ignore[index]
        assert current == "status-norway"  # acknowledged means recorded
    assert after["message"] == before["message"]


def test_a_show_killed_after_it_finished_comes_back_finished(app: Driven) -> None:
    assert app.post("goto", b'{"slot": "reception"}')[0] == 200
    assert app.post("message", b'{"text": "Thank you, safe home"}')[0] == 200
    assert app.post("blackout", b'{"display": "stage", "on": true}')[0] == 200
    assert app.post("next", b"{}")[0] == 200
    finished = app.state()
    assert finished["phase"] == "finished"
    app.kill()
    app.start()
    assert essentials(app.state()) == essentials(finished)


def test_a_retried_command_with_an_idempotency_key_advances_the_show_once(app: Driven) -> None:
    key = {"Idempotency-Key": "stream-deck-42"}
    assert app.post("go", b"{}")[0] == 200
    first = app.post("next", b"{}", key)
    again = app.post("next", b"{}", key)
    assert first == again and first[0] == 200
    assert app.state()["current"]["id"] == "status-norway"  # type: ignore[index]
