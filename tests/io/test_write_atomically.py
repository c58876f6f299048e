"""write_atomically: the file is old or new, never half, and it has the mode any other new or saved file has."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from runofshow.io.agenda_save import write_atomically


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_mode_not_a_private_one(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "new.yaml"
    write_atomically(target, b"slots: []\n")
    assert target.read_bytes() == b"slots: []\n"
    assert mode(target) == 0o644  # 0666 less the umask, as `open(..., "w")` makes it


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    before = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.csv", b"x\n")
    finally:
        os.umask(before)
    assert mode(tmp_path / "new.csv") == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "shared.yaml"
    target.write_bytes(b"old\n")
    target.chmod(0o664)  # group-writable, as a team's folder has it
    write_atomically(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert mode(target) == 0o664


def test_nothing_is_left_behind_when_the_folder_is_gone(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomically(tmp_path / "gone" / "x.yaml", b"x\n")
    assert list(tmp_path.iterdir()) == []
