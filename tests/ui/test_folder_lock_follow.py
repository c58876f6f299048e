"""A second copy on a running show may follow it as a backup: offered only when that copy's server answers here.

The running copy's server writes where it listens into the state folder (remote-address); the second copy's
box gets "Follow it as a backup" when that address answers as the show's primary, the words on stderr give
the command line to type, and --follow-if-running follows without asking. Everything stays on loopback.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.core.standing import Role, Standing
from runofshow.io.server_address import ADDRESS_FILE, keep_address, read_address
from runofshow.io.session import ShowSession
from runofshow.io.state_lock import StateLock
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.options import TOKEN_FILE, RemoteOptions, load_or_create_token
from runofshow.remote.server import RemoteServer, start_server
from runofshow.ui import folder_lock
from runofshow.ui.folder_lock import FollowInstead, lock_or_follow
from tests.core.helpers import at, seed
from tests.ui.test_second_copy_offer import when_box_shown

LOOPBACK = "127.0.0.1"
BRING, FOLLOW, QUIT = "Bring the running show to the front", "Follow it as a backup", "Quit"


@pytest.fixture
def state_dir(tmp_path: Path) -> Iterator[Path]:
    """The show's state folder, held by "the running copy" (this test process, on another open file)."""
    folder = tmp_path / "state"
    lock = StateLock.acquire(folder)
    with lock:
        yield folder


@pytest.fixture
def bridge(qtbot: QtBot, tmp_path: Path) -> Iterator[ShowBridge]:
    made = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path / "bridge"), FakeClock(at(13, 20).t))
    yield made
    made.stop()
    made.session.close()


@pytest.fixture
def running(bridge: ShowBridge, state_dir: Path) -> Iterator[RemoteServer]:
    """The running copy's network server, on a free loopback port, keeping its address in the state folder."""
    server = RemoteServer(bridge, RemoteOptions(host=LOOPBACK, port=0), load_or_create_token(state_dir),
                          state_dir=state_dir)
    assert server.start(), server.error
    yield server
    server.stop()


