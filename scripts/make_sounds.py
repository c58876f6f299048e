"""Makes the chimes in resources/sounds/ from sine waves: our own sounds, no samples from anywhere.

Run: python scripts/make_sounds.py  (the WAV files it writes are committed)
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def bell(frequency: float, start: float, length: float, total: float) -> list[float]:
    """A soft bell: the tone plus a quiet octave, rising in 10 ms and dying away."""
    samples = [0.0] * int(total * RATE)
    for i in range(int(length * RATE)):
        t = i / RATE
        envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t)
        value = math.sin(2 * math.pi * frequency * t) + 0.3 * math.sin(2 * math.pi * 2 * frequency * t)
        index = int(start * RATE) + i
        if index < len(samples):
            samples[index] += 0.35 * envelope * value
    return samples


def mix(*tracks: list[float]) -> list[float]:
    return [sum(values) for values in zip(*tracks, strict=True)]


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    peak = max(abs(s) for s in samples) or 1.0
    with wave.open(str(OUT / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(32000 * 0.9 * s / peak)) for s in samples))


if __name__ == "__main__":
    # Warning: two rising notes (E5, B5): "time to wrap up".
    write("chime-warning.wav", mix(bell(659.25, 0.0, 0.9, 1.2), bell(987.77, 0.25, 0.9, 1.2)))
    # Zero: three falling notes (B5, G5, E5): "time is up".
    write("chime-zero.wav", mix(bell(987.77, 0.0, 0.9, 1.5), bell(783.99, 0.25, 0.9, 1.5),
                                bell(659.25, 0.5, 0.9, 1.5)))
