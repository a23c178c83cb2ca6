"""HID keyboard-wedge scanners: telling a scan from a person typing.

A wedge scanner presents itself as a USB keyboard and "types" the decoded
text followed by Enter, a character every few milliseconds. A person types
one every 100 ms or more. The UI feeds every key press here (character and
timestamp) and treats the returned text as a scan, so no driver and no
serial port is needed: configure the scanner for a US keyboard layout and an
Enter suffix. Non-ASCII content does not survive a keyboard wedge (it would
depend on the host's input method); codes carrying Chinese need the serial
interface or the camera.
"""

from __future__ import annotations

from kiosk.errors import ValidationError

ENTER = frozenset({"\r", "\n"})
# Measured wedge scanners send a key every 2-20 ms; typists manage 60+ ms at best.
DEFAULT_MAX_GAP_MS = 40.0
# Shorter bursts are indistinguishable from a key held down or a double tap.
DEFAULT_MIN_LENGTH = 4


class KeystrokeBurstDetector:
    """Fed (char, timestamp_ms) events; ``feed`` returns the scanned text when a fast burst ends with Enter."""

    def __init__(self, *, max_gap_ms: float = DEFAULT_MAX_GAP_MS, min_length: int = DEFAULT_MIN_LENGTH) -> None:
        if max_gap_ms <= 0 or min_length < 1:
            raise ValidationError("a keystroke burst needs max_gap_ms above 0 and min_length of 1 or more",
                                  field="max_gap_ms")
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._chars: list[str] = []
        self._last_ms: float | None = None

    def feed(self, char: str, timestamp_ms: float) -> str | None:
        """The scan when ``char`` (Enter) completes one, else None."""
        if len(char) != 1:
            raise ValidationError(f"feed one character at a time, got {len(char)}", field="char",
                                  hint="pass Enter as '\\r'")
        slow = self._last_ms is not None and timestamp_ms - self._last_ms > self.max_gap_ms
        self._last_ms = timestamp_ms
        if char in ENTER:
            text = "".join(self._chars)
            self._chars.clear()
            self._last_ms = None
            if not slow and len(text) >= self.min_length:
                return text
            return None
        if slow:
            # A pause means a person: what came before is not part of a burst.
            self._chars.clear()
        self._chars.append(char)
        return None

    def reset(self) -> None:
        """Forget a partial burst (the screen changed, the field lost focus)."""
        self._chars.clear()
        self._last_ms = None