def nobody_listens() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def another_program() -> Iterator[int]:
    """Something that is not runofshow, on the port a crashed copy left in its address file."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"<html>a printer's status page</html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((LOOPBACK, 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()
    thread.join(5)


def buttons_offered(monkeypatch: pytest.MonkeyPatch, state_dir: Path, press: str = QUIT) -> tuple[list[str], object]:
    """The second copy's box, as a person would see it: its buttons, and what lock_or_follow returned once
    `press` was pressed."""
    monkeypatch.setattr(folder_lock, "can_show_dialogs", lambda: True)
    seen: list[str] = []

    def look(box: QMessageBox) -> None:
        seen.extend(button.text() for button in box.buttons())
        wanted = next(button for button in box.buttons() if button.text() == press)
        if press == QUIT:
            box.reject()
        else:
            wanted.click()

    when_box_shown(look)
    return seen, lock_or_follow(state_dir)


def test_the_running_copys_server_keeps_where_it_listens_and_removes_it_on_a_clean_stop(
        bridge: ShowBridge, tmp_path: Path) -> None:
    folder = tmp_path / "show"
    folder.mkdir()
    (folder / ADDRESS_FILE).write_text("127.0.0.1:9\n", encoding="ascii")  # left by a copy killed earlier
    assert start_server(bridge, RemoteOptions(enabled=False), folder) is None
    assert not (folder / ADDRESS_FILE).exists(), "this copy holds the folder: an address found there was stale"
    server = start_server(bridge, RemoteOptions(host=LOOPBACK, port=0), folder)
    assert server is not None and server.running
    try:
        assert (folder / ADDRESS_FILE).read_text(encoding="ascii") == f"{LOOPBACK}:{server.port}\n"
        assert read_address(folder) == f"{LOOPBACK}:{server.port}"
    finally:
        server.stop()
    assert not (folder / ADDRESS_FILE).exists()


def test_a_garbled_address_file_is_no_address(tmp_path: Path) -> None:
    for text in ("", "localhost", "127.0.0.1:0", "127.0.0.1:70000", "a b:80", "127.0.0.1:80; rm -rf ~", "x" * 400):
        (tmp_path / ADDRESS_FILE).write_text(text, encoding="ascii")
        assert read_address(tmp_path) is None, text
    assert keep_address(tmp_path, "::1", 4790) == "[::1]:4790"
    assert read_address(tmp_path) == "[::1]:4790"


def test_the_box_offers_to_follow_a_running_copy_whose_server_answers(
        running: RemoteServer, state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buttons, chosen = buttons_offered(monkeypatch, state_dir, press=FOLLOW)
    assert sorted(buttons) == sorted([BRING, FOLLOW, QUIT])  # (their order on screen is the platform's)
    assert isinstance(chosen, FollowInstead)
    assert chosen.address == f"{LOOPBACK}:{running.port}" and chosen.state_dir == state_dir
    assert chosen.arguments() == [f"{LOOPBACK}:{running.port}", "--state-dir", str(state_dir / "backup"),
                                  "--listen", f"{LOOPBACK}:{chosen.port}"]
    assert chosen.port != running.port


def test_quitting_the_box_that_offered_to_follow_still_quits(
        running: RemoteServer, state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buttons, chosen = buttons_offered(monkeypatch, state_dir, press=QUIT)
    assert FOLLOW in buttons
    assert chosen is None


@pytest.mark.parametrize("where", ["no file", "a crashed copy's port", "another program", "a backup itself"])
def test_no_follow_button_unless_the_address_answers_as_the_shows_primary(
        where: str, bridge: ShowBridge, state_dir: Path, another_program: int, monkeypatch: pytest.MonkeyPatch) -> None:
    server = None
    if where == "a crashed copy's port":
        keep_address(state_dir, LOOPBACK, nobody_listens())
    elif where == "another program":
        keep_address(state_dir, LOOPBACK, another_program)
    elif where == "a backup itself":  # it streams no record: nothing to follow there
        server = RemoteServer(bridge, RemoteOptions(host=LOOPBACK, port=0), load_or_create_token(state_dir),
                              state_dir=state_dir)
        assert server.start(), server.error
        server.app.standing = lambda: replace(Standing(), role=Role.FOLLOWING, primary="192.168.1.20:8765")
    try:
        buttons, chosen = buttons_offered(monkeypatch, state_dir)
    finally:
        if server is not None:
            server.stop()
    assert sorted(buttons) == sorted([BRING, QUIT])
    assert chosen is None


def test_without_a_box_the_words_give_the_command_line_to_follow_it(
        running: RemoteServer, state_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert not folder_lock.can_show_dialogs()  # offscreen: stderr only
    assert lock_or_follow(state_dir) is None
    err = capsys.readouterr().err
    assert "Only one copy can drive a show. Carry on in that copy's window." in err
    command = f"runofshow follow {LOOPBACK}:{running.port} --state-dir {state_dir / 'backup'} --listen {LOOPBACK}:"
    assert f"To follow it as a backup instead (a copy that can take over if it stops), type: {command}" in err
    assert "(or start this copy again with --follow-if-running)." in err
    assert "--token" not in err, "loopback: no token needed"


def test_follow_if_running_follows_without_asking(
        running: RemoteServer, state_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_lock, "can_show_dialogs", lambda: True)
    monkeypatch.setattr(folder_lock, "tell_busy", lambda *_args: pytest.fail("no box with --follow-if-running"))
    chosen = lock_or_follow(state_dir, follow_if_running=True)
    assert isinstance(chosen, FollowInstead) and chosen.address == f"{LOOPBACK}:{running.port}"
    err = capsys.readouterr().err
    assert f"Following it as a backup, as {chosen.command()} would." in err


def test_follow_if_running_on_a_copy_without_a_server_says_why_and_does_not_follow(
        state_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lock_or_follow(state_dir, follow_if_running=True, wait_s=0.0) is None
    assert ("--follow-if-running: it cannot be followed: its network server is off (started with --no-remote) or "
            "not started yet.") in capsys.readouterr().err


def test_follow_if_running_waits_for_a_copy_whose_server_is_still_starting(
        bridge: ShowBridge, state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server = RemoteServer(bridge, RemoteOptions(host=LOOPBACK, port=0), load_or_create_token(state_dir),
                          state_dir=state_dir)
    polls: list[float] = []

    def server_comes_up(seconds: float) -> None:  # instead of sleeping: the running copy's server binds meanwhile
        polls.append(seconds)
        if len(polls) == 3:
            assert server.start(), server.error

    monkeypatch.setattr(folder_lock, "_pause", server_comes_up)
    try:
        chosen = lock_or_follow(state_dir, follow_if_running=True, wait_s=60.0)
        assert isinstance(chosen, FollowInstead) and chosen.address == f"{LOOPBACK}:{server.port}"
    finally:
        server.stop()
    assert polls == [folder_lock.FOLLOW_POLL_S] * 3


def test_a_copy_listening_beyond_loopback_is_reached_here_with_its_token(tmp_path: Path) -> None:
    offer = FollowInstead("0.0.0.0:4790", tmp_path, 4791)
    assert offer.needs_token
    assert offer.command() == (f"runofshow follow 127.0.0.1:4790 --state-dir {tmp_path / 'backup'} "
                               "--listen 0.0.0.0:4791 --token TOKEN")
    assert offer.arguments("t0ken")[-2:] == ["--token", "t0ken"]
    assert not FollowInstead("127.0.0.1:4790", tmp_path, 4791).needs_token
    spaced = FollowInstead("[::1]:4790", tmp_path / "my show", 4791)
    assert spaced.command() == (f"runofshow follow '[::1]:4790' --state-dir '{tmp_path / 'my show' / 'backup'}' "
                                "--listen '[::1]:4791'")


def test_run_app_runs_the_backup_in_this_process_with_the_running_copys_token(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from runofshow import app

    state_dir = tmp_path / "state"
    token = load_or_create_token(state_dir, TOKEN_FILE)
    offer = FollowInstead("192.168.1.20:8765", state_dir, 8766)
    asked: list[tuple[Path, bool]] = []

    def chosen(folder: Path, *, follow_if_running: bool = False) -> FollowInstead:
        asked.append((folder, follow_if_running))
        return offer

    followed: list[list[str]] = []

    def follow(argv: list[str]) -> int:
        followed.append(list(argv))
        return 0

    monkeypatch.setattr(folder_lock, "lock_or_follow", chosen)
    monkeypatch.setattr(app, "run_follow", follow)
    assert app.run_app(["--state-dir", str(state_dir), "--follow-if-running"]) == 0
    assert asked == [(state_dir, True)]
    assert followed == [["192.168.1.20:8765", "--state-dir", str(state_dir / "backup"),
                         "--listen", "192.168.1.20:8766", "--token", token]]
