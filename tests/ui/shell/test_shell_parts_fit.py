"""The training banner on one line on the narrowest panel a buyer uses (portrait 1080 px, large text) in
both languages: every line it takes more is the screen's, and the identify keypad has none to spare there.

The shell's own panels over a buyer screen (the idle countdown, 呼叫工作人员's panel, the fault message, the
wait while opening) in the main window of a training session (header, training banner), on the smallest
landscape panel and on a portrait one below its reach line, in English large text (the longest lines):
nothing clipped, cut off or missing; and the panel below the header, never over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui import snapshot
from ui.qt import QApplication, QLabel, QPoint, QTextLayout, QTextOption, QWidget
from ui.shell.registry import SCREENS
from tests.ui.shell.conftest import training_window_for
from ui.shell.window import MainWindow

ENTRIES = [e for e in SCREENS if e.name in ("welcome", "identify", "identify_keypad")]


@pytest.fixture
def training_window(qapp: QApplication, data_dir: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    with training_window_for(ENTRIES, qapp, data_dir, qtbot) as window:
        yield window


def shown(window: MainWindow) -> list[tuple[str, QWidget]]:
    """Each panel shown by the window's own way to show it."""
    window._idle_warning(30)
    panels: list[tuple[str, QWidget]] = [("countdown", window.countdown_overlay)]
    window.countdown_overlay.hide()
    window.call_staff()
    panels.append(("call staff", window.call_overlay))
    window.call_overlay.hide()
    window.show_fault("ValueError")  # goes home: the fault panel over the welcome screen
    panels.append(("fault", window.fault_overlay))
    window.fault_overlay.hide()
    window._waiting(True)
    panels.append(("wait", window.wait_overlay))
    window.wait_overlay.hide()
    return panels


@pytest.mark.parametrize(("size", "reach_line"), [((1280, 800), 0), ((1080, 1920), 640)])
def test_the_shells_panels_fit_in_english_large_text(training_window: MainWindow, size: tuple[int, int],
                                                     reach_line: int) -> None:
    window = training_window
    window.reach_line = reach_line
    window.set_language("en")
    window.set_large_text(True)
    for name, overlay in shown(window):
        window.navigator.go("identify")
        overlay.show()
        overlay.raise_()
        snapshot.render(window, size=size, lang="en", large=True)
        problems = snapshot.clipped_texts(window) + snapshot.missing_glyphs(window) + snapshot.cut_off(window)
        assert [str(p) for p in problems] == [], name
        header_bottom = window.header.mapTo(window, QPoint(0, window.header.height())).y()
        assert overlay.geometry().top() >= header_bottom and overlay.geometry().bottom() < size[1], name
        overlay.hide()


def test_a_panel_follows_the_header_when_large_text_is_switched_on_under_it(training_window: MainWindow) -> None:
    """The header stays reachable over a panel (ux.md: the text size on every screen); switched to large
    text there, the header grows and the panel moves down with it instead of covering its lower part."""
    window = training_window
    window.navigator.go("identify")
    snapshot.render(window, size=(1280, 800), lang="zh_CN", large=False)
    window.call_staff()
    before = window.header.height()
    window.set_large_text(True)
    snapshot.render(window, size=(1280, 800), lang="zh_CN", large=True)
    assert window.header.height() > before
    header_bottom = window.header.mapTo(window, QPoint(0, window.header.height())).y()
    assert window.call_overlay.isVisible() and window.call_overlay.geometry().top() == header_bottom


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_training_banner_is_one_line_on_a_portrait_panel_in_large_text(training_window: MainWindow,
                                                                            lang: str) -> None:
    window = training_window
    window.reach_line = 640
    window.set_language(lang)
    window.set_large_text(True)
    window.navigator.go("identify", way="keypad")
    snapshot.render(window, size=(1080, 1920), lang=lang, large=True)
    banner = window.banner
    margins = banner.contentsMargins()
    assert banner.isVisible()
    assert banner.height() - margins.top() - margins.bottom() < 2 * banner.fontMetrics().lineSpacing(), lang


def lines(label: QLabel) -> list[str]:
    """The lines a word-wrapped label shows at its width (its own line breaks kept)."""
    shown = []
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(label.contentsRect().width())
            shown.append(paragraph[line.textStart():line.textStart() + line.textLength()])
        layout.endLayout()
    return shown


@pytest.mark.parametrize(("size", "large"), [((1280, 800), True), ((1280, 800), False), ((1080, 1920), True)])
def test_the_call_for_staff_the_countdown_and_the_fault_never_split_a_word(training_window: MainWindow,
                                                                           size: tuple[int, int],
                                                                           large: bool) -> None:
    """请在这里稍候，工作人员马上过来帮您。 wrapped in large text with 您。 alone under it, the countdown's
    ...将被清 / 除。 and the fault's ...您可以重 / 新办理。 split a word: each breaks at its punctuation."""
    window = training_window
    window.reach_line = 640 if size[1] > size[0] else 0
    window.set_large_text(large)
    window.navigator.go("identify")
    window.call_staff()
    snapshot.render(window, size=size, lang="zh_CN", large=large)
    shown = lines(window.call_panel.message)
    assert all(len(line.strip()) > 3 for line in shown), shown
    window.call_overlay.hide()
    window._idle_warning(30)
    snapshot.render(window, size=size, lang="zh_CN", large=large)
    shown = lines(window.countdown.explanation)
    assert all(line.rstrip().endswith(("。", "，")) for line in shown), shown
    window.countdown_overlay.hide()
    window.show_fault("ValueError")
    snapshot.render(window, size=size, lang="zh_CN", large=large)
    shown = lines(window.fault.detail)
    assert all(line.rstrip().endswith(("。", "，")) for line in shown), shown
