"""The plan edited in the app goes to the agenda file: no reload of its own save, nothing lost on a conflict."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from runofshow.io import agenda_save
from runofshow.io.agenda_save import NewAgenda
from runofshow.io.agenda_yaml import load_agenda
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig

DATA = Path(__file__).parent.parent / "data" / "save"


@pytest.fixture
def commented(qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> Iterator[Rig]:
    path = tmp_path / "agenda.yaml"
    shutil.copy(DATA / "commented.yaml", path)
    rig = make_rig(qtbot, tmp_path, prompts, at(8, 30), agenda_path=path)
    yield rig
    rig.controller.shutdown()


def _edit_title(rig: Rig, title: str) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    outcome = bridge.run("edit_slot", {"slot": "keynote", "title": title})
    assert outcome.accepted, outcome.message
    QCoreApplication.processEvents()  # the save runs just after the command (a queued connection)


def test_a_plan_edit_is_saved_at_once_keeping_the_comments_and_is_not_reloaded(commented: Rig) -> None:
    rig = commented
    with rig.qtbot.assertNotEmitted(rig.controller.watcher.changed, wait=600):
        _edit_title(rig, "Keynote, shortened")
        text = rig.agenda_path.read_text(encoding="utf-8")
        assert "Keynote, shortened" in text, rig.window.last_command.text()
        assert "# The keynote may run long; cut Q&A first." in text and "# flow style, on purpose" in text
        rig.controller.watcher.check_now()  # a look at the file at once finds no news either
    assert rig.window.last_command.text().endswith(" — Saved to agenda.yaml")
    loaded = load_agenda(rig.agenda_path).agenda
    assert loaded is not None and rig.controller.bridge is not None
    assert loaded.slots == rig.controller.bridge.session.engine.agenda.slots
    assert rig.prompts.disk_changes == []


def test_an_edit_on_disk_meanwhile_asks_and_keeps_the_disk_version_beside(commented: Rig) -> None:
    rig = commented
    rig.controller.watcher.stop()  # the watcher has not seen the edit yet: the race a conflict is about
    on_disk = rig.agenda_path.read_text(encoding="utf-8").replace("notes: Mic 2", "notes: Mic 3")
    rig.agenda_path.write_text(on_disk, encoding="utf-8")
    rig.controller.files.now = lambda: datetime(2026, 11, 27, 9, 30, 12)
    _edit_title(rig, "Keynote, shortened")
    assert rig.prompts.disk_changes == [rig.agenda_path]
    kept = rig.agenda_path.with_name("agenda.yaml.20261127-093012.on-disk.yaml")
    assert kept.read_text(encoding="utf-8") == on_disk
    assert "Keynote, shortened" in rig.agenda_path.read_text(encoding="utf-8")


def test_taking_the_file_on_disk_keeps_the_app_plan_beside_it(commented: Rig) -> None:
    rig = commented
    rig.prompts.keep_app_plan = False
    rig.controller.watcher.stop()
    on_disk = rig.agenda_path.read_text(encoding="utf-8").replace("title: Coffee", "title: Tea")
    rig.agenda_path.write_text(on_disk, encoding="utf-8")
    rig.controller.files.now = lambda: datetime(2026, 11, 27, 9, 30, 12)
    _edit_title(rig, "Keynote, shortened")
    assert rig.agenda_path.read_text(encoding="utf-8") == on_disk  # the file on disk, untouched
    copy = rig.agenda_path.with_name("agenda.yaml.20261127-093012.app.yaml")
    assert "Keynote, shortened" in copy.read_text(encoding="utf-8")
    bridge = rig.controller.bridge
    assert bridge is not None
    assert [s.title for s in bridge.session.engine.agenda.slots if s.id == "coffee"] == ["Tea"]


def test_a_failed_save_keeps_the_show_running_and_the_next_edit_saves(commented: Rig,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rig = commented

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(agenda_save.tempfile, "mkstemp", disk_full)
    _edit_title(rig, "Keynote, shortened")
    assert rig.window.last_command.text() == ("Not saved to agenda.yaml: No space left on device. The show goes on; "
                                              "the next edit tries again")
    assert "Keynote, shortened" not in rig.agenda_path.read_text(encoding="utf-8")
    bridge = rig.controller.bridge
    assert bridge is not None and bridge.state.slots[2].title == "Keynote, shortened"  # the show has the edit
    monkeypatch.undo()
    _edit_title(rig, "Keynote, again")
    assert "Keynote, again" in rig.agenda_path.read_text(encoding="utf-8")


def test_file_new_agenda_writes_a_valid_agenda_and_opens_it(rig: Rig, tmp_path: Path) -> None:
    target = tmp_path / "spring.yaml"
    rig.prompts.new_agenda_answer = NewAgenda(title="Spring: meeting", day=date(2026, 4, 18), timezone="Europe/Oslo",
                                              venue="Norway House", start=time(9, 30), first_slot="Opening",
                                              path=target)
    rig.controller.new_agenda()
    assert rig.prompts.new_agenda_asks == [rig.agenda_path.parent]
    assert rig.controller.agenda_path == target
    loaded = load_agenda(target).agenda
    assert loaded is not None and loaded.event.title == "Spring: meeting" and loaded.event.venue.name == "Norway House"
    assert [(s.title, s.start.strftime("%H:%M"), s.duration) for s in loaded.slots] == [("Opening", "09:30", 900)]
    bridge = rig.controller.bridge
    assert bridge is not None and bridge.session.engine.agenda.event.title == "Spring: meeting"


def test_file_new_agenda_never_overwrites_a_file(rig: Rig) -> None:
    before = rig.agenda_path.read_bytes()
    rig.prompts.new_agenda_answer = NewAgenda(title="Other", day=date(2026, 4, 18), timezone="UTC", venue="",
                                              start=time(9, 0), first_slot="Opening", path=rig.agenda_path)
    rig.controller.new_agenda()
    assert rig.agenda_path.read_bytes() == before
    assert rig.window.last_command.text().startswith("New agenda not written")


def test_an_agenda_file_deleted_meanwhile_is_written_again(commented: Rig) -> None:
    rig = commented
    rig.agenda_path.unlink()
    _edit_title(rig, "Keynote, shortened")
    text = rig.agenda_path.read_text(encoding="utf-8")
    assert "Keynote, shortened" in text and "# The keynote may run long; cut Q&A first." in text
