"""The signing box (ux.md "Signatures"): raw strokes kept as data.

``SignatureCanvas`` records every point as ``[x, y, t, p]``: x and y
normalised to the box, t in whole ms from a monotonic clock counted from the
start of this signature, pressure 1 while touching (the panels report no real
pressure). Undo and clear are recorded as events rather than forgotten, with
the start and end wall time and the SHA-256 of the document signed. The smooth
curve on screen is for display only; the bundle holds the raw points, exactly
the dict ``kiosk.services.signatures.validate_bundle`` accepts.

``SignaturePad`` adds the signer's name, the baseline and the three buttons
撤销一笔 / 重写 / 确认签名; confirm stays disabled, with the reason shown, until
the ink spans a quarter of the box width (the core's own ``MIN_INK_WIDTH``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from kiosk.services.signatures import MAX_POINTS, MIN_INK_WIDTH

from ui.i18n import Retranslating
from ui.qt import (
    QBoxLayout,
    QColor,
    QEvent,
    QGuiApplication,
    QLabel,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointF,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.guard import GuardedButton

BOX_LANDSCAPE = (960, 360)
BOX_PORTRAIT = (1000, 400)
BASELINE = 0.72  # of the box height, where people put the bottom of their characters
INK = QColor("#1a1a1a")
GUIDE = QColor("#6b7280")  # 4.8:1 on white, above the 3:1 ux.md asks of lines


def wall_now() -> datetime:
    return datetime.now(UTC)


class SignatureCanvas(QWidget):
    """The box itself. Mouse and touch both draw; one finger only."""

    ink_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, portrait: bool = False,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = wall_now) -> None:
        super().__init__(parent)
        width, height = BOX_PORTRAIT if portrait else BOX_LANDSCAPE
        self.setMinimumSize(width, height)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.resize(width, height)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._clock = clock
        self._wall = wall_clock
        self.signer = ""
        self.reset()

    def sizeHint(self) -> Any:  # noqa: N802 (Qt's name)
        return self.minimumSize()

    def set_box(self, portrait: bool) -> None:
        """The box's size for the panel: ux.md's 1000x400 on a portrait panel, 960x360 on a landscape one."""
        width, height = BOX_PORTRAIT if portrait else BOX_LANDSCAPE
        if (self.minimumWidth(), self.minimumHeight()) != (width, height):
            self.setMinimumSize(width, height)
            self.resize(width, height)
            self.updateGeometry()

    def reset(self) -> None:
        """A fresh signature: no strokes, no events, no start time."""
        self.strokes: list[list[list[float]]] = []
        self.events: list[dict[str, Any]] = []
        self._origin: float | None = None
        self.started_at: datetime | None = None
        self._drawing = False
        self.update()
        self.ink_changed.emit()

    # -- recording ---------------------------------------------------------------------

    def _ms(self) -> int:
        now = self._clock()
        if self._origin is None:
            self._origin = now
        return int(round((now - self._origin) * 1000))

    def _point(self, pos: QPointF) -> list[float]:
        x = min(1.0, max(0.0, pos.x() / self.width()))
        y = min(1.0, max(0.0, pos.y() / self.height()))
        return [round(x, 4), round(y, 4), self._ms(), 1]

    def point_count(self) -> int:
        return sum(len(s) for s in self.strokes)

    def begin_stroke(self, pos: QPointF) -> None:
        if self.point_count() >= MAX_POINTS:
            return
        if self.started_at is None:
            self.started_at = self._wall()
        self.strokes.append([self._point(pos)])
        self._drawing = True
        self.update()
        self.ink_changed.emit()

    def extend_stroke(self, pos: QPointF) -> None:
        if not self._drawing or self.point_count() >= MAX_POINTS:
            return
        point = self._point(pos)
        if point[:2] != self.strokes[-1][-1][:2]:
            self.strokes[-1].append(point)
            self.update()
            self.ink_changed.emit()

    def end_stroke(self, pos: QPointF) -> None:
        self.extend_stroke(pos)
        self._drawing = False

    def undo(self) -> None:
        if self.strokes:
            removed = self.strokes.pop()
            self.events.append({"type": "undo", "t": self._ms(), "points": len(removed)})
            self.update()
            self.ink_changed.emit()

    def clear(self) -> None:
        if self.strokes:
            self.events.append({"type": "clear", "t": self._ms(),
                                "strokes": len(self.strokes), "points": self.point_count()})
            self.strokes = []
            self.update()
            self.ink_changed.emit()

    def ink_width(self) -> float:
        xs = [p[0] for s in self.strokes for p in s]
        return max(xs) - min(xs) if xs else 0.0

    def box_mm(self) -> list[float]:
        screen = self.screen() or QGuiApplication.primaryScreen()
        dpi_x, dpi_y = screen.physicalDotsPerInchX(), screen.physicalDotsPerInchY()
        return [round(self.width() / dpi_x * 25.4, 1), round(self.height() / dpi_y * 25.4, 1)]

    def bundle(self, doc_sha256: str) -> dict[str, Any]:
        """The signature as data, ended now."""
        started = self.started_at or self._wall()
        return {
            "doc_sha256": doc_sha256,
            "box_mm": self.box_mm(),
            "strokes": [[list(p) for p in s] for s in self.strokes],
            "events": [dict(e) for e in self.events],
            "started_at": started.isoformat(timespec="milliseconds"),
            "ended_at": self._wall().isoformat(timespec="milliseconds"),
        }

    # -- input events ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.extend_stroke(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.end_stroke(event.position())

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()  # type: ignore[attr-defined]
            if points:
                # One finger signs; a resting palm or second finger is not ink.
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin_stroke(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend_stroke(pos)
                else:
                    self.end_stroke(pos)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._drawing = False
            return True
        return super().event(event)

    # -- display -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(GUIDE, 3))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        baseline = round(self.height() * BASELINE)
        painter.setPen(QPen(GUIDE, 2, Qt.PenStyle.DashLine))
        painter.drawLine(32, baseline, self.width() - 32, baseline)
        painter.setPen(QPen(INK, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            painter.drawPath(self._smooth(stroke))
        painter.end()

    def _smooth(self, stroke: list[list[float]]) -> QPainterPath:
        # Quadratic curves through the midpoints: display only, the data stays raw.
        pts = [QPointF(p[0] * self.width(), p[1] * self.height()) for p in stroke]
        path = QPainterPath(pts[0])
        if len(pts) == 1:
            path.addEllipse(pts[0], 1.5, 1.5)
            return path
        for a, b in zip(pts[:-1], pts[1:], strict=True):
            path.quadTo(a, (a + b) / 2)
        path.lineTo(pts[-1])
        return path


class SignaturePad(Retranslating, QWidget):
    """Name, box and buttons; emits ``confirmed(bundle)`` once per confirmation."""

    confirmed = Signal(dict)

    def __init__(self, doc_sha256: str, signer: str, parent: QWidget | None = None, *,
                 portrait: bool = False, beside: bool = False, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = wall_now) -> None:
        """``beside``: the buttons in a column right of the box, for screens with little height (the
        counter's sign page on a 1280x800 panel, the paper above the box)."""
        super().__init__(parent)
        self.beside = beside
        self.doc_sha256 = doc_sha256
        self.signer = signer
        self.canvas = SignatureCanvas(portrait=portrait, clock=clock, wall_clock=wall_clock)
        self.name_label = QLabel()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setProperty("state", "warn")
        self.undo_button = GuardedButton()
        self.clear_button = GuardedButton()
        self.clear_button.setProperty("role", "destructive")
        self.confirm_button = GuardedButton(clock=clock)
        self.confirm_button.setProperty("role", "primary")
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addWidget(self.name_label)
        # The buttons beside the box (a column) or below it (a row): one set of boxes turned either way.
        self.button_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.button_box.setSpacing(16)
        self.button_box.addWidget(self.undo_button)
        self.button_box.addWidget(self.clear_button)
        self.button_box.addSpacing(32)  # ux.md: >= 32 px between 重写 (destructive) and 确认签名
        self.button_box.addStretch(1)
        self.button_box.addWidget(self.confirm_button)
        box = self._box = QVBoxLayout()
        box.setSpacing(8)
        box.addWidget(self.canvas)
        box.addWidget(self.reason)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.row.setSpacing(16)
        self.row.addLayout(box)
        self.row.addLayout(self.button_box, 1)
        layout.addLayout(self.row)
        self.beside = not beside  # so that arrange() lays it out
        self.arrange(beside=beside)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.confirm_button.clicked.connect(self.confirm)
        self.canvas.ink_changed.connect(self._update)
        self.retranslate()

    def arrange(self, *, beside: bool, portrait: bool | None = None) -> None:
        """The buttons beside the box or below it; ``portrait``: the box's portrait or landscape size
        (ux.md), changed only while the box is empty (a signature is never rescaled under the pen)."""
        if portrait is not None and not self.canvas.strokes:
            self.canvas.set_box(portrait)
        if beside == self.beside:
            return
        self.beside = beside
        self.row.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        self.button_box.setDirection(
            QBoxLayout.Direction.TopToBottom if beside else QBoxLayout.Direction.LeftToRight)
        # Below the box the buttons keep their own height, and the box stays centred over them. There they
        # share the row's spare width with the gap (never less than their size): a name drawn edge to edge
        # let a glyph's overhang reach past the text room ('Undo stroke' in large text).
        self.row.setStretch(1, 1 if beside else 0)
        self.button_box.setStretch(3, 1 if beside else 0)
        grow = QSizePolicy.Policy.Minimum if beside else QSizePolicy.Policy.MinimumExpanding
        for button in (self.undo_button, self.clear_button, self.confirm_button):
            policy = button.sizePolicy()
            policy.setHorizontalPolicy(grow)
            button.setSizePolicy(policy)
        self._box.setAlignment(self.canvas, Qt.AlignmentFlag(0) if beside else Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Signer: {name}").format(name=self.signer))
        # Beside the box the column is narrow: the short English words (Chinese says 撤销一笔 and 确认签名
        # either way).
        self.undo_button.setText(self.tr("Undo") if self.beside else self.tr("Undo stroke"))
        self.clear_button.setText(self.tr("Start over"))
        self.confirm_button.setText(self.tr("Confirm") if self.beside else self.tr("Confirm signature"))
        self._update()

    def enough_ink(self) -> bool:
        return self.canvas.ink_width() >= MIN_INK_WIDTH

    def _update(self) -> None:
        has_ink = bool(self.canvas.strokes)
        self.undo_button.setEnabled(has_ink)
        self.clear_button.setEnabled(has_ink)
        self.confirm_button.setEnabled(self.enough_ink())
        if not has_ink:
            reason = self.tr("Please sign your full name in the box above the line.")
        elif not self.enough_ink():
            reason = self.tr("The signature is too small to confirm. "
                             "Please sign across at least a quarter of the box.")
        else:
            reason = ""
        self.reason.setText(reason)

    def confirm(self) -> None:
        if self.enough_ink():
            self.confirmed.emit(self.canvas.bundle(self.doc_sha256))

    def reset(self, doc_sha256: str | None = None, signer: str | None = None) -> None:
        """Ready for the next signer (each co-owner signs in turn) or after a time-out."""
        if doc_sha256 is not None:
            self.doc_sha256 = doc_sha256
        if signer is not None:
            self.signer = signer
        self.canvas.reset()
        self.retranslate()
