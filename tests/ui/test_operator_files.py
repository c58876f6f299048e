"""Files: edits on disk while the show runs, resume after a crash, broken agendas, settings, the report."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from runofshow.core.show import ShowPhase
from runofshow.io.agenda_yaml import load_agenda
from runofshow.paths import bundled_agenda
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_valid_edit_on_disk_is_reloaded_keeping_the_current_slot(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 45))
    bridge.run("goto", {"slot": "status-norway"})
    rig.at(at(13, 50))
    edit(rig.agenda_path, "title: New whitepaper on Innovation Partnerships in Norway",
         "title: The new whitepaper on Innovation Partnerships")
    # The real watcher notices the change by itself.
    rig.qtbot.waitUntil(lambda: bridge.state.slots[4].title == "The new whitepaper on Innovation Partnerships",
                        timeout=5000)
    assert bridge.state.current is not None and bridge.state.current.id == "status-norway"
    assert bridge.state.elapsed == 300
    assert "changed 'The new whitepaper on Innovation Partnerships': title" in rig.window.last_command.text()
    assert "still on 'Innovation procurement" in rig.window.last_command.text()


def test_an_invalid_edit_keeps_the_last_good_agenda_running_and_lists_every_error(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    edit(rig.agenda_path, "    start: 14:00\n", "    start: 14:61\n")
    edit(rig.agenda_path, "    kind: break\n", "    kind: brake\n")
    rig.controller.watcher.check_now()
    panel = rig.window.problems_panel  # in the operator window, never a box that takes the keys
    assert rig.prompts.problem_calls == []
    title, intro, lines = panel.title.text(), panel.intro.text(), panel.lines()
    assert title == "⚠ The agenda has errors" and "last good agenda" in intro
    assert [line.split(": ", 1)[0].rsplit(":", 2)[1:] for line in lines] == [["57", "12"], ["98", "11"]]
    assert lines[0].startswith(f"{rig.agenda_path.resolve()}:57:12: start: '14:61'")
    rig.at(at(13, 31))
    assert bridge.state.current is not None and bridge.state.current.id == "welcome"
    assert bridge.state.elapsed == 60
    assert "Agenda not reloaded: 2 problem(s)" in rig.window.last_command.text()


def test_reload_from_the_menu_with_no_change_says_so(rig: Rig) -> None:
    rig.controller.reload_agenda()
    assert "no changes" in rig.window.last_command.text()


def test_a_slot_removed_on_disk_while_it_runs_is_reported(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(14, 50))
    bridge.run("goto", {"slot": "break"})
    text = rig.agenda_path.read_text(encoding="utf-8")
    start = text.index("  - id: break\n")
    end = text.index("  - id: agder\n")
    rig.agenda_path.write_text(text[:start] + text[end:], encoding="utf-8")
    rig.controller.watcher.check_now()
    assert "'Break' is no longer in the agenda" in rig.window.last_command.text()
    assert bridge.state.phase is ShowPhase.BETWEEN


def test_after_a_kill_the_app_offers_to_resume_the_show(qtbot: QtBot, tmp_path: Path) -> None:
    first_prompts = FakePrompts()
    first = make_rig(qtbot, tmp_path, first_prompts, at(13, 30))
    assert first.controller.bridge is not None
    first.controller.bridge.run("go")
    first.at(at(13, 46))
    first.controller.bridge.run("next")
    first.controller.bridge.run("message", {"text": "Mic 2 is dead"})
    first.controller.bridge.stop()  # the process is killed: nothing is saved on the way out
    second_prompts = FakePrompts()
    second = make_rig(qtbot, tmp_path, second_prompts, at(13, 52))
    assert len(second_prompts.resume_offers) == 1
    offer = second_prompts.resume_offers[0]
    assert offer.summary().startswith("running: 'Innovation procurement, challenges")
    assert "6:00 in" in offer.summary()
    state = second.controller.bridge.state  # type: ignore[union-attr]
    assert state.current is not None and state.current.id == "status-norway" and state.elapsed == 360
    assert state.message == "Mic 2 is dead"
    assert [r.slot_id for r in state.runs] == ["welcome"]
    second.controller.shutdown()


def test_declining_to_resume_starts_a_new_show(qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    first.controller.bridge.run("go")  # type: ignore[union-attr]
    first.controller.bridge.stop()  # type: ignore[union-attr]
    prompts = FakePrompts()
    prompts.resume_answer = False
    second = make_rig(qtbot, tmp_path, prompts, at(13, 35))
    assert second.controller.bridge.state.phase is ShowPhase.PRE_SHOW  # type: ignore[union-attr]
    second.controller.bridge.run("go")  # type: ignore[union-attr]
    journals = list((tmp_path / "state" / "journals").rglob("show-*.jsonl"))
    assert len(journals) == 2  # the old show's journal is kept
    second.controller.shutdown()


def test_a_broken_agenda_at_start_shows_all_errors_and_lets_the_user_pick_another(qtbot: QtBot,
                                                                                   tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("event:\n  title: x\n  date: 2023-11-31\n  timezone: Europe/Brussels\nslots: []\n",
                      encoding="utf-8")
    prompts = FakePrompts()
    good = tmp_path / "good.yaml"
    shutil.copy(bundled_agenda(), good)
    prompts.other_files = [good]
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 0), agenda_path=broken)
    assert [call[2] for call in prompts.problem_calls] == [[
        f"{broken}:3:9: the event's date: '2023-11-31' is not a date: day is out of range for month",
        f"{broken}:5:8: `slots` is empty; an agenda needs at least one slot",
    ]]
    assert rig.controller.agenda_path == good
    assert rig.window.isVisible()
    rig.controller.shutdown()


def test_a_broken_agenda_at_start_and_no_other_file_quits_cleanly(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"\xff\xfe garbage")
    prompts = FakePrompts()
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 0), agenda_path=broken)
    assert rig.controller.window is None
    assert "not UTF-8" in prompts.problem_calls[0][2][0]


def test_opening_a_broken_agenda_from_the_menu_keeps_the_show(rig: Rig, tmp_path: Path) -> None:
    rig.controller.bridge.run("go")  # type: ignore[union-attr]
    broken = tmp_path / "other.yaml"
    broken.write_text("slots: 3\n", encoding="utf-8")
    rig.prompts.other_files = [broken]
    rig.controller.open_agenda()
    assert "the current show keeps running" in rig.window.problems_panel.intro.text()
    assert rig.controller.bridge.state.phase is ShowPhase.RUNNING  # type: ignore[union-attr]
    assert rig.controller.agenda_path == rig.agenda_path


def test_opening_another_agenda_switches_the_show_and_remembers_it(rig: Rig, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("event: {title: Other show, date: 2023-11-30, timezone: UTC}\nslots:\n"
                     "  - {title: Only talk, start: 15:00, end: 15:30}\n", encoding="utf-8")
    rig.prompts.other_files = [other]
    rig.controller.open_agenda()
    state = rig.controller.bridge.state  # type: ignore[union-attr]
    assert state.event.title == "Other show" and len(state.slots) == 1
    assert rig.window.rundown_model.rowCount() == 1
    assert rig.controller.recent_files()[:2] == [other.resolve(), rig.agenda_path.resolve()]


def test_settings_keep_the_window_geometry_and_the_last_agenda(qtbot: QtBot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 0))
    rig.window.resize(780, 560)  # inside the offscreen screen, so no window manager clamps it
    size = (rig.window.width(), rig.window.height())
    rig.controller.shutdown()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("last_agenda") == str(rig.agenda_path.resolve())
    again = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 0))
    assert (again.window.width(), again.window.height()) == size
    again.controller.shutdown()


def test_export_report_writes_planned_vs_actual(rig: Rig, tmp_path: Path) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 31))
    bridge.run("go")
    rig.at(at(13, 47))
    bridge.run("next")
    rig.prompts.report_path = tmp_path / "report.csv"
    rig.controller.export_report()
    rows = list(csv.reader(rig.prompts.report_path.read_text(encoding="utf-8").splitlines()))
    assert rows[1][:2] == ["welcome", "Welcoming remarks"] and rows[1][-2:] == ["+1:00", "done"]
    assert rows[2][0] == "status-norway" and rows[2][-1] == "running"
    assert "Report saved to" in rig.window.last_command.text()


def test_new_show_starts_over_and_keeps_the_old_journal(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    bridge.run("go")
    old = bridge.session.journal.path  # type: ignore[union-attr]
    rig.controller.new_show()
    assert bridge.state.phase is ShowPhase.PRE_SHOW
    bridge.run("go")
    assert bridge.session.journal.path != old and old.exists()  # type: ignore[union-attr]


def test_with_deferred_extras_the_displays_come_right_after_the_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    from runofshow.app import AppController
    from runofshow.core.clock import FakeClock

    agenda = tmp_path / "agenda.yaml"
    shutil.copy(bundled_agenda(), agenda)
    controller = AppController(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), FakePrompts(),
                               FakeClock(at(13, 0).t), tmp_path / "state")
    with qtbot.wait_signal(controller.extras_started, timeout=5000):
        assert controller.start(agenda, defer_extras=True)
        assert controller.displays is None  # not before the operator window is on screen
    assert controller.displays is not None and controller.chimes is not None
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.shutdown()


def test_after_shutdown_a_save_on_disk_reaches_nothing(rig: Rig) -> None:
    # A late save must not reload into a closed window (it raised from a deleted window's watcher before).
    watcher = rig.controller.watcher
    rig.controller.shutdown()
    assert watcher.path is None
    edit(rig.agenda_path, "title: New whitepaper on Innovation Partnerships in Norway", "title: Renamed after quitting")
    with rig.qtbot.assertNotEmitted(watcher.changed, wait=400):
        watcher.check_now()


def test_killed_between_an_edit_and_its_save_the_restart_writes_the_edit_into_the_file(qtbot: QtBot,
                                                                                     tmp_path: Path) -> None:
    # The edit was journaled (and acknowledged) but the process died before the queued save: the record
    # holds the edited plan, the file the plan before it. The restart brings the file up to the record.
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    bridge = first.controller.bridge
    assert bridge is not None
    original = first.agenda_path.read_bytes()
    bridge.run("go")
    assert bridge.run("edit_slot", {"slot": "policy-panel", "duration": 1200}).accepted
    bridge.stop()  # killed before the event loop ran the save
    first.controller.files.watcher.stop()
    assert first.agenda_path.read_bytes() == original
    prompts = FakePrompts()
    prompts.resume_answer = True
    second = make_rig(qtbot, tmp_path, prompts, at(13, 31))
    state = second.controller.bridge.state  # type: ignore[union-attr]
    panel = next(slot for slot in state.slots if slot.id == "policy-panel")
    assert panel.duration == 1200
    saved = load_agenda(second.agenda_path).agenda
    assert saved is not None
    assert next(slot for slot in saved.slots if slot.id == "policy-panel").duration == 1200
    assert prompts.plan_offers == []  # nothing to ask: the file was only behind the app's own edit
    assert prompts.disk_changes == []
    second.controller.shutdown()
