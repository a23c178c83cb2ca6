"""The A4 printer: print a rendered PDF document, by URI.

    pdf://DIR          the simulator: writes each job (one file per copy) into DIR
    pdf://DIR?refuse=REASON   the simulator refusing every job with REASON (training, tests)
    cups://NAME        a CUPS/system printer by queue name, printed through Qt (``ui.documents.qt_printer``)

This package is pure Python: rendering, the Qt print driver and the print queue's A4 job printer
(``ui.documents.jobs``, which renders a queued certificate job and prints it here) live in ``ui``.
The certificate page's per-printer calibration offsets live here too
(``hardware.a4.calibration``), because they belong to a physical printer.
"""

from hardware.a4.base import A4_KINDS, A4Printer, A4PrinterURI, PrintResult, parse_a4_uri
from hardware.a4.calibration import Calibration, CalibrationBook
from hardware.a4.selftest import self_test
from hardware.a4.sim import PdfDirectoryPrinter, open_sim_printer

__all__ = ["A4_KINDS", "A4Printer", "A4PrinterURI", "Calibration", "CalibrationBook", "PdfDirectoryPrinter", "PrintResult",
           "open_sim_printer", "parse_a4_uri", "self_test"]
