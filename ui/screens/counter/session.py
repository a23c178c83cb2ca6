"""Who is logged in at the counter, as the counter screens read it.

The one record of the signed-in actor is the ``AppContext`` (``ctx.sign_in`` /
``ctx.sign_out`` / ``ctx.actor``): the shell's status strip, its idle lock and
the technician exit read it there. ``StaffSession`` is the counter's view of
it plus the login time; ``staff_session(ctx)`` finds or makes the one per
context.

- ``actor``: the logged-in ``kiosk.services.staff.Actor`` or None (training
  actors in a ``--training`` session);
- ``logged_in_at``: when (the kiosk's clock) or None;
- ``staff_name``: the name from the roster, '' when unknown;
- ``changed``: emitted after every sign-in and sign-out, whoever did it.
"""

from __future__ import annotations

import datetime as dt

from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QObject, Signal


class StaffSession(QObject):
    """The staff member at the counter; nothing persistent (the store records logins)."""

    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.logged_in_at: dt.datetime | None = None
        ctx.signed_in.connect(self._on_signed_in)

    @property
    def actor(self) -> Actor | None:
        return self.ctx.actor

    @property
    def staff_name(self) -> str:
        return self.ctx.actor_name

    @property
    def active(self) -> bool:
        return self.ctx.actor is not None

    def start(self, actor: Actor, at: dt.datetime, staff_name: str = "") -> None:
        self.logged_in_at = at
        self.ctx.sign_in(actor, staff_name)

    def end(self) -> None:
        """Log out (the log-out button; the shell's idle lock signs out through the context)."""
        self.ctx.sign_out()

    def _on_signed_in(self, actor: Actor | None) -> None:
        if actor is None:
            self.logged_in_at = None
        self.changed.emit()


def staff_session(ctx: AppContext) -> StaffSession:
    """The one session of ``ctx``, made on first use."""
    found = ctx.findChild(StaffSession)
    if isinstance(found, StaffSession):
        return found
    return StaffSession(ctx)
