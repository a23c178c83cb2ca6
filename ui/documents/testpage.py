"""The A4 printer's test page: what a technician checks on a new or repaired printer.

Not the certificate calibration page (``ui.documents.certificate.render_calibration_page``), which
measures where the certificate form's fields land: this page says which printer printed it, when and
for which terminal, and shows at a glance whether the printer is fit for the certificate page and the
papers:

- edge lines 3, 5 and 10 mm inside each edge of the sheet: the outermost one still printed is the
  printer's unprintable margin (the certificate form's fields start 15 mm in);
- a 100 x 100 mm grid ruled every mm (heavier every 5 and 10 mm, numbered every 10): a ruler laid on it
  shows the printer's scale, and the 10 mm squares show skew;
- eleven grey patches from white to black: neighbouring patches must be told apart;
- Chinese and English text from 7 to 14 pt: strokes of the small Chinese sizes must not run together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ui.documents.canvas import Box, Line, Measure, Op, Sheet, Text, paint
from ui.documents.text import Texts, fill

EDGE_LINES_MM = (3.0, 5.0, 10.0)
GRID_MM = 100
GRID_LEFT, GRID_TOP = 20.0, 76.0
GREYS = tuple(range(0, 101, 10))  # per cent black
TEXT_SIZES = (7.0, 9.0, 11.0, 14.0)
CHINESE_SAMPLE = "郏县交房即交证 不动产权证书 壹贰叁肆伍陆柒捌玖拾 ０１２３"
ENGLISH_SAMPLE = "Jia County property title 0123456789 ABCDEFGH abcdefgh"


@dataclass(frozen=True)
class PrintOrigin:
    """Where and when the page is printed: the printer's name (its URI), the terminal's device id ("" before
    enrollment), its service point and the county's wall-clock time."""

    printer: str
    terminal: str
    service_point: str
    printed_at: dt.datetime


def _edges(width: float, height: float, tx: Texts) -> list[Op]:
    """The edge lines (thin 3 mm, dashed 5 mm, heavy 10 mm in) and centre marks on the top and left
    edges; the legend sits inside the 10 mm line, as a 2 mm gap has no room for a name."""
    ops: list[Op] = []
    for inset in EDGE_LINES_MM:
        ops.append(Box(inset, inset, width - 2 * inset, height - 2 * inset, width=0.35 if inset == 10 else 0.15,
                       dashed=inset == 5))
    ops.append(Line(width / 2, 0, width / 2, 10, 0.15))
    ops.append(Line(0, height / 2, 10, height / 2, 0.15))
    legend = tx.translate("A4TestPage", "Edge lines: thin 3 mm, dashed 5 mm, heavy 10 mm from the edges of the sheet")
    ops.append(Text(13.0, height - 12.5, legend, 7))
    return ops


def _grid(left: float, top: float, tx: Texts) -> list[Op]:
    ops: list[Op] = []
    for n in range(GRID_MM + 1):
        weight = 0.35 if n % 10 == 0 else 0.18 if n % 5 == 0 else 0.06
        ops.append(Line(left + n, top, left + n, top + GRID_MM, weight))
        ops.append(Line(left, top + n, left + GRID_MM, top + n, weight))
        if n % 10 == 0:
            ops.append(Text(left + n - 1.5, top - 1.5, str(n), 6))
            ops.append(Text(left - 6.0, top + n + 1.0, str(n), 6))
    ops.append(Text(left, top + GRID_MM + 5.0,
                    tx.translate("A4TestPage", "Grid 100 x 100 mm, a line every mm: measure it with a ruler."),
                    8))
    return ops


def _greys(left: float, top: float, tx: Texts) -> list[Op]:
    ops: list[Op] = [Text(left, top - 2.0, tx.translate("A4TestPage", "Greys (per cent black)"), 9, True)]
    for n, percent in enumerate(GREYS):
        level = round(255 * (100 - percent) / 100)
        y = top + n * 8.0
        ops.append(Box(left, y, 20.0, 7.0, width=0.1, fill=f"#{level:02x}{level:02x}{level:02x}"))
        ops.append(Text(left + 22.0, y + 5.0, f"{percent}%", 8))
    return ops


def _samples(measure: Measure, left: float, top: float, width: float, tx: Texts) -> tuple[list[Op], float]:
    ops: list[Op] = [Text(left, top, tx.translate("A4TestPage", "Text samples"), 9, True)]
    y = top + 3.0
    for size in TEXT_SIZES:
        for sample in (CHINESE_SAMPLE, ENGLISH_SAMPLE):
            lh = measure.line_height(size, 1.3)
            for line in measure.wrap(f"{size:g} pt  {sample}", size, width):
                y += lh
                ops.append(Text(left, y, line, size))
    return ops, y


def render_a4_test_page(origin: PrintOrigin, *, language: str = "zh_CN") -> bytes:
    """The test page for ``origin``'s printer as one A4 PDF page, in ``language`` ("zh_CN" or "en")."""
    tx = Texts(language)
    measure = Measure()
    sheet = Sheet()
    width, height = sheet.size_mm
    ops = sheet.pages[0]
    title = tx.translate("A4TestPage", "A4 printer test page")
    ops.append(Text(20.0, 24.0, title, 16, True))
    terminal = origin.terminal or tx.translate("A4TestPage", "not enrolled")
    rows = (
        (tx.translate("A4TestPage", "Printer"), origin.printer),
        (tx.translate("A4TestPage", "Printed at"), tx.moment(origin.printed_at)),
        (tx.translate("A4TestPage", "Terminal"), terminal),
        (tx.translate("A4TestPage", "Service point"), origin.service_point or "-"),
    )
    for n, (label, value) in enumerate(rows):
        y = 34.0 + n * 6.0
        ops.append(Text(20.0, y, label, 10, True))
        for k, line in enumerate(measure.wrap(value, 10, width - 20.0 - 52.0)[:2]):
            ops.append(Text(52.0, y + k * 4.5, line, 10))
    ops.extend(_edges(width, height, tx))
    ops.extend(_grid(GRID_LEFT, GRID_TOP, tx))
    ops.extend(_greys(GRID_LEFT + GRID_MM + 20.0, GRID_TOP, tx))
    samples, bottom = _samples(measure, 20.0, GRID_TOP + GRID_MM + 16.0, width - 40.0, tx)
    ops.extend(samples)
    checks = (
        tx.translate("A4TestPage", "Check: the 10 mm edge line is printed on all four sides (the certificate "
                                   "form needs 15 mm); the grid measures 100 mm both ways; every grey differs "
                                   "from its neighbours; the 7 pt Chinese text is legible."),
        tx.translate("A4TestPage", "Then print the calibration page on a spoiled certificate sheet to set the "
                                   "offsets of the certificate page."),
    )
    y = bottom + 8.0
    for paragraph in checks:
        for line in measure.wrap(paragraph, 9, width - 40.0):
            ops.append(Text(20.0, y, line, 9))
            y += measure.line_height(9, 1.4)
        y += 1.5
    return paint(sheet, title=fill(tx.translate("A4TestPage", "Test page %1"), origin.printer))
