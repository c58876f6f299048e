"""OSC over UDP: `/runofshow/NAME [args]` runs a command from the table.

Positional OSC arguments fill the command's parameters in the table's order; OSC's loose types
(a desk sends 1.0 for a number, 1 for true) are coerced by the parameter's kind, then the table
checks them like any other input. UDP has no reply channel worth trusting, so refusals are logged: counted
by remote/refusals.py (the first of a kind at once, then a summary every 10 s), never a line per packet.

Beyond loopback the control token is the first argument (`/runofshow/go "TOKEN"`); a packet without
it is dropped. On loopback a token first argument is accepted and removed, so one Companion setup
works in both places. Bundles run at once: a time tag is never waited on (python-osc's dispatcher
would sleep the loop for it, which a single packet could abuse), which is why it is not used.

There is no timeout here (nothing waits for a reply), so nothing is ever cancelled that may have run.
Nothing a packet does may stop the port: any exception is logged and counted, and the next message,
in the same bundle or the next packet, is handled as usual.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import math
import re
from concurrent.futures import Future
from dataclasses import dataclass, field

from pythonosc.osc_packet import OscPacket

from runofshow.core.commands import COMMANDS, check_arguments
from runofshow.io.logsetup import escape
from runofshow.remote.refusals import OSC_BUSY, OSC_FAILED, OSC_MALFORMED, OSC_REFUSED, OSC_WITHOUT_TOKEN, Refusals
from runofshow.remote.relay import BusyError, CommandRelay, CommandResult

log = logging.getLogger(__name__)

PREFIX = "/runofshow/"
MAX_DATAGRAM = 4096
MAX_MESSAGES = 16  # per packet (a bundle)
_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0"})
_INT = re.compile(r"-?\d{1,9}")


@dataclass
class OscCounters:
    """What the OSC port received: for the Remote window and the tests."""

    queued: int = 0
    malformed: int = 0
    refused_token: int = 0
    last_problem: str = ""
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        self.malformed += 1
        self.last_problem = text
        del self.problems[:-20]
        self.problems.append(text)


CLEAR = "-"  # an optional text or list emptied over OSC, where "" passes the argument by


def coerce(value: object, kind: type) -> object:
    """OSC's value as the parameter's kind where that is unambiguous; otherwise unchanged (the table refuses it)."""
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
    elif kind is list and isinstance(value, str):
        # OSC has no lists: speakers come as one text, "Name, role, organisation; Name, role, organisation".
        return [part.strip() for part in value.split(";") if part.strip()]
    elif kind is int and not isinstance(value, bool):
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INT.fullmatch(value.strip()):
            return int(value.strip())
    return value


def osc_arguments(name: str, values: list[object]) -> tuple[dict[str, object], str]:
    """Positional OSC values -> the command's checked arguments, or what is wrong."""
    spec = COMMANDS.get(name)
    if spec is None:
        return check_arguments(name, {})
    if len(values) > len(spec.params):
        return {}, f"'{name}' takes at most {len(spec.params)} argument(s), got {len(values)}"
    args: dict[str, object] = {}
    for param, value in zip(spec.params, values, strict=False):
        # Positional arguments: a desk passes an optional one with "" (or OSC's nil) to reach a later one,
        # so that must leave the field as it is: over HTTP "" would make a start soft, remove a moderator,
        # empty the notes or a list. Over OSC "-" does those.
        if not param.required and (value is None or (isinstance(value, str) and not value.strip())):
            continue
        if not param.required and isinstance(value, str) and value.strip() == CLEAR:
            args[param.name] = [] if param.kind is list else ""
            continue
        args[param.name] = coerce(value, param.kind)
    return check_arguments(name, args)


