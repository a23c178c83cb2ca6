"""``Later``: one call once the event loop is back, however often it was asked for before then.

For work that must wait until Qt has finished what it is doing now: a style sheet change restyles
widget after widget in no set order, and a list refilled while its rows are still being added
resizes itself again.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QObject, QTimer


class Later:
    """Calling it queues one call of ``fn``; it is dropped with ``owner`` if that is deleted first."""

    def __init__(self, owner: QObject, fn: Callable[[], object]) -> None:
        self._owner = owner
        self._fn = fn
        self._due = False

    def __call__(self) -> None:
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self._owner, self._run)

    def _run(self) -> None:
        self._due = False
        self._fn()
