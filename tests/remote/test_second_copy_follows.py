"""Two real processes on one state folder: the second, given --follow-if-running, becomes the first's backup.

The first copy runs the show on a free loopback port and says where in its state folder (remote-address); the
second finds it there, follows it in its own process (its copy in <state folder>/backup, its server on a free
port beside the first) and mirrors a command sent to the first. Both are killed at the end, whatever happened.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from runofshow.io.server_address import read_address

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 45.0  # the real app coming up (twice, on two cores shared with other tests)
MIRROR_TIMEOUT_S = 15.0
HTTP_TIMEOUT_S = 2.0
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy


def app_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUNOFSHOW_NO_DIALOGS": "1",
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
            "PYTHONPATH": str(ROOT)}


class Copy:
    """One runofshow process, its stderr in a file (never a pipe it could block on)."""

    def __init__(self, tmp_path: Path, name: str, args: list[str]) -> None:
        self.log = tmp_path / f"{name}.err"
        with self.log.open("wb") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "runofshow", *args], cwd=ROOT, env=app_env(tmp_path),
                                         stdout=subprocess.DEVNULL, stderr=err)

    def words(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture
def copies(tmp_path: Path) -> Iterator[Callable[[str, list[str]], Copy]]:
    started: list[Copy] = []

    def start(name: str, args: list[str]) -> Copy:
        copy = Copy(tmp_path, name, args)
        started.append(copy)
        return copy

    try:
        yield start
    finally:
        for copy in started:
            copy.kill()


def get(address: str, path: str) -> Any:
    with _direct.open(f"http://{address}{path}", timeout=HTTP_TIMEOUT_S) as reply:
        return json.loads(reply.read())


def post(address: str, path: str, body: dict[str, object]) -> Any:
    request = urllib.request.Request(f"http://{address}{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with _direct.open(request, timeout=HTTP_TIMEOUT_S) as reply:
        return json.loads(reply.read())


def wait_for(what: str, check: Callable[[], Any], copies: list[Copy], timeout_s: float) -> Any:
    """`check()`'s first true answer (errors count as not yet), within `timeout_s`; fails naming `what`, with
    each copy's words, if a copy exits or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for copy in copies:
            if copy.proc.poll() is not None:
                pytest.fail(f"a copy exited ({copy.proc.returncode}) while waiting for {what}:\n{copy.words()}")
        try:
            answer = check()
        except (OSError, ValueError):
            answer = None
        if answer:
            return answer
        time.sleep(0.1)  # polling other processes, not timing logic
    pytest.fail(f"no {what} within {timeout_s} s:\n" + "\n".join(copy.words() for copy in copies))


def serving(state_dir: Path, role: str) -> Callable[[], str | None]:
    """The address in `state_dir`, once a runofshow answers there in `role`."""

    def check() -> str | None:
        address = read_address(state_dir)
        return address if address is not None and get(address, "/api/role").get("role") == role else None

    return check


@pytest.mark.slow
def test_a_second_copy_given_follow_if_running_follows_the_first_and_mirrors_its_commands(
        tmp_path: Path, copies: Callable[[str, list[str]], Copy]) -> None:
    state_dir = tmp_path / "state"
    first = copies("first", ["--state-dir", str(state_dir), "--resume", "never", "--listen", "127.0.0.1:0"])
    primary = wait_for("first copy serving", serving(state_dir, "primary"), [first], START_TIMEOUT_S)

    second = copies("second", ["--state-dir", str(state_dir), "--follow-if-running"])
    backup = wait_for("second copy following", serving(state_dir / "backup", "following"), [first, second],
                      START_TIMEOUT_S)
    assert backup != primary
    state = wait_for("the second copy connected", lambda: (s := get(backup, "/api/state"))["pair"]["connected"] and s,
                     [first, second], START_TIMEOUT_S)
    assert state["pair"]["role"] == "following"
    assert state["pair"]["primary"] == primary

    assert post(primary, "/api/command/message", {"text": "Five minutes, Ana"})["ok"] is True
    wait_for("the message on the backup", lambda: "Five minutes, Ana" in json.dumps(get(backup, "/api/state")),
             [first, second], MIRROR_TIMEOUT_S)
    assert get(primary, "/api/state")["pair"]["role"] == "primary"
    words = second.words()
    assert "Following it as a backup, as runofshow follow" in words and "Traceback" not in words
