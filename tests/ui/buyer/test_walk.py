"""The buyer path through the real widgets: typed ID number -> my case -> read, place the ID card, sign the contract ->
my case again (fresh) -> pay with live confirmation -> my case shows the payment done."""

from __future__ import annotations

from typing import Any

from kiosk.services import payments
from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import Qt
from ui.screens.buyer.identify import IdentifyScreen
from ui.screens.buyer.my_case import MyCaseScreen
from ui.screens.buyer.pay import PayScreen
from ui.screens.buyer.read_sign import ReadSignScreen


def click(qtbot: Any, button: Any) -> None:
    qtbot.wait(600)  # a person's pace: guarded buttons ignore a second tap within 500 ms
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_identify_sign_and_pay(nav: Navigator, kiosk_ctx: AppContext, buyers: Any, on_store: Any,
                               qtbot: Any) -> None:
    unit = buyers.unit()
    contract_id = buyers.draft_contract(unit)
    holder = buyers.holders(unit)[0]
    kiosk_ctx.start_polling()
    identify = nav.go("identify")
    assert isinstance(identify, IdentifyScreen)
    click(qtbot, identify.way_buttons["keypad"])
    for char in holder.id_number:
        qtbot.mouseClick(identify.keypad.keys[char], Qt.MouseButton.LeftButton)
    click(qtbot, identify.keypad_continue)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    case = nav.current
    assert isinstance(case, MyCaseScreen)
    click(qtbot, case.action_buttons["contract"])
    sign = nav.current
    assert isinstance(sign, ReadSignScreen)
    qtbot.waitUntil(lambda: sign.reading is not None, timeout=20_000)
    assert sign.reading is not None
    for _ in range(len(sign.pages) - 1):
        qtbot.mouseClick(sign.next_button, Qt.MouseButton.LeftButton)
    click(qtbot, sign.sign_button)
    # A typed number found the case but proves nobody is here: the buyer's own card before the pad.
    qtbot.waitUntil(lambda: sign.stack.currentWidget() is sign.card, timeout=10_000)
    assert not sign.pad.isVisible()
    buyers.place_card(kiosk_ctx, holder)
    qtbot.waitUntil(lambda: sign.pad.isVisible(), timeout=20_000)
    canvas = sign.pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center() - canvas.rect().center() / 2)
    qtbot.mouseMove(canvas, canvas.rect().center() + canvas.rect().center() / 2)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center() + canvas.rect().center() / 2)
    click(qtbot, sign.pad.confirm_button)
    qtbot.waitUntil(lambda: nav.current is case and bool(case.cases), timeout=20_000)
    assert case.cases[0].contract is not None and case.cases[0].contract.contract_id == contract_id
    assert case.cases[0].contract.state == "signed" and not case.action_buttons["contract"].isVisible()
    click(qtbot, case.action_buttons["pay"])
    pay = nav.current
    assert isinstance(pay, PayScreen)
    qtbot.waitUntil(lambda: pay.order is not None, timeout=20_000)
    order = pay.order
    assert order is not None
    for n, item in enumerate(order.items):
        on_store(lambda k, i=item, n=n: payments.record_confirmation(
            k.ctx, buyers.sim.staff, order.order_id, i.payee, i.amount_fen, f"W{n}", f"R{n}", event_id=f"W{n}"))
    qtbot.waitUntil(pay.paid, timeout=10_000)
    click(qtbot, pay.back_button)
    qtbot.waitUntil(lambda: nav.current is case and bool(case.cases), timeout=20_000)
    assert not any(m.code == "unpaid" for m in case.cases[0].missing)
    assert "尚未确认到账" not in case.steps.text() and not case.action_buttons["pay"].isVisible()
    nav.home()
    assert case.cases == [] and pay.order is None and sign.reading is None
