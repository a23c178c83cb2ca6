"""Payments through the real screen: a unit's orders as confirmations arrive, a supervisor's void and
refund with the approval form, and the day's reconciliation from a statement on a USB stick with every
mismatch type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.ui.office.casework import SMALL_PANEL, STAFF, SUPERVISOR, Desk, Site, desk_fixture, site_fixture  # noqa: F401

from kiosk.rules.county_time import county_date
from kiosk.services import payments
from kiosk.services.staff import Actor
from kiosk.views.payments import MISMATCH_TYPES
from sync.wire import kinds
from ui.screens.office.payments import PaymentsScreen

CLERK = Actor("S001", "staff")
TAX = "tax_bureau"


def free_units(site: Site, count: int) -> list[str]:
    rows = site.store.read("SELECT u.code FROM units u WHERE u.training = 0 AND u.use = 'residential' AND NOT "
                           "EXISTS (SELECT 1 FROM payment_orders o WHERE o.unit_code = u.code) ORDER BY u.code")
    return [str(r["code"]) for r in rows[:count]]


def order_for(site: Site, unit: str) -> tuple[str, dict[str, int]]:
    """A new order for ``unit``; its id and each payee's amount."""
    order = payments.create_order(site.ctx, CLERK, unit)
    items = site.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ?", (order,))
    return order, {r["payee"]: int(r["amount_fen"]) for r in items}


def confirm(site: Site, order: str, payee: str, amount: int, serial: str,
            at: dt.datetime | None = None) -> None:
    site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": payee, "amount_fen": amount, "channel_serial": serial,
                                               "receipt_no": f"R-{serial}"}, issued_at=at)


def test_orders_confirmations_and_a_supervisors_void_and_refund(desk: Desk, site: Site) -> None:
    paid_unit, unpaid_unit = free_units(site, 2)
    order, amounts = order_for(site, paid_unit)
    confirm(site, order, TAX, amounts[TAX], "CH-T-1")
    desk.sign_in(*STAFF)
    screen: PaymentsScreen = desk.open("office_payments", unit_code=paid_unit)
    assert screen.unit is not None and screen.unit.orders[0].order_id == order
    assert "CH-T-1" in screen.item_rows[(order, TAX)].text() and set(screen.refund_buttons) == {(order, TAX)}
    assert len(screen.event_rows) == 1 and "已入账" in screen.event_rows[0].text()

    # The same confirmation arrives again: kept aside as a repeat, shown without a tap.
    confirm(site, order, TAX, amounts[TAX], "CH-T-1")
    desk.qtbot.waitUntil(lambda: len(screen.event_rows) == 2, timeout=10_000)
    assert "重复" in screen.event_rows[0].text()

    # A void needs a supervisor's approval (the form's own refusals: tests/ui/office/test_approval.py); it
    # is given, and the service refuses: the buyer has paid part of the order.
    desk.click(screen.void_buttons[order])
    assert screen.approval.isVisible() and not screen.orders_page.isVisible()
    desk.approve(screen.approval, *SUPERVISOR, "订单金额有误需重开")
    assert not screen.approval.isVisible() and screen.refusal.code == "order_has_payments"
    assert "退" in screen.refusal.hint.text()

    # The refund of the paid item, then the same request again.
    desk.click(screen.refund_buttons[(order, TAX)])
    desk.approve(screen.approval, *SUPERVISOR, "买受人申请退税重新缴纳")
    assert not screen.refusal.isVisible()
    requested = site.store.read("SELECT detail FROM audit WHERE action = 'payment.refund_requested' AND subject = ?",
                                (order,))
    assert len(requested) == 1 and "买受人申请退税重新缴纳" in requested[0]["detail"]
    desk.click(screen.refund_buttons[(order, TAX)])
    desk.approve(screen.approval, *SUPERVISOR, "买受人申请退税重新缴纳")
    assert screen.refusal.code == "refund_pending"
    desk.look("office-payments-orders", SMALL_PANEL)

    # An order nobody paid on is voided with the supervisor's reason.
    unpaid, _ = order_for(site, unpaid_unit)
    screen = desk.open("office_payments", unit_code=unpaid_unit)
    desk.click(screen.void_buttons[unpaid])
    desk.approve(screen.approval, *SUPERVISOR, "买受人放弃本次缴费")
    assert screen.unit is not None and screen.unit.orders[0].state == "void" and screen.void_buttons == {}
    assert site.store.read("SELECT state FROM payment_orders WHERE id = ?", (unpaid,))[0]["state"] == "void"


