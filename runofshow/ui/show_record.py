"""Which show runs on an agenda: the one found in its record if the operator resumes it, else a new one.

The operator decides (or `--resume` decided for them), and is told everything the record had to
say at opening: skipped lines, journals passed over, which plan runs when the file was edited.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Clock
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.session import Resumable, ShowSession, search_record
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.translation import translate
from runofshow.ui.dialogs import Prompts

log = logging.getLogger("runofshow")


class ShowRecords:
    """Opens a session on an agenda, resuming the show in its record when the operator wants it."""

    def __init__(self, prompts: Prompts, clock: Clock, state_dir: Path, fsync: FsyncWorker,
                 resume_policy: str = "ask") -> None:
        self.prompts = prompts
        self.clock = clock
        self.state_dir = state_dir
        self.fsync = fsync
        self.resume_policy = resume_policy  # ask, always or never: what to do with a show found in the journal
        self.notices: list[str] = []  # what the last look at the show record had to say
        self.file_behind = False  # the resumed show's plan is newer than the file: only the app's edits

    def session_for(self, path: Path, agenda: Agenda) -> ShowSession:
        """A session on this agenda: the show found in its journal if the operator resumes it, else a new one."""
        session, found = self.new_session(path, agenda)
        self.settle(session, found, path, agenda)
        return session

    def new_session(self, path: Path, agenda: Agenda) -> tuple[ShowSession, Resumable | None]:
        """A new show's session on this agenda, and the show its record offers to resume. Asks nothing.

        At startup the operator window is built on this session first, so that the question about
        the found show (`settle`) opens over it, on the operator's screen.
        """
        session = ShowSession(agenda, path, self.state_dir, self.fsync)
        search = search_record(self.state_dir, path, agenda, self.clock.now())
        self.notices = list(search.notices)
        return session, search.resumable

    def settle(self, session: ShowSession, found: Resumable | None, path: Path, agenda: Agenda) -> bool:
        """Resumes the found show in `session` if the operator (or `--resume`) wants it. True when resumed."""
        self.file_behind = False
        if found is None or not (self.resume_policy == "always" or
                                 (self.resume_policy == "ask" and self.prompts.resume(found))):
            return False
        session.resume(found, self.clock.now())
        self.file_behind = bool(found.plan_changes) and found.file_behind_own_edits(agenda)
        if self.file_behind:
            # Stopped between an edit and its save: the app writes its own edit into the file (app.py).
            self.notices.append(translate("ShowRecords", "{file} was behind the show's last edits (the app stopped "
                                                         "before saving them): saved them into it").format(
                file=path.name))
        elif found.plan_changes:
            # The file was edited while the app was down: the operator decides which plan runs.
            if self.resume_policy == "ask" and self.prompts.plan_changed(found.plan_changes):
                session.replace_plan(agenda, self.clock.now())
                self.notices.append(translate("ShowRecords", "applied the edited {file}: {changes}").format(
                    file=path.name, changes="; ".join(found.plan_changes)))
            else:
                self.notices.append(translate("ShowRecords", "kept the plan from the record; {file} differs "
                                                             "({changes}): File > Reload agenda applies it").format(
                    file=path.name, changes="; ".join(found.plan_changes)))
        return True

    def tell(self, session: ShowSession, notice: Callable[[str], None]) -> None:
        """Everything the show record had to say at opening: skipped lines, passed-over journals, plan choice."""
        lines = session.restore_problems + self.notices
        if lines:
            notice(translate("ShowRecords", "Show record: {lines}").format(lines="; ".join(lines)))
            for line in lines:  # one entry a line: the log escapes newlines inside an entry
                log.warning("show record: %s", line)

    def new_show(self, bridge: ShowBridge, notice: Callable[[str], None]) -> None:
        """File > New show: once the operator confirms, the same agenda from the beginning; the old show stays."""
        if not self.prompts.confirm(translate("ShowRecords", "Start a new show?"),
                                    translate("ShowRecords", "The show so far stays in its journal (and its report "
                                                             "can still be exported). Start a new show on this agenda "
                                                             "from the beginning?")):
            return
        bridge.session.new_show()
        bridge.tick()
        notice(translate("ShowRecords", "New show: press GO to start"))
