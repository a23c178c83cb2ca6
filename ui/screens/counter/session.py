"""Who is logged in at the counter: the shell shows it, the counter screens act as it.

One ``StaffSession`` per ``AppContext`` (``staff_session(ctx)`` finds or makes it, a
child of the context), so the shell's status strip and every counter screen read
the same object without importing each other. API for the shell:

- ``actor``: the logged-in ``kiosk.services.staff.Actor`` or None;
- ``logged_in_at``: when (the kiosk's clock, aware datetime) or None;
- ``staff_name``: the name from the roster (for the status strip), '' when unknown;
- ``changed``: emitted after every ``start``/``end`` (also when the shell locks the
  screen after 180 s idle and calls ``end()``).
"""

from __future__ import annotations

import datetime as dt

from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QObject, Signal


class StaffSession(QObject):
    """The staff member at the counter; nothing persistent (the store records logins)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actor: Actor | None = None
        self.logged_in_at: dt.datetime | None = None
        self.staff_name = ""

    @property
    def active(self) -> bool:
        return self.actor is not None

    def start(self, actor: Actor, at: dt.datetime, staff_name: str = "") -> None:
        self.actor, self.logged_in_at, self.staff_name = actor, at, staff_name
        self.changed.emit()

    def end(self) -> None:
        """Log out (the shell's lock after idle, or the log-out button)."""
        if self.actor is None:
            return
        self.actor, self.logged_in_at, self.staff_name = None, None, ""
        self.changed.emit()


def staff_session(ctx: AppContext) -> StaffSession:
    """The one session of ``ctx``, made on first use."""
    found = ctx.findChild(StaffSession)
    if isinstance(found, StaffSession):
        return found
    return StaffSession(ctx)
