"""A4 pages in millimetres on ``QPdfWriter``: a measured flow layout and the painter that draws it.

Documents are laid out first (every line measured with the font it is printed in,
broken by ``QTextLayout``, which follows the Unicode line-breaking rules so a
line never starts with 。or ，), then painted, so each page can say 第 n 页 共 m 页.
Coordinates are millimetres from the top-left corner of the sheet; the writer has
no margins of its own, so a field placed at (x, y) mm lands at (x, y) mm on paper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kiosk.errors import KioskError
from ui.qt import (
    QBuffer, QByteArray, QColor, QFont, QFontDatabase, QFontMetricsF, QIODevice, QMarginsF, QPageLayout,
    QPageSize, QPainter, QPdfWriter, QPen, QPointF, QPolygonF, QRectF, QSizeF, Qt, QTextLayout, QTextOption,
)

RESOLUTION = 600          # device units per inch of the PDF writer
PREFERRED_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC")
CREATOR = "郏县交房即交证 服务网点终端"


class DocumentError(KioskError):
    code = "document"


def mm(value: float) -> float:
    return value * RESOLUTION / 25.4


def to_mm(units: float) -> float:
    return units * 25.4 / RESOLUTION


_family: str | None = None


def cjk_family() -> str:
    """A font family with Simplified Chinese glyphs; refuses clearly when there is none (Qt would draw boxes)."""
    global _family
    if _family is None:
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        preferred = [f for f in PREFERRED_FAMILIES if f in chinese]
        if not preferred and not chinese:
            raise DocumentError("no Chinese font is installed, so documents cannot be printed",
                                code="no_cjk_font", hint="install fonts-wqy-microhei (scripts/setup.sh does)")
        _family = (preferred or list(chinese))[0]
    return _family


def font(size_pt: float, bold: bool = False) -> QFont:
    f = QFont(cjk_family())
    f.setPointSizeF(size_pt)
    f.setBold(bold)
    f.setKerning(False)
    return f


@dataclass(frozen=True)
class Text:
    x: float            # left edge, mm
    baseline: float     # mm
    text: str
    size: float
    bold: bool = False
    color: str = "black"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.25   # mm


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    width: float = 0.25
    fill: str = ""       # a colour name, "" for none
    dashed: bool = False
    color: str = "black"


@dataclass(frozen=True)
class Modules:
    """A 2-D code as its dark modules (QR), drawn as squares of ``module`` mm from (x, y)."""
    x: float
    y: float
    module: float
    rows: tuple[tuple[bool, ...], ...]


@dataclass(frozen=True)
class Strokes:
    """Handwriting: strokes of (x, y) points normalised to a box of ``aspect`` (width / height), drawn to fit
    (x, y, w, h) mm with the aspect kept."""
    x: float
    y: float
    w: float
    h: float
    strokes: tuple[tuple[tuple[float, float], ...], ...]
    aspect: float
    width: float = 0.45


Op = Text | Line | Box | Modules | Strokes


@dataclass
class Sheet:
    """The measured pages of one document, ready to paint."""

    landscape: bool = False
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    custom_mm: tuple[float, float] | None = None    # a sheet that is not A4 (width, height)

    @property
    def size_mm(self) -> tuple[float, float]:
        if self.custom_mm:
            return self.custom_mm
        return (297.0, 210.0) if self.landscape else (210.0, 297.0)


class Measure:
    """Text measurement in millimetres with the fonts the PDF is printed in."""

    def __init__(self) -> None:
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._device = QPdfWriter(self._buffer)
        self._device.setResolution(RESOLUTION)

    def metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(font(size, bold), self._device)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return to_mm(self.metrics(size, bold).horizontalAdvance(text))

    def line_height(self, size: float, factor: float = 1.5) -> float:
        return to_mm(self.metrics(size).height()) * factor

    def ascent(self, size: float, bold: bool = False) -> float:
        return to_mm(self.metrics(size, bold).ascent())

    def wrap(self, text: str, size: float, width_mm: float, bold: bool = False, *,
             words: bool = False) -> list[str]:
        """``text`` broken into lines no wider than ``width_mm``; an empty text is one empty line.

        Chinese breaks between any two characters (never before 。，); a Latin word longer than the
        line is split too, unless ``words`` asks to keep words whole (table headers)."""
        if not text:
            return [""]
        layout = QTextLayout(text, font(size, bold), self._device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap if words
                           else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(mm(width_mm))
            lines.append(text[line.textStart():line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        return lines or [""]

    def fit_size(self, text: str, size: float, width_mm: float, height_mm: float, *, minimum: float = 6.0,
                 factor: float = 1.25) -> tuple[float, list[str]]:
        """The largest size from ``size`` down (0.5 pt steps) at which ``text`` wraps into the box."""
        current = size
        while True:
            lines = self.wrap(text, current, width_mm)
            if len(lines) * self.line_height(current, factor) <= height_mm or current <= minimum:
                return current, lines
            current -= 0.5


class Flow:
    """Top-to-bottom layout over as many A4 pages as the content needs."""

    def __init__(self, measure: Measure, *, landscape: bool = False, left: float = 20, right: float = 20,
                 top: float = 22, bottom: float = 24) -> None:
        self.m = measure
        self.sheet = Sheet(landscape=landscape)
        self.left, self.top, self.bottom_margin = left, top, bottom
        width, self.height = self.sheet.size_mm
        self.right = width - right
        self.y = top

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def page(self) -> list[Op]:
        return self.sheet.pages[-1]

    def new_page(self) -> None:
        self.sheet.pages.append([])
        self.y = self.top

    def room(self) -> float:
        return self.height - self.bottom_margin - self.y

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if height > self.room() and self.y > self.top:
            self.new_page()

    def space(self, height: float) -> None:
        self.y += height

    def _line(self, x: float, text: str, size: float, bold: bool, lh: float) -> None:
        self.page.append(Text(x, self.y + (lh - to_mm(self.m.metrics(size, bold).height())) / 2
                              + self.m.ascent(size, bold), text, size, bold))

    def paragraph(self, text: str, *, size: float = 10.5, bold: bool = False, align: str = "left",
                  indent: float = 0.0, after: float = 1.5, factor: float = 1.55) -> None:
        lh = self.m.line_height(size, factor)
        for line in self.m.wrap(text, size, self.width - indent, bold):
            self.keep(lh)
            x = self.left + indent
            if align == "center":
                x = self.left + (self.width - self.m.width(line, size, bold)) / 2
            elif align == "right":
                x = self.right - self.m.width(line, size, bold)
            self._line(x, line, size, bold, lh)
            self.y += lh
        self.y += after

    def fields(self, rows: Sequence[tuple[str, str]], *, label_width: float = 38.0, size: float = 10.5,
               factor: float = 1.6, boxed: bool = True) -> None:
        """Label/value rows in a ruled two-column table; a value wraps within its column."""
        lh = self.m.line_height(size, factor)
        pad = 2.0
        for label, value in rows:
            label_lines = self.m.wrap(label, size, label_width - 2 * pad, True)
            value_lines = self.m.wrap(value, size, self.width - label_width - 2 * pad)
            height = max(len(label_lines), len(value_lines)) * lh + 1.0
            self.keep(height)
            top = self.y
            if boxed:
                self.page.append(Box(self.left, top, label_width, height, fill="#eeeeee"))
                self.page.append(Box(self.left + label_width, top, self.width - label_width, height))
            self.y = top + 0.5
            for line in label_lines:
                self._line(self.left + pad, line, size, True, lh)
                self.y += lh
            self.y = top + 0.5
            for line in value_lines:
                self._line(self.left + label_width + pad, line, size, False, lh)
                self.y += lh
            self.y = top + height
        self.y += 2.0

    def table(self, headers: Sequence[str], widths: Sequence[float], rows: Sequence[Sequence[str]], *,
              size: float = 9.0, aligns: Sequence[str] = (), flagged: Callable[[int], bool] = lambda _: False,
              bold_rows: Callable[[int], bool] = lambda _: False, factor: float = 1.4,
              groups: Sequence[tuple[str, int]] = ()) -> None:
        """A ruled table; the header (under optional ``groups`` of (label, columns spanned)) repeats on
        every page and is centred; a flagged row is shaded and in bold."""
        scale = self.width / sum(widths)
        cols = [w * scale for w in widths]
        aligns = list(aligns) + ["left"] * (len(cols) - len(aligns))
        lh = self.m.line_height(size, factor)
        pad = 1.5

        def row(values: Sequence[str], *, bold: bool, fill: str, widths: Sequence[float] = cols,
                align_to: Sequence[str] = aligns, head: bool = False) -> None:
            wrapped = [self.m.wrap(v, size, c - 2 * pad, bold, words=head)
                       for v, c in zip(values, widths, strict=True)]
            height = max(len(w) for w in wrapped) * lh + 1.0
            if height > self.room():
                self.new_page()
                header()
            top, x = self.y, self.left
            for lines, width, align in zip(wrapped, widths, align_to, strict=True):
                self.page.append(Box(x, top, width, height, fill=fill))
                self.y = top + 0.5
                for line in lines:
                    tx = x + pad
                    if align == "right":
                        tx = x + width - pad - self.m.width(line, size, bold)
                    elif align == "center":
                        tx = x + (width - self.m.width(line, size, bold)) / 2
                    self._line(tx, line, size, bold, lh)
                    self.y += lh
                x += width
            self.y = top + height

        def header() -> None:
            if groups:
                spans, start = [], 0
                for _, span in groups:
                    spans.append(sum(cols[start:start + span]))
                    start += span
                row([label for label, _ in groups], bold=True, fill="#dddddd", widths=spans,
                    align_to=["center"] * len(spans), head=True)
            row(headers, bold=True, fill="#dddddd", align_to=["center"] * len(cols), head=True)

        self.keep(lh * 3)
        header()
        for index, values in enumerate(rows):
            flag = flagged(index)
            row(values, bold=flag or bold_rows(index), fill="#e4e4e4" if flag else "")
        self.y += 3.0

    def rule(self, *, width: float = 0.3, after: float = 2.0) -> None:
        self.page.append(Line(self.left, self.y, self.right, self.y, width))
        self.y += after


def paint(sheet: Sheet, *, title: str, decorate: Callable[[list[Op], int, int], None] | None = None) -> bytes:
    """The sheet as PDF bytes; ``decorate(page_ops, number, count)`` adds headers and footers per page."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    orientation = QPageLayout.Orientation.Landscape if sheet.landscape else QPageLayout.Orientation.Portrait
    size = (QPageSize(QSizeF(*sheet.custom_mm), QPageSize.Unit.Millimeter, "custom")
            if sheet.custom_mm else QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise DocumentError(f"could not start the PDF for {title}", code="pdf_writer")
    try:
        count = len(sheet.pages)
        for number, ops in enumerate(sheet.pages, 1):
            if number > 1:
                writer.newPage()
            ops = list(ops)
            if decorate:
                decorate(ops, number, count)
            for op in ops:
                _draw(painter, op)
    finally:
        painter.end()
    return bytes(QByteArray(buffer.data()).data())


def _pen(width_mm: float, dashed: bool = False, color: str = "black") -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(mm(width_mm))
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _draw(painter: QPainter, op: Op) -> None:
    if isinstance(op, Text):
        painter.setPen(QColor(op.color))
        painter.setFont(font(op.size, op.bold))
        painter.drawText(QPointF(mm(op.x), mm(op.baseline)), op.text)
    elif isinstance(op, Line):
        painter.setPen(_pen(op.width))
        painter.drawLine(QPointF(mm(op.x1), mm(op.y1)), QPointF(mm(op.x2), mm(op.y2)))
    elif isinstance(op, Box):
        rect = QRectF(mm(op.x), mm(op.y), mm(op.w), mm(op.h))
        if op.fill:
            painter.fillRect(rect, QColor(op.fill))
        if op.width > 0:
            painter.setPen(_pen(op.width, op.dashed, op.color))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
    elif isinstance(op, Strokes):
        _draw_strokes(painter, op)
    else:
        size = mm(op.module)
        for r, cells in enumerate(op.rows):
            for c, dark in enumerate(cells):
                if dark:
                    painter.fillRect(QRectF(mm(op.x) + c * size, mm(op.y) + r * size, size, size),
                                     QColor("black"))


def _draw_strokes(painter: QPainter, op: Strokes) -> None:
    w, h = op.w, op.w / op.aspect
    if h > op.h:
        w, h = op.h * op.aspect, op.h
    left, top = op.x + (op.w - w) / 2, op.y + (op.h - h) / 2
    pen = _pen(op.width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for stroke in op.strokes:
        points = [QPointF(mm(left + px * w), mm(top + py * h)) for px, py in stroke]
        if len(points) == 1:
            painter.drawPoint(points[0])
        else:
            painter.drawPolyline(QPolygonF(points))
