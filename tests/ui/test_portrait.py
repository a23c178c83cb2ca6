"""One rule decides a portrait panel for every screen and the header (ui/screens/base.on_portrait_panel):
the window is taller than wide; a widget rendered alone, as its own window, takes the landscape layout.
One mechanism arranges a screen for it (``PanelTurning.on_panel_turned``): once per turn of the panel."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.qt import QBoxLayout, QVBoxLayout, QWidget
from ui.screens.base import ACROSS, DOWN, PanelTurning, on_portrait_panel, turn


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


class Turning(PanelTurning, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.turns: list[bool] = []
        self.across = QBoxLayout(ACROSS)
        self.down = QBoxLayout(DOWN)

    def on_panel_turned(self, portrait: bool) -> None:
        self.turns.append(portrait)
        turn(portrait, across=(self.across,), down=(self.down,))


def test_a_screen_is_arranged_once_per_turn_of_the_panel(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    inner = Turning()
    QVBoxLayout(window).addWidget(inner)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: inner.turns == [False])  # the first resize: the panel's shape first known
    # Landscape again, portrait, portrait of another height, landscape: two turns.
    for width, height in ((1920, 1080), (1080, 1920), (1080, 1900), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: inner.width() > w - 40 and inner.height() > h - 40)
    assert inner.turns == [False, True, False]
    assert (inner.across.direction(), inner.down.direction()) == (ACROSS, DOWN)
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: inner.turns == [False, True, False, True])
    assert (inner.across.direction(), inner.down.direction()) == (DOWN, ACROSS)
