"""One controller per state folder: the lock, what a second copy is told, and a holder that dies."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from runofshow.io import state_lock
from runofshow.io.state_lock import LOCK_NAME, StateFolderBusy, StateFolderUnusable, StateLock

ROOT = Path(__file__).resolve().parents[2]
HOST = socket.gethostname()
TWO_PM = datetime(2023, 11, 30, 14, 2, 11).timestamp()  # local time, as the sentence shows it


def details(state_dir: Path) -> dict[str, object]:
    text = (state_dir / LOCK_NAME).read_text(encoding="utf-8")
    return json.loads(text) if text.strip() else {}


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[StateLock]:
    lock = StateLock.acquire(tmp_path / "state")
    yield lock
    lock.release()


def test_a_second_lock_on_the_same_folder_is_refused_and_names_the_holder(holder: StateLock) -> None:
    with pytest.raises(StateFolderBusy) as refused:
        StateLock.acquire(holder.state_dir)
    busy = refused.value
    assert (busy.pid, busy.host, busy.state_dir) == (os.getpid(), HOST, holder.state_dir)
    assert busy.since is not None and abs(busy.since - time.time()) < 60
    assert f"(process {os.getpid()} on this laptop, since " in str(busy)
    assert holder.held


def test_the_refused_copy_leaves_the_holders_details_alone(holder: StateLock) -> None:
    before = details(holder.state_dir)
    with pytest.raises(StateFolderBusy):
        StateLock.acquire(holder.state_dir)
    assert details(holder.state_dir) == before


def test_the_lock_file_records_the_process_the_host_and_the_start_time(tmp_path: Path) -> None:
    with StateLock.acquire(tmp_path, now=TWO_PM) as lock:
        recorded = details(tmp_path)
        assert lock.path == tmp_path / LOCK_NAME
    assert recorded["pid"] == os.getpid()
    assert recorded["host"] == HOST
    assert datetime.fromisoformat(str(recorded["since"])).timestamp() == TWO_PM


def test_the_operator_is_told_which_process_holds_the_show_since_when_and_what_to_do() -> None:
    busy = StateFolderBusy(Path("/srv/show/state"), 4242, HOST, TWO_PM, this_host=HOST, now=TWO_PM + 3600)
    assert str(busy) == ("runofshow is already running a show from /srv/show/state (process 4242 on this laptop, "
                         "since 14:02:11). Use that window, or start this copy with --state-dir for another show.")


def test_a_holder_on_another_machine_or_day_is_named_as_such() -> None:
    busy = StateFolderBusy(Path("/mnt/share"), 7, "studio-pc", TWO_PM, this_host=HOST, now=TWO_PM + 86400)
    assert "(process 7 on studio-pc, since 2023-11-30 14:02:11)" in str(busy)


def test_released_the_lock_can_be_taken_again_and_its_details_are_cleared(tmp_path: Path) -> None:
    with StateLock.acquire(tmp_path) as first:
        assert first.held
    assert not first.held
    assert (tmp_path / LOCK_NAME).read_bytes() == b""
    second = StateLock.acquire(tmp_path)
    second.release()
    second.release()  # twice is harmless


def test_a_missing_state_folder_is_created(tmp_path: Path) -> None:
    with StateLock.acquire(tmp_path / "a" / "b"):
        assert (tmp_path / "a" / "b" / LOCK_NAME).is_file()


@pytest.mark.parametrize("garbage", [
    b"", b"\x00\xff\xfe garbage", b"[1, 2]", b'{"pid": "4242", "host": 12, "since": "yesterday"}',
    b'{"pid": true, "host": "a\\u0007b", "since": "9999-12-31T23:59:59+14:00"}', b'{"pid": -1}',
    b"{" * 10000,
])
def test_an_empty_or_garbled_lock_file_still_locks_and_gives_a_plain_sentence(holder: StateLock,
                                                                              garbage: bytes) -> None:
    holder.path.write_bytes(garbage)  # the lock is on the open file, not on what it says
    with pytest.raises(StateFolderBusy) as refused:
        StateLock.acquire(holder.state_dir)
    sentence = str(refused.value)
    assert sentence.startswith(f"runofshow is already running a show from {holder.state_dir} (")
    assert sentence.endswith("Use that window, or start this copy with --state-dir for another show.")
    assert refused.value.pid is None


def test_a_garbled_lock_file_nobody_holds_is_taken_and_rewritten(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_bytes(b"\x00garbage from an old crash" * 100)
    with StateLock.acquire(tmp_path):
        assert details(tmp_path)["pid"] == os.getpid()


def test_a_folder_that_cannot_be_created_is_refused_with_a_plain_sentence(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(StateFolderUnusable) as refused:
        StateLock.acquire(tmp_path / "file" / "state")
    assert str(refused.value).startswith(f"runofshow cannot use the state folder {tmp_path / 'file' / 'state'}: "
                                         "the folder cannot be created (")
    assert "--state-dir" in str(refused.value)


def test_a_lock_file_that_cannot_be_opened_is_refused(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).mkdir()
    with pytest.raises(StateFolderUnusable) as refused:
        StateLock.acquire(tmp_path)
    assert f"its lock file {LOCK_NAME} cannot be opened" in str(refused.value)
    assert not isinstance(refused.value, StateFolderBusy)


def test_a_read_only_disk_is_refused_not_run_without_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(state_lock.os, "open", read_only)
    with pytest.raises(StateFolderUnusable) as refused:
        StateLock.acquire(tmp_path)
    assert "(Read-only file system)" in str(refused.value)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes into any folder")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StateFolderUnusable):
            StateLock.acquire(tmp_path)
    finally:
        tmp_path.chmod(0o755)


HOLD = """
import sys, time
from pathlib import Path
from runofshow.io.state_lock import StateLock
lock = StateLock.acquire(Path(sys.argv[1]))
while True:
    time.sleep(60)
"""


def hold_in_child(state_dir: Path) -> subprocess.Popen[bytes]:
    """A child process that takes the lock and keeps it; returned once its details are on disk."""
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(state_dir)], cwd=ROOT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if (state_dir / LOCK_NAME).is_file() and details(state_dir).get("pid") == child.pid:
            return child
        assert child.poll() is None, "the child could not take the lock"
        time.sleep(0.02)
    child.kill()
    pytest.fail("the child never took the lock")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_another_process_holding_the_lock_blocks_this_one_until_it_is_killed(tmp_path: Path) -> None:
    child = hold_in_child(tmp_path)
    try:
        with pytest.raises(StateFolderBusy) as refused:
            StateLock.acquire(tmp_path)
        assert refused.value.pid == child.pid
        assert f"process {child.pid} on this laptop" in str(refused.value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    # Killed with no chance to clean up: its details are still in the file, but the lock died with it.
    assert details(tmp_path).get("pid") == child.pid
    with StateLock.acquire(tmp_path):
        assert details(tmp_path)["pid"] == os.getpid()
