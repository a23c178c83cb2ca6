"""适老化 in the real main window: the high-contrast theme switched from the header, the header's optional
buttons stepping aside on a narrow panel, and the voice following the buyer (what it would say is read
from the real player's source: offscreen CI has no sound card)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ui import theme
from ui.qt import QApplication, QPoint, Qt
from ui.shell.window import MainWindow

from tap import tap

LEFT = Qt.MouseButton.LeftButton


def click(qtbot: QtBot, button: Any) -> None:
    tap(qtbot, button)  # at a person's pace: past the 500 ms double-tap guard


def heard(window: MainWindow) -> str:
    """The clip the player holds, and whether it is playing."""
    source = Path(window.voice.player.source().toLocalFile()).name
    return f"{source} {'playing' if window.voice.playing() else 'stopped'}"


def test_high_contrast_from_the_header_for_buyer_screens_only(window: MainWindow, qtbot: QtBot,
                                                              qapp: QApplication) -> None:
    window.resize(1920, 1080)
    window.navigator.go("buyer_step")
    standard, high = theme.PALETTE["background"], theme.HIGH_CONTRAST["background"]
    assert f"background-color: {standard}" in qapp.styleSheet()
    click(qtbot, window.header.contrast_button)
    assert window.high_contrast and window.header.contrast_button.isChecked()
    assert f"background-color: {high}" in qapp.styleSheet() and f"color: {theme.HIGH_CONTRAST['text']}" in qapp.styleSheet()
    window.navigator.go("staff_login")  # staff screens keep their theme, and the switch is not theirs
    assert f"background-color: {standard}" in qapp.styleSheet()
    assert not (window.header.contrast_button.isVisible() or window.header.repeat_button.isVisible())
    window.navigator.home()  # the mode stays set for the next buyer screen
    assert f"background-color: {high}" in qapp.styleSheet() and window.header.contrast_button.isChecked()
    click(qtbot, window.header.contrast_button)
    assert not window.high_contrast and f"background-color: {standard}" in qapp.styleSheet()


def test_the_optional_buttons_step_aside_on_a_narrow_panel(window: MainWindow, qtbot: QtBot) -> None:
    header = window.header
    window.navigator.go("buyer_step")
    window.set_large_text(True)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: header.width() == 1280)
    # 返回, the language, 大字模式 and 呼叫工作人员 always; of the rest 重听 first, as far as room goes.
    shown = [b.objectName() for b in (header.contrast_button, header.volume_button, header.repeat_button)
             if b.isVisible()]
    assert shown == ["header_repeat"]
    assert header.call_button.geometry().right() <= header.width() - 24  # never pushed off the panel
    window.navigator.home()  # the welcome screen has its own language and text switches: room for all
    qtbot.waitUntil(lambda: header.contrast_button.isVisible() and header.volume_button.isVisible())
    window.resize(1920, 1080)
    window.navigator.go("buyer_step")
    qtbot.waitUntil(lambda: header.contrast_button.isVisible() and header.volume_button.isVisible())
    assert header.repeat_button.isVisible() and header.minimumSizeHint().width() < 1280


def test_the_voice_follows_the_buyer_and_stops_at_a_touch(window: MainWindow, qtbot: QtBot, clock: Any) -> None:
    voice = window.voice
    assert voice.last == "welcome.intro" and not voice.playing()  # home waits quietly
    window.resize(1920, 1080)
    click(qtbot, window.header.repeat_button)  # 重听 says it
    qtbot.waitUntil(lambda: voice.playing() == "welcome.intro")
    window.navigator.go("identify")  # a screen that says its own prompt on being shown
    assert heard(window) == "identify.start.opus playing"
    QTest.mousePress(window.header, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(600, 20))  # any touch
    assert heard(window) == "identify.start.opus stopped"
    QTest.mouseRelease(window.header, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(600, 20))
    step = window.navigator.go("buyer_step")  # says nothing: the last screen's prompt is not said again
    assert voice.last == "" and not voice.playing()
    step.say("my_case.ready")
    assert heard(window) == "my_case.ready.opus playing"
    window.navigator.screen_named("identify").say("identify.qr")  # a screen not on show stays quiet
    assert heard(window) == "my_case.ready.opus playing"
    click(qtbot, window.header.volume_button)  # one step up, and the last prompt again to hear it
    assert window.header.volume_button.text() == "音量 大" and voice.volume() == 1.0
    assert voice.player.audioOutput().volume() == 1.0
    assert heard(window) == "my_case.ready.opus playing"
    qtbot.wait(550)  # past the double-tap guard
    click(qtbot, window.header.volume_button)  # three steps, round again
    assert window.header.volume_button.text() == "音量 小" and voice.step == 0
    click(qtbot, window.header.call_button)
    assert heard(window) == "shell.call_staff.opus playing"
    click(qtbot, window.call_panel.ok_button)  # answered: 重听 says the screen's prompt again
    assert voice.last == "my_case.ready" and not voice.playing()
    window.navigator.go("staff_login")  # staff screens have no voice
    assert voice.last == "" and not voice.playing()
    click(qtbot, window.header.call_button)
    assert not voice.playing()


def test_the_idle_question_and_the_fault_are_spoken(window: MainWindow, clock: Any) -> None:
    window.navigator.go("buyer_step")
    clock.advance(60)
    window.idle.poll()
    assert window.countdown_overlay.isVisible() and heard(window) == "shell.more_time.opus playing"
    window.show_fault("KeyError")
    assert heard(window) == "shell.fault.opus playing"
