"""Pieces the acceptance, contract and payment screens share.

- ``shown_time``: a stored UTC stamp as the county's wall-clock time, to the minute;
- ``staff_number``: who did something, as staff know each other (the number, not the audit label);
- ``clear_layout``: empties a layout of rows before it is filled again;
- ``OfficeRefusal``: the counter's refusal panel, worded for the back office's refusals;
- ``OfficeBase``: a staff screen that needs a signed-in staff member; without one it shows why and
  where to go instead of its body.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

from kiosk.rules.county_time import county_zone, local_time
from kiosk.errors import ValidationError
from kiosk.services.staff import Actor, Role
from ui.context import AppContext
from ui.qt import QCoreApplication, QLayout, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.counter.common import RefusalPanel, wrapped


def shown_time(ctx: AppContext, stamp: str | None) -> str:
    """``stamp`` (ISO 8601, UTC) as ``YYYY-MM-DD HH:MM`` in the county; '' for none."""
    if not stamp:
        return ""
    zone = county_zone(str(ctx.kiosk.config["county"]["time_zone"]))
    return local_time(dt.datetime.fromisoformat(stamp), zone).strftime("%Y-%m-%d %H:%M")


def staff_number(actor: str | None) -> str:
    """A member's audit label (``role:number``, e.g. ``staff:S001``) as the roster and the badge show them:
    the number (the role's English word read as a leftover on a Chinese screen); any other actor as stored,
    '' for none."""
    if not actor:
        return ""
    role, _, number = actor.partition(":")
    return number if number and role in get_args(Role) else actor


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


class OfficeRefusal(RefusalPanel):
    """The counter's refusal panel with the back office's refusals in plain words."""

    def texts(self) -> tuple[str, str]:
        error = self.error
        if self.gate is None and isinstance(error, ValidationError) and error.code == "invalid":
            known = self._invalid().get(error.field or "")
            if known is not None:
                return known
        return super().texts()

    def _invalid(self) -> dict[str, tuple[str, str]]:
        """Wrong input, by the field the service names."""
        return {
            "document_no": (self.tr("Neither a document number nor a QR code was given."),
                            self.tr("Type the acceptance document's number, or scan its QR code.")),
            "price": (self.tr("The price is not an amount in yuan."),
                      self.tr("Type the new total price in yuan with at most two decimals, or leave it empty.")),
            "statement": (self.tr("The statement file cannot be read as a payee statement."),
                          self.tr("Check the file below with the payee: a CSV with the columns channel_serial "
                                  "and amount_fen.")),
        }

    def _known(self) -> dict[str, tuple[str, str]]:
        known = super()._known()
        known.update({
            "reason_required": (self.tr("A written reason is needed."),
                                self.tr("Write in a sentence why, at least 4 characters.")),
            "unknown_unit": (self.tr("There is no unit with this code on this kiosk."),
                             self.tr("Check the unit code, or sync the master data.")),
            "unknown_project": (self.tr("There is no such project on this kiosk."),
                                self.tr("Sync the master data, then open the project again.")),
            "acceptance_closed": (self.tr("The first registration is already requested: acceptances can no "
                                          "longer change."),
                                  self.tr("Wait for the platform's answer.")),
            "contract_exists": (self.tr("This unit already has a contract."),
                                self.tr("Open it; a contract, even a draft, is corrected as a new version.")),
            "device_protocol": (self.tr("The scanner sent something that is not readable text."),
                                self.tr("Ask the technician to set the scanner's output to UTF-8, then scan "
                                        "again.")),
            "unsigned_buyers": (self.tr("Not every buyer has signed the contract."),
                                self.tr("Every buyer on the contract signs it.")),
            "no_buyers": (self.tr("No buyer is recorded for this unit."),
                          self.tr("Sync the master data, or record the buyers first.")),
            "order_has_payments": (self.tr("The buyer has already paid part of this order."),
                                   self.tr("Request the refund of the paid items first, then void the order.")),
            "not_refundable": (self.tr("Only a paid item can be refunded."),
                               self.tr("An unpaid order is voided instead.")),
            "refund_pending": (self.tr("The refund of this item was already requested."),
                               self.tr("The payee's refund arrives with the sync.")),
            "training_mismatch": (self.tr("Training and real cases never mix."),
                                  self.tr("Use a session of the same kind as the case.")),
        })
        return known


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
        self._outer.setContentsMargins(8, 12, 8, 0)
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
