"""Touch hygiene: no double submit, no context menus (ux.md "Touch and layout")."""

from __future__ import annotations

import time
from collections.abc import Callable

from ui.qt import QApplication, QEvent, QMouseEvent, QObject, QPushButton, QWidget

GUARD_SECONDS = 0.5
# The property of a button that is meant to be tapped again at once (``repeatable``).
REPEATABLE = "repeatable"


class GuardedButton(QPushButton):
    """A button that ignores a second tap within 500 ms of an accepted one.

    The tap is swallowed at the press, so the button neither shows a pressed
    state nor emits ``clicked`` for it: a hurried double tap on 确认 or 缴费
    submits once. Keypad keys stay plain buttons: "1", "1" typed quickly is
    two digits, not a double submit.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(text, parent)
        self._clock = clock
        self._last_accepted: float | None = None
        self.clicked.connect(self._stamp)

    def _stamp(self) -> None:
        self._last_accepted = self._clock()

    def guarded(self) -> bool:
        return self._last_accepted is not None and self._clock() - self._last_accepted < GUARD_SECONDS

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.guarded():
            event.accept()
            return
        super().mousePressEvent(event)


def repeatable(button: QPushButton) -> QPushButton:
    """Mark a keypad's key as one typed again and again on purpose ("1", "1"; delete, delete): the one
    kind of button left without the 500 ms guard. Every other button of a screen is a ``GuardedButton``."""
    if isinstance(button, GuardedButton):
        raise TypeError("a GuardedButton ignores a quick second tap; make a repeatable key a plain QPushButton")
    button.setProperty(REPEATABLE, True)
    return button


class ContextMenuBlocker(QObject):
    """App-wide event filter that swallows every context-menu request.

    A right click or a long press would otherwise open Qt's own menus (copy,
    paste, select all in line edits), a way around the screens.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ContextMenu:
            return True
        return super().eventFilter(watched, event)


def install_context_menu_blocker(app: QApplication) -> ContextMenuBlocker:
    blocker = ContextMenuBlocker(app)
    app.installEventFilter(blocker)
    return blocker
