"""The app's log: one line per record whatever it records, readable tracebacks, a capped rotating file."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from runofshow.io.logsetup import (
    LOG_BACKUPS,
    LOG_DIR_NAME,
    LOG_FILE_NAME,
    LOG_MAX_BYTES,
    configure_logging,
    escape,
)

FORGED = "2026-11-27 19:00:00,000 runofshow CRITICAL: forged"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def logged(state: Path, stream: io.StringIO) -> tuple[list[str], list[str]]:
    """The lines of the log file and of stderr."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (state / LOG_DIR_NAME / LOG_FILE_NAME).read_text(encoding="utf-8").splitlines(), \
        stream.getvalue().splitlines()


def test_a_newline_in_what_is_logged_cannot_forge_a_line(tmp_path: Path, restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging(tmp_path, stream=stream)
    logging.getLogger("runofshow.remote.osc").warning("OSC %s from %s refused", f"/runofshow/go\n{FORGED}",
                                                      "127.0.0.1")
    for lines in logged(tmp_path, stream):
        assert len(lines) == 1, lines
        assert not any(line.startswith("2026-11-27 19:00:00") for line in lines)
        assert lines[0].endswith(f"/runofshow/go\\n{FORGED} from 127.0.0.1 refused")


def test_esc_nul_cr_and_other_controls_are_spelled_out(tmp_path: Path, restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging(tmp_path, stream=stream)
    logging.getLogger("runofshow").info("text %s", "\x1b[2J\x00a\rb\tc\x7f\x85\u2028\u202e\ud800")
    for lines in logged(tmp_path, stream):
        assert lines[-1].endswith("text \\x1b[2J\\x00a\\rb\\tc\\x7f\\x85\\u2028\\u202e\\ud800")
        assert all(ch >= " " for ch in lines[-1])


def test_escape_leaves_ordinary_text_alone() -> None:
    assert escape("Café 14:05 — «Q&A» ✓ C:\\shows") == "Café 14:05 — «Q&A» ✓ C:\\shows"


def test_a_traceback_stays_readable_and_its_message_cannot_forge_a_line(tmp_path: Path,
                                                                         restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging(tmp_path, stream=stream)
    try:
        try:
            raise KeyError("first")
        except KeyError as inner:
            raise ValueError(f"bad address /runofshow/go\n{FORGED}") from inner
    except ValueError:
        logging.getLogger("runofshow").exception("OSC %s failed", "/x\x1b")
    for lines in logged(tmp_path, stream):
        assert lines[0].endswith("OSC /x\\x1b failed")
        assert "Traceback (most recent call last):" in lines
        assert any(line.startswith('  File "') and line.endswith("in test_a_traceback_stays_readable_and_its_"
                                                                 "message_cannot_forge_a_line") for line in lines)
        assert "The above exception was the direct cause of the following exception:" in lines
        assert "KeyError: 'first'" in lines
        assert f"ValueError: bad address /runofshow/go\\n{FORGED}" in lines
        assert not any(line.startswith(FORGED) for line in lines)


def test_a_raw_traceback_cached_by_another_handler_is_not_reused(tmp_path: Path, restore_logging: None) -> None:
    stream = io.StringIO()
    plain = logging.StreamHandler(io.StringIO())  # e.g. a test's or a tool's handler, first in line
    plain.setFormatter(logging.Formatter())
    logging.getLogger().addHandler(plain)
    configure_logging(tmp_path, stream=stream)
    try:
        raise RuntimeError(f"x\n{FORGED}")
    except RuntimeError:
        logging.getLogger("runofshow").exception("failed")
    for lines in logged(tmp_path, stream):
        assert not any(line.startswith(FORGED) for line in lines), lines


def test_the_log_file_rotates_and_stays_under_its_cap(tmp_path: Path, restore_logging: None) -> None:
    configure_logging(tmp_path, stream=io.StringIO(), max_bytes=10_000, backups=2)
    for number in range(2_000):
        logging.getLogger("runofshow").warning("line %d %s", number, "x" * 80)
    files = sorted((tmp_path / LOG_DIR_NAME).iterdir())
    assert [path.name for path in files] == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    assert sum(path.stat().st_size for path in files) <= 3 * 10_000
    assert "line 1999" in (tmp_path / LOG_DIR_NAME / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_the_default_cap_is_ten_megabytes_in_all() -> None:
    assert LOG_MAX_BYTES * (LOG_BACKUPS + 1) == 10_000_000


def test_configured_again_it_replaces_its_handlers(tmp_path: Path, restore_logging: None) -> None:
    before = len(logging.getLogger().handlers)
    configure_logging(None, stream=io.StringIO())
    assert len(logging.getLogger().handlers) == before + 1  # stderr only, before the folder is known
    assert configure_logging(tmp_path, stream=io.StringIO()) == tmp_path / LOG_DIR_NAME / LOG_FILE_NAME
    assert len(logging.getLogger().handlers) == before + 2


def test_a_folder_that_cannot_be_written_leaves_the_log_on_stderr(tmp_path: Path, restore_logging: None) -> None:
    blocked = tmp_path / "state"
    blocked.mkdir()
    (blocked / LOG_DIR_NAME).write_text("a file where the folder would be", encoding="utf-8")
    stream = io.StringIO()
    assert configure_logging(blocked, stream=stream) is None
    assert "the log goes to the terminal only" in stream.getvalue()
    logging.getLogger("runofshow").warning("still logged")
    assert "still logged" in stream.getvalue()


def test_an_unexpected_error_is_logged_with_a_readable_traceback(tmp_path: Path, restore_logging: None,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from runofshow.app import AppController, install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test

    class NoWindow:
        window = None

    stream = io.StringIO()
    configure_logging(tmp_path, stream=stream)
    install_excepthook(cast(AppController, NoWindow()))
    try:
        raise ValueError(f"from a client\n{FORGED}")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    for lines in logged(tmp_path, stream):
        assert lines[0].endswith(f"ERROR: unexpected error: from a client\\n{FORGED}")
        assert lines[1] == "Traceback (most recent call last):"
        assert lines[2].startswith('  File "')
        assert lines[-1] == f"ValueError: from a client\\n{FORGED}"
        assert not any(line.startswith(FORGED) for line in lines)
