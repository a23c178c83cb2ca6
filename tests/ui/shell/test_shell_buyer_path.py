"""The buyer path in the real main window, with the real registry, on a training kiosk with sample data.

welcome -> 开始办理 -> identify (typed on the keypad) -> my case -> read and sign the contract (strokes
drawn on the pad) -> my case -> pay (the QR) -> the idle time-out, with the injectable clock, clears
the screens, closes the unpaid order the session opened and goes home. Then the refusals, and the
snapshots of every buyer screen at both panel sizes, both languages and both text sizes.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hardware.devices import CardReaderDevice, open_devices
from hardware.idcard.simulator import card_of
from kiosk.app import Kiosk, open_kiosk
from kiosk.config import load_config
from kiosk.masterdata import buyers_of_unit
from kiosk.services import payments
from kiosk.services.simulate import SIMULATOR
from kiosk.services.staff import Actor
from ui import snapshot
from ui.context import AppContext
from ui.qt import QApplication, QPoint, QScrollArea, Qt
from ui.screens.buyer import DoneScreen, IdentifyScreen, MyCaseScreen, PayScreen, ReadSignScreen
from ui.shell.app import build_window
from ui.shell.registry import SCREENS
from ui.shell.snapshots import take_snapshots
from ui.shell.window import MainWindow
from ui.tasks import TaskRunner

from tap import tap as at_pace

BUYER_SCREENS = ("identify", "my_case", "read_sign", "pay", "done")


@pytest.fixture
def training_ctx(qapp: QApplication, data_dir: Path) -> Iterator[AppContext]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        # No card on the simulated reader: the buyer types the number.
        devices = dataclasses.replace(open_devices(config), card_reader=CardReaderDevice("sim://?card=none"))
        context = AppContext(kiosk, devices, runner, training=True, poll_ms=50)
        yield context
        context.stop_polling()
        runner.shutdown()


@pytest.fixture
def shell(training_ctx: AppContext, qtbot: QtBot, clock: Any, qapp: QApplication) -> Iterator[MainWindow]:
    win = build_window(training_ctx, clock=clock, idle_poll_ms=10_000)
    identify = win.navigator.screen_named("identify")
    assert isinstance(identify, IdentifyScreen)
    identify.prompt_seconds = 0.3  # short reader rounds: the bus comes free at once when the test ends
    qtbot.addWidget(win, before_close_func=MainWindow.dispose)
    win.resize(1920, 1080)
    win.start()
    win.show()
    yield win
    win.navigator.home()
    qapp.setStyleSheet("")


@pytest.fixture
def on_store(training_ctx: AppContext) -> Callable[[Callable[[Kiosk], Any]], Any]:
    def run(fn: Callable[[Kiosk], Any]) -> Any:
        box: list[Any] = []
        task = training_ctx.runner.bus("store").submit(lambda k: box.append(fn(k)), training_ctx.kiosk)
        assert task.future is not None
        task.future.result(timeout=120)
        return box[0]
    return run


def tap(qtbot: QtBot, clock: Any, button: Any) -> None:
    # A person's pace: past the 500 ms double-tap guard (the shell's buttons on the injected clock,
    # the screens' on the real one).
    clock.advance(1)
    qtbot.wait(550)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_number(qtbot: QtBot, identify: IdentifyScreen, number: str) -> None:
    for char in number:
        qtbot.mouseClick(identify.keypad.keys[char], Qt.MouseButton.LeftButton)


def sign(qtbot: QtBot, screen: ReadSignScreen) -> None:
    canvas = screen.pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 200))
    for x in range(150, 800, 50):
        qtbot.mouseMove(canvas, QPoint(x, 200 + (x // 50) % 3 * 20))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(800, 220))


def idle_out(shell: MainWindow, clock: Any, screen_seconds: int) -> None:
    clock.advance(screen_seconds)
    shell.idle.poll()
    assert shell.countdown_overlay.isVisible()
    clock.advance(30)
    shell.idle.poll()


def test_walk_a_buyer_from_welcome_to_the_qr_and_time_out(shell: MainWindow, training_ctx: AppContext,
                                                          qtbot: QtBot, clock: Any, on_store: Any) -> None:
    unit = on_store(lambda k: k.stage_sample("drafted").value)
    holder = on_store(lambda k: buyers_of_unit(k.store, unit)[0])
    nav = shell.navigator
    welcome = nav.current
    assert welcome is not None and welcome.name == "welcome"
    tap(qtbot, clock, welcome.start_button)
    identify = nav.current
    assert isinstance(identify, IdentifyScreen)
    tap(qtbot, clock, identify.way_buttons["keypad"])
    type_number(qtbot, identify, holder.id_number)
    assert identify.keypad_continue.isEnabled()
    tap(qtbot, clock, identify.keypad_continue)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    case = nav.current
    assert isinstance(case, MyCaseScreen)
    assert holder.id_number not in case.unit.text() + case.steps.text()
    assert case.action_buttons["contract"].isVisible()

    tap(qtbot, clock, case.action_buttons["contract"])
    reading = nav.current
    assert isinstance(reading, ReadSignScreen)
    qtbot.waitUntil(lambda: reading.reading is not None, timeout=20_000)
    assert shell.idle.limit == 120  # ux.md: 120 s on reading and signing
    assert not reading.sign_button.isEnabled() and reading.read_hint.text()
    while reading.next_button.isEnabled():
        qtbot.mouseClick(reading.next_button, Qt.MouseButton.LeftButton)
    assert holder.id_number not in reading.text.text()
    # A typed number proves nobody is here: the buyer's own card on the reader before the pad.
    slot = training_ctx.devices.card_reader.card_slot if training_ctx.devices.card_reader else None
    assert slot is not None
    tap(qtbot, clock, reading.sign_button)
    assert reading.stack.currentWidget() is reading.card and shell.idle.state == "paused"
    slot.place(card_of(holder.name, holder.id_number))
    qtbot.waitUntil(lambda: reading.pad.isVisible(), timeout=20_000)
    assert not reading.pad.confirm_button.isEnabled() and reading.pad.reason.text()
    sign(qtbot, reading)
    assert reading.pad.confirm_button.isEnabled()
    tap(qtbot, clock, reading.pad.confirm_button)
    qtbot.waitUntil(lambda: nav.current is case and bool(case.cases)
                    and case.cases[0].contract is not None and case.cases[0].contract.state == "signed",
                    timeout=20_000)

    tap(qtbot, clock, case.action_buttons["pay"])
    pay = nav.current
    assert isinstance(pay, PayScreen)
    qtbot.waitUntil(lambda: pay.order is not None, timeout=20_000)
    order = pay.order
    assert order is not None and pay.qr.pixmap() is not None and not pay.qr.pixmap().isNull()
    assert pay.opened_order == order.order_id
    # The payment is pending: no idle warning while its own countdown runs.
    clock.advance(600)
    shell.idle.poll()
    assert not shell.countdown_overlay.isVisible() and shell.idle.state == "paused"
    # Its countdown runs out (300 s, shortened here by ticking): idle time counts again.
    for _ in range(300):
        pay.tick()
    assert pay.timed_out and shell.idle.state == "running"
    idle_out(shell, clock, 60)

    assert nav.current is welcome
    assert pay.order is None and pay.unit_code == "" and case.cases == [] and reading.reading is None
    assert identify.keypad.number() is None
    qtbot.waitUntil(lambda: on_store(lambda k: k.order(order.order_id).state) == "void", timeout=20_000)
    assert on_store(lambda k: k.current_order(unit)) is None


def test_back_to_the_case_keeps_the_order_and_a_later_time_out_closes_it(
        shell: MainWindow, qtbot: QtBot, clock: Any, on_store: Any) -> None:
    unit = on_store(lambda k: k.stage_sample("filed").value)
    nav = shell.navigator
    pay = nav.go("pay", unit_code=unit)
    assert isinstance(pay, PayScreen)
    qtbot.waitUntil(lambda: pay.order is not None, timeout=20_000)
    order_id = pay.opened_order
    assert order_id is not None
    tap(qtbot, clock, pay.back_button)
    case = nav.current
    assert isinstance(case, MyCaseScreen)
    qtbot.waitUntil(lambda: bool(case.cases), timeout=20_000)
    assert on_store(lambda k: k.order(order_id).state) == "open"  # still the buyer's session
    assert case.action_buttons["pay"].isVisible()
    tap(qtbot, clock, case.action_buttons["pay"])
    qtbot.waitUntil(lambda: pay.order is not None, timeout=20_000)
    assert pay.order is not None and pay.order.order_id == order_id and pay.opened_order == order_id
    tap(qtbot, clock, pay.back_button)
    qtbot.waitUntil(lambda: bool(case.cases), timeout=20_000)
    idle_out(shell, clock, 60)
    assert nav.current is not None and nav.current.name == "welcome"
    qtbot.waitUntil(lambda: on_store(lambda k: k.order(order_id).state) == "void", timeout=20_000)


def test_a_paid_order_and_a_staff_order_stay_when_the_session_ends(
        shell: MainWindow, training_ctx: AppContext, qtbot: QtBot, clock: Any, on_store: Any) -> None:
    paid_unit = on_store(lambda k: k.stage_sample("filed").value)
    pay = shell.navigator.go("pay", unit_code=paid_unit)
    assert isinstance(pay, PayScreen)
    qtbot.waitUntil(lambda: pay.order is not None, timeout=20_000)
    order = pay.order
    assert order is not None
    platform = dataclasses.replace(SIMULATOR, training=True)  # what the sync agent applies, by hand
    for n, item in enumerate(order.items):
        on_store(lambda k, i=item, n=n: payments.record_confirmation(
            k.ctx, platform, order.order_id, i.payee, i.amount_fen, f"P{n}", f"R{n}", event_id=f"P{n}"))
    training_ctx.start_polling()
    qtbot.waitUntil(pay.paid, timeout=10_000)
    assert pay.opened_order is None
    tap(qtbot, clock, shell.header.back_button)

    staff_unit = on_store(lambda k: k.stage_sample("filed").value)
    staff = Actor("S001", "staff", training=True)
    staff_order = on_store(lambda k: k.run(payments.create_order, staff, staff_unit).value)
    pay = shell.navigator.go("pay", unit_code=staff_unit)
    qtbot.waitUntil(lambda: pay.order is not None, timeout=20_000)
    assert pay.order is not None and pay.order.order_id == staff_order and pay.opened_order is None
    shell.end_session()
    qtbot.waitUntil(lambda: training_ctx.runner.pending() == 0, timeout=20_000)
    assert on_store(lambda k: k.order(order.order_id).state) == "paid"
    assert on_store(lambda k: k.order(staff_order).state) == "open"


def test_refusals_show_their_hint_in_the_shell(shell: MainWindow, qtbot: QtBot, clock: Any,
                                               on_store: Any) -> None:
    nav = shell.navigator
    tap(qtbot, clock, nav.current.start_button)  # type: ignore[union-attr]
    identify = nav.current
    assert isinstance(identify, IdentifyScreen)
    tap(qtbot, clock, identify.way_buttons["keypad"])
    # A well-formed number of nobody at this terminal: said plainly, the keypad stays ready.
    type_number(qtbot, identify, "11010519491231002X")
    tap(qtbot, clock, identify.keypad_continue)
    qtbot.waitUntil(lambda: identify.message.isVisible(), timeout=20_000)
    assert "没有查到" in identify.message.text() and nav.current is identify
    assert identify.keypad_continue.isEnabled()

    # The contract of a unit that is already signed: the reading screen says so with the services' hint.
    unit = on_store(lambda k: k.stage_sample("filed").value)
    reading = nav.go("read_sign", unit_code=unit, document="contract")
    qtbot.waitUntil(lambda: reading.message.isVisible(), timeout=20_000)  # type: ignore[attr-defined]
    assert reading.message.text() == "这一步已经办完或现在不能办理。请返回查看办理进度。"  # type: ignore[attr-defined]
    assert reading.staff_note.text().startswith("illegal_transition")  # type: ignore[attr-defined]

    # A practice unit outside practice mode: the pay screen refuses with its hint and a way to retry.
    shell.ctx.training = False
    pay = nav.go("pay", unit_code=unit)
    assert isinstance(pay, PayScreen)
    qtbot.waitUntil(lambda: pay.message.isVisible(), timeout=20_000)
    assert pay.staff_note.text().startswith("training_unit") and pay.retry_button.isVisible()
    assert pay.opened_order is None


PANELS = [pytest.param(size, lang, large, id=f"{size[0]}x{size[1]}-{lang}-{'large' if large else 'normal'}")
          for size in ((1920, 1080), (1280, 800)) for lang in ("zh_CN", "en") for large in (False, True)]


@pytest.mark.parametrize(("size", "lang", "large"), PANELS)
def test_buyer_screens_fit_the_panel(data_dir: Path, tmp_path: Path, qapp: QApplication, size: tuple[int, int],
                                     lang: str, large: bool) -> None:
    # The welcome screen too: it is the home every snapshot run returns to.
    # And the steps registered for them (the identify screen's keypad).
    entries = [e for e in SCREENS if e.screen.name in ("welcome", *BUYER_SCREENS)]
    shown = [e.name for e in entries]
    assert shown == ["welcome", "identify", "identify_keypad", "identify_not_found", *BUYER_SCREENS[1:]]
    try:
        shots = take_snapshots(load_config(data_dir), tmp_path, lang=lang, size=size, large=large,
                               entries=entries)
    finally:
        qapp.setStyleSheet("")
    assert [s.screen for s in shots] == shown
    assert {s.screen: s.problems for s in shots[1:]} == {name: [] for name in shown[1:]}
    assert all(s.path.stat().st_size > 10_000 for s in shots)


def test_signing_and_the_evaluation_fit_a_1280x800_panel(shell: MainWindow, training_ctx: AppContext, qtbot: QtBot,
                                                         on_store: Any) -> None:
    """The states the snapshots do not reach: the signer's card step, the signing step, the evaluation's
    levels and its reason step, and the code's explanation shown whole (never scrolled away) beside the code."""
    nav = shell.navigator
    drafted = on_store(lambda k: k.stage_sample("drafted").value)
    holder = on_store(lambda k: buyers_of_unit(k.store, drafted)[0])
    slot = training_ctx.devices.card_reader.card_slot if training_ctx.devices.card_reader else None
    assert slot is not None
    delivered = on_store(lambda k: k.stage_sample("delivered").value)
    out = Path(os.environ["BUYER_SNAPSHOTS"]) if os.environ.get("BUYER_SNAPSHOTS") else None

    def fits(what: str, lang: str, large: bool) -> None:
        path = out / f"{what}-1280x800-{lang}{'-large' if large else ''}.png" if out else None
        snapshot.render(shell, path, size=(1280, 800), lang=lang, large=large)
        problems = snapshot.overflow(shell, (1280, 800)) + snapshot.clipped_texts(shell)
        assert [str(p) for p in problems] == [], (what, lang, large)
        assert snapshot.missing_glyphs(shell) == [], (what, lang, large)

    # Current text size and language first, as a buyer meets them.
    for lang, large in (("zh_CN", False), ("zh_CN", True), ("en", False), ("en", True)):
        shell.set_large_text(large)
        reading = nav.go("read_sign", unit_code=drafted, document="contract")
        assert isinstance(reading, ReadSignScreen)
        qtbot.waitUntil(lambda: bool(reading.pages), timeout=20_000)  # noqa: B023 (the loop waits here)
        while reading.next_button.isEnabled():
            at_pace(qtbot, reading.next_button)
        slot.remove()
        at_pace(qtbot, reading.sign_button)
        assert reading.card.isVisible() and holder.name in reading.card.prompt.text()
        fits("read_sign-card", lang, large)
        assert reading.card.counter_button.height() >= 80
        slot.place(card_of(holder.name, holder.id_number))
        qtbot.waitUntil(lambda: reading.pad.isVisible(), timeout=20_000)  # noqa: B023
        assert not reading.pad.confirm_button.isEnabled()
        fits("read_sign-signing", lang, large)
        assert reading.pad.canvas.width() >= 960 and reading.pad.canvas.height() >= 360  # ux.md's box
        assert reading.pad.confirm_button.width() >= 240 and reading.pad.confirm_button.height() >= 96

        done = nav.go("done", unit_code=delivered)
        assert isinstance(done, DoneScreen)
        qtbot.waitUntil(lambda: done.closing is not None, timeout=20_000)  # noqa: B023
        fits("done", lang, large)
        assert done.qr_hint.height() >= done.qr_hint.heightForWidth(done.qr_hint.width())
        about = done.findChild(QScrollArea, "e_certificate_about")
        assert about is not None and about.verticalScrollBar().maximum() == 0, (lang, large)
        at_pace(qtbot, done.rate_button)
        assert done.level_buttons["dissatisfied"].isVisible() and not done.reason.isVisible()
        fits("done-levels", lang, large)
        at_pace(qtbot, done.level_buttons["dissatisfied"])
        assert done.reason.isVisible() and done.send_button.isVisible() and done.send_button.isEnabled()
        fits("done-reason", lang, large)
    shell.set_large_text(False)


def test_waiting_for_the_card_holds_idle_time_until_the_alternatives_are_offered(
        shell: MainWindow, qtbot: QtBot, clock: Any) -> None:
    identify = shell.navigator.go("identify")
    assert isinstance(identify, IdentifyScreen)
    identify.alternatives_seconds = 1.2  # four reader rounds of 0.3 s
    qtbot.waitUntil(lambda: identify.prompts >= 2, timeout=10_000)
    clock.advance(600)
    shell.idle.poll()
    assert shell.idle.state == "paused" and not shell.countdown_overlay.isVisible()
    qtbot.waitUntil(identify.alternatives_offered, timeout=10_000)
    assert identify.card_alternatives.text()
    # The rounds go on, but idle time counts again: a buyer who walked away is timed out.
    qtbot.waitUntil(lambda: shell.idle.state == "running", timeout=10_000)
    idle_out(shell, clock, 60)
    assert shell.navigator.current is not None and shell.navigator.current.name == "welcome"
    assert not identify.active and identify._card_task is None
