"""The show's agenda file: opening it, switching to another, reloading it after an edit, recent files.

A broken file never replaces a good agenda: at the start the operator is asked for another file;
later the running show keeps its last good agenda, and every problem is listed in the operator
window's problems panel (`problems_found`), never in a box that would take the show keys away.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from runofshow.core.agenda import Agenda
from runofshow.core.agenda_diff import describe_changes
from runofshow.io.agenda_yaml import load_agenda
from runofshow.qt.agenda_watch import AgendaWatcher
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.settings import read_strings
from runofshow.ui.dialogs import Prompts

log = logging.getLogger("runofshow")
MAX_RECENT = 8


class AgendaFiles(QObject):
    """The agenda file in use (`path`), its watcher, and the recent files kept in the settings."""

    problems_found = Signal(str, str, list)  # title, what happened, the `file:line:col: message` lines
    problems_gone = Signal()  # a good agenda was loaded since: the problems shown are out of date

    def __init__(self, settings: QSettings, prompts: Prompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.prompts = prompts
        self.path: Path | None = None
        self.watcher = AgendaWatcher(self)  # `changed` once an edit on disk has settled
        self.known: bytes | None = None  # the file as the app last read or wrote it: tells an edit on disk
        self._asking = False  # the "changed on disk" question is open: edits meanwhile wait for its answer
        self._waiting: Agenda | None = None
        self.now: Callable[[], datetime] = datetime.now  # names the copies kept beside the file

    # -- opening --------------------------------------------------------------------------------

    def load_asking(self, path: Path) -> tuple[Path, Agenda] | None:
        """The first agenda: while the file is broken, list its problems and offer to choose another."""
        while True:
            result = load_agenda(path)
            if result.agenda is not None:
                return path, result.agenda
            lines = [str(p) for p in result.problems]
            for line in lines:
                print(line, file=sys.stderr)
            wants_other = self.prompts.problems(
                self.tr("This agenda cannot be opened"),
                self.tr("{path} has {count} problem(s). Fix them and open it again, or choose another file.")
                .format(path=path, count=len(result.errors)),
                lines, offer_other_file=True)
            if not wants_other:
                return None
            chosen = self.prompts.open_agenda(path.parent)
            if chosen is None:
                return None
            path = chosen

    def load_instead(self, path: Path) -> Agenda | None:
        """Another agenda for the running show, or None (and the problems shown) if it is broken."""
        result = load_agenda(path)
        if result.agenda is None:
            self.problems_found.emit(self.tr("This agenda cannot be opened"),
                                     self.tr("{path} has {count} problem(s); the current show keeps running.")
                                     .format(path=path, count=len(result.errors)),
                                     [str(p) for p in result.problems])
        return result.agenda

    def choose(self) -> Path | None:
        """File > Open: a file picker starting in the current agenda's folder."""
        return self.prompts.open_agenda(self.path.parent if self.path else Path.home())

    def choose_import(self) -> Path | None:
        """File > Import…: a file picker starting where the last import came from (organisers' files sit
        in Downloads, not beside the agenda), else in the current agenda's folder."""
        last = str(self.settings.value("last_import_folder", "") or "")
        start = Path(last) if last and Path(last).is_dir() else self.path.parent if self.path else Path.home()
        chosen = self.prompts.open_import(start)
        if chosen is not None:
            self.settings.setValue("last_import_folder", str(chosen.parent))
        return chosen

    def export_csv(self, agenda: Agenda, notice: Callable[[str], None]) -> None:
        """File > Export CSV…: the plan as it runs now, every crew column included, where the operator says.

        A file that cannot be written is said in a box; the show is not touched either way.
        """
        folder, stem = (self.path.parent, self.path.stem) if self.path else (Path.home(), "agenda")
        target = self.prompts.save_csv(folder / f"{stem}.csv")
        if target is None:
            return
        from runofshow.io.agenda_save import write_atomically  # the writer (and ruamel) only once asked for
        from runofshow.io.plan_csv import plan_to_csv

        try:
            write_atomically(target, plan_to_csv(agenda).encode("utf-8"))
        except OSError as exc:
            self.prompts.problems(self.tr("The plan was not exported"),
                                  self.tr("{path}: {reason}").format(path=target, reason=exc.strerror or exc), [])
            return
        notice(self.tr("Plan exported to {path}").format(path=target))

    def adopt(self, path: Path) -> None:
        """This file is the show's agenda now: watch it, and put it first in the recent files."""
        self.path = path
        self.problems_gone.emit()
        self.known = _read_bytes(path)
        self.watcher.watch(path)
        self.settings.setValue("last_agenda", str(path.resolve()))
        recent = [str(path.resolve())] + [p for p in read_strings(self.settings, "recent_agendas")
                                          if p != str(path.resolve())]
        self.settings.setValue("recent_agendas", recent[:MAX_RECENT])

    def recent_files(self) -> list[Path]:
        return [Path(p) for p in read_strings(self.settings, "recent_agendas")]

    # -- reloading ------------------------------------------------------------------------------

    def reload(self, bridge: ShowBridge, notice: Callable[[str], None], from_disk_watch: bool = False) -> None:
        """Read the agenda again; keep the current slot by id; keep the last good agenda on errors.

        A change on disk that changes nothing in the plan (a comment, a save without edits) says nothing.
        """
        if self.path is None:
            return
        result = load_agenda(self.path)
        if result.agenda is None:
            intro = (self.tr("{path} was changed on disk and now has {count} problem(s). The show goes on with the "
                             "last good agenda; fix the file and save it again.") if from_disk_watch else
                     self.tr("{path} has {count} problem(s). The show goes on with the last good agenda; fix the "
                             "file and save it again."))
            self.problems_found.emit(self.tr("The agenda has errors"),
                                     intro.format(path=self.path, count=len(result.errors)),
                                     [str(p) for p in result.problems])
            notice(self.tr("Agenda not reloaded: {count} problem(s); the last good agenda is still running")
                   .format(count=len(result.errors)))
            for problem in result.errors:  # one entry a line: the log escapes newlines inside an entry
                log.warning("agenda not reloaded, the last good one keeps running: %s", problem)
            return
        self.problems_gone.emit()
        self.known = _read_bytes(self.path)
        changes = describe_changes(bridge.session.engine.agenda, result.agenda)
        if not changes and from_disk_watch:
            return
        message = bridge.replace_agenda(result.agenda)
        summary = "; ".join(changes) if changes else self.tr("no changes")
        notice(f"{message} — {summary}")
        log.info("%s — %s", message, summary)

    # -- saving the plan edited in the app ------------------------------------------------------

    def save(self, agenda: Agenda, bridge: ShowBridge, notice: Callable[[str], None]) -> bool:
        """Write the edited plan into the agenda file, keeping its comments; never stop the show over it.

        If the file was also edited on disk since the app last read it, the operator chooses which plan
        the file holds, and the other is kept beside it as a copy. A failed save (disk full, read-only
        folder) is said in the status line; the next edit tries again with the whole plan. True = saved.
        """
        if self.path is None:
            return False
        if self._asking:
            self._waiting = agenda  # saved once the open question is answered
            return False
        path = self.path
        on_disk = _read_bytes(path)
        # A file deleted (or moved away) since: written again from the text the app last read.
        base: str | None = self.known.decode("utf-8") if on_disk is None and self.known is not None else None
        if on_disk is not None and self.known is not None and on_disk != self.known:
            self._asking = True
            try:
                keep_app = self.prompts.changed_on_disk(path)
            finally:
                self._asking = False
            agenda = self._waiting or agenda
            self._waiting = None
            if not keep_app:
                self._keep_app_version(agenda, path, notice)
                self.reload(bridge, notice)
                return False
            copy = self._copy_beside(path, on_disk, "on-disk")
            if copy is None:
                notice(self.tr("Not saved: {path} was changed on disk and could not be kept as a copy; "
                               "the show goes on").format(path=path))
                return False
            notice(self.tr("The version on disk is kept as {copy}").format(copy=copy.name))
            if load_agenda(path).agenda is None and self.known is not None:
                base = self.known.decode("utf-8")  # the file on disk is broken: edit the last good text
        from runofshow.io.agenda_save import AgendaSaveError, save_agenda  # ruamel: loaded at the first save

        try:
            written = save_agenda(path, agenda, base)
        except (OSError, AgendaSaveError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            notice(self.tr("Not saved to {name}: {reason}. The show goes on; the next edit tries again")
                   .format(name=path.name, reason=reason))
            log.warning("plan not saved to %s: %s", path, reason)
            return False
        self.known = written.encode("utf-8")
        self.watcher.note_own_save()
        notice(self.tr("Saved to {name}").format(name=path.name))
        return True

    def _copy_beside(self, path: Path, data: bytes, what: str) -> Path | None:
        """`agenda.yaml.20261127-093012.on-disk.yaml` next to the agenda, or None if it cannot be written."""
        copy = path.with_name(f"{path.name}.{self.now().strftime('%Y%m%d-%H%M%S')}.{what}.yaml")
        from runofshow.io.agenda_save import write_atomically

        try:
            write_atomically(copy, data)
        except OSError as exc:
            log.warning("could not keep %s: %s", copy, exc)
            return None
        return copy

    def _keep_app_version(self, agenda: Agenda, path: Path, notice: Callable[[str], None]) -> None:
        """The operator took the file on disk: the plan edited in the app is kept beside it, never lost."""
        from runofshow.io.agenda_save import AgendaSaveError, render_agenda

        text: str | None = None
        for base in (self.known, _read_bytes(path)):
            if base is None:
                continue
            try:
                text = render_agenda(base.decode("utf-8"), agenda, str(path))
                break
            except (AgendaSaveError, UnicodeDecodeError):
                continue
        copy = self._copy_beside(path, text.encode("utf-8"), "app") if text is not None else None
        if copy is not None:
            notice(self.tr("The plan edited in the app is kept as {copy}").format(copy=copy.name))
        else:
            notice(self.tr("The plan edited in the app could not be kept as a file; it stays in the show's record"))


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
