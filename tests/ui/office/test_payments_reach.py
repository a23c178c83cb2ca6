"""Payments on a portrait panel below a 640 px reach line (``[display] reach_line_px``), in Chinese and in
English large text (the widest case): a refund's supervisor approval left open on the orders tab, then
the reconciliation tab tapped. The approval belongs to the order it was asked for; the reconciliation
shows by itself, fits the panel under the line, and the orders tab comes back without the form.
"""

from __future__ import annotations

from typing import Any

import pytest
from tap import tap

from kiosk.services.samples import load_samples
from tests.ui.reach import PORTRAIT, REACH_LINE, fits, portrait_fixture  # noqa: F401 (fixture)
from ui.qt import QEvent, QPoint
from ui.screens.office.payments import PaymentsScreen
from ui.shell.registry import SCREENS
from ui.shell.window import MainWindow
from ui.snapshot import render

ENTRY = next(e for e in SCREENS if e.name == "office_payments")


def look(window: MainWindow, qtbot: Any, qapp: Any, lang: str, large: bool) -> list[str]:
    """The window rendered as ``kiosk snapshots --reach-line 640 --size 1080x1920`` renders it in ``lang``
    (and large text), and what it would report."""
    qtbot.waitUntil(lambda: window.ctx.runner.pending() == 0, timeout=20_000)
    render(window, size=PORTRAIT, lang=lang, large=large, mode="staff")
    # What the switch of language rebuilt is marked for deletion, which no event loop runs here to carry out.
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.header.mapTo(window, QPoint(0, 0)).y() == REACH_LINE
    return fits(window)


# Chinese at the normal size, and the widest case: English in large text.
@pytest.mark.parametrize(("lang", "large"), [("zh_CN", False), ("en", True)], ids=["zh_CN", "en-large"])
def test_an_open_approval_closes_when_the_reconciliation_tab_is_tapped(
        portrait: MainWindow, qtbot: Any, qapp: Any, lang: str, large: bool) -> None:
    ctx = portrait.ctx
    member = next(s for s in load_samples().staff if s.id == ENTRY.staff_id)
    ctx.sign_in(ctx.kiosk.login(member.id, member.pin).value, member.name)
    screen = portrait.navigator.go(ENTRY.screen.name, **ENTRY.prepare(ctx.kiosk))
    assert isinstance(screen, PaymentsScreen)
    portrait.set_large_text(large)
    assert look(portrait, qtbot, qapp, lang, large) == []

    # A refund asked for, its approval form open with a staff number typed.
    qtbot.waitUntil(lambda: bool(screen.refund_buttons), timeout=20_000)
    tap(qtbot, next(iter(screen.refund_buttons.values())))
    assert screen.approval.isVisible() and screen.pending is not None
    tap(qtbot, screen.approval.keypad.keys["1"])
    assert screen.approval.number.text() == "1"
    assert look(portrait, qtbot, qapp, lang, large) == []

    tap(qtbot, screen.reconcile_tab)
    assert screen.reconcile_page.isVisible()
    assert look(portrait, qtbot, qapp, lang, large) == []
    assert not screen.approval.isVisible() and screen.pending is None

    # Back on the orders: the unit's orders, not the form, and nothing typed is kept.
    tap(qtbot, screen.orders_tab)
    assert screen.orders_page.isVisible() and screen.unit_view.isVisible()
    assert not screen.approval.isVisible() and screen.approval.number.text() == ""
    assert look(portrait, qtbot, qapp, lang, large) == []
