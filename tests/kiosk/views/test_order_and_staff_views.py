"""OrderView through a payment's life (due, part paid, paid, void) and StaffView (expiry, lockout)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sync.wire import kinds
from kiosk.errors import AuthError, FlowError
from kiosk.services import payments, staff
from kiosk.views.order import current_order, order_view
from kiosk.views.staff import StaffRow, staff_view

from .conftest import strings


def test_order_items_per_payee_through_payment(site: Any, single: str) -> None:
    assert current_order(site.ctx, single) is None
    order = payments.create_order(site.ctx, site.staff, single)
    view = order_view(site.ctx, order)
    assert current_order(site.ctx, single) == view
    rows = site.store.read("SELECT * FROM payment_items WHERE order_id = ? ORDER BY payee", (order,))
    assert [i.payee for i in view.items] == [r["payee"] for r in rows] and len(rows) >= 2
    assert len({i.payee for i in view.items}) == len(view.items), "one item per payee"
    assert sum(i.amount_fen for i in view.items) == view.total_fen == view.outstanding_fen
    assert len(view.payment_code) == 20 and view.payment_code.isdigit()
    assert (view.state, view.state_label, view.all_confirmed, view.unit_code) == ("open", "待缴费", False, single)
    tax = next(i for i in view.items if i.payee == "tax_bureau")
    assert tax.payee_name == "税务机关" and tax.estimate and tax.state_label == "待缴"
    assert tax.amount_text == f"{tax.amount_fen // 100:,}.{tax.amount_fen % 100:02d}"
    assert view.payment_code in view.status
    site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": tax.payee, "amount_fen": tax.amount_fen,
                                               "channel_serial": "CH-T", "receipt_no": "R-T"})
    part = order_view(site.ctx, order)
    paid = next(i for i in part.items if i.payee == "tax_bureau")
    assert (paid.state, paid.channel_serial, paid.receipt_no) == ("confirmed", "CH-T", "R-T") and paid.confirmed_at
    assert part.outstanding_fen == view.total_fen - tax.amount_fen and not part.all_confirmed
    for item in part.items:
        if item.state == "due":
            site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": item.payee, "amount_fen": item.amount_fen,
                                                       "channel_serial": f"CH-{item.payee}", "receipt_no": "R"})
    done = order_view(site.ctx, order)
    assert (done.state, done.all_confirmed, done.outstanding_fen, done.outstanding_text) == ("paid", True, 0, "0.00")


def test_void_order_and_unknown_order(site: Any, single: str) -> None:
    order = payments.create_order(site.ctx, site.staff, single)
    payments.void_order(site.ctx, site.supervisor, order, "按二套房重新计算契税")
    view = order_view(site.ctx, order)
    assert view.state == "void" and {i.state for i in view.items} == {"void"} and view.closed_at
    assert view.outstanding_fen == 0 and current_order(site.ctx, single) is None
    with pytest.raises(FlowError) as err:
        order_view(site.ctx, "no-such-order")
    assert err.value.code == "unknown_order" and err.value.hint


def test_staff_roster_with_expiry_and_lockout(site: Any) -> None:
    view = staff_view(site.ctx)
    assert view.as_of == site.ctx.now()
    roster = {r.staff_id: r for r in view.rows}
    samples = site.store.read("SELECT id, role, cert_no FROM staff")
    assert set(roster) == {s["id"] for s in samples} and len(roster) >= 3
    assert [r.role for r in view.rows] == sorted(r.role for r in view.rows)
    member = roster[site.staff.id]
    assert (member.role, member.role_label, member.may_log_in, member.locked) == ("staff", "窗口人员", True, False)
    assert member.name and "*" not in member.name
    assert "pin_hash" not in StaffRow.__slots__ and not any(s.startswith("scrypt$") for s in strings(view))

    with site.store.unit_of_work("test") as uow:
        uow.update("staff", {"id": site.staff.id}, {"cert_expires": "2026-11-19"})
        uow.log("test.expire", site.staff.id)
    expired = {r.staff_id: r for r in staff_view(site.ctx).rows}[site.staff.id]
    assert (expired.cert_expired, expired.cert_days_left, expired.may_log_in) == (True, -1, False)
    assert expired.cert_expires == dt.date(2026, 11, 19)

    other = roster[site.supervisor.id]
    for _ in range(5):
        with pytest.raises(AuthError):
            staff.login(site.ctx, other.staff_id, "000000")
    locked = {r.staff_id: r for r in staff_view(site.ctx).rows}[other.staff_id]
    assert locked.locked and locked.locked_until and not locked.may_log_in
    site.clock.now += dt.timedelta(minutes=16)
    later = {r.staff_id: r for r in staff_view(site.ctx).rows}[other.staff_id]
    assert (later.locked, later.locked_until, later.may_log_in) == (False, None, True)
