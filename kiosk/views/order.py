"""OrderView: one payment order (一码缴费) with its items per payee and their states."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.errors import FlowError
from kiosk.rules.money import format_yuan
from kiosk.services.context import Context
from kiosk.services.gates import PAYEE_NAMES
from kiosk.services.payments import order_status
from kiosk.store import Store

__all__ = ["OrderView", "PaymentItemView", "current_order", "order_view"]

ITEM_STATE_NAMES = {"due": "待缴", "confirmed": "已到账", "void": "已作废", "refunded": "已退款"}
ORDER_STATE_NAMES = {"open": "待缴费", "paid": "已缴清", "void": "已作废", "refunded": "已退款"}


@dataclass(frozen=True, slots=True)
class PaymentItemView:
    payee: str
    payee_name: str
    name: str
    amount_fen: int
    amount_text: str
    estimate: bool
    state: str
    state_label: str
    channel_serial: str | None
    receipt_no: str | None
    confirmed_at: str | None
    refunded_at: str | None


@dataclass(frozen=True, slots=True)
class OrderView:
    """``status`` is the English sentence the handover gives for it; ``outstanding_fen`` what is
    still due (items neither confirmed nor void)."""

    order_id: str
    unit_code: str
    payment_code: str
    state: str
    state_label: str
    total_fen: int
    total_text: str
    outstanding_fen: int
    outstanding_text: str
    all_confirmed: bool
    status: str
    rule_version: str
    training: bool
    created_at: str
    closed_at: str | None
    items: tuple[PaymentItemView, ...]


def _item(row: dict[str, Any]) -> PaymentItemView:
    return PaymentItemView(
        payee=row["payee"], payee_name=PAYEE_NAMES.get(row["payee"], row["payee"]), name=row["name"],
        amount_fen=int(row["amount_fen"]), amount_text=format_yuan(int(row["amount_fen"])),
        estimate=bool(row["estimate"]), state=row["state"],
        state_label=ITEM_STATE_NAMES.get(row["state"], row["state"]), channel_serial=row["channel_serial"],
        receipt_no=row["receipt_no"], confirmed_at=row["confirmed_at"], refunded_at=row["refunded_at"])


def _build(store: Store, order: dict[str, Any]) -> OrderView:
    rows = store.read("SELECT * FROM payment_items WHERE order_id = ? ORDER BY payee", (order["id"],))
    status = order_status(order["unit_code"], order, rows)
    outstanding = sum(int(r["amount_fen"]) for r in rows if r["state"] == "due")
    return OrderView(
        order_id=order["id"], unit_code=order["unit_code"], payment_code=order["payment_code"],
        state=order["state"], state_label=ORDER_STATE_NAMES.get(order["state"], order["state"]),
        total_fen=int(order["total_fen"]), total_text=format_yuan(int(order["total_fen"])),
        outstanding_fen=outstanding, outstanding_text=format_yuan(outstanding),
        all_confirmed=status.all_confirmed, status=status.reason, rule_version=order["rule_version"],
        training=bool(order["training"]), created_at=order["created_at"], closed_at=order["closed_at"],
        items=tuple(_item(r) for r in rows))


def order_view(ctx: Context, order_id: str) -> OrderView:
    """The order ``order_id``; ``FlowError`` ``unknown_order`` when this kiosk has none such."""
    rows = ctx.store.read("SELECT * FROM payment_orders WHERE id = ?", (order_id,))
    if not rows:
        raise FlowError(f"no payment order {order_id} on this kiosk", code="unknown_order",
                        hint="check the order id")
    return _build(ctx.store, rows[0])


def current_order(ctx: Context, unit_code: str, *, training: bool | None = None) -> OrderView | None:
    """The unit's current order (its latest that is not void, in the unit's data scope unless
    ``training`` says otherwise): the one the handover checks. None when there is none."""
    if training is None:
        unit = ctx.store.read("SELECT training FROM units WHERE code = ?", (unit_code,))
        training = bool(unit[0]["training"]) if unit else False
    rows = ctx.store.read("SELECT * FROM payment_orders WHERE unit_code = ? AND training = ? AND state != 'void' "
                          "ORDER BY created_at DESC, rowid DESC LIMIT 1", (unit_code, int(training)))
    return _build(ctx.store, rows[0]) if rows else None
