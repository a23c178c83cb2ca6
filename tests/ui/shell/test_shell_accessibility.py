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
from ui.snapshot import clipped_texts

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


def _header_buttons(header: Any) -> list[Any]:
    return [header.back_button, header.language_button, header.large_button, header.contrast_button,
            header.volume_button, header.repeat_button, header.call_button]


def _settle(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    # Until every button is as large as it asks (a new arrangement reaches the window a pass or two later);
    # a header that never gives a button its height fails here.
    window.resize(*size)
    header = window.header
    def placed() -> bool:
        below = [b.geometry().top() > header.back_button.geometry().bottom() for b in header._switches]
        return header.width() == size[0] - 2 * theme.BEZEL_PX and all(below) == header.two_rows and any(below) == header.two_rows \
            and all(b.height() >= b.sizeHint().height() and b.width() >= b.sizeHint().width()
                    for b in _header_buttons(header) if b.isVisible())

    qtbot.waitUntil(placed)


def test_every_switch_fits_the_header_of_a_narrow_and_a_portrait_panel(window: MainWindow, qtbot: QtBot) -> None:
    header = window.header
    window.navigator.go("buyer_step")
    window.set_large_text(True)
    # 1280x800 in large text, the narrowest case: one row of compact buttons, every switch on it, whole.
    for lang in ("zh_CN", "en"):
        window.set_language(lang)
        _settle(qtbot, window, (1280, 800))
        assert (header.two_rows, header.compact) == (False, True), lang
        assert all(b.isVisible() for b in _header_buttons(header)), lang
        assert clipped_texts(header) == [], lang
        # Never pushed off the panel, nor into the bezel's margin.
        assert header.call_button.mapTo(window, QPoint(header.call_button.width(), 0)).x() <= 1280 - theme.BEZEL_PX
        rows = {b.geometry().top() for b in _header_buttons(header)}
        assert len(rows) == 1, (lang, rows)
    assert header.large_button.text() == "Large\ntext" and header.volume_button.text().startswith("Volume\n")
    # Portrait 1080x1920: 返回 and 呼叫工作人员 above, the switches on a second row, names in full where
    # they fit (Chinese) and compact where not (English in large text).
    for lang, compact in (("zh_CN", False), ("en", True)):
        window.set_language(lang)
        _settle(qtbot, window, (1080, 1920))
        assert (header.two_rows, header.compact) == (True, compact), lang
        assert all(b.isVisible() for b in _header_buttons(header)) and clipped_texts(header) == [], lang
        top = header.back_button.geometry().top()
        assert header.call_button.geometry().top() == top
        assert all(b.geometry().top() >= top + 80 + 16 for b in header._switches), lang  # 16 px apart
    window.set_language("zh_CN")
    _settle(qtbot, window, (1080, 1920))
    assert header.large_button.text() == "大字模式" and header.volume_button.text() == "音量 中"
    # Landscape again: the switches back in the one row, between 大字模式's place and 呼叫工作人员.
    window.set_large_text(False)
    _settle(qtbot, window, (1920, 1080))
    assert (header.two_rows, header.compact) == (False, False)
    assert header.volume_button.text() == "音量 中" and header.minimumSizeHint().width() < 1080
    order = sorted(_header_buttons(header), key=lambda b: b.geometry().left())
    assert order == _header_buttons(header)


def test_the_optional_buttons_step_aside_only_in_a_window_narrower_than_any_panel(
        window: MainWindow, qtbot: QtBot) -> None:
    header = window.header
    window.navigator.go("buyer_step")
    window.set_large_text(True)
    window.resize(760, 1000)
    # 返回, the language, 大字模式 and 呼叫工作人员 always; of the rest 重听 first, as far as room goes.
    qtbot.waitUntil(lambda: header.width() == 760 - 2 * theme.BEZEL_PX and not header.contrast_button.isVisible())
    assert (header.two_rows, header.compact) == (True, True)
    shown = [b.objectName() for b in (header.contrast_button, header.volume_button, header.repeat_button)
             if b.isVisible()]
    assert shown in (["header_volume", "header_repeat"], ["header_repeat"]), shown
    assert header.language_button.isVisible() and header.large_button.isVisible()
    window.navigator.home()  # the welcome screen has its own language and text switches: room for all
    qtbot.waitUntil(lambda: header.contrast_button.isVisible() and header.volume_button.isVisible())
    window.navigator.go("staff_login")  # staff screens: the buyer's switches are not theirs
    assert not any(b.isVisible() for b in (header.contrast_button, header.volume_button, header.repeat_button))


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
