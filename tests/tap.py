"""A tap at a person's pace, for the UI tests that drive the real widgets.

A ``GuardedButton`` ignores a second tap within 500 ms of the one it accepted (ux.md: no double
submit). A test that taps the same button again (a second co-owner's check, another attempt) waits
out only what is left of that half second, as a person would, instead of a fixed pause per tap.
"""

from __future__ import annotations

from typing import Any

from ui.qt import Qt, QWidget
from ui.widgets.guard import GuardedButton


def tap(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} cannot be tapped now"
    if isinstance(widget, GuardedButton) and widget.guarded():
        qtbot.waitUntil(lambda: not widget.guarded(), timeout=2_000)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
