"""What the server refuses, counted: the first of a kind logged at once, then a summary every 10 s.

A line per refused packet lets anyone on the venue network fill the show laptop's disk (10,000 OSC
packets a second without the token wrote 4 GB an hour) and bury what the operator needs to read. So a
refusal is counted by kind and by address. The first of each kind is logged at once, with what was
refused and from where; while more come, one line every SUMMARY_SECONDS says how many of each kind and
from which addresses most came:

    refused in the last 10 s: 99,871 OSC without the control token, 12 malformed OSC; most from
    10.0.0.7 (99,880), 10.0.0.9 (3)

A kind that stays quiet for a whole period is logged at once again the next time. asyncio's
"socket.accept() out of system resource" (the open files ran out) is one more kind, through the
loop's exception handler. Everything here runs on the network thread (the loop's callbacks).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

SUMMARY_SECONDS = 10.0
MAX_ADDRESSES = 1_000  # distinct addresses counted per period (UDP sources can be forged: memory stays bounded)
MAX_KINDS = 50
TOP_ADDRESSES = 3
OTHERS = "other addresses"

# The kinds; a summary names each as it is written here.
OSC_WITHOUT_TOKEN = "OSC without the control token"
OSC_MALFORMED = "malformed OSC"
OSC_REFUSED = "OSC commands with wrong arguments"
OSC_BUSY = "OSC commands dropped: too many at once"
OSC_FAILED = "OSC packets that failed inside the server"
ACCEPT_OUT_OF_FILES = "connections not accepted: out of open files"
CONNECTION_OVER_CAP = "connections over the cap"

ACCEPT_MESSAGE = "socket.accept() out of system resource"  # asyncio's words (selector_events.py)
_OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})


class Refusals:
    """Counts refusals by kind and address and writes the first of a kind and a summary per period."""

    def __init__(self, logger: logging.Logger = log, clock: Callable[[], float] = time.monotonic,
                 every: float = SUMMARY_SECONDS) -> None:
        self._log = logger
        self._clock = clock
        self._every = every
        self._period_start = clock()
        self._counts: Counter[str] = Counter()  # this period's, the first of a kind (logged at once) not included
        self._addresses: Counter[str] = Counter()
        self._announced: set[str] = set()  # kinds whose first was logged and that were not quiet since
        self._timer: asyncio.TimerHandle | None = None
        self.totals: Counter[str] = Counter()  # since the start, for the Remote window and the tests

    def refuse(self, kind: str, address: object, detail: str, exc: BaseException | None = None) -> None:
        """Count one refusal; `detail` (what, from where, why) is logged only if it is the first of its kind,
        with `exc`'s traceback if one is given (an error inside the server: the bug report needs it)."""
        self.summarise_if_due()
        if kind not in self.totals and len(self.totals) >= MAX_KINDS:
            kind = "other refusals"
        self.totals[kind] += 1
        if kind not in self._announced:
            self._announced.add(kind)
            self._log.log(logging.ERROR if exc is not None else logging.WARNING,
                          "%s (more like this are counted: a summary every %g s)", detail, self._every,
                          exc_info=(type(exc), exc, exc.__traceback__) if exc is not None else None)
            return
        self._counts[kind] += 1
        where = str(address) if address else ""
        if where:
            if where not in self._addresses and len(self._addresses) >= MAX_ADDRESSES:
                where = OTHERS
            self._addresses[where] += 1

    def summarise_if_due(self) -> None:
        if self._clock() - self._period_start >= self._every:
            self.summarise()

    def summarise(self) -> None:
        """Write this period's counts (if anything was counted) and start a new period."""
        now = self._clock()
        seconds = now - self._period_start
        counts, addresses = self._counts, self._addresses
        self._announced &= set(counts)  # a kind quiet for a whole period is logged at once next time
        self._period_start, self._counts, self._addresses = now, Counter(), Counter()
        if not counts:
            return
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in counts.most_common())
        top = ", ".join(f"{address} ({count:,})" for address, count in addresses.most_common(TOP_ADDRESSES))
        self._log.warning("refused in the last %.0f s: %s%s", seconds, kinds, f"; most from {top}" if top else "")

    # -- on the server's loop --------------------------------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Take asyncio's accept errors and write a summary every period even once a flood stops."""
        loop.set_exception_handler(self.loop_exception)
        self._timer = loop.call_later(self._every, self._tick, loop)

    def detach(self) -> None:
        """The server stops: the last period's counts are written now."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.summarise()

    def _tick(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            self.summarise_if_due()
        finally:
            self._timer = loop.call_later(self._every, self._tick, loop)

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """asyncio logs each failed accept with a traceback, thousands a second once the open files run out
        (it retries at once): counted here instead. Anything else goes to asyncio's own handler."""
        exc = context.get("exception")
        if context.get("message") == ACCEPT_MESSAGE and isinstance(exc, OSError) and exc.errno in _OUT_OF_RESOURCES:
            self.refuse(ACCEPT_OUT_OF_FILES, "",
                        f"a connection could not be accepted: {exc.strerror or exc} (the open-file limit is reached; "
                        "connections wait until files are free)")
            return
        loop.default_exception_handler(context)
