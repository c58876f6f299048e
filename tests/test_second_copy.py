"""A second copy of the app on a state folder already in use says so and exits 2: never two writers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runofshow.io.state_lock import LOCK_NAME

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 30.0  # seconds for the real app to come up on a slow CI machine


def app_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    env.pop("RUNOFSHOW_NO_DIALOGS", None)  # offscreen alone must keep the message box away
    return env


def start_app(tmp_path: Path, state_dir: Path, name: str) -> tuple[subprocess.Popen[bytes], Path]:
    log = tmp_path / f"{name}.err"
    with log.open("wb") as err:  # a file, not a pipe: the app logs freely and never blocks on it
        proc = subprocess.Popen([sys.executable, "-m", "runofshow", "--state-dir", str(state_dir),
                                 "--resume", "never", "--no-remote"],
                                cwd=ROOT, env=app_env(tmp_path), stdout=subprocess.DEVNULL, stderr=err)
    return proc, log


def holder_pid(state_dir: Path) -> int | None:
    try:
        pid = json.loads((state_dir / LOCK_NAME).read_text(encoding="utf-8")).get("pid")
    except (OSError, ValueError, AttributeError):
        return None
    return pid if isinstance(pid, int) else None


def wait_until_it_holds_the_lock(proc: subprocess.Popen[bytes], state_dir: Path, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if holder_pid(state_dir) == proc.pid:
            return
        if proc.poll() is not None:
            pytest.fail(f"the app exited ({proc.returncode}) before taking the lock:\n{log.read_text()}")
        time.sleep(0.05)
    proc.kill()
    pytest.fail(f"the app never took the lock on {state_dir}:\n{log.read_text()}")


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_second_copy_on_the_same_state_folder_says_who_runs_the_show_and_exits_2(tmp_path: Path) -> None:
    state_dir = tmp_path / "state"
    first, first_log = start_app(tmp_path, state_dir, "first")
    try:
        wait_until_it_holds_the_lock(first, state_dir, first_log)
        journals_before = sorted(state_dir.rglob("*.jsonl"))

        second, second_log = start_app(tmp_path, state_dir, "second")
        try:
            assert second.wait(timeout=15) == 2
        finally:
            stop(second)
        err = second_log.read_text(encoding="utf-8")
        assert f"runofshow is already running this show's record folder {state_dir}: process {first.pid} on " \
               "this laptop since " in err
        assert "Only one copy can drive a show." in err
        assert "Carry on in that copy's window." in err and "start runofshow with --state-dir and another folder" in err
        assert "Traceback" not in err
        assert first.poll() is None, "the first copy is still running the show"
        assert sorted(state_dir.rglob("*.jsonl")) == journals_before, "the second copy wrote nothing"
        assert holder_pid(state_dir) == first.pid
    finally:
        stop(first, signal.SIGKILL)

    # Killed without a chance to clean up: the lock died with it, and the next start runs the show.
    third, third_log = start_app(tmp_path, state_dir, "third")
    try:
        wait_until_it_holds_the_lock(third, state_dir, third_log)
        assert third.poll() is None
    finally:
        stop(third)
    assert "already running" not in third_log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_state_folder_that_cannot_be_made_stops_the_app_with_status_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    proc, log = start_app(tmp_path, tmp_path / "file" / "state", "unusable")
    try:
        assert proc.wait(timeout=30) == 2
    finally:
        stop(proc)
    err = log.read_text(encoding="utf-8")
    assert f"runofshow cannot use the state folder {tmp_path / 'file' / 'state'}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("env", "shown"), [
    ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen:configfile=x.json", "DISPLAY": ":0"}, False),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "RUNOFSHOW_NO_DIALOGS": "1"}, False),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, True),
])
def test_the_refusal_is_shown_in_a_box_only_where_someone_can_see_it(env: dict[str, str], shown: bool,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from runofshow.app import can_show_dialogs

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "RUNOFSHOW_NO_DIALOGS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert can_show_dialogs() is shown
