"""Two real laptops on loopback: a primary and a backup (`runofshow follow`), each its own process.

- kill -9 the primary at random moments with commands in flight, take over on the backup: the backup's
  record holds every command the primary acknowledged (at most the one in flight besides, never a gap),
  and the show carries on from there (the same slot, message, blackout, added time, past runs);
- SIGSTOP the primary, take over, SIGCONT it: it steps down, follows the new primary, and none of the
  commands that reached it while it was stopped is acknowledged or written into the show.

Each command is a message with a text of its own (plus moves of the show between them), so the record
says exactly which commands it holds.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from runofshow.io.journal_format import read_journal
from tests.reliability.test_crash import ROOT, free_port

MOVES: list[tuple[str, dict[str, object]]] = [
    ("next", {}), ("blackout", {"display": "projector", "on": True}), ("add_time", {"seconds": 60}),
    ("blackout", {"display": "projector", "on": False}), ("pause", {}), ("resume", {}), ("next", {}),
]


class Laptop:
    """One runofshow process: a primary on an agenda, or a backup following another laptop."""

    def __init__(self, state_dir: Path, follows: Laptop | None = None) -> None:
        self.state_dir, self.follows, self.port = state_dir, follows, free_port()
        state_dir.mkdir(parents=True, exist_ok=True)
        self.log = state_dir / "app.log"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUNOFSHOW_NO_DIALOGS": "1",
               "XDG_CONFIG_HOME": str(state_dir / "config")}
        if follows is None:
            agenda = state_dir / "agenda.yaml"  # a copy: a take-over writes plan edits into its own
            agenda.write_text((ROOT / "agenda.yaml").read_text(encoding="utf-8"), encoding="utf-8")
            argv = [str(agenda), "--resume", "always"]
        else:
            argv = ["follow", f"127.0.0.1:{follows.port}", "--token", follows.token(), "--wait", "30"]
        with self.log.open("w", encoding="utf-8") as log:  # a file, not a pipe: a full pipe would stall the app
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "runofshow", *argv, "--state-dir", str(state_dir),
                 "--listen", f"127.0.0.1:{self.port}"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True)
        self.wait_for(lambda state: state is not None, "to answer", 40)

    def token(self) -> str:
        return (self.state_dir / "remote-token").read_text(encoding="ascii").strip()

    def request(self, path: str, body: dict[str, object] | None = None,
                timeout: float = 5) -> tuple[int, dict[str, object]]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, method="GET" if body is None else "POST",
            headers={"Authorization": f"Bearer {self.token()}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def command(self, name: str, args: dict[str, object] | None = None, timeout: float = 5) -> tuple[int, dict]:
        return self.request(f"/api/command/{name}", args or {}, timeout)

    def state(self) -> dict[str, object] | None:
        try:
            status, body = self.request("/api/state", timeout=2)
        except (OSError, urllib.error.URLError, ValueError):
            return None
        return body if status == 200 else None

    def wait_for(self, condition: object, what: str, seconds: float = 20) -> dict[str, object]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the laptop stopped:\n{self.log.read_text(encoding='utf-8')[-3000:]}"
            state = self.state()
            if callable(condition) and condition(state):
                return state or {}
            time.sleep(0.1)
        raise AssertionError(f"{self.state_dir.name} did not come {what} within {seconds} s:\n"
                             f"{self.log.read_text(encoding='utf-8')[-3000:]}")

    def journal_messages(self) -> list[str]:
        """The message texts in this laptop's record, in order (its newest journal, copy and take-over)."""
        journals = sorted(self.state_dir.glob("**/journals/*/show-*.jsonl"), key=lambda p: p.stat().st_mtime)
        contents = read_journal(journals[-1])
        assert not contents.skipped, contents.problems
        return [str(e.args["text"]) for e in contents.entries if e.name == "message"]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def pair_of(state: dict[str, object] | None) -> dict[str, object]:
    return state.get("pair", {}) if state else {}  # type: ignore[return-value]


def following(state: dict[str, object] | None) -> bool:
    pair = pair_of(state)
    return pair.get("role") == "following" and pair.get("connected") is True


def essentials(state: dict[str, object]) -> tuple[object, ...]:
    runs = [(r["slot_id"], r["start"], r["end"]) for r in state["runs"]]  # type: ignore[index, union-attr]
    current = state["current"]["id"] if state["current"] else None  # type: ignore[index]
    return (state["phase"], current, state["message"], state["blackout"], state["timer"]["added"],  # type: ignore[index]
            runs)


