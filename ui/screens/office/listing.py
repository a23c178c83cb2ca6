"""Pieces the acceptance, contract and payment screens share.

- ``shown_time``: a stored UTC stamp as the county's wall-clock time, to the minute;
- ``clear_layout``: empties a layout of rows before it is filled again;
- ``OfficeBase``: a staff screen that needs a signed-in staff member; without one it shows why and
  where to go instead of its body.
"""

from __future__ import annotations

import datetime as dt

from kiosk.rules.county_time import county_zone, local_time
from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QCoreApplication, QLayout, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.counter.common import wrapped


def shown_time(ctx: AppContext, stamp: str | None) -> str:
    """``stamp`` (ISO 8601, UTC) as ``YYYY-MM-DD HH:MM`` in the county; '' for none."""
    if not stamp:
        return ""
    zone = county_zone(str(ctx.kiosk.config["county"]["time_zone"]))
    return local_time(dt.datetime.fromisoformat(stamp), zone).strftime("%Y-%m-%d %H:%M")


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and nested layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        inner = item.layout()
        if inner is not None:
            clear_layout(inner)
            inner.deleteLater()


class OfficeBase(Screen):
    """A back-office screen: its body while a staff member is signed in, a plain refusal otherwise."""

    audience = "staff"
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.body = QWidget()
        self.no_staff = wrapped(state="error")
        self.no_staff.setObjectName("no_staff")
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(48, 16, 48, 16)
        self._outer.addWidget(self.no_staff)
        self._outer.addWidget(self.body, 1)
        self.no_staff.hide()

    @property
    def actor(self) -> Actor | None:
        return self.ctx.actor

    def signed_in(self) -> bool:
        """Shows the body when a staff member is signed in, else the refusal; whether one is."""
        ok = self.actor is not None and self.actor.role in ("staff", "supervisor")
        self.no_staff.setVisible(not ok)
        self.body.setVisible(ok)
        # Translated in this class's context: ``self.tr`` would look in the subclass's.
        self.no_staff.setText(QCoreApplication.translate(
            "OfficeBase", "Log in at the counter first: the back office acts in the name of a signed-in staff member."))
        return ok
