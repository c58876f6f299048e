"""A laptop's standing in a pair: the primary that drives the show, or a backup that follows it.

Qt-free and network-free: what the operator window, the displays and the snapshots show, and the one
rule that keeps a pair from both driving (`outranks`). The network side is remote/feed.py (the primary
streams its record) and remote/follow.py (a backup copies it); remote/pairing.py moves the standing.

An epoch rises at every take-over and is written into the record (`@epoch`): a laptop that meets a
higher epoch (or the same epoch taken by a laptop with a greater name, when two took over at once)
steps down and never writes into the show again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

CLOCKS_DIFFER_S = 1.0  # a backup whose clock is further off than this from the primary's says so
LOST_AFTER_S = 3.0  # a primary silent this long is lost (a backup beats and acknowledges every 0.5 s)
BEAT_EVERY_S = 0.5


class Role(Enum):
    PRIMARY = "primary"  # drives the show
    FOLLOWING = "following"  # copies a primary's record, refuses show commands until it takes over


@dataclass(frozen=True, order=True)
class Epoch:
    """Who drives: a number that rises at every take-over, and the laptop (node) that took it.

    Compared as a pair: the node breaks the tie of two laptops that took over from the same epoch
    while cut off from each other, so that both agree on one primary when they meet again."""

    number: int = 1
    node: str = ""

    def next(self, node: str) -> Epoch:
        return Epoch(self.number + 1, node)

    def to_json(self) -> dict[str, object]:
        return {"number": self.number, "node": self.node}

    @classmethod
    def from_json(cls, data: object) -> Epoch | None:
        """The epoch a peer or the record states, or None when it is not one (never raises)."""
        if not isinstance(data, dict):
            return None
        number, node = data.get("number"), data.get("node", "")
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number < 2**53:
            return None
        if not isinstance(node, str) or len(node) > 200:
            return None
        return cls(number, node)


def outranks(theirs: Epoch, ours: Epoch) -> bool:
    """True when a laptop on `theirs` drives instead of one on `ours`."""
    return theirs > ours


@dataclass(frozen=True)
class Standing:
    """What this laptop is in the pair, for the operator window, the displays and every snapshot."""

    role: Role = Role.PRIMARY
    epoch: Epoch = Epoch()
    primary: str = ""  # following: the primary's address, as given to `runofshow follow`
    connected: bool = False  # following: the primary's record and beats arrive
    behind_entries: int = 0  # following: lines the primary has written that this copy does not hold yet
    behind_ms: float | None = None  # following: how long the newest line took to get here (None: unknown)
    lost_since: float | None = None  # following: the wall clock of the primary's last word, once it is lost
    # following: the primary's wall clock minus this laptop's (seconds, from its beats): a take-over keeps the
    # primary's recorded times, so every countdown would move by this much.
    clock_offset: float = 0.0
    backups: tuple[str, ...] = ()  # primary: the backup laptops following it now
    backup_lost_since: float | None = None  # primary: when the last backup went away (wall), None if one is there
    held: str = ""  # primary: why commands wait (a freeze, until the backup answers); '' normally
    note: str = ""  # the last take-over or step-down, in words

    @property
    def following(self) -> bool:
        return self.role is Role.FOLLOWING

    def to_json(self) -> dict[str, object]:
        """The `pair` part of every snapshot: browser views given both laptops follow the primary with it.

        Only what changes at a take-over or a loss: a lag that moves every second would be pushed every second."""
        return {"role": self.role.value, "epoch": self.epoch.number, "primary": self.primary,
                "connected": self.connected, "lost_since": self.lost_since}


def refusal(standing: Standing) -> str:
    """Why a show command is not run here: this laptop follows another one."""
    return f"following {standing.primary}; take over first"
