"""A bound on repeated log lines, so a fault that repeats per connection cannot flood the disk.

Under descriptor exhaustion asyncio logs "socket.accept() out of system
resource" with a traceback for every accept retry, and a failing handler logs
one traceback per request: megabytes a second. ``RepeatLimiter`` lets the first
``burst`` records of one kind through per ``interval`` and then holds the rest
back; the first record of the next interval says how many were held back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_KINDS = 1000
OVERFLOW = ("", 0, "(too many kinds of log message)")


@dataclass
class _Window:
    start: float
    count: int = 0
    held_back: int = 0


class RepeatLimiter(logging.Filter):
    """A handler filter; a record's kind is its logger, level and the first line of its message
    template (before arguments are filled in, so one kind covers every address or id)."""

    def __init__(self, *, burst: int = 5, interval: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.burst = burst
        self.interval = interval
        self.clock = clock
        self._windows: dict[tuple[str, int, str], _Window] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        now = self.clock()
        key = (record.name, record.levelno, str(record.msg).split("\n", 1)[0][:200])
        if key not in self._windows and len(self._windows) >= MAX_KINDS:
            self._prune(now)
            if len(self._windows) >= MAX_KINDS:
                key = OVERFLOW
        window = self._windows.get(key)
        if window is None or now - window.start >= self.interval:
            held_back = window.held_back if window is not None else 0
            self._windows[key] = _Window(start=now, count=1)
            if held_back:
                record.msg = (f"{record.msg} [{held_back} more like this were not logged "
                              f"in the {self.interval:.0f} s before]")
            return True
        window.count += 1
        if window.count <= self.burst:
            return True
        window.held_back += 1
        return False

    def _prune(self, now: float) -> None:
        for key in [k for k, w in self._windows.items() if now - w.start >= self.interval]:
            del self._windows[key]


def limit_repeats(logger: logging.Logger | None = None, *, burst: int = 5,
                  interval: float = 60.0) -> None:
    """Put one ``RepeatLimiter`` on every handler of ``logger`` (the root logger by default)."""
    limiter = RepeatLimiter(burst=burst, interval=interval)
    for handler in (logger or logging.getLogger()).handlers:
        handler.addFilter(limiter)
