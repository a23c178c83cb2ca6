"""Hold-to-confirm: a step that cannot be undone runs only after the finger stays on the button.

A tap, a brush or a double tap never confirms; the button fills from the left while held and empties
when let go early. ``held`` is emitted once the hold lasted ``hold_ms``.
"""

from __future__ import annotations

from ui.qt import QColor, QElapsedTimer, QMouseEvent, QPainter, QPaintEvent, QPushButton, Qt, QTimer, QWidget, Signal

HOLD_MS = 3000  # long enough that nobody does it by accident, short enough to stay on purpose
TICK_MS = 40


class HoldButton(QPushButton):
    held = Signal()

    def __init__(self, parent: QWidget | None = None, *, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.hold_ms = hold_ms
        self._since = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._advance)
        self.progress = 0.0  # 0..1 of the hold done

    @property
    def holding(self) -> bool:
        return self._tick.isActive()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self._since.start()
            self.progress = 0.0
            self._tick.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.cancel()
        super().mouseReleaseEvent(event)

    def cancel(self) -> None:
        self._tick.stop()
        self.progress = 0.0
        self.update()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt's name)
        if not enabled:
            self.cancel()
        super().setEnabled(enabled)

    def _advance(self) -> None:
        self.progress = min(1.0, self._since.elapsed() / self.hold_ms)
        self.update()
        if self.progress >= 1.0:
            self._tick.stop()
            self.held.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.progress <= 0.0:
            return
        painter = QPainter(self)
        fill = QColor(self.palette().buttonText().color())
        fill.setAlpha(70)
        painter.fillRect(0, 0, int(self.width() * self.progress), self.height(), fill)
        painter.end()