class Operator(threading.Thread):
    """Sends commands one after the other, as a Stream Deck would, and keeps what was acknowledged."""

    def __init__(self, laptop: Laptop, prefix: str, rng: random.Random) -> None:
        super().__init__(daemon=True)
        self.laptop, self.prefix, self.rng = laptop, prefix, rng
        self.acknowledged: list[str] = []  # message texts answered 200
        self.last_ok: dict[str, object] = {}  # the state in the last 200 reply
        self.in_flight: tuple[str, dict[str, object]] | None = None  # the command the kill cut short
        self.halt = threading.Event()

    def run(self) -> None:
        number = 0
        while not self.halt.is_set():
            number += 1
            text = f"{self.prefix}{number}"
            if not self._send("message", {"text": text}):
                return
            self.acknowledged.append(text)
            if self.rng.random() < 0.5 and not self._send(*self.rng.choice(MOVES)):
                return

    def _send(self, name: str, args: dict[str, object]) -> bool:
        try:
            status, body = self.laptop.command(name, args, timeout=30)
        except (OSError, urllib.error.URLError, ValueError):
            self.in_flight = (name, args)  # the laptop died with this command in flight: not acknowledged
            return False
        if status == 200:
            self.last_ok = body["state"]  # type: ignore[assignment]
        return status in (200, 409)  # 409: refused by the show (nothing to resume…), acknowledged as refused


def test_kill_the_primary_at_random_moments_and_take_over(tmp_path: Path) -> None:
    """Three generations: each backup takes over from a killed primary, then is followed and killed in turn."""
    rng = random.Random(17)
    primary = Laptop(tmp_path / "laptop-0")
    laptops = [primary]
    try:
        status, _ = primary.command("go")
        assert status == 200
        for generation in range(1, 4):
            backup = Laptop(tmp_path / f"laptop-{generation}", follows=primary)
            laptops.append(backup)
            backup.wait_for(following, "to follow")
            operator = Operator(primary, f"g{generation}-", rng)
            operator.start()
            time.sleep(rng.uniform(0.3, 2.0))  # a random moment, commands in flight
            primary.proc.send_signal(signal.SIGKILL)
            primary.proc.wait(10)
            operator.join(35)
            assert not operator.is_alive()
            assert operator.acknowledged, "no command was acknowledged before the kill: a longer moment is needed"
            lost = backup.wait_for(lambda s: pair_of(s).get("lost_since") is not None, "to see the primary lost", 10)
            assert pair_of(lost)["role"] == "following"
            status, body = backup.command("take_over")
            assert status == 200, body
            held = [text for text in backup.journal_messages() if text.startswith(f"g{generation}-")]
            # Every acknowledged command, in order; at most the one in flight besides; nothing else.
            assert held[:len(operator.acknowledged)] == operator.acknowledged, (held, operator.acknowledged)
            assert len(held) - len(operator.acknowledged) <= 1, (held, operator.acknowledged)
            after = backup.state()
            assert after is not None and pair_of(after)["role"] == "primary"
            assert pair_of(after)["epoch"] == generation + 1
            if operator.in_flight is None or (operator.in_flight[0] == "message" and held == operator.acknowledged):
                # Nothing in flight could have been copied: the very same show as the last acknowledged reply.
                assert essentials(after) == essentials(operator.last_ok), (generation, operator.in_flight)
            # The show carries on from the copy: commands run on the new primary.
            status, body = backup.command("message", {"text": f"after take-over {generation}"})
            assert status == 200, body
            primary = backup
    finally:
        for laptop in laptops:
            laptop.stop()
        for laptop in laptops:
            text = laptop.log.read_text(encoding="utf-8")
            assert "Traceback" not in text, text[-3000:]


def test_a_stopped_primary_steps_down_when_it_comes_back(tmp_path: Path) -> None:
    primary = Laptop(tmp_path / "a")
    backup = Laptop(tmp_path / "b", follows=primary)
    try:
        assert primary.command("go")[0] == 200
        assert primary.command("message", {"text": "before the stop"})[0] == 200
        backup.wait_for(lambda s: following(s) and s is not None and s["message"] == "before the stop", "to copy")
        primary.proc.send_signal(signal.SIGSTOP)
        # Commands reach the stopped laptop (its kernel takes the connections): they wait, in flight.
        replies: dict[str, int] = {}

        def send(text: str) -> None:
            try:
                replies[text] = primary.command("message", {"text": text}, timeout=40)[0]
            except (OSError, urllib.error.URLError, ValueError):
                replies[text] = -1

        senders = [threading.Thread(target=send, args=(f"while stopped {n}",), daemon=True) for n in range(3)]
        for sender in senders:
            sender.start()
        backup.wait_for(lambda s: pair_of(s).get("lost_since") is not None, "to see the primary lost", 10)
        status, body = backup.command("take_over")
        assert status == 200, body
        assert backup.command("message", {"text": "after the take-over"})[0] == 200
        primary.proc.send_signal(signal.SIGCONT)
        for sender in senders:
            sender.join(45)
        # Nothing that reached the old primary while it was stopped is acknowledged as part of the show.
        assert all(status != 200 for status in replies.values()), replies
        back = primary.wait_for(lambda s: pair_of(s).get("role") == "following", "to step down", 15)
        assert pair_of(back)["primary"] == f"127.0.0.1:{backup.port}"
        # It follows the new primary: the same show on its displays, and it refuses to drive.
        primary.wait_for(lambda s: s is not None and s["message"] == "after the take-over", "to follow", 15)
        status, body = primary.command("next")
        assert status == 409 and "take over first" in str(body["error"]), body
        assert backup.journal_messages() == ["before the stop", "after the take-over"]
    finally:
        if primary.proc.poll() is None:
            primary.proc.send_signal(signal.SIGCONT)
        primary.stop()
        backup.stop()
