"""This laptop in a pair, on the Qt thread: a primary that streams its record, or a backup that follows one.

A primary (every `runofshow` with its network server) offers its record on `/api/follow` (remote/feed.py)
and steps down when a laptop with a higher epoch says it took over. A backup (`runofshow follow`) copies
the primary's record (remote/follow.py), shows the same show on its windows and displays, refuses every
show command, and on `take_over` carries the show on from its copy: the session resumes the copied journal
as it would after a restart, and a new epoch is written into it. The laptop it took over from is told
(`fence`) until it answers, so that it steps down when it comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot

from runofshow.core.show import Outcome
from runofshow.core.standing import Epoch, Role, Standing, refusal
from runofshow.core.timing import local_datetime
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import journal_dir, read_journal
from runofshow.io.journal_format import Entry
from runofshow.io.record_copy import RecordCopy
from runofshow.io.record_tap import RecordTap
from runofshow.io.replay import Mirror, record_epoch
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.feed import FeedDetails, RecordFeed
from runofshow.remote.follow import FollowClient, Identity, Link, address_of, fence

log = logging.getLogger(__name__)


class PairHost(Protocol):
    """What the pairing needs of the app (app.py's AppController)."""

    state_dir: Path
    fsync: FsyncWorker

    @property
    def agenda_path(self) -> Path | None: ...

    def adopt_taken_over(self, path: Path, session: ShowSession) -> None: ...

    def notice(self, text: str) -> None: ...


def this_laptop(port: int | None) -> str:
    """A name for this laptop in the pair (breaks the tie of two take-overs from one epoch)."""
    return f"{socket.gethostname()}:{port or 0}"


def backup_agenda_path(state_dir: Path, agenda_name: str) -> Path:
    """Where a backup keeps its copy of the primary's agenda file (the journal copy goes in its folder)."""
    name = Path(agenda_name.replace("\\", "/")).name
    # The name comes from the network: a plain file name of an agenda, nothing that walks out of the folder.
    safe = name if re.fullmatch(r"[^./\x00-\x1f][^/\x00-\x1f]{0,120}\.ya?ml", name) else "agenda.yaml"
    return state_dir / "following" / safe


class Pairing(QObject):
    """Primary or backup; moves between them on take_over and on meeting a higher epoch."""

    _call = Signal(object)  # a function to run on the Qt thread, from the network or the follower's thread

    def __init__(self, bridge: ShowBridge, host: PairHost, token: str = "", listen: str = "") -> None:
        super().__init__(bridge)
        self.bridge = bridge
        self.host = host
        self.token = token  # the control token both laptops share
        self.listen = listen  # this laptop's server, host:port
        self.node = this_laptop(int(listen.rpartition(":")[2]) if listen.rpartition(":")[2].isdigit() else None)
        self.tap = RecordTap()
        self.epoch = Epoch()
        self.feed: RecordFeed | None = None
        self.client: FollowClient | None = None
        self.copy: RecordCopy | None = None
        self.mirror: Mirror | None = None
        self.agenda_name = ""
        self._fence: _FenceThread | None = None
        self._fixed_folder: Path | None = None  # a laptop that stepped down copies into its own journal folder
        self._feed_slot: Callable[[RecordFeed | None], None] = lambda _feed: None
        self._view_token: Callable[[], str] = lambda: ""
        self._server_loop: asyncio.AbstractEventLoop | None = None
        self._last_tick: float | None = None
        self._call.connect(self._run_call, Qt.ConnectionType.QueuedConnection)
        bridge.gate = self._gate
        bridge.take_over = self._take_over
        bridge.taken.connect(self._ticked)
        bridge.agenda_changed.connect(self._session_changed)
        self._session_changed()

    # -- the primary -----------------------------------------------------------------------------------

    def read_epoch(self) -> None:
        """The epoch the running show's record ends on (a show taken over earlier is resumed on its epoch)."""
        journal = self.bridge.session.journal
        if journal is not None:
            self.epoch = max(self.epoch, record_epoch(read_journal(journal.path).entries))
        self._standing(epoch=self.epoch)

    def serve(self, app_feed_slot: Callable[[RecordFeed | None], None], loop: asyncio.AbstractEventLoop | None,
              view_token: Callable[[], str]) -> None:
        """Offer the record on this laptop's server (`app_feed_slot` puts the feed on /api/follow)."""
        self._server_loop = loop
        self._feed_slot = app_feed_slot
        self._view_token = view_token
        if not self._standing_now().following:
            self._open_feed()

    def _open_feed(self) -> None:
        if self.feed is not None or self._server_loop is None:
            return
        feed = RecordFeed(self.tap, self.node, lambda: self.epoch, self._details,
                          on_outranked=lambda epoch, address: self._call.emit(lambda: self.step_down(epoch, address)),
                          on_backups=lambda backups: self._call.emit(lambda: self._backups(backups)))
        feed.attach(self._server_loop)
        self.feed = feed
        self._feed_slot(feed)

    def _close_feed(self) -> None:
        feed, self.feed = self.feed, None
        if feed is None:
            return
        self._feed_slot(None)
        if self._server_loop is not None:
            with contextlib.suppress(RuntimeError):
                asyncio.run_coroutine_threadsafe(feed.close(), self._server_loop)

    def _details(self) -> FeedDetails:
        return FeedDetails(self._view_token(), self.host.agenda_path)

    def _backups(self, backups: tuple[str, ...]) -> None:
        standing = self._standing_now()
        now = self.bridge.clock.now().wall
        lost = now if standing.backups and not backups else (None if backups else standing.backup_lost_since)
        self._standing(backups=backups, backup_lost_since=lost)

    def _session_changed(self, _agenda: object = None) -> None:
        """Every session the bridge drives tells this tap where its record stands."""
        session = self.bridge.session
        session.tap = self.tap
        if session.journal is not None and session.journal.length:
            self.tap.wrote(session.journal.path, session.journal.length, session.journal.last_seq)

    # -- the gate every command passes -------------------------------------------------------------------

    def _gate(self, name: str) -> str:
        standing = self._standing_now()
        if standing.following:
            return refusal(standing)
        feed = self.feed
        if feed is None:
            return ""
        if feed.stepped_down is not None:
            return f"this laptop stepped down: the show runs on {feed.stepped_down_to}"
        now = self.bridge.clock.now().t
        self._notice_gap(feed, now)
        self._last_tick = now  # the gap is noticed once: the check it started decides from here on
        if feed.in_doubt():
            return "this laptop stood still; checking that its backup has not taken over (try again in a moment)"
        return ""

    @Slot(object)
    def _ticked(self, state: object) -> None:
        """A freeze of this laptop (SIGSTOP, a suspended lid) is a gap between two ticks."""
        now = self.bridge.clock.now().t
        if self.feed is not None:
            feed = self.feed
            self._notice_gap(feed, now)
            held = "checking the backup after this laptop stood still" if feed.in_doubt() else ""
            if held != self._standing_now().held:
                self._standing(held=held)
        self._last_tick = now

    def _notice_gap(self, feed: RecordFeed, now: float) -> None:
        """Real seconds since the last tick (a rehearsal's clock runs faster): a long gap is a freeze."""
        if self._last_tick is not None:
            gap = (now - self._last_tick) / max(self.bridge.clock.speed, 1e-9)
            feed.notice_freeze(time.monotonic(), time.monotonic() - gap)

    # -- stepping down ------------------------------------------------------------------------------------

    def step_down(self, epoch: Epoch, address: str) -> None:
        """A laptop with a higher epoch drives the show: this one follows it and never writes into the show again."""
        if self._standing_now().following:
            return
        log.warning("pair: stepping down: %s took over with epoch %d", address, epoch.number)
        self._close_feed()
        self._stop_fence()
        session = self.bridge.session
        folder = session.journal.path.parent if session.journal is not None else None
        if folder is None and self.host.agenda_path is not None:
            folder = journal_dir(self.host.state_dir, self.host.agenda_path)
        self.epoch = epoch
        when = self._time_of_day()
        self._standing(role=Role.FOLLOWING, epoch=epoch, primary=address, connected=False, backups=(),
                       backup_lost_since=None, held="", lost_since=None,
                       note=f"stepped down at {when}: {address} took over the show (epoch {epoch.number})")
        self.follow(address, folder or self.host.state_dir / "following")

    # -- the backup ----------------------------------------------------------------------------------------

    def follow(self, address: str, folder: Path | None = None) -> None:
        """Copy the record of the primary at `address` (into `folder`, else the folder of its agenda's copy)."""
        self._stop_client()
        self._close_feed()  # a backup offers no record of its own until it takes over
        self._fixed_folder = folder
        session = self.bridge.session
        if session.state_dir is not None:
            # A backup writes no record of its own: the copy is the record. The show on screen stays as it is
            # until the primary's first checkpoint arrives.
            session.close()
            preview = ShowSession(session.engine.agenda, session.agenda_path, None)
            preview.engine = session.engine
            self.bridge.set_session(preview)
        self.copy = RecordCopy(folder or self.host.state_dir / "following")
        self.mirror = Mirror(self.bridge.session.engine.agenda, self.copy.folder)
        self.mirror.engine = self.bridge.session.engine
        me = Identity(self.node, self.listen, lambda: self.epoch)
        self.client = FollowClient(address, self.token, self.copy, me, _Sink(self))
        self.client.folder_for = self._copy_folder
        self._standing(role=Role.FOLLOWING, primary=address_of(address))
        self.client.start()

    def _copy_folder(self, agenda_name: str) -> Path:
        """The folder the copy of a journal on `agenda_name` goes to (on the follower's thread: pure)."""
        if self._fixed_folder is not None:
            return self._fixed_folder
        return journal_dir(self.host.state_dir, backup_agenda_path(self.host.state_dir, agenda_name))

    def _welcomed(self, node: str, epoch: Epoch, view_token: str) -> None:
        self.epoch = max(self.epoch, epoch)
        self._standing(epoch=self.epoch)

    def _agenda(self, agenda_name: str, agenda_text: str) -> None:
        if agenda_text and self._fixed_folder is None:
            self._write_agenda(agenda_name, agenda_text)
        if agenda_name:
            self.agenda_name = agenda_name

    def _journal(self, name: str, agenda_name: str, agenda_text: str, fresh: bool) -> None:
        self._agenda(agenda_name, agenda_text)
        if self.mirror is not None and fresh:
            self.mirror.restart()

    def _write_agenda(self, agenda_name: str, text: str) -> None:
        from runofshow.io.agenda_save import write_atomically

        path = backup_agenda_path(self.host.state_dir, agenda_name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                write_atomically(path, text.encode("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("pair: the copy of the agenda %s cannot be written: %s", path, exc)

    def _entries(self, entries: list[Entry], problems: list[str]) -> None:
        mirror = self.mirror
        if mirror is None or not self._standing_now().following:
            return
        shown = self.bridge.session.engine.agenda
        for entry in entries:
            mirror.apply(entry)
        for problem in problems + mirror.problems:
            log.warning("pair: %s", problem)
        mirror.problems.clear()
        self.epoch = max(self.epoch, mirror.epoch)
        self.bridge.session.engine = mirror.engine
        if mirror.engine.agenda is not shown:  # a plan version or a checkpoint on another plan: the rundown too
            self.bridge.agenda_changed.emit(mirror.engine.agenda)
        self.bridge.tick()

    def _link(self, link: Link) -> None:
        standing = self._standing_now()
        if not standing.following:
            return
        # Rounded to a tenth: a standing that changed at every beat would redraw the window at every beat.
        self._standing(connected=link.connected, behind_entries=link.behind_entries,
                       behind_ms=None if link.behind_ms is None else round(link.behind_ms, -1),
                       lost_since=link.lost_since if not link.connected else None,
                       clock_offset=round(link.clock_offset, 1))

    def _follow_elsewhere(self, epoch: Epoch, address: str) -> None:
        """The primary this one followed stepped down for another laptop: follow that one."""
        self.epoch = max(self.epoch, epoch)
        self.follow(address, self._fixed_folder)

    # -- taking over ---------------------------------------------------------------------------------------

    def _take_over(self) -> Outcome:
        standing = self._standing_now()
        if not standing.following:
            return Outcome(False, "this laptop drives the show; take_over is for a backup laptop (runofshow follow)")
        copy = self.copy
        self._stop_client()
        agenda_path = self._taken_agenda_path()
        now = self.bridge.clock.now()
        session = ShowSession(self.bridge.session.engine.agenda, agenda_path, self.host.state_dir, self.host.fsync)
        session.tap = self.tap
        copied = 0
        epoch = self.epoch
        if copy is not None and copy.path is not None:
            copy.close()
            contents = read_journal(copy.path)
            session.resume(contents, now)
            copied, epoch = len(contents.entries), max(epoch, record_epoch(contents.entries))
        # else: the primary had not started its record (nothing pressed yet): the same show, not started.
        epoch = epoch.next(self.node)
        session.record_epoch(epoch, self.listen, now)
        self.epoch = epoch
        self.bridge.set_session(session)
        self.host.adopt_taken_over(agenda_path, session)
        when = self._time_of_day()
        before = standing.primary
        self._standing(role=Role.PRIMARY, epoch=epoch, primary="", connected=False, behind_entries=0,
                       behind_ms=None, lost_since=None, backups=(), backup_lost_since=None,
                       note=f"took over the show at {when} from {before} (epoch {epoch.number})")
        self._open_feed()
        self._start_fence(before)
        problems = session.restore_problems
        extra = f"; the copy had problems: {'; '.join(problems)}" if problems else ""
        log.warning("pair: took over from %s with epoch %d (%d entries copied)%s", before, epoch.number, copied,
                    extra)
        return Outcome(True, f"took over from {before}: this laptop drives the show now{extra}")

    def _taken_agenda_path(self) -> Path:
        if self._fixed_folder is not None and self.host.agenda_path is not None:
            return self.host.agenda_path  # a laptop that stepped down carries on with its own agenda file
        return backup_agenda_path(self.host.state_dir, self.agenda_name or "agenda.yaml")

    def _start_fence(self, address: str) -> None:
        if not address:
            return
        self._stop_fence()
        me = Identity(self.node, self.listen, lambda: self.epoch)
        self._fence = _FenceThread(address, self.token, me,
                                   lambda result, epoch: self._call.emit(lambda: self._fenced(result, epoch, address)))

    def _fenced(self, result: str, epoch: Epoch | None, address: str) -> None:
        if result == "stepped_down":
            log.info("pair: %s has stepped down", address)
            self.host.notice(f"{address} answered and stepped down: it follows this laptop now or stays silent")
        elif result == "outranked" and epoch is not None and not self._standing_now().following:
            self.step_down(epoch, address)

    # -- the rest --------------------------------------------------------------------------------------------

    def _time_of_day(self) -> str:
        """Now as the operator window's clock shows it: the show's clock, in the event's time zone."""
        return f"{local_datetime(self.bridge.clock.now().wall, self.bridge.state.event.tz):%H:%M:%S}"

    def _standing_now(self) -> Standing:
        return self.bridge.standing

    def _standing(self, **changes: object) -> None:
        standing = replace(self.bridge.standing, **changes)  # type: ignore[arg-type]
        note_before = self.bridge.standing.note
        self.bridge.set_standing(standing)
        if standing.note and standing.note != note_before:
            self.host.notice(standing.note)

    @Slot(object)
    def _run_call(self, function: Callable[[], None]) -> None:
        try:
            function()
        except Exception:
            log.exception("pair: handling news from the network failed; the show goes on")

    def _stop_client(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            client.stop()

    def _stop_fence(self) -> None:
        fence_thread, self._fence = self._fence, None
        if fence_thread is not None:
            fence_thread.stop()

    def stop(self) -> None:
        self._stop_client()
        self._stop_fence()
        self._close_feed()
        if self.copy is not None:
            self.copy.close()


class _Sink:
    """The follower's news, handed over to the Qt thread."""

    def __init__(self, pairing: Pairing) -> None:
        self._pairing = pairing

    def welcomed(self, node: str, epoch: Epoch, view_token: str) -> None:
        self._pairing._call.emit(lambda: self._pairing._welcomed(node, epoch, view_token))

    def journal(self, name: str, agenda_name: str, agenda_text: str, fresh: bool) -> None:
        self._pairing._call.emit(lambda: self._pairing._journal(name, agenda_name, agenda_text, fresh))

    def agenda(self, agenda_name: str, agenda_text: str) -> None:
        self._pairing._call.emit(lambda: self._pairing._agenda(agenda_name, agenda_text))

    def entries(self, entries: list[Entry], problems: list[str]) -> None:
        self._pairing._call.emit(lambda: self._pairing._entries(entries, problems))

    def link(self, link: Link) -> None:
        self._pairing._call.emit(lambda: self._pairing._link(link))

    def outranked(self, epoch: Epoch, address: str) -> None:
        self._pairing._call.emit(lambda: self._pairing._follow_elsewhere(epoch, address))


class _FenceThread:
    """Tells the laptop this one took over from, on a thread of its own, until it answers."""

    def __init__(self, address: str, token: str, me: Identity, done: Callable[[str, Epoch | None], None]) -> None:
        self._loop = asyncio.new_event_loop()
        self._stopping = asyncio.Event()
        self._done = done
        self._thread = threading.Thread(target=self._main, args=(address, token, me), name="runofshow-fence",
                                        daemon=True)
        self._thread.start()

    def _main(self, address: str, token: str, me: Identity) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            result, epoch = self._loop.run_until_complete(fence(address, token, me, self._stopping))
            if result != "stopped":
                self._done(result, epoch)
        except Exception:
            log.exception("pair: telling %s about the take-over failed", address)
        finally:
            self._loop.close()

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(5.0)

