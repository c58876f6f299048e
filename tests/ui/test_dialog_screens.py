"""On two screens, every dialog opens on the operator's screen: never under a pointer left on the projector."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dialogs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    config = tmp_path_factory.mktemp("screens") / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "HDMI-1", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
    ]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "dialog_screens_probe.py")], env=env,
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_probe_had_two_screens_and_the_pointer_away_from_where_the_dialog_belongs(
        dialogs: dict[str, object]) -> None:
    assert {dialogs["primary"], dialogs["other"]} == {"HDMI-1", "LAPTOP"}


def test_a_broken_first_agenda_is_said_on_the_primary_screen_not_under_the_pointer(dialogs: dict[str, object]) -> None:
    assert dialogs["first start, broken agenda"]["screen"] == dialogs["primary"]  # type: ignore[index]


def test_the_resume_question_opens_over_the_operator_window_on_its_screen(dialogs: dict[str, object]) -> None:
    assert dialogs["operator window"]["screen"] == dialogs["other"]  # type: ignore[index]
    assert dialogs["resume question"]["screen"] == dialogs["other"]  # type: ignore[index]
    assert dialogs["new show question"]["screen"] == dialogs["other"]  # type: ignore[index]


def test_a_broken_agenda_opens_where_the_operator_window_was_saved(dialogs: dict[str, object]) -> None:
    assert dialogs["broken agenda, window saved on the other screen"]["screen"] == dialogs["other"]  # type: ignore[index]
