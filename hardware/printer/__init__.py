"""Receipt printer: layouts, ESC/POS rendering (native Chinese or raster), connections by URI,
status and the simulated printer. Print jobs are queued by the flows in the kiosk store
(``kiosk.services.printing``); this package only renders and sends them."""

from hardware.printer.device import PrinterSettings, PrintResult, ReceiptPrinter, self_test
from hardware.printer.layout import PAPERS, Cut, Feed, Line, Op, Paper, QRCode, ReceiptBuilder, paper_for
from hardware.printer.status import PrinterStatus
from hardware.printer.uri import PrinterURI, parse_printer_uri

__all__ = [
    "PAPERS", "Cut", "Feed", "Line", "Op", "Paper", "PrintResult", "PrinterSettings", "PrinterStatus",
    "PrinterURI", "QRCode", "ReceiptBuilder", "ReceiptPrinter", "paper_for", "parse_printer_uri", "self_test",
]
