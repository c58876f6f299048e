"""Misbehaving machines on the venue network, for the connection-limit and load tests (loopback only).

Each runs in a thread of its own for as long as its `with` block, so the test's own requests go out while the
attack goes on, and each stops (and closes everything it opened) when the block ends, whatever happened.
"""

from __future__ import annotations

import errno
import json
import os
import random
import resource
import select
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

import pytest

LOOPBACK = "127.0.0.1"
CONNECT_BATCH = 32  # connects started per round: under any listen backlog, as a patient attacker would
ROUND = 0.02  # seconds between rounds: at most CONNECT_BATCH / ROUND (1,600) new connections a second


def raise_own_file_limit(wanted: int) -> None:
    """This process holds the attacker's sockets: give it room, or skip where the machine cannot."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= wanted:
        return
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"this machine allows {hard} open files; the attack needs {wanted}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


class ThreadAttack:
    """An attack run by `_run` in a thread of its own for as long as the `with` block; any error it met is raised
    when the block ends (unless the block itself failed)."""

    name = "attack"

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self.error: BaseException | None = None

    def _run(self) -> None:
        raise NotImplementedError

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join(10)
        assert not self._thread.is_alive(), f"the {self.name} did not stop"
        if self.error is not None and kind is None:
            raise AssertionError(f"the {self.name} itself failed") from self.error


class IdleFlood(ThreadAttack):
    """`count` connections from `source` that never send a byte, each one reopened as soon as the server drops it.

    That is the attack of issue 16 item 1: the server holds whatever it accepts until its idle timeout, and
    the attacker keeps as many as it can open. `opened` counts every connect started, `dropped` every one the
    server closed or refused."""

    def __init__(self, port: int, count: int, source: str) -> None:
        self.port, self.count, self.source = port, count, source
        self.opened = 0
        self.dropped = 0
        self.name = f"idle flood from {source}"
        super().__init__()
        self._sockets: dict[int, socket.socket] = {}
        self._poller = select.poll()

    def __enter__(self) -> IdleFlood:
        raise_own_file_limit(self.count + 1024)
        self._thread.start()
        return self

    def counters(self) -> dict[str, int]:
        return {"opened": self.opened, "dropped": self.dropped}

    def wait_until_opened(self, connects: int, budget: float = 10.0) -> None:
        """Until the attack has started `connects` connections (all its sockets once, at least), or `budget`."""
        deadline = time.monotonic() + budget
        while self.opened < connects and time.monotonic() < deadline and self._thread.is_alive():
            self._stop.wait(ROUND)

    def _run(self) -> None:
        try:
            next_round = time.monotonic()
            while not self._stop.is_set():
                if time.monotonic() >= next_round:  # paced: CONNECT_BATCH a round at most, however fast it drops them
                    next_round += ROUND
                    self._open_some()
                for fd, _event in self._poller.poll(max(0.0, next_round - time.monotonic()) * 1000):
                    self._drop_if_closed(fd)
        except BaseException as exc:  # reported by __exit__
            self.error = exc
        finally:
            for sock in self._sockets.values():
                sock.close()
            self._sockets.clear()

    def _open_some(self) -> None:
        for _ in range(min(CONNECT_BATCH, self.count - len(self._sockets))):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sock.bind((self.source, 0))
            code = sock.connect_ex((LOOPBACK, self.port))
            if code not in (0, errno.EINPROGRESS):
                sock.close()
                self.dropped += 1
                continue
            self._sockets[sock.fileno()] = sock
            # Readable or hung up means the server closed or refused it (it never sends an idle socket anything).
            self._poller.register(sock, select.POLLIN | select.POLLERR | select.POLLHUP)
            self.opened += 1

    def _drop_if_closed(self, fd: int) -> None:
        sock = self._sockets.pop(fd, None)
        if sock is None:
            return
        self._poller.unregister(fd)
        sock.close()
        self.dropped += 1


class OscGarbage(ThreadAttack):
    """Datagrams that are not valid commands, `rate` a second to `port` from `source`: random bytes, and
    well-formed OSC with a wrong token, too many arguments or an address not ours, as a fuzzer or a
    misconfigured desk would send."""

    def __init__(self, port: int, rate: float, source: str = "127.0.0.3") -> None:
        self.port, self.rate, self.source = port, rate, source
        self.sent = 0
        self.name = "OSC flood"
        super().__init__()

    def counters(self) -> dict[str, int]:
        return {"sent": self.sent}

    def __enter__(self) -> OscGarbage:
        self._thread.start()
        return self

    def _run(self) -> None:
        from pythonosc.osc_message_builder import OscMessageBuilder

        rng = random.Random(16)
        packets = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))) for _ in range(64)]
        # Never a valid command: on loopback no token is needed, and the flood must not drive the show.
        for name in ("go", "next", "pause", "no_such_command", "\n2026 forged line\x1b[31m\x00"):
            builder = OscMessageBuilder(f"/runofshow/{name}")
            builder.add_arg("not-the-token")
            builder.add_arg(1e30)
            builder.add_arg(b"\x00\x01")  # an argument too many for every command in the table
            packets.append(builder.build().dgram)
            packets.append(OscMessageBuilder(f"/elsewhere/{name}").build().dgram)
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.bind((self.source, 0))
            started = time.monotonic()
            while not self._stop.is_set():
                due = int((time.monotonic() - started) * self.rate)
                while self.sent < due:
                    try:
                        sock.sendto(packets[self.sent % len(packets)], (LOOPBACK, self.port))
                    except OSError as exc:  # the receiver's buffer is full: the packet is lost, as on a network
                        if exc.errno not in (errno.ENOBUFS, errno.EAGAIN):
                            raise
                    self.sent += 1
                self._stop.wait(0.01)
        except BaseException as exc:  # reported by __exit__
            self.error = exc
        finally:
            sock.close()


class AttackProcess:
    """One of the attacks above in a process of its own (`python -m tests.remote.attackers`), so that it takes
    no interpreter time from the process that measures. Stops when its `with` block ends (or after `most`
    seconds, whatever happens to this process); `stats` then holds its counters."""

    def __init__(self, kind: str, port: int, amount: float, source: str, most: float) -> None:
        self.args = [kind, str(port), str(amount), source, str(most)]
        self.stats: dict[str, int] = {}
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> AttackProcess:
        root = Path(__file__).resolve().parents[2]
        self._process = subprocess.Popen([sys.executable, "-m", "tests.remote.attackers", *self.args], cwd=root,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        ready, _, _ = select.select([self._process.stdout], [], [], 30)
        line = self._process.stdout.readline() if ready else ""
        assert line.strip() == "started", f"the {self.args[0]} attack did not start: {line!r}"
        return self

    def wait_until(self, counter: str, value: int, budget: float = 20.0) -> None:
        """Until the attack says `counter` reached `value` (it prints its counters every ROUND*10 s)."""
        process = self._process
        assert process is not None and process.stdout is not None
        deadline = time.monotonic() + budget
        while time.monotonic() < deadline and self.stats.get(counter, 0) < value:
            ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            line = process.stdout.readline()
            if not line:
                break
            self.stats = json.loads(line)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        process.stdin.close()  # the attack's signal to stop
        try:
            for line in process.stdout:
                self.stats = json.loads(line)
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        process.stdout.close()
        if kind is None:
            assert process.returncode == 0, f"the {self.args[0]} attack failed ({process.returncode})"


def _attack(argv: list[str]) -> int:
    """The child side of AttackProcess: KIND PORT AMOUNT SOURCE MOST; counters on stdout as JSON lines."""
    kind, port, amount, source, most = argv[0], int(argv[1]), float(argv[2]), argv[3], float(argv[4])
    # The attacker is another machine: its own work must not take the show laptop's CPU (only what the
    # server does about it may). Lowest priority here, so that on a busy test machine it yields first.
    os.nice(19)
    attack: IdleFlood | OscGarbage = (IdleFlood(port, int(amount), source) if kind == "idle"
                                      else OscGarbage(port, amount, source))
    stop = threading.Event()

    def watch_stdin() -> None:
        sys.stdin.read()  # returns when the parent closes it (or is gone)
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    ended = time.monotonic() + most
    with attack:
        print("started", flush=True)
        while not stop.wait(ROUND * 10) and time.monotonic() < ended:
            print(json.dumps(attack.counters()), flush=True)
    print(json.dumps(attack.counters()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_attack(sys.argv[1:]))
