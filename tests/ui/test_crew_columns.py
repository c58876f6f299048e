"""Crew columns where the crew sees them: the rundown's columns (hidden by choice, remembered by name), the
standby line for the next slot, the slot dialog's crew lines; and never on a room display."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from runofshow.core.agenda import Slot
from runofshow.core.show import Outcome, ShowEngine, ShowState
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.canvas import Scene
from runofshow.ui.crew_columns import HIDDEN_SETTING, CrewColumnChoice, standby_cues, standby_label
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.rundown import COLUMNS, CREW_LEAST, TITLE_LEAST
from runofshow.ui.slot_dialog import SlotDialog
from runofshow.ui.stage_view import stage_scene
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig
from tests.ui.crew_agenda import CREW_COLUMNS, CREW_CUES, crew_agenda, write_crew_agenda


@pytest.fixture
def crew_rig(qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> Iterator[Rig]:
    """The operator window (the whole app) on the seed show with crew columns, at 13:20."""
    made = make_rig(qtbot, tmp_path, prompts, at(13, 20), agenda_path=write_crew_agenda(tmp_path / "agenda.yaml"))
    yield made
    made.controller.shutdown()


def bridge_of(rig: Rig) -> ShowBridge:
    assert rig.controller.bridge is not None
    return rig.controller.bridge


def headers(rig: Rig) -> list[str]:
    model = rig.window.rundown_model
    return [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in range(model.columnCount())]


def crew_cell(rig: Rig, row: int, column: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    model = rig.window.rundown_model
    return model.data(model.index(row, headers(rig).index(column)), role)


def row_of(rig: Rig, slot_id: str) -> int:
    return [slot.id for slot in bridge_of(rig).state.slots].index(slot_id)


def shown_crew(rig: Rig) -> list[str]:
    view = rig.window.rundown
    return [name for column, name in enumerate(headers(rig))
            if column >= len(COLUMNS) and not view.isColumnHidden(column)]


def sized(rig: Rig, width: int, height: int) -> None:
    rig.window.resize(width, height)
    for _ in range(6):  # a resize refits fonts and shares the splitter anew: a few layout passes
        QApplication.processEvents()


def crew_menu_actions(rig: Rig) -> dict[str, QAction]:
    """The Rundown > Crew columns entries by column (the entry's text may say there is no room for it)."""
    menu = rig.window.crew_menu
    menu.aboutToShow.emit()  # filled afresh each time it opens
    return {str(action.data() or action.text()): action for action in menu.actions()}


def standby(rig: Rig) -> str:
    label = rig.window.now_panel.standby
    return label.toolTip() if label.isVisibleTo(rig.window.now_panel) else ""


# -- the rundown ---------------------------------------------------------------------------------


def test_each_crew_column_follows_the_fixed_columns_with_its_cue(crew_rig: Rig) -> None:
    assert headers(crew_rig) == [*COLUMNS, *CREW_COLUMNS]
    panel = row_of(crew_rig, "policy-panel")
    assert crew_cell(crew_rig, panel, "Audio") == "handhelds 3-5"
    assert crew_cell(crew_rig, panel, "Stage") == "panel state: four chairs"
    assert crew_cell(crew_rig, panel, "Lighting") == ""  # no cue in that column
    # The cell elides a long cue (one line, no wrap); the tooltip holds it whole, with its column.
    agder = row_of(crew_rig, "agder")
    assert crew_cell(crew_rig, agder, "Audio", Qt.ItemDataRole.ToolTipRole) == \
        "Audio: lectern mic, headset for the second speaker"
    assert not crew_rig.window.rundown.wordWrap()
    assert crew_rig.window.rundown.textElideMode() == Qt.TextElideMode.ElideRight


def test_an_agenda_without_crew_columns_shows_only_the_fixed_columns(rig: Rig) -> None:
    bridge_of(rig).replace_agenda(crew_agenda(columns=()))
    assert headers(rig) == list(COLUMNS)
    assert list(crew_menu_actions(rig)) == ["This agenda has no crew columns"]


def test_a_crew_column_is_hidden_from_the_rundown_menu_and_shown_again(crew_rig: Rig) -> None:
    sized(crew_rig, 1920, 1040)
    actions = crew_menu_actions(crew_rig)
    assert list(actions) == list(CREW_COLUMNS)
    assert all(action.isChecked() for action in actions.values())
    actions["Video"].trigger()
    assert shown_crew(crew_rig) == ["Audio", "Lighting", "Stage"]
    assert not crew_menu_actions(crew_rig)["Video"].isChecked()
    crew_menu_actions(crew_rig)["Video"].trigger()
    assert shown_crew(crew_rig) == list(CREW_COLUMNS)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen: a popup menu
def test_a_right_click_on_the_header_lists_the_crew_columns(crew_rig: Rig) -> None:
    sized(crew_rig, 1920, 1040)
    header = crew_rig.window.rundown.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(20, 5))
    menus = header.findChildren(QMenu)
    assert menus
    entries = {str(action.data()): action for action in menus[-1].actions()}
    assert list(entries) == list(CREW_COLUMNS)
    entries["Lighting"].trigger()
    assert shown_crew(crew_rig) == ["Audio", "Video", "Stage"]


