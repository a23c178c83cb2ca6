"""``packed``: widgets at the start of a box layout, the rest of its length left empty.

The shape several screens build by hand: a row of page or day buttons, a column of facts above the
space a panel has to spare.
"""

from __future__ import annotations

from ui.qt import QBoxLayout, QWidget


def packed(layout: QBoxLayout, *widgets: QWidget, spacing: int) -> QBoxLayout:
    """``layout`` without margins holding ``widgets`` ``spacing`` px apart, then a stretch."""
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout
