"""The receipt printer as the kiosk uses it: settings, status, printing a job, self-test."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from hardware.errors import DeviceStatusError
from hardware.printer.connection import open_connection
from hardware.printer.layout import Op, Paper, paper_for
from hardware.printer.receipts import print_test_receipt
from hardware.printer.render import CHINESE_MODES, QR_MODES, check_mode, render_escpos
from hardware.printer.status import PrinterStatus
from hardware.printer.uri import parse_printer_uri
from kiosk.config import Config
from kiosk.errors import KioskError

TEST_QR_TEXT = "交房即交证 print test"


@dataclass(frozen=True)
class PrinterSettings:
    uri: str
    width_mm: int = 80
    chinese: str = "raster"     # devices.printer_chinese
    qr: str = "native"

    def __post_init__(self) -> None:
        parse_printer_uri(self.uri)
        paper_for(self.width_mm)
        check_mode(self.chinese, CHINESE_MODES, "chinese")
        check_mode(self.qr, QR_MODES, "qr")

    @property
    def paper(self) -> Paper:
        return paper_for(self.width_mm)

    @classmethod
    def from_config(cls, config: Config, *, uri: str | None = None, width_mm: int | None = None,
                    chinese: str | None = None, qr: str = "native") -> PrinterSettings:
        """Settings from [devices] (printer, printer_width_mm, printer_chinese), each overridable.

        A relative ``sim://DIR`` lands in the data directory.
        """
        devices = config["devices"]
        return cls(uri=config.resolve_sim_path(uri or devices["printer"]),
                   width_mm=width_mm or devices["printer_width_mm"],
                   chinese=chinese or devices["printer_chinese"], qr=qr)


@dataclass(frozen=True)
class PrintResult:
    bytes_sent: int
    status: PrinterStatus
    files: list[str] = field(default_factory=list)


class ReceiptPrinter:
    """Renders receipts for one configured printer and sends them.

    A job is only reported printed when the printer accepted all of it and,
    where the connection can tell, still reports itself ready afterwards: a
    printer that ran out of paper or dropped the connection mid-job has not
    printed the receipt.
    """

    def __init__(self, settings: PrinterSettings) -> None:
        self.settings = settings

    def render(self, ops: list[Op]) -> bytes:
        return render_escpos(ops, self.settings.paper, chinese=self.settings.chinese, qr=self.settings.qr)

    def status(self) -> PrinterStatus:
        conn = open_connection(self.settings.uri, self.settings.paper)
        try:
            return conn.status()
        finally:
            conn.close()

    def print_ops(self, ops: list[Op]) -> PrintResult:
        data = self.render(ops)
        conn = open_connection(self.settings.uri, self.settings.paper)
        try:
            _require_ready(conn.status(), "before printing")
            files = conn.send(data)
            after = conn.status()
            _require_ready(after, "during printing")
        finally:
            conn.close()
        return PrintResult(bytes_sent=len(data), status=after, files=files)

    def print_test(self, printed_at: datetime | None = None) -> PrintResult:
        ops = print_test_receipt(self.settings.paper, printer=self.settings.uri,
                                 chinese_mode=self.settings.chinese, qr_mode=self.settings.qr,
                                 qr_text=TEST_QR_TEXT, printed_at=printed_at or datetime.now())
        return self.print_ops(ops)


def _require_ready(status: PrinterStatus, when: str) -> None:
    if not status.ready:
        raise DeviceStatusError(f"receipt printer {status.describe()} ({when})", device="printer",
                                code=f"printer_{status.state}",
                                hint="fix this at the printer, then print again (queued receipts wait for 'kiosk print-pending')")


def self_test(uri: str) -> tuple[bool, str]:
    """Check the printer at ``uri`` answers and is ready, without printing anything."""
    try:
        parsed = parse_printer_uri(uri)
        if parsed.scheme == "file":
            return _file_writable(parsed.path)
        conn = open_connection(parsed, paper_for(80))
        try:
            status = conn.status()
        finally:
            conn.close()
    except KioskError as exc:
        return False, str(exc)
    except Exception as exc:  # a self-test reports every failure rather than crashing the list
        return False, f"{type(exc).__name__}: {exc}"
    return status.ready, f"{uri}: {status.describe()}"


def _file_writable(path: str) -> tuple[bool, str]:
    # Opening the file would truncate it, so only the permission is checked.
    target = Path(path)
    probe = target if target.exists() else target.parent
    if os.access(probe, os.W_OK):
        return True, f"file://{path}: writable; status cannot be read over a file connection"
    return False, f"file://{path}: not writable by this user (check the path and its permissions)"
