"""The app's log: a rotating, size-capped file in the state folder plus stderr, every line escaped.

Where: `<state folder>/logs/runofshow.log`, then `runofshow.log.1` … `.4` as it rotates. The cap (2 MB a
file, five files, 10 MB in all) holds many show days of the usual few hundred lines, yet a fault or an
attack that somehow still writes a line per event can never fill the show laptop's disk.

Escaping is done by the formatter that every handler here uses, so no call site can forget it: a newline,
CR, ESC, NUL or any other control character in what a line records (an OSC address, an HTTP path, an
exception's message) is written as `\\n`, `\\x1b`, `\\x00` … One record is one line, so nobody can forge a
line; a traceback still reads as a traceback (its frames on lines of their own, each escaped, and the
exception's message escaped on one line).
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "runofshow.log"
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 4  # runofshow.log.1 … .4: at most 10 MB on disk
LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s: %(message)s"
MAX_GROUP_DEPTH = 4  # exception groups nest; a traceback of one stays a few screens long
MAX_GROUP_WIDTH = 15

# C0 and C1 controls and DEL, line and paragraph separators, bidirectional overrides (text that reads
# differently from what it is), and lone surrogates (which no UTF-8 file can hold).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_OURS = "_runofshow_handler"  # marks the handlers configure_logging added, so a second call replaces them


def escape(text: str) -> str:
    """`text` on one line, with every control character spelled out (`\\n`, `\\x1b`, `\\u2028`)."""
    return _UNSAFE.sub(_spelled, text)


def _spelled(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _escape_lines(text: str) -> str:
    """Each line escaped, the line breaks kept: for text whose lines are made by code (frames, stacks)."""
    return "\n".join(escape(line) for line in text.rstrip("\n").split("\n"))


def readable_traceback(exc: BaseException) -> str:
    """The traceback as Python prints it, except that each exception's message is escaped onto one line."""
    return "".join(_exception_lines(exc, set(), 0)).rstrip("\n")


def _exception_lines(exc: BaseException, seen: set[int], depth: int) -> list[str]:
    seen.add(id(exc))
    lines: list[str] = []
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += _exception_lines(cause, seen, depth)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        lines += _exception_lines(context, seen, depth)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if exc.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines += [_escape_lines(frame) + "\n" for frame in traceback.format_tb(exc.__traceback__)]
    # The message (and any notes) is what a client may control: one line, escaped.
    lines.append(escape("".join(traceback.format_exception_only(exc)).rstrip("\n")) + "\n")
    if isinstance(exc, BaseExceptionGroup):
        if depth >= MAX_GROUP_DEPTH:
            lines.append("  … (exception groups nested deeper are left out)\n")
            return lines
        subs = exc.exceptions
        for number, sub in enumerate(subs[:MAX_GROUP_WIDTH], 1):
            lines.append(f"  +-- {number} of {len(subs)} --\n")
            lines += ["  | " + line + "\n" for line in "".join(_exception_lines(sub, seen, depth + 1)).splitlines()]
        if len(subs) > MAX_GROUP_WIDTH:
            lines.append(f"  +-- and {len(subs) - MAX_GROUP_WIDTH} more --\n")
    return lines


class EscapingFormatter(logging.Formatter):
    """One record, one line (plus a readable traceback): nothing a client sends can start a line of its own.

    It does not use the record's cached `exc_text`, which another handler's plain formatter may have
    filled with the raw traceback.
    """

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        parts = [escape(self.formatMessage(record))]
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None:
            parts.append(readable_traceback(exc))
        elif record.exc_text:
            parts.append(_escape_lines(record.exc_text))
        if record.stack_info:
            parts.append(_escape_lines(self.formatStack(record.stack_info)))
        return "\n".join(parts)


def log_file(state_dir: Path) -> Path:
    return state_dir / LOG_DIR_NAME / LOG_FILE_NAME


def configure_logging(state_dir: Path | None, *, stream: TextIO | None = None, level: int = logging.INFO,
                      max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> Path | None:
    """Log to stderr (or `stream`) and, with a state folder, to its rotating log file; returns that file.

    Called again (the state folder is known, and locked, only after the first lines), it replaces the
    handlers it added before. If the folder cannot be written, the log goes to stderr only, and says so.
    """
    root = logging.getLogger()
    for old in [handler for handler in root.handlers if getattr(handler, _OURS, False)]:
        root.removeHandler(old)
        old.close()
    terminal = stream or sys.stderr  # None when started without a console (pythonw on Windows): the file only
    handlers: list[logging.Handler] = [logging.StreamHandler(terminal)] if terminal is not None else []
    path = log_file(state_dir) if state_dir is not None else None
    problem: OSError | None = None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8",
                                                errors="backslashreplace"))
        except OSError as exc:
            problem = exc
    formatter = EscapingFormatter(LOG_FORMAT)
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(level)
    if problem is not None:
        logging.getLogger("runofshow").warning("the log goes to the terminal only: %s cannot be written (%s)",
                                               path, problem.strerror or problem)
        return None
    return path
