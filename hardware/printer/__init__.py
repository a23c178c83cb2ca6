"""Receipt printer: layouts, ESC/POS rendering (native Chinese or raster), connections by URI,
status, the simulated printer and the print spool."""

from hardware.printer.device import PrinterSettings, PrintResult, ReceiptPrinter, self_test
from hardware.printer.layout import PAPERS, Cut, Feed, Line, Op, Paper, QRCode, ReceiptBuilder, paper_for
from hardware.printer.spool import FAILED, PENDING, PRINTED, PrintJob, PrintQueue
from hardware.printer.status import PrinterStatus
from hardware.printer.uri import PrinterURI, parse_printer_uri

__all__ = [
    "FAILED", "PENDING", "PRINTED", "PrintJob", "PrintQueue",
    "PAPERS", "Cut", "Feed", "Line", "Op", "Paper", "PrintResult", "PrinterSettings", "PrinterStatus",
    "PrinterURI", "QRCode", "ReceiptBuilder", "ReceiptPrinter", "paper_for", "parse_printer_uri", "self_test",
]