def test_reconciliation_lists_every_mismatch_type_from_a_usb_statement(desk: Desk, site: Site,
                                                                      tmp_path: Path) -> None:
    # Three days back: the day holds this test's payments alone (the other test pays today).
    day_of = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)
    missing, differs, twice, refunded, yesterday = free_units(site, 5)
    orders = {unit: order_for(site, unit) for unit in (missing, differs, twice, refunded, yesterday)}

    def pay(unit: str, serial: str, at: dt.datetime = day_of) -> int:
        order, amounts = orders[unit]
        confirm(site, order, TAX, amounts[TAX], serial, at)
        return amounts[TAX]

    pay(missing, "S-MISSING")
    differs_fen = pay(differs, "S-DIFFERS")
    twice_fen = pay(twice, "S-TWICE")
    refunded_fen = pay(refunded, "S-REFUNDED")
    site.pull(kinds.PAYMENT_REFUNDED, orders[refunded][0], {"payee": TAX, "amount_fen": refunded_fen,
                                                            "channel_serial": "S-REFUNDED"}, issued_at=day_of)
    other_fen = pay(yesterday, "S-OTHER-DAY", day_of - dt.timedelta(days=1))
    usb = tmp_path / "media" / "USB-STICK"
    usb.mkdir(parents=True)
    (usb / "tax-statement.csv").write_text(
        "channel_serial,amount_fen\n"
        f"S-DIFFERS,{differs_fen + 100}\nS-TWICE,{twice_fen}\nS-TWICE,{twice_fen}\nS-REFUNDED,{refunded_fen}\n"
        f"S-OTHER-DAY,{other_fen}\nS-STRANGER,5000\n", encoding="utf-8")
    (usb / "broken.csv").write_text("serial;amount\nX;1\n", encoding="utf-8")

    desk.sign_in(*STAFF)
    screen: PaymentsScreen = desk.open("office_payments", reconcile=True)
    assert screen.reconcile_page.isVisible() and screen.day == county_date(dt.datetime.now(dt.timezone.utc))
    for _ in range(3):
        desk.click(screen.prev_day)
    assert screen.day == county_date(day_of) and screen.day_label.text() == county_date(day_of).isoformat()
    screen.media_roots = (tmp_path / "nothing",)
    desk.click(screen.media_button)
    desk.settle()
    assert "插入" in screen.media_line.text() and screen.file_buttons == {}
    screen.media_roots = (tmp_path / "media",)
    screen.is_volume = lambda path: path.name.startswith("USB")
    desk.click(screen.media_button)
    desk.settle()
    assert set(screen.file_buttons) == {"tax-statement.csv", "broken.csv"}

    # A file that is no statement: refused in plain words, nothing reconciled.
    desk.click(screen.file_buttons["broken.csv"])
    desk.click(screen.payee_buttons[TAX])
    desk.click(screen.reconcile_button)
    desk.settle()
    assert screen.refusal.code == "invalid" and "对账单" in screen.refusal.message.text() and screen.report is None

    desk.click(screen.file_buttons["tax-statement.csv"])
    desk.click(screen.payee_buttons[TAX])
    assert "tax-statement.csv" in screen.attached.text()
    desk.click(screen.reconcile_button)
    desk.settle()
    assert not screen.refusal.isVisible() and screen.report is not None
    rows = screen.mismatch_rows[TAX]
    assert sorted(str(r.property("mismatch")) for r in rows) == sorted(MISMATCH_TYPES)
    by_type = {str(r.property("mismatch")): r for r in rows}
    assert by_type["missing_from_statement"].property("state") == "error"
    assert by_type["unknown_to_kiosk"].property("state") == "error" and "S-STRANGER" in by_type["unknown_to_kiosk"].text()
    assert by_type["amount_differs"].property("state") == "error"
    assert {by_type[t].property("state") for t in ("other_day", "listed_twice", "refunded")} == {"warn"}
    assert screen.totals[TAX].property("state") == "error" and "6" in screen.totals[TAX].text()
    # The other payee accounts are reconciled on their own, without a statement.
    assert {a.payee for a in screen.report.payees} >= {TAX, "registration_office"}
    assert screen.mismatch_rows["registration_office"] == []
    desk.look("office-payments-reconciliation")
