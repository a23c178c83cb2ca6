"""PayScreen over a real kiosk: the order opened by the self-service actor, its QR and items, the live
confirmation from the change feed, the countdown with its reminder and timeout, and a refusal."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from kiosk.services import payments
from qr_pictures import read_qr
from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import QFontMetrics, Qt
from ui.screens.buyer.my_case import MyCaseScreen
from ui.screens.buyer.pay import REMINDER_SECONDS, PayScreen
from ui.snapshot import clipped_images, clipped_texts, missing_glyphs, overflow, render


def test_the_order_is_opened_shown_and_confirmed_live(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    buyers.draft_contract(unit)
    screen = nav.go("pay", unit_code=unit)
    assert isinstance(screen, PayScreen)
    qtbot.waitUntil(lambda: screen.order is not None, timeout=20_000)
    order = screen.order
    assert order is not None and read_qr(screen.qr.pixmap()) == [order.payment_code]
    assert order.payment_code in screen.details.text() and order.total_text in screen.total.text()
    assert screen.details.text().count("待确认") == len(order.items) >= 2
    actor = on_store(lambda k: k.store.read("SELECT actor FROM audit WHERE action = 'payment.order'"))
    assert [r["actor"] for r in actor] == ["system:self-service"]
    assert screen.subjects() == {unit, order.order_id}
    kiosk_ctx.start_polling()
    first, *rest = order.items
    on_store(lambda k: payments.record_confirmation(k.ctx, buyers.sim.staff, order.order_id, first.payee,
                                                    first.amount_fen, "SER1", "R1", event_id="E1"))
    qtbot.waitUntil(lambda: screen.details.text().count("已到账") == 1, timeout=10_000)
    assert not screen.paid() and "剩余" in screen.countdown.text()
    for n, item in enumerate(rest, start=2):
        on_store(lambda k, i=item, n=n: payments.record_confirmation(
            k.ctx, buyers.sim.staff, order.order_id, i.payee, i.amount_fen, f"SER{n}", f"R{n}", event_id=f"E{n}"))
    qtbot.waitUntil(screen.paid, timeout=10_000)
    assert "已缴清" in screen.countdown.text()
    # Paid: no code left to scan, nor a sentence asking to scan it.
    assert not screen.qr.isVisible() and "扫码" not in screen.details.text()
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert isinstance(nav.current, MyCaseScreen)
    assert screen.order is None and screen.qr.pixmap().isNull() and screen.details.text() == ""


def test_the_countdown_reminds_then_times_out_and_can_start_again(
        nav: Navigator, buyers: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    buyers.draft_contract(unit)
    pending: list[bool] = []
    screen = nav.screen_named("pay")
    assert isinstance(screen, PayScreen)
    said: list[str] = []
    screen.payment_pending.connect(pending.append)
    screen.spoken.connect(said.append)
    nav.go("pay", unit_code=unit)
    qtbot.waitUntil(lambda: screen.order is not None, timeout=20_000)
    assert pending == [True] and said == ["pay.scan"]
    screen._clock.stop()
    screen.seconds_left = REMINDER_SECONDS + 1
    screen.tick()
    assert "1:00" in screen.countdown.text() and "不到一分钟" in screen.details.text()
    screen._clock.setInterval(5)
    screen._clock.start()
    qtbot.waitUntil(lambda: screen.timed_out, timeout=10_000)
    assert pending == [True, False]  # the idle timer runs again once the code's own time is up
    assert "已缴费" in screen.details.text() and screen.retry_button.isVisible()
    assert not screen.qr.isVisible()  # the time is up: 再次显示 shows the code again
    code = screen.order.payment_code if screen.order else ""
    screen._clock.setInterval(1000)
    qtbot.mouseClick(screen.retry_button, Qt.MouseButton.LeftButton)
    assert not screen.timed_out and screen.seconds_left == 300 and screen.order is not None
    assert screen.order.payment_code == code and not screen.retry_button.isVisible() and screen.qr.isVisible()
    # Said once each, at the minute left and at the end, and the code again with the new countdown.
    assert said == ["pay.scan", "pay.last_minute", "pay.expired", "pay.scan"]


def test_a_refused_order_shows_its_hint(nav: Navigator, kiosk_ctx: AppContext, buyers: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    kiosk_ctx.training = False  # a real session may not take payments for a training unit
    said: list[str] = []
    nav.screen_named("pay").spoken.connect(said.append)
    screen = nav.go("pay", unit_code=unit)
    assert isinstance(screen, PayScreen)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert "演练" in screen.message.text() and screen.staff_note.text().startswith("training_unit")
    assert said == ["refusal.training_unit"]
    assert screen.order is None and screen.retry_button.isVisible()


def test_snapshots(nav: Navigator, buyers: Any, qtbot: Any, tmp_path: Path) -> None:
    unit = buyers.unit(co_owners=2)
    buyers.draft_contract(unit)
    screen = nav.go("pay", unit_code=unit)
    assert isinstance(screen, PayScreen)
    qtbot.waitUntil(lambda: screen.order is not None, timeout=20_000)
    screen._clock.stop()
    for phase in ("waiting", "reminder", "timeout"):
        if phase == "reminder":
            screen.seconds_left = 45
        if phase == "timeout":
            screen.seconds_left = 1
        screen.tick() if phase != "waiting" else None
        for lang in ("zh_CN", "en"):
            for large in (False, True):
                image = render(nav, tmp_path / f"buyer-pay-{phase}-{lang}{'-large' if large else ''}.png",
                               lang=lang, large=large)
                assert (image.width(), image.height()) == (1920, 1080), (phase, lang, large)
                assert clipped_texts(nav) == [], (phase, lang, large)
                assert missing_glyphs(nav) == [], (phase, lang, large)


def test_on_the_smallest_panel_in_large_text_the_items_page_whole_and_the_time_up_comes_first(
        nav: Navigator, buyers: Any, qtbot: Any) -> None:
    """1280x800, English large text: the title on one line (the time left stands under the total), the
    code whole, the items a page at a time with nothing cut (a scroll area showed half a line), and when
    the time is up its two sentences open the first page while the way back gives way to 再次显示."""
    unit = buyers.unit()
    buyers.draft_contract(unit)
    screen = nav.go("pay", unit_code=unit)
    assert isinstance(screen, PayScreen)
    qtbot.waitUntil(lambda: screen.order is not None, timeout=20_000)
    screen._clock.stop()
    size = (1280, 610)  # what the shell leaves a screen on a 1280x800 panel under its header and training line
    render(nav, size=size, lang="en", large=True)
    assert [str(p) for p in overflow(nav, size) + clipped_texts(nav) + clipped_images(nav)] == []
    assert screen.title.height() < 2 * QFontMetrics(screen.title.font()).lineSpacing()  # one line
    assert read_qr(screen.qr.pixmap()) == [screen.order.payment_code if screen.order else ""]
    details, pager = screen.details, screen.pager
    assert len(details.pages) > 1 and pager.isVisible() and details.shown().startswith("Registration office")
    seen = [details.shown()]
    while pager.next_button.isEnabled():
        qtbot.mouseClick(pager.next_button, Qt.MouseButton.LeftButton)
        assert clipped_texts(nav) == []
        seen.append(details.shown())
    assert "\n".join(seen) == details.text()
    screen.seconds_left = 1
    screen.tick()
    render(nav, size=size, lang="en", large=True)
    assert [str(p) for p in overflow(nav, size) + clipped_texts(nav)] == []
    assert details.page == 0 and details.shown().startswith("Paid already?")
    assert screen.retry_button.isVisible() and not screen.back_button.isVisible()
    render(nav, size=(1920, 1080), lang="en", large=True)  # a wide panel holds the way back too
    assert screen.retry_button.isVisible() and screen.back_button.isVisible() and len(details.pages) == 1
