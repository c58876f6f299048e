"""Planned vs actual from the journal, as CSV and as a table, from the command line too."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from runofshow.cli import main
from runofshow.io.journal import latest_journal, read_journal, replay
from runofshow.io.report import build_report, to_csv, to_table
from runofshow.io.session import ShowSession
from runofshow.paths import bundled_agenda
from tests.core.helpers import at, seed


def afternoon(state_dir: Path, agenda_path: Path) -> ShowSession:
    session = ShowSession(seed(), agenda_path, state_dir)
    session.run("go", at(13, 31))  # a minute late
    session.run("next", at(13, 47))  # welcome ran 16 minutes
    session.run("pause", at(13, 50))
    session.run("resume", at(13, 52))  # two minutes paused
    session.run("next", at(14, 3))  # 14 minutes on stage
    return session


def test_the_report_has_planned_and_actual_for_every_slot(tmp_path: Path) -> None:
    afternoon(tmp_path, Path("agenda.yaml"))
    replayed = replay(seed(), read_journal(latest_journal(tmp_path, Path("agenda.yaml"))))  # type: ignore[arg-type]
    report = build_report(replayed.engine, at(14, 5).t)
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert rows[0] == ["slot", "title", "planned start", "planned end", "planned length", "actual start",
                       "actual end", "actual length", "over/under", "status"]
    assert rows[1] == ["welcome", "Welcoming remarks", "13:30:00", "13:45:00", "15:00", "13:31:00", "13:47:00",
                       "16:00", "+1:00", "done"]
    assert rows[2][0] == "status-norway" and rows[2][5:] == ["13:47:00", "14:03:00", "14:00", "-1:00", "done"]
    # The slot on stage when the report is made: its start and its time so far, marked running.
    assert rows[3][0] == "ec-objectives" and rows[3][5:] == ["14:03:00", "", "2:00", "", "running"]
    assert rows[4][5:] == ["", "", "", "", "not run"]
    assert len(rows) == 11
    # ec-objectives started at 14:03 and is 2 minutes in: 3 minutes behind at 14:05.
    assert report.drift == 180
    assert "Show drift: 3:00 behind plan" in to_table(report)


def test_runofshow_report_writes_csv_from_a_real_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afternoon(tmp_path, bundled_agenda())
    out = tmp_path / "report.csv"
    assert main(["report", "--state-dir", str(tmp_path), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("slot,title,planned start")
    assert "welcome,Welcoming remarks,13:30:00,13:45:00,15:00,13:31:00,13:47:00,16:00,+1:00,done" in text
    rows = {row[0]: row for row in csv.reader(io.StringIO(text))}
    assert rows["ec-objectives"][5:] == ["14:03:00", "", "0:00", "", "running"]  # running at the last command
    assert main(["report", "--state-dir", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "Welcoming remarks" in table and "Show drift:" in table


def test_runofshow_report_without_a_journal_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--state-dir", str(tmp_path)]) == 2
    assert "no show has been run on" in capsys.readouterr().err


def test_a_journal_that_cannot_be_read_is_an_error_not_an_empty_report(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--journal", str(tmp_path / "nosuch.jsonl")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "cannot read the journal" in captured.err and "no commands" in captured.err


def test_a_journal_from_another_agenda_is_reported_with_a_warning(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    afternoon(tmp_path, tmp_path / "other-agenda.yaml")
    journal = latest_journal(tmp_path, tmp_path / "other-agenda.yaml")
    assert main(["report", "--journal", str(journal)]) == 0
    assert f"was written for {(tmp_path / 'other-agenda.yaml').resolve()}" in capsys.readouterr().err


def test_a_report_in_roll_mode_has_the_slots_the_plan_ran_up_to_now() -> None:
    session = ShowSession(seed(), Path("agenda.yaml"), None)
    session.run("roll", at(13, 20), {"on": True})
    session.state(at(14, 0))  # the displays drew the show on the way; drawing changes nothing
    rows = list(csv.reader(io.StringIO(to_csv(build_report(session.engine, at(14, 25).t)))))
    statuses = {row[0]: row[9] for row in rows[1:]}
    assert [statuses[s] for s in ("welcome", "status-norway", "ec-objectives")] == ["done"] * 3
    assert statuses["belgian-presidency"] == "running" and statuses["whitepaper"] == "not run"
