"""Keyboard-wedge scanners: a fast burst ending in Enter is a scan, a person typing is not."""

from __future__ import annotations

import pytest

from hardware.scan_engine.wedge import KeystrokeBurstDetector
from kiosk.errors import ValidationError


def type_text(detector: KeystrokeBurstDetector, text: str, start_ms: float, gap_ms: float) -> list[str]:
    scans = []
    t = start_ms
    for ch in text + "\r":
        result = detector.feed(ch, t)
        if result is not None:
            scans.append(result)
        t += gap_ms
    return scans


def test_fast_burst_is_a_scan() -> None:
    assert type_text(KeystrokeBurstDetector(), "410425-A-0107", 1000, 8) == ["410425-A-0107"]


def test_slow_typing_is_not() -> None:
    assert type_text(KeystrokeBurstDetector(), "410425-A-0107", 1000, 150) == []


def test_person_typing_then_scanner_burst() -> None:
    detector = KeystrokeBurstDetector()
    t = 0.0
    for ch in "abc":
        assert detector.feed(ch, t) is None
        t += 200
    # The scanner starts 300 ms after the last human key: only its burst counts.
    assert type_text(detector, "KIOSK-ENROLL:7f3a", t + 300, 5) == ["KIOSK-ENROLL:7f3a"]


def test_pause_before_enter_is_not_a_scan() -> None:
    detector = KeystrokeBurstDetector()
    for i, ch in enumerate("410425"):
        detector.feed(ch, i * 5.0)
    assert detector.feed("\r", 25 + 500) is None


def test_short_burst_and_reset() -> None:
    detector = KeystrokeBurstDetector(min_length=4)
    assert type_text(detector, "ab", 0, 5) == []
    for i, ch in enumerate("4104"):
        detector.feed(ch, i * 5.0)
    detector.reset()
    assert detector.feed("\n", 20) is None
    with pytest.raises(ValidationError, match="one character"):
        detector.feed("Enter", 0)
    with pytest.raises(ValidationError):
        KeystrokeBurstDetector(max_gap_ms=0)