def test_hidden_columns_are_remembered_by_name_across_a_restart_and_a_reload(
        qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> None:
    path = write_crew_agenda(tmp_path / "agenda.yaml")
    first = make_rig(qtbot, tmp_path, prompts, at(13, 20), agenda_path=path)
    sized(first, 1920, 1040)
    crew_menu_actions(first)["Video"].trigger()
    first.controller.shutdown()
    first.window.close()

    again = make_rig(qtbot, tmp_path, prompts, at(13, 21), agenda_path=path)  # the same settings file
    try:
        sized(again, 1920, 1040)
        assert shown_crew(again) == ["Audio", "Lighting", "Stage"]
        # A reloaded agenda with its columns in another order (and another case): still hidden, by name.
        write_crew_agenda(path, columns=("VIDEO", "Stage", "Audio"))
        again.controller.reload_agenda()
        assert headers(again)[len(COLUMNS):] == ["VIDEO", "Stage", "Audio"]
        assert shown_crew(again) == ["Stage", "Audio"]
        assert not crew_menu_actions(again)["VIDEO"].isChecked()
    finally:
        again.controller.shutdown()


def test_the_choice_is_kept_in_the_settings_by_name(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    choice = CrewColumnChoice(settings)
    choice.set_shown("Lighting", False)
    choice.set_shown("Video", False)
    choice.set_shown("lighting", True)  # names compare ignoring case, as the agenda's do
    settings.sync()
    reread = CrewColumnChoice(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert reread.hidden == frozenset({"video"})
    assert reread.is_shown("Lighting") and not reread.is_shown("VIDEO")
    assert settings.value(HIDDEN_SETTING) in (["Video"], "Video")


SMALL = [(1400, 860), (1280, 720), (1024, 600), (800, 480)]


@pytest.mark.parametrize("hidden", [(), ("Video", "Lighting")], ids=["all", "two-hidden"])
@pytest.mark.parametrize(("width", "height"), SMALL)
def test_crew_columns_never_make_the_rundown_scroll_sideways(crew_rig: Rig, width: int, height: int,
                                                              hidden: tuple[str, ...]) -> None:
    rig = crew_rig
    rig.at(at(15, 51))
    bridge_of(rig).run("goto", {"slot": "policy-panel"})
    for name in hidden:
        crew_menu_actions(rig)[name].trigger()
    sized(rig, width, height)
    view = rig.window.rundown
    assert not view.horizontalScrollBar().isVisible()
    assert view.columnWidth(COLUMNS.index("Title")) >= TITLE_LEAST
    assert not any(view.isColumnHidden(COLUMNS.index(name)) for name in ("Status", "Start", "Title", "Speakers"))
    shown = shown_crew(rig)
    chosen = [name for name in CREW_COLUMNS if name not in hidden]
    assert shown == chosen[:len(shown)]  # the first ones in their order; never a column the operator hid
    for name in shown:
        assert view.columnWidth(headers(rig).index(name)) >= CREW_LEAST
    # A chosen column without room says so in the menu, and is still ticked.
    entries = crew_menu_actions(rig)
    for name in chosen[len(shown):]:
        assert entries[name].text() == f"{name} (no room at this width)" and entries[name].isChecked()
    if width >= 1280:
        assert shown == chosen  # a laptop's screen has room for every crew column chosen
    if width >= 1024 and not hidden:
        assert len(shown) >= 2


# -- the standby line ----------------------------------------------------------------------------


def test_standby_reads_as_the_crew_calls_it() -> None:
    slot = crew_agenda().slots[[s.id for s in crew_agenda().slots].index("policy-panel")]
    assert standby_cues(slot) == "Audio: handhelds 3-5 · Video: camera wide · Stage: panel state: four chairs"
    assert standby_cues(None) == ""


@pytest.mark.parametrize(("title", "label"), [
    ("Welcoming remarks", "STAND BY for Welcoming remarks:"),
    ("What's the status in Norway?", "STAND BY for What's the status in Norway?"),
    ("Cheers!", "STAND BY for Cheers!"),
    ("Q&A with Dr.", "STAND BY for Q&A with Dr."),
    ("Break…", "STAND BY for Break…"),
    ("Round table: ", "STAND BY for Round table:"),
])
def test_the_standby_label_has_a_colon_only_after_a_title_without_its_own_stop(title: str, label: str) -> None:
    assert standby_label(title) == label


def test_standby_names_the_next_slot_and_every_cue_even_of_hidden_columns(crew_rig: Rig) -> None:
    crew_menu_actions(crew_rig)["Video"].trigger()
    panel = crew_rig.window.now_panel
    assert standby(crew_rig) == ("STAND BY for Welcoming remarks: Audio: lectern mic live · "
                                 "Video: camera 1 on the lectern · Lighting: house to half")
    assert "STAND BY" in panel.standby.text() and "<b>Video:</b> camera 1 on the lectern" in panel.standby.text()


def test_standby_follows_go_and_next_and_is_empty_when_the_next_slot_has_no_cue(crew_rig: Rig) -> None:
    bridge = bridge_of(crew_rig)
    crew_rig.at(at(13, 30))
    bridge.run("go")
    second = bridge.state.slots[1]
    assert bridge.state.next is second and second.id == "status-norway"
    assert second.title.endswith("status in Norway?")  # no colon after a title's own question mark
    assert standby(crew_rig) == (f"STAND BY for {second.title} "
                                 "Audio: lectern mic · Video: slides from the lectern laptop")
    bridge.run("next")  # the next one, EC strategic objectives, has no crew cue
    assert standby(crew_rig) == ""
    assert not crew_rig.window.now_panel.standby.isVisibleTo(crew_rig.window.now_panel)
    bridge.run("goto", {"slot": "closing"})
    assert standby(crew_rig) == ("STAND BY for Drinks Reception: Audio: reception playlist · "
                                 "Lighting: house full, stage off")
    bridge.run("next")
    bridge.run("next")  # the show is over: nothing to stand by for
    assert standby(crew_rig) == ""


def test_standby_and_the_rundown_follow_a_plan_edit_and_its_undo(crew_rig: Rig) -> None:
    bridge = bridge_of(crew_rig)
    outcome = bridge.run("edit_slot", {"slot": "welcome", "crew": ["Video: camera 3 tight", "Stage: lectern left"]})
    assert outcome.accepted, outcome.message
    assert standby(crew_rig) == "STAND BY for Welcoming remarks: Video: camera 3 tight · Stage: lectern left"
    assert crew_cell(crew_rig, 0, "Video") == "camera 3 tight"
    assert crew_cell(crew_rig, 0, "Audio") == ""
    bridge.run("undo")
    assert crew_cell(crew_rig, 0, "Audio") == "lectern mic live"
    assert standby(crew_rig).startswith("STAND BY for Welcoming remarks: Audio: lectern mic live")


def test_standby_and_the_rundown_follow_a_reloaded_agenda(crew_rig: Rig) -> None:
    write_crew_agenda(crew_rig.agenda_path, columns=("Lighting",))
    crew_rig.controller.reload_agenda()
    assert headers(crew_rig)[len(COLUMNS):] == ["Lighting"]
    assert standby(crew_rig) == "STAND BY for Welcoming remarks: Lighting: house to half"
    write_crew_agenda(crew_rig.agenda_path, columns=("Video",))
    crew_rig.controller.reload_agenda()
    assert standby(crew_rig) == "STAND BY for Welcoming remarks: Video: camera 1 on the lectern"


@pytest.mark.parametrize(("width", "height"), [(1400, 860), (1024, 600), (800, 480)])
def test_the_standby_line_fits_the_now_panel_on_a_small_screen(crew_rig: Rig, width: int, height: int) -> None:
    crew_rig.at(at(15, 51))
    bridge_of(crew_rig).run("goto", {"slot": "agder"})  # next: the panel, three cues
    sized(crew_rig, width, height)
    panel = crew_rig.window.now_panel
    label = panel.standby
    assert label.isVisible()
    assert panel.rect().contains(label.geometry())
    assert label.height() >= label.heightForWidth(label.width())  # every wrapped line whole
    for other in (panel.next, panel.plan, panel.timer):
        assert not label.geometry().intersects(other.geometry())


# -- the slot dialog -----------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, object]]] = []

    def __call__(self, name: str, args: object) -> Outcome:
        self.calls.append((name, dict(args)))  # type: ignore[call-overload]
        return Outcome(True, "done")


def slot_of(slot_id: str) -> Slot:
    return next(slot for slot in crew_agenda().slots if slot.id == slot_id)


def test_the_slot_dialog_has_one_line_per_crew_column_with_the_slots_cue(qtbot: QtBot) -> None:
    dialog = SlotDialog(Recorder(), slot_of("policy-panel"), crew_columns=CREW_COLUMNS)
    qtbot.addWidget(dialog)
    assert list(dialog.crew) == list(CREW_COLUMNS)
    assert [field.text() for field in dialog.crew.values()] == ["handhelds 3-5", "camera wide", "",
                                                                 "panel state: four chairs"]
    assert all(field.isEnabled() for field in dialog.crew.values())


def test_a_changed_crew_line_sends_the_whole_crew_list_to_edit_slot(qtbot: QtBot) -> None:
    run = Recorder()
    dialog = SlotDialog(run, slot_of("policy-panel"), crew_columns=CREW_COLUMNS)
    qtbot.addWidget(dialog)
    dialog.crew["Lighting"].setText("  stage wash\tfull ")
    dialog.crew["Video"].setText("")
    dialog.accept()
    assert run.calls == [("edit_slot", {"slot": "policy-panel", "crew": [
        "Audio: handhelds 3-5", "Lighting: stage wash full", "Stage: panel state: four chairs"]})]


def test_an_unchanged_crew_sends_nothing(qtbot: QtBot) -> None:
    run = Recorder()
    dialog = SlotDialog(run, slot_of("policy-panel"), crew_columns=CREW_COLUMNS)
    qtbot.addWidget(dialog)
    name, args, problem = dialog.command()
    assert (name, args, problem) == ("edit_slot", {"slot": "policy-panel"}, "")
    dialog.accept()
    assert run.calls == []


def test_the_slot_dialog_edits_crew_cues_in_the_show(crew_rig: Rig) -> None:
    crew_rig.window.rundown.select_slot("closing")
    crew_rig.window.run_action("edit_slot")
    dialog = crew_rig.window.rundown_editing.dialog
    assert dialog is not None
    dialog.crew["Video"].setText("camera 2 on the lectern")
    dialog.accept()
    closing = next(slot for slot in bridge_of(crew_rig).state.slots if slot.id == "closing")
    assert closing.crew == (("Audio", "lectern mic live"), ("Video", "camera 2 on the lectern"),
                            ("Lighting", "stage wash up"), ("Stage", "strike the panel chairs"))
    assert crew_cell(crew_rig, row_of(crew_rig, "closing"), "Video") == "camera 2 on the lectern"
    assert "crew:" in crew_rig.agenda_path.read_text(encoding="utf-8")


def test_a_new_slot_takes_its_crew_cues_to_insert_slot(crew_rig: Rig) -> None:
    crew_rig.window.rundown.select_slot("welcome")
    dialog = crew_rig.window.rundown_editing.insert()
    dialog.title.setText("Sponsor video")
    dialog.length.setText("3")
    dialog.crew["Video"].setText("play sponsor clip from the media server")
    dialog.crew["Audio"].setText("playback on the PA")
    dialog.accept()
    assert dialog.inserted is not None and dialog.inserted.accepted
    new = bridge_of(crew_rig).state.slots[1]
    assert new.title == "Sponsor video"
    assert new.crew == (("Audio", "playback on the PA"), ("Video", "play sponsor clip from the media server"))


# -- never on a room display ---------------------------------------------------------------------

CUE_TEXTS = sorted({cue for cues in CREW_CUES.values() for cue in cues.values()})
ROOM_VIEWS = {"stage": lambda s: stage_scene(s, False), "projector": projector_scene, "moderator": moderator_scene}


def crew_state(hour: int, minute: int) -> ShowState:
    engine = ShowEngine(crew_agenda())
    if (hour, minute) > (13, 29):
        engine.execute("roll", at(13, 29), {"on": True})
        engine.execute("roll", at(hour, minute), {"on": False})
    return engine.state(at(hour, minute))


def crew_words_in(scene: Scene) -> list[str]:
    drawn = [item.text for item in scene.texts if item.text]
    found = [cue for cue in CUE_TEXTS for text in drawn if cue in text]
    found += [text for text in drawn for column in CREW_COLUMNS if f"{column}:" in text]
    return found


@pytest.mark.parametrize("moment", [(13, 20), (13, 36), (14, 55), (15, 51), (16, 5), (16, 20), (17, 5)])
@pytest.mark.parametrize("view", list(ROOM_VIEWS))
def test_no_room_display_scene_draws_a_crew_cue(qtbot: QtBot, view: str, moment: tuple[int, int]) -> None:
    state = crew_state(*moment)
    assert any(slot.crew for slot in state.slots) and state.columns == CREW_COLUMNS
    assert crew_words_in(ROOM_VIEWS[view](state)) == []


def test_the_display_windows_and_their_thumbnails_draw_no_crew_cue(crew_rig: Rig) -> None:
    """The app's own projector, stage and moderator windows, and the operator's small copies of them."""
    bridge = bridge_of(crew_rig)
    displays = crew_rig.controller.displays
    assert displays is not None
    crew_rig.at(at(13, 30))
    bridge.run("go")
    for slot_id in ("status-norway", "break", "agder", "policy-panel", "closing", "reception"):
        bridge.run("goto", {"slot": slot_id})
        assert bridge.state.current is not None and (bridge.state.current.crew or bridge.state.next is not None)
        for kind, window in displays.windows.items():
            assert window.state is bridge.state
            assert crew_words_in(window.current_scene()) == [], (slot_id, kind)
        for kind, thumbnail in crew_rig.window.thumbnails.thumbnails.items():
            assert thumbnail.scene is not None
            assert crew_words_in(thumbnail.scene) == [], (slot_id, kind)
