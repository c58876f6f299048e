"""The projector's holding slide picture: which kind of picture a file is, told by its first bytes.

Below both the agenda loader (which checks the picture when the agenda is read) and the network views
(which serve it to the browser projector), and free of Qt: the Qt projector decodes it with Qt itself.
A name can lie (`slide.png` saved as JPEG, a web page saved as `.svg`), so the bytes decide.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_PICTURE_BYTES = 32 * 1024 * 1024  # a 4K PNG is a few MB: anything bigger is not a slide
HEAD_BYTES = 4096  # enough to see past an XML declaration and a comment to an SVG's first element
CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# Before an SVG's <svg> element: white space, an XML declaration, comments, a doctype, processing instructions.
_SVG_PROLOGUE = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<svg[\s/>]", re.DOTALL | re.IGNORECASE)


def picture_kind(head: bytes) -> str | None:
    """'png', 'jpeg' or 'svg' from a file's first bytes; None for anything else."""
    if head.startswith(_PNG):
        return "png"
    if head.startswith(_JPEG):
        return "jpeg"
    if _SVG_PROLOGUE.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "svg"
    return None


def picture_problem(path: Path) -> str:
    """What keeps this file from being a holding slide, in words for the agenda's author; '' when it is one."""
    if not path.exists():
        return "is not there"
    if not path.is_file():
        return "is not a file"
    try:
        size = path.stat().st_size
        head = _read_head(path, HEAD_BYTES)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if size > MAX_PICTURE_BYTES:
        megabytes = MAX_PICTURE_BYTES // (1024 * 1024)
        return f"is {size // (1024 * 1024)} MB, more than a slide needs (at most {megabytes} MB)"
    if picture_kind(head) is None:
        return "is not a PNG, JPEG or SVG picture"
    return ""


def read_picture(path: str) -> tuple[bytes, str] | None:
    """The picture's bytes and content type, or None if it is gone, too big or no longer a picture."""
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_PICTURE_BYTES:
            return None
        data = _read_head(file, MAX_PICTURE_BYTES + 1)
    except OSError:
        return None
    kind = picture_kind(data[:HEAD_BYTES])
    if kind is None or len(data) > MAX_PICTURE_BYTES:
        return None
    return data, CONTENT_TYPES[kind]


def _read_head(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)
