"""The A4 printer through Qt print support (QPrinter → CUPS on Linux), and opening an A4 printer by URI.

Each PDF page is rasterised at the printer's resolution (QtPdf) and painted over the
whole sheet with no margins of its own, so a certificate field placed at (x, y) mm
in the PDF lands at (x, y) mm on paper, moved only by the printer's calibration.
A printer that is missing or refuses the job raises a ``hardware.errors.DeviceError``
with the reason; the print queue keeps the job with that message.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from hardware.a4.base import A4Printer, PrintResult, check_copies, check_pdf, parse_a4_uri
from hardware.a4.sim import open_sim_printer
from hardware.errors import DeviceStatusError, DeviceUnavailable
from ui.documents.preview import PdfPreview
from ui.qt import QMarginsF, QPageLayout, QPageSize, QPainter, QPrinter, QPrinterInfo, QRectF, QSizeF


class QtA4Printer(A4Printer):
    def __init__(self, queue: str, *, dpi: int = 600) -> None:
        self.queue = queue
        self.dpi = dpi
        self.name = f"cups://{queue}"

    def _info(self) -> QPrinterInfo:
        info = QPrinterInfo.printerInfo(self.queue)
        if info.isNull():
            known = ", ".join(QPrinterInfo.availablePrinterNames()) or "none"
            raise DeviceUnavailable(f"there is no printer called {self.queue!r} on this computer "
                                    f"(printers installed: {known})", device="a4_printer",
                                    code="a4_unavailable",
                                    hint="install the printer in CUPS or correct the A4 printer setting")
        return info

    def print_pdf(self, path: Path | str, *, copies: int = 1, title: str = "") -> PrintResult:
        check_copies(copies)
        document = PdfPreview(check_pdf(Path(path)))
        printer = QPrinter(self._info(), QPrinter.PrinterMode.HighResolution)
        printer.setResolution(self.dpi)
        printer.setCopyCount(copies)
        printer.setDocName(title or Path(path).stem)
        printer.setFullPage(True)
        size = document.page_size_points(0)
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point),
                                          QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise DeviceStatusError(f"the printer {self.queue} refused the job", device="a4_printer",
                                    code="a4_refused", hint="check the printer (paper, power, queue paused), "
                                                            "then print the job again")
        try:
            for index in range(document.page_count):
                if index and not printer.newPage():
                    raise DeviceStatusError(f"the printer {self.queue} stopped at page {index + 1}",
                                            device="a4_printer", code="a4_refused",
                                            hint="check the printer, then print the job again")
                points = document.page_size_points(index)
                width_px = round(points.width() / 72 * self.dpi)
                painter.drawImage(QRectF(0, 0, width_px, round(points.height() / 72 * self.dpi)),
                                  document.page(index, width_px))
        finally:
            painter.end()
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise DeviceStatusError(f"the printer {self.queue} reported an error and dropped the job",
                                    device="a4_printer", code="a4_refused",
                                    hint="check the printer, then print the job again")
        return PrintResult(printer=self.name, job_id=uuid.uuid4().hex[:12], copies=copies,
                           pages=document.page_count)


def open_a4_printer(uri: str, *, base: Path | None = None) -> A4Printer:
    """``pdf://DIR`` → the simulator (a relative DIR under ``base``), ``cups://NAME`` → the Qt driver."""
    parsed = parse_a4_uri(uri)
    if parsed.scheme == "pdf":
        return open_sim_printer(uri, base=base)
    return QtA4Printer(parsed.name)