class _PythonOscNoise(logging.Filter):
    """python-osc logs each unparseable bundle on the root logger: a flood of junk packets would flood
    the log. Counted in OscCounters instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "pythonosc" not in record.pathname


_NOISE = _PythonOscNoise()


class OscProtocol(asyncio.DatagramProtocol):
    def __init__(self, relay: CommandRelay, token: str, require_token: bool, refusals: Refusals | None = None) -> None:
        if _NOISE not in logging.getLogger().filters:
            logging.getLogger().addFilter(_NOISE)
        self._relay = relay
        self._token = token.encode()
        self._require_token = require_token
        self.counters = OscCounters()
        self.refusals = refusals or Refusals()  # counted, never a line per packet: a flood must not fill the disk

    def renew_token(self, token: str) -> None:
        """From the next packet on, only this control token is accepted (on the loop's thread)."""
        self._token = token.encode()

    def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        try:
            self._received(data, addr)
        except Exception as exc:  # the port stays up, whatever a packet did
            self._failed("an OSC packet", exc, addr)

    def _received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        if len(data) > MAX_DATAGRAM:
            self._malformed(f"packet of {len(data)} bytes is too large", addr)
            return
        if len(data) % 4:
            # OSC packets are always a multiple of 4 bytes: anything else was cut or made up.
            self._malformed(f"packet of {len(data)} bytes is not a multiple of 4", addr)
            return
        try:
            messages = [timed.message for timed in OscPacket(data).messages]
        except Exception as exc:  # python-osc raises more than ParseError on garbage: the port stays up
            self._malformed(f"not an OSC packet: {type(exc).__name__}", addr)
            return
        for message in messages[:MAX_MESSAGES]:
            try:
                if not _has_type_tags(message.dgram):
                    # Old OSC allowed leaving the type tags out; then a message cut short after its address
                    # would read as a valid command without arguments. Every current sender writes them.
                    self._malformed("OSC message without type tags", addr)
                    continue
                self._handle(message.address, list(message.params), addr)
            except Exception as exc:  # one message's failure does not drop the rest of the bundle
                self._failed(f"OSC {str(message.address)[:60]!r}", exc, addr)

    def _malformed(self, problem: str, addr: tuple[str | object, ...], kind: str = OSC_MALFORMED) -> None:
        self.counters.problem(escape(problem))  # the Remote window shows it: one line, whatever was sent
        self.refusals.refuse(kind, addr[0], f"OSC from {addr[0]} refused: {problem}")

    def _failed(self, what: str, exc: Exception, addr: tuple[str | object, ...]) -> None:
        self.counters.problem(escape(f"internal error on {what}: {type(exc).__name__}"))
        # Counted like a refusal (the first with its traceback): if a packet can reach a bug, a flood of
        # packets that each differ must not write a traceback each.
        self.refusals.refuse(OSC_FAILED, addr[0], f"{what} from {addr[0]} failed; the OSC port stays up", exc)

    def _handle(self, address: str, values: list[object], addr: tuple[str | object, ...]) -> None:
        if not address.startswith(PREFIX):
            self._malformed(f"{address[:60]!r} is not under {PREFIX}", addr)
            return
        name = address[len(PREFIX):]
        has_token = bool(values) and isinstance(values[0], str) and hmac.compare_digest(
            values[0].encode("utf-8", "replace"), self._token)
        if has_token:
            values = values[1:]
        elif self._require_token:
            self.counters.refused_token += 1
            self.refusals.refuse(OSC_WITHOUT_TOKEN, addr[0], f"OSC {address[:60]} from {addr[0]} refused: "
                                 "the first argument must be the control token")
            return
        clean, problem = osc_arguments(name, values)
        if problem:
            self._malformed(f"{address[:60]}: {problem}", addr, OSC_REFUSED)
            return
        try:
            future = self._relay.submit(name, clean)
        except BusyError:
            self._malformed(f"{address[:60]}: too many commands at once", addr, OSC_BUSY)
            return
        self.counters.queued += 1
        future.add_done_callback(lambda f: _log_outcome(name, f))

    def error_received(self, exc: Exception) -> None:
        log.debug("OSC socket: %s", exc)


def _has_type_tags(dgram: bytes) -> bool:
    end = dgram.find(b"\0")
    tags_at = (end // 4 + 1) * 4  # the address, its terminating zero, padded to 4 bytes
    return end > 0 and dgram[tags_at:tags_at + 1] == b","


def _log_outcome(name: str, future: Future[CommandResult]) -> None:
    """On the Qt thread, once the command ran and its entry is durable. Must not raise (a done callback)."""
    try:
        if future.cancelled() or future.exception() is not None:
            return
        result = future.result()
        outcome = result.outcome
        unsaved = "" if result.journal.ok else f" (NOT SAVED in the show's record: {result.journal.error})"
        log.info("OSC %s: %s%s%s", name, "" if outcome.accepted else "refused: ", outcome.message, unsaved)
    except Exception:
        log.exception("OSC %s: its outcome could not be logged", name)
