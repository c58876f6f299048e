"""`runofshow render` draws a view at any time of the show day, as if the show ran on plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from runofshow.cli import main
from runofshow.core.show import ShowPhase
from runofshow.render import moment_of, on_plan
from tests.core.helpers import seed


@pytest.mark.parametrize(
    ("when", "phase", "current"),
    [("13:20", ShowPhase.PRE_SHOW, None), ("13:36", ShowPhase.RUNNING, "welcome"),
     ("14:55", ShowPhase.RUNNING, "break"), ("15:51", ShowPhase.RUNNING, "policy-panel"),
     ("17:05", ShowPhase.FINISHED, None)],
)
def test_on_plan_puts_the_show_where_the_plan_has_it(when: str, phase: ShowPhase, current: str | None) -> None:
    agenda = seed()
    moment = moment_of(agenda, when)
    state = on_plan(agenda, Path("agenda.yaml"), moment).state(moment)
    assert state.phase is phase
    assert (state.current.id if state.current else None) == current
    assert not state.roll and round(state.drift) == 0


def test_render_writes_a_picture_of_the_operator_window(qtbot: QtBot, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "op.png"
    assert main(["render", "--view", "operator", "--at", "15:51", "--size", "1200x800", "--out", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    assert "wrote" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--at", "25:00"], "is not a time of day"),
    (["--at", "13:00", "--size", "big"], "is not a size"),
])
def test_render_rejects_bad_arguments_with_a_message(args: list[str], message: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--view", "operator", "--out", str(tmp_path / "x.png"), *args]) == 1
    assert message in capsys.readouterr().err
