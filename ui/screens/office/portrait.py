"""Back-office screens on a portrait panel (1080x1920): what stands side by side on a landscape panel
stands one above the other there, where the width is short and the height plentiful.

A screen names its turning boxes in ``turn``, called from its ``resizeEvent`` (the window's shape
decides, ``ui.screens.base.on_portrait_panel``): ``across`` boxes run left to right on a landscape
panel and top to bottom on a portrait one, ``down`` boxes (a column of buttons beside a table) the
other way round. Text keeps its staff size (ux.md); only the arrangement changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ui.qt import QBoxLayout, QWidget
from ui.screens.base import on_portrait_panel

ACROSS = QBoxLayout.Direction.LeftToRight
DOWN = QBoxLayout.Direction.TopToBottom


def turn(widget: QWidget, across: Iterable[QBoxLayout] = (), down: Iterable[QBoxLayout] = ()) -> bool:
    """Turn ``across`` and ``down`` for the panel ``widget`` is shown on; whether it is a portrait one."""
    portrait = on_portrait_panel(widget)
    for layout in across:
        _direct(layout, DOWN if portrait else ACROSS)
    for layout in down:
        _direct(layout, ACROSS if portrait else DOWN)
    return portrait


def _direct(layout: QBoxLayout, direction: QBoxLayout.Direction) -> None:
    # Set only when it changes: each change invalidates the layout, and a resize would loop on it.
    if layout.direction() != direction:
        layout.setDirection(direction)
