"""The main window over a real kiosk: header switches, welcome, idle time-outs, staff lock, faults,
kiosk mode. Real widgets driven by mouse and key events; an injected clock for the idle rules."""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.errors import ValidationError
from kiosk.services.staff import Actor
from ui import i18n
from ui.qt import QApplication, QCloseEvent, QEvent, QKeyEvent, Qt
from ui.shell.window import STAFF_LOCK_SECONDS, MainWindow

LEFT = Qt.MouseButton.LeftButton


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, LEFT)


def tick(window: MainWindow, clock: Any, seconds: float) -> None:
    clock.advance(seconds)
    window.idle.poll()


def test_welcome_starts_and_reaches_staff_then_back(window: MainWindow, qtbot: QtBot, clock: Any) -> None:
    welcome = window.navigator.current
    assert welcome is not None and welcome.name == "welcome"
    assert not window.header.back_button.isVisible()  # nothing to go back to on the home screen
    assert welcome.start_button.text() == "开始办理" and welcome.start_button.property("role") == "primary"
    click(qtbot, welcome.start_button)
    assert window.navigator.current.name == "identify"
    assert window.header.back_button.isVisible()
    click(qtbot, window.header.back_button)
    assert window.navigator.current is welcome
    clock.advance(1)  # past the double-tap guard
    click(qtbot, welcome.staff_button)
    assert window.navigator.current.name == "staff_login"
    assert window.strip.isVisible() and not window.banner.isVisible()


def test_one_switch_retranslates_header_screen_and_strip_at_once(window: MainWindow, qtbot: QtBot) -> None:
    welcome = window.navigator.current
    # Each switch once on screen: the welcome screen's own, the header's on every other screen.
    assert not (window.header.language_button.isVisible() or window.header.large_button.isVisible())
    assert welcome.language_button.isVisible() and welcome.large_button.isVisible()
    window.navigator.go("identify")
    assert window.header.language_button.isVisible() and window.header.large_button.isVisible()
    assert window.header.language_button.text() == "English"
    click(qtbot, window.header.language_button)
    assert i18n.current_language() == "en"
    window.navigator.home()
    assert (welcome.start_button.text(), window.header.call_button.text(), window.header.back_button.text(),
            window.strip.sign_out_button.text(), window.countdown.continue_button.text()) == (
        "Start", "Call staff", "Back", "Sign out", "Yes, continue")
    assert window.header.language_button.text() == welcome.language_button.text() == "中文"
    click(qtbot, welcome.language_button)  # the welcome screen's own switch does the same
    assert i18n.current_language() == "zh_CN"
    assert (welcome.start_button.text(), window.header.call_button.text(), window.header.back_button.text(),
            window.strip.sign_out_button.text()) == ("开始办理", "呼叫工作人员", "返回上一步", "退出登录")


def test_large_text_from_either_switch_scales_the_theme(window: MainWindow, qtbot: QtBot,
                                                        qapp: QApplication) -> None:
    welcome = window.navigator.current
    assert qapp.font().pixelSize() == 32
    window.navigator.go("identify")
    click(qtbot, window.header.large_button)
    assert qapp.font().pixelSize() == 40 and window.large_text
    assert welcome.large_button.isChecked() and window.header.large_button.isChecked()
    window.navigator.home()
    click(qtbot, welcome.large_button)
    assert qapp.font().pixelSize() == 32 and not window.header.large_button.isChecked()
    window.navigator.go("staff_login")  # staff sizes (ux.md: body 24 px), still scaled when large
    assert qapp.font().pixelSize() == 24
    window.set_large_text(True)
    assert qapp.font().pixelSize() == 30


def test_buyer_idle_warns_at_60_s_and_times_out_home_with_data_cleared(window: MainWindow, qtbot: QtBot,
                                                                       clock: Any) -> None:
    identify = window.navigator.go("buyer_step", id_masked="410425********1234")
    assert identify.shown.text()
    tick(window, clock, 59)
    assert not window.countdown_overlay.isVisible()
    tick(window, clock, 1)
    assert window.countdown_overlay.isVisible() and window.countdown.figure.text() == "30 秒"
    tick(window, clock, 10)
    assert window.countdown.figure.text() == "20 秒"
    click(qtbot, window.countdown.continue_button)  # 需要，继续办理: another full minute
    assert not window.countdown_overlay.isVisible() and window.navigator.current is identify
    tick(window, clock, 60)
    assert window.countdown_overlay.isVisible()
    tick(window, clock, 30)  # the poll that sees zero goes home at once (well within ux.md's 2 s)
    assert window.navigator.current.name == "welcome"
    assert identify.shown.text() == "" and identify.left >= 1
    assert not window.countdown_overlay.isVisible() and window.idle.state == "stopped"


