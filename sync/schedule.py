"""When to try again: capped exponential backoff with jitter.

After the n-th consecutive failure the agent waits ``d/2 + uniform(0, d/2)``
with ``d = min(cap, base * 2**(n-1))`` ("equal jitter"): it never hammers a
gateway that is down, many kiosks coming back at once spread out, and the wait
never exceeds the cap (``[sync] backoff_cap_seconds``, default 300 s). After a
success the agent waits the regular ``interval_seconds``. The clock and the
random source are injected so tests can drive it without waiting.
"""

from __future__ import annotations

import random


class Backoff:
    def __init__(self, *, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None) -> None:
        if base <= 0 or cap < base:
            raise ValueError("backoff needs 0 < base <= cap")
        self.base = base
        self.cap = cap
        self.rng = rng or random.Random()

    def ceiling(self, failures: int) -> float:
        """The un-jittered delay after ``failures`` consecutive failures (>= 1)."""
        exponent = min(max(failures, 1) - 1, 62)
        return float(min(self.cap, self.base * (2 ** exponent)))

    def delay(self, failures: int, *, at_least: float = 0.0) -> float:
        """The wait after ``failures`` failures; ``at_least`` (a gateway's Retry-After) is honoured
        even above the cap: the protocol forbids asking again sooner (docs/protocol.md section 10)."""
        d = self.ceiling(failures)
        return max(at_least, min(self.cap, d / 2 + self.rng.uniform(0, d / 2)))
