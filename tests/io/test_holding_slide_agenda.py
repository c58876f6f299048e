"""`holding_slide:` in the agenda: a picture beside the agenda file, checked when the agenda is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from runofshow.io import pictures
from runofshow.io.agenda_yaml import load_agenda, parse_agenda
from runofshow.io.pictures import picture_kind

PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201a5d6a3c20000000049454e44ae426082")
SLOTS = "slots:\n  - {title: Opening, start: 09:00, end: 10:00}\n"


def agenda_text(holding: str) -> str:
    return (f"event:\n  title: Test\n  date: 2023-11-30\n  timezone: Europe/Brussels\n"
            f"  holding_slide: {holding}\n{SLOTS}")


def write_agenda(folder: Path, holding: str) -> Path:
    path = folder / "agenda.yaml"
    path.write_text(agenda_text(holding), encoding="utf-8")
    return path


def test_the_picture_is_found_beside_the_agenda_file(tmp_path: Path) -> None:
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "holding.png").write_bytes(PNG_1X1)
    result = load_agenda(write_agenda(tmp_path, "slides/holding.png"))
    assert result.agenda is not None, [str(p) for p in result.problems]
    assert result.agenda.event.holding_slide == str((tmp_path / "slides" / "holding.png").resolve())


def test_without_a_holding_slide_the_event_has_none(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text("event: {title: Test, date: 2023-11-30, timezone: Europe/Brussels}\n" + SLOTS, encoding="utf-8")
    result = load_agenda(path)
    assert result.agenda is not None and result.agenda.event.holding_slide == ""


def test_a_missing_picture_is_an_error_at_its_line_and_column(tmp_path: Path) -> None:
    path = write_agenda(tmp_path, "holding.png")
    result = load_agenda(path)
    assert result.agenda is None
    assert [str(p) for p in result.errors] == [
        f"{path}:5:18: the holding slide 'holding.png' is not there (looked for "
        f"{(tmp_path / 'holding.png').resolve()}); put the picture beside the agenda or give its path "
        f"relative to the agenda's folder"]


def test_a_file_that_is_not_a_picture_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "holding.png").write_text("not a picture at all", encoding="utf-8")
    path = write_agenda(tmp_path, "holding.png")
    result = load_agenda(path)
    assert result.agenda is None
    assert [str(p) for p in result.errors] == [
        f"{path}:5:18: the holding slide 'holding.png' is not a PNG, JPEG or SVG picture"]


def test_a_folder_is_not_a_picture(tmp_path: Path) -> None:
    (tmp_path / "slides").mkdir()
    result = load_agenda(write_agenda(tmp_path, "slides"))
    assert result.agenda is None
    assert "the holding slide 'slides' is not a file" in str(result.errors[0])


def test_an_unreadable_picture_is_an_error_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "holding.png").write_bytes(PNG_1X1)

    def refused(path: Path, size: int) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(pictures, "_read_head", refused)  # as root, chmod cannot make a file unreadable
    result = load_agenda(write_agenda(tmp_path, "holding.png"))
    assert result.agenda is None
    assert "the holding slide 'holding.png' cannot be read: Permission denied" in str(result.errors[0])


def test_an_empty_or_listed_holding_slide_is_an_error(tmp_path: Path) -> None:
    for written, problem in (('""', "the holding slide is empty"),
                             ("[a.png, b.png]", "the holding slide must be text, found a list")):
        result = load_agenda(write_agenda(tmp_path, written))
        assert result.agenda is None
        assert problem in str(result.errors[0]), written


def test_text_without_a_file_reads_the_path_from_the_working_folder(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "holding.png").write_bytes(PNG_1X1)
    monkeypatch.chdir(tmp_path)
    result = parse_agenda(agenda_text("holding.png"), "<agenda>")
    assert result.agenda is not None and result.agenda.event.holding_slide == str((tmp_path / "holding.png").resolve())


@pytest.mark.parametrize(("data", "kind"), [
    (PNG_1X1, "png"), (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
    (b"\xef\xbb\xbf  <svg viewBox='0 0 1 1'></svg>", "svg"),
    (b"<!-- made by hand -->\n<svg/>", "svg"),
    (b"GIF89a", None), (b"", None), (b"<html><svg/></html>", None),
])
def test_a_picture_is_known_by_its_first_bytes_not_its_name(data: bytes, kind: str | None) -> None:
    assert picture_kind(data) == kind