def test_a_pending_device_call_holds_the_buyer_idle_timer(window: MainWindow, qtbot: QtBot, clock: Any) -> None:
    import threading

    window.navigator.go("buyer_step", id_masked="410425********1234")
    gate = threading.Event()
    read = window.ctx.device("card_reader", lambda handle: gate.wait(10))
    assert window.ctx.idle is window.idle
    window.ctx.idle.hold(read, "card")
    tick(window, clock, 300)
    assert not window.countdown_overlay.isVisible() and window.navigator.current.name == "buyer_step"
    gate.set()
    with qtbot.waitSignal(read.ended, timeout=10_000):
        pass
    tick(window, clock, 60)
    assert window.countdown_overlay.isVisible()


def test_end_session_goes_home_at_once(window: MainWindow, qtbot: QtBot, clock: Any) -> None:
    identify = window.navigator.go("buyer_step", id_masked="410425********1234")
    tick(window, clock, 60)
    click(qtbot, window.countdown.end_button)
    assert window.navigator.current.name == "welcome" and identify.shown.text() == ""


def test_the_welcome_screen_never_times_out(window: MainWindow, clock: Any) -> None:
    tick(window, clock, 3600)
    assert window.idle.state == "stopped" and not window.countdown_overlay.isVisible()


def test_staff_mode_locks_after_180_s_and_signs_out(window: MainWindow, qtbot: QtBot, clock: Any) -> None:
    window.ctx.sign_in(Actor("S001", "staff"), "赵雅琴")
    window.navigator.go("staff_login")
    assert window.strip.who.text() == "赵雅琴（窗口人员）"
    tick(window, clock, STAFF_LOCK_SECONDS - 1)
    assert not window.countdown_overlay.isVisible()
    tick(window, clock, 1)
    assert window.countdown_overlay.isVisible()
    tick(window, clock, 30)
    assert window.ctx.actor is None and window.navigator.current.name == "welcome"
    assert not window.strip.isVisible()


def test_training_session_shows_the_banner_and_marks_the_actor(ctx: Any, qtbot: QtBot, clock: Any) -> None:
    from ui.shell.app import build_window

    ctx.training = True
    win = build_window(ctx, clock=clock, styled=False)
    qtbot.addWidget(win)
    win.start()
    win.show()
    assert win.banner.isVisible() and "培训模式" in win.banner.text()
    ctx.sign_in(Actor("S001", "staff"), "赵雅琴")
    assert ctx.actor is not None and ctx.actor.training
    assert win.strip.training.text() == "培训"
    win._may_close = True


def test_call_staff_shows_a_calm_notice(window: MainWindow, qtbot: QtBot,
                                        caplog: pytest.LogCaptureFixture) -> None:
    window.navigator.go("buyer_step")
    with caplog.at_level(logging.INFO, logger="kiosk.ui"):
        click(qtbot, window.header.call_button)
    assert window.call_overlay.isVisible() and "工作人员马上过来" in window.call_panel.message.text()
    assert "help requested on screen buyer_step" in caplog.text
    click(qtbot, window.call_panel.ok_button)
    assert not window.call_overlay.isVisible() and window.navigator.current.name == "buyer_step"


def test_an_uncaught_exception_shows_the_calm_message_and_goes_home(
        window: MainWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    identify = window.navigator.go("buyer_step", id_masked="410425********1234")
    restore = window.install_excepthook()
    try:
        try:
            {}["boom"]
        except KeyError:
            with caplog.at_level(logging.ERROR, logger="kiosk.ui"):
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        restore()
    assert window.fault_overlay.isVisible()
    assert window.fault.message.text() == "系统出了点问题，请联系工作人员。"
    assert window.fault.staff_line.text().startswith("KeyError ")
    assert "Traceback" not in window.fault.staff_line.text() + window.fault.detail.text()
    assert "Traceback" in caplog.text and "boom" in caplog.text  # the traceback went to the log
    assert window.navigator.current.name == "welcome" and identify.shown.text() == ""
    click(qtbot, window.fault.ok_button)  # it stays until someone answers it
    assert not window.fault_overlay.isVisible()


def test_a_failed_task_shows_the_message_but_a_refusal_does_not(window: MainWindow, qtbot: QtBot) -> None:
    def refuse(kiosk: Any) -> None:
        raise ValidationError("not this unit", code="bad_unit")

    refused = window.ctx.call(refuse)
    with qtbot.waitSignal(refused.ended, timeout=5000):
        pass
    assert not window.fault_overlay.isVisible()
    broken = window.ctx.call(lambda kiosk: 1 / 0)
    with qtbot.waitSignal(broken.ended, timeout=5000):
        pass
    assert window.fault_overlay.isVisible() and window.fault.staff_line.text().startswith("ZeroDivisionError")


def test_escape_and_close_do_not_leave_kiosk_mode(window: MainWindow, qtbot: QtBot, qapp: QApplication) -> None:
    window.navigator.go("buyer_step")
    qtbot.keyClick(window.navigator.current, Qt.Key.Key_Escape)
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted() and window.isVisible()
    escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert window._keys.eventFilter(window, escape) is True
    other = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier)
    assert window._keys.eventFilter(window, other) is False
