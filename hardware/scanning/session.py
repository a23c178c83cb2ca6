"""From a stream of frames to scan events: each code reported once while it stays in view."""

from __future__ import annotations

import time
from collections.abc import Callable

from hardware.camera.base import Camera
from hardware.scanning.symbol import CodeScanner, Symbol
from kiosk.errors import ValidationError

DEFAULT_WINDOW_S = 2.0


class Debouncer:
    """Reports a text once, then stays quiet while it keeps being seen.

    The window slides: each sighting extends it, so a phone held under the
    camera for ten seconds is one scan, and the same code shown again after
    ``window_s`` seconds out of view is a new one.
    """

    def __init__(self, window_s: float = DEFAULT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if window_s < 0:
            raise ValidationError(f"the repeat window must be 0 s or more, got {window_s}",
                                  field="window_s")
        self.window_s = window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str) -> bool:
        """True when ``text`` is news, False for a repeat within the window."""
        now = self._clock()
        self._forget_before(now - self.window_s)
        fresh = text not in self._last_seen
        self._last_seen[text] = now
        return fresh

    def _forget_before(self, cutoff: float) -> None:
        for text in [t for t, seen in self._last_seen.items() if seen < cutoff]:
            del self._last_seen[text]


class ScanSession:
    """Takes the newest camera frame, decodes it and reports only the new codes."""

    def __init__(self, camera: Camera, scanner: CodeScanner, debouncer: Debouncer | None = None) -> None:
        self.camera = camera
        self.scanner = scanner
        self.debouncer = debouncer or Debouncer()

    def poll(self, timeout: float = 1.0) -> list[Symbol]:
        """Symbols in the newest frame that were not reported within the window (often empty)."""
        frame = self.camera.latest(timeout)
        return [s for s in self.scanner.decode(frame.image) if self.debouncer.accept(s.text)]
