"""One rule decides a portrait panel for every screen and the header (ui/screens/base.on_portrait_panel):
the window is taller than wide; a widget rendered alone, as its own window, takes the landscape layout."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.qt import QVBoxLayout, QWidget
from ui.screens.base import on_portrait_panel


def test_a_portrait_panel_is_a_window_taller_than_wide(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    inner = QWidget()
    QVBoxLayout(window).addWidget(inner)
    for (width, height), portrait in (((1080, 1920), True), ((1920, 1080), False), ((1280, 800), False),
                                      ((1000, 1000), False)):
        window.resize(width, height)
        assert on_portrait_panel(inner) is portrait, (width, height)
    # Alone, even a tall widget is laid out as on a landscape panel: its size follows its layout.
    alone = QWidget()
    qtbot.addWidget(alone)
    alone.resize(1080, 1920)
    assert not on_portrait_panel(alone) and not on_portrait_panel(window)
