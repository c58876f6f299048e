"""`runofshow print`: the rundown and the report as a PDF from the command line, with no display needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runofshow.cli import main
from runofshow.io.session import ShowSession
from runofshow.printer import _offscreen_without_display
from tests.core.helpers import at
from tests.ui.crew_agenda import CREW_CUES, crew_agenda, write_crew_agenda
from tests.ui.pdf_text import page_points, pdf_pages, squeezed

ROOT = Path(__file__).resolve().parents[1]

# Every test here makes the QApplication first (the `qapp` fixture): `runofshow print` uses the one that
# exists, and a bare QGuiApplication left behind would break the widget tests run after it.


def test_print_writes_the_rundown_in_the_current_folder_by_default(qapp: object, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    agenda_path = write_crew_agenda(tmp_path / "crew.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["print", str(agenda_path)]) == 0
    assert capsys.readouterr().out == "wrote crew-rundown.pdf (rundown, 10 slots on 2 pages, A4 landscape)\n"
    pages = pdf_pages(tmp_path / "crew-rundown.pdf")
    assert page_points(tmp_path / "crew-rundown.pdf") == (842, 595)
    everything = squeezed("".join(pages))
    assert all(squeezed(slot.title) in everything for slot in crew_agenda().slots)
    assert all(squeezed(cue) in everything for cues in CREW_CUES.values() for cue in cues.values())
    assert "page 1 of 2" in pages[0] and "page 2 of 2" in pages[1]
    assert "printed 20" in pages[0]  # the time it was printed, in the event's zone


def test_print_on_letter_paper_to_a_named_file(qapp: object, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "for the crew.pdf"
    assert main(["print", "--paper", "letter", "--out", str(out)]) == 0  # the bundled agenda
    assert capsys.readouterr().out.startswith(f"wrote {out} (rundown, 10 slots on ")
    assert page_points(out) == (792, 612)
    assert "Drinks Reception" in "".join(pdf_pages(out))


def afternoon(state_dir: Path, agenda_path: Path) -> None:
    """A real show with its journal, as tests/io/test_report.py runs it: late, over, paused, under."""
    session = ShowSession(crew_agenda(), agenda_path, state_dir)
    session.run("go", at(13, 31))
    session.run("next", at(13, 47))
    session.run("pause", at(13, 50))
    session.run("resume", at(13, 52))
    session.run("next", at(14, 3))
    session.close()


def test_print_report_has_the_actual_times_from_the_latest_journal(qapp: object, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    agenda_path = write_crew_agenda(tmp_path / "crew.yaml")
    afternoon(tmp_path / "state", agenda_path)
    monkeypatch.chdir(tmp_path)
    assert main(["print", str(agenda_path), "--report", "--state-dir", str(tmp_path / "state")]) == 0
    assert capsys.readouterr().out.startswith("wrote crew-report.pdf (report, 10 slots on ")
    pages = pdf_pages(tmp_path / "crew-report.pdf")
    first = squeezed(pages[0])
    assert pages[0].startswith("REPORT: PLANNED AND ACTUAL")
    assert squeezed("13:30–13:45 15 min 13:31:00 13:47:00 16:00 +1:00 REMARKS Welcoming remarks") in first
    assert squeezed("13:45–14:00 15 min 13:47:00 14:03:00 14:00 -1:00") in first
    # The show stopped on ec-objectives: reported as running, at its last command (the journal is old).
    assert squeezed("14:00–14:20 20 min 14:03:00 0:00 running") in first
    assert squeezed("lectern mic live") in first


def test_print_report_without_a_journal_says_so_in_one_line(qapp: object, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "--report", "--state-dir", str(tmp_path), "--out", str(tmp_path / "r.pdf")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("no show has been run on ")
    assert not (tmp_path / "r.pdf").exists()


def test_print_to_a_folder_that_does_not_exist_fails_with_the_reason(qapp: object, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "rundown.pdf"
    assert main(["print", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"{out}: cannot write the PDF: No such file or directory\n"


def test_print_of_a_broken_agenda_prints_nothing(qapp: object, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("event: {title: T, date: 2023-11-30, timezone: Europe/Brussels}\nslots:\n"
                      "  - {id: a, title: A, start: '25:00', end: '10:00'}\n", encoding="utf-8")
    assert main(["print", str(broken), "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert f"{broken}: the agenda has problems (above); nothing was printed" in err
    assert err.startswith(f"{broken}:3:")
    assert not (tmp_path / "x.pdf").exists()


def test_without_a_display_qt_is_told_to_draw_offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    _offscreen_without_display()
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    _offscreen_without_display()  # a display: Qt uses it
    assert "QT_QPA_PLATFORM" not in os.environ
    monkeypatch.setenv("QT_QPA_PLATFORM", "minimal")
    monkeypatch.delenv("DISPLAY")
    _offscreen_without_display()  # a platform chosen: kept
    assert os.environ["QT_QPA_PLATFORM"] == "minimal"


@pytest.mark.slow
def test_runofshow_print_runs_in_a_process_with_no_display_at_all(tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "runofshow", "print", "--out", str(tmp_path / "r.pdf")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    pages = pdf_pages(tmp_path / "r.pdf")
    plural = "s" if len(pages) > 1 else ""
    assert done.stdout == f"wrote {tmp_path / 'r.pdf'} (rundown, 10 slots on {len(pages)} page{plural}, A4 landscape)\n"
    assert "Welcoming remarks" in "".join(pages)


def test_a_journal_named_without_report_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["print", "--journal", "show.jsonl"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith("error: --journal and --state-dir choose the show for --report\n")


def test_an_out_name_that_is_not_a_pdf_is_refused_and_nothing_is_written(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rundown.txt"
    with pytest.raises(SystemExit) as stopped:
        main(["print", "--out", str(out)])
    assert stopped.value.code == 2 and not out.exists()
    assert capsys.readouterr().err.endswith(f"error: --out {out}: the rundown is a PDF; name it rundown.pdf\n")
