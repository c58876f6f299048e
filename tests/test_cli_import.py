"""`runofshow import FILE`: exit codes, what goes to stdout and stderr, --out and --force."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from runofshow.importer import run_import
from runofshow.io.agenda_yaml import load_agenda, parse_agenda

DATA = Path(__file__).resolve().parent / "data" / "import"
PRODUCER = DATA / "producer-rundown.csv"


def test_the_command_prints_an_agenda_that_passes_check_and_its_notes_on_stderr() -> None:
    done = subprocess.run([sys.executable, "-m", "runofshow", "import", str(PRODUCER)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    checked = parse_agenda(done.stdout, "stdout.yaml")
    assert checked.errors == ()
    assert checked.agenda is not None and len(checked.agenda.slots) == 7
    assert done.stderr == ""


def test_notes_are_file_and_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    path.write_text("Start,Title\n20:00,Dinner\n22:30,Dancing\n", encoding="utf-8")
    assert run_import([str(path), "--date", "2025-05-02", "--timezone", "Europe/Brussels",
                       "--default-length", "1h"]) == 0
    out, err = capsys.readouterr()
    assert f"{path}:3: 'Dancing' is the last slot and has only a start: it is given 1h" in err
    assert "title: late\n" in out and "duration: 1h\n" in out


def test_out_writes_the_file_and_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "agenda.yaml"
    assert run_import([str(PRODUCER), "--out", str(out)]) == 0
    assert load_agenda(out).agenda is not None
    assert capsys.readouterr().out.startswith(f"wrote {out}: 7 slots")
    out.write_text("mine\n", encoding="utf-8")
    assert run_import([str(PRODUCER), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert run_import([str(PRODUCER), "--out", str(out), "--force"]) == 0
    assert load_agenda(out).agenda is not None


def test_a_file_that_cannot_be_read_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    assert run_import([str(tmp_path / "nowhere.csv")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "nowhere.csv: cannot be read" in err and "Traceback" not in err


def test_a_file_that_makes_no_agenda_exits_2_with_the_reasons(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    path = tmp_path / "undated.csv"
    path.write_text("Start,End,Title\n9:00,9:30,Welcome\n", encoding="utf-8")
    assert run_import([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "--date" in err and "--timezone" in err
    assert err.rstrip().endswith(f"{path}: no agenda was made (2 problems)")


@pytest.mark.parametrize("flags", [["--bogus"], ["--out"], []])
def test_flags_that_make_no_sense_exit_1_with_the_usage(capsys: pytest.CaptureFixture[str],
                                                         flags: list[str]) -> None:
    argv = [str(PRODUCER), *flags] if flags else []
    assert run_import(argv) == 1
    assert "usage: runofshow import" in capsys.readouterr().err


@pytest.mark.parametrize(("flags", "said"), [(["--date", "30/11/2023"], "--date"),
                                             (["--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
                                             (["--default-length", "soon"], "'soon' is not a length"),
                                             (["--default-length=-5m"], "'-5m' is not a length")])
def test_a_bad_date_zone_or_length_is_one_clear_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                                 flags: list[str], said: str) -> None:
    assert run_import([*flags, str(PRODUCER)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and said in err and "usage" not in err


def test_at_most_200_notes_are_printed_then_how_many_more(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_text("Conference\n14 May 2025\n09:00 Welcome\n" + "some words here\n" * 450, encoding="utf-8")
    code = run_import([str(path), "--timezone", "Europe/Oslo"])
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert code == 0, err
    assert len(lines) <= 202
    assert any(line.startswith("… and ") and "more lines not understood (the first 200 are above)" in line
               for line in lines)


def test_the_producer_sheets_continuation_row_and_moderator_label_arrive_in_the_agenda(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import([str(DATA / "continuation.csv")]) == 0
    out, err = capsys.readouterr()
    assert "HH1; HH2 spare" in out and "Eva may bring co-host" in out
    assert "continuation.csv:8: " in err


def test_at_most_200_problems_are_printed_then_how_many_more(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    path = tmp_path / "clash.csv"
    path.write_text("Start,End,Title\n" + "9:00,10:00,Same time\n" * 260, encoding="utf-8")
    assert run_import([str(path), "--date", "2025-05-02", "--timezone", "Europe/Oslo"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) <= 203
    assert any(line.startswith("… and ") and "more problems (the first 200 are above)" in line for line in lines)
    assert lines[-1].endswith("no agenda was made (259 problems)")


def test_a_negative_default_length_as_a_separate_word_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import([str(PRODUCER), "--default-length", "-5m"]) == 1
    assert "a length is not negative" in capsys.readouterr().err
