"""The back office's payment views: a unit's orders with the platform's answers, and the day's
reconciliation per payee account.

- ``unit_payments(ctx, unit_code)``: every order of the unit (newest first, ``OrderView`` with its
  items per payee) and the confirmations and refunds as they arrived (``payment_events``: applied,
  duplicate, or rejected with the reason), newest first;
- ``reconciliation_view(ctx, day, statements)``: ``kiosk.services.reconciliation.reconcile`` as typed
  rows, each payee account on its own, with its mismatches by type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.errors import FlowError
from kiosk.rules.money import format_yuan
from kiosk.services.context import Context
from kiosk.services.gates import PAYEE_NAMES
from kiosk.services.reconciliation import Statement, reconcile
from kiosk.views.order import OrderView, order_view

__all__ = ["MISMATCH_TYPES", "Mismatch", "PayeeReconciliation", "PaymentEvent", "ReconciliationView",
           "UnitPayments", "reconciliation_view", "unit_payments"]

# Every mismatch type reconcile() reports, in the order a screen lists them.
MISMATCH_TYPES = ("missing_from_statement", "unknown_to_kiosk", "amount_differs", "other_day", "listed_twice",
                  "refunded")
EVENTS_SHOWN = 8


@dataclass(frozen=True, slots=True)
class PaymentEvent:
    """One confirmation or refund as it arrived; ``result`` 'applied', 'duplicate' or 'rejected'."""

    order_id: str
    payee: str
    payee_name: str
    kind: str
    amount_fen: int
    amount_text: str
    result: str
    reason: str | None
    at: str


@dataclass(frozen=True, slots=True)
class UnitPayments:
    unit_code: str
    project_name: str
    building: str
    room: str
    training: bool
    orders: tuple[OrderView, ...]
    events: tuple[PaymentEvent, ...]


@dataclass(frozen=True, slots=True)
class Mismatch:
    type: str
    channel_serial: str | None
    order_id: str | None
    kiosk_fen: int | None
    statement_fen: int | None
    detail: str


@dataclass(frozen=True, slots=True)
class PayeeReconciliation:
    """One payee account's day; ``statement_fen`` None when no statement was given for it."""

    payee: str
    payee_name: str
    expected_fen: int
    confirmed_fen: int
    count: int
    due_fen: int
    statement_fen: int | None
    mismatches: tuple[Mismatch, ...]


@dataclass(frozen=True, slots=True)
class ReconciliationView:
    day: dt.date
    payees: tuple[PayeeReconciliation, ...]


def unit_payments(ctx: Context, unit_code: str) -> UnitPayments:
    """The unit's orders and payment events; ``FlowError`` ``unknown_unit`` when there is no such unit."""
    code = unit_code.strip().upper()
    rows = ctx.store.read("SELECT u.code, u.building, u.room, u.training, p.name AS project_name FROM units u "
                          "JOIN projects p ON p.id = u.project_id WHERE u.code = ?", (code,))
    if not rows:
        raise FlowError(f"no unit {code} on this kiosk", code="unknown_unit",
                        hint="check the unit code, or sync master data")
    u = rows[0]
    ids = [r["id"] for r in ctx.store.read("SELECT id FROM payment_orders WHERE unit_code = ? AND training = ? "
                                           "ORDER BY created_at DESC, rowid DESC", (code, u["training"]))]
    events: list[dict[str, Any]] = []
    if ids:
        marks = ", ".join("?" for _ in ids)
        events = ctx.store.read(f"SELECT * FROM payment_events WHERE order_id IN ({marks}) "
                                f"ORDER BY at DESC, rowid DESC LIMIT {EVENTS_SHOWN}", tuple(ids))
    return UnitPayments(
        unit_code=code, project_name=u["project_name"], building=u["building"], room=u["room"],
        training=bool(u["training"]), orders=tuple(order_view(ctx, i) for i in ids),
        events=tuple(PaymentEvent(order_id=e["order_id"], payee=e["payee"],
                                  payee_name=PAYEE_NAMES.get(e["payee"], e["payee"]), kind=e["kind"],
                                  amount_fen=int(e["amount_fen"]), amount_text=format_yuan(int(e["amount_fen"])),
                                  result=e["result"], reason=e["reason"], at=e["at"]) for e in events))


def reconciliation_view(ctx: Context, day: dt.date, statements: dict[str, Statement] | None = None) \
        -> ReconciliationView:
    """The county day ``day`` per payee account, against the statements given (payee -> entries)."""
    report = reconcile(ctx, day, statements)
    return ReconciliationView(day=day, payees=tuple(
        PayeeReconciliation(
            payee=payee, payee_name=PAYEE_NAMES.get(payee, payee), expected_fen=int(r["expected_fen"]),
            confirmed_fen=int(r["confirmed_fen"]), count=int(r["count"]), due_fen=int(r["due_fen"]),
            statement_fen=r["statement_fen"],
            mismatches=tuple(Mismatch(type=m["type"], channel_serial=m["channel_serial"], order_id=m["order_id"],
                                      kiosk_fen=m["kiosk_fen"], statement_fen=m["statement_fen"],
                                      detail=m["detail"]) for m in r["mismatches"]))
        for payee, r in report["payees"].items()))
