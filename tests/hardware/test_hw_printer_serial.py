"""The printer over a real serial line (a pseudo-terminal), a file, and a USB id with no device."""

from __future__ import annotations

import os
import pty
import select
import threading
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.errors import DeviceStatusError, DeviceTimeout, DeviceUnavailable
from hardware.printer.device import PrinterSettings, ReceiptPrinter, self_test
from hardware.printer.status import status_replies


class SerialPrinterEnd:
    """The printer's end of a pty pair: collects bytes, answers DLE EOT n unless ``silent``."""

    def __init__(self, faults: dict[str, bool] | None = None, silent: bool = False) -> None:
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)          # no echo, no line discipline: bytes pass unchanged
        self.port = os.ttyname(self.slave)
        self.replies = status_replies(**(faults or {}))
        self.silent = silent
        self.received = bytearray()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            self.received += chunk
            if bytes(self.received[-3:-1]) == b"\x10\x04" and not self.silent:
                os.write(self.master, bytes([self.replies[self.received[-1]]]))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        os.close(self.master)
        os.close(self.slave)


@pytest.fixture
def serial_end() -> Iterator:
    made: list[SerialPrinterEnd] = []

    def make(**kwargs) -> SerialPrinterEnd:
        end = SerialPrinterEnd(**kwargs)
        made.append(end)
        return end

    yield make
    for end in made:
        end.close()


def serial_printer(port: str, chinese: str = "native") -> ReceiptPrinter:
    return ReceiptPrinter(PrinterSettings(uri=f"serial://{port}?baud=115200&timeout=0.5", width_mm=58, chinese=chinese))


def test_serial_job_and_status(serial_end) -> None:
    end = serial_end()
    printer = serial_printer(end.port)
    result = printer.print_test()
    assert result.status.state == "ok" and result.status.source == "printer"
    job = bytes(end.received)
    assert b"\x1c&" + "交房即交证".encode("gb18030") in job
    assert job.endswith(b"\x1dV\x00" + b"\x10\x04\x01\x10\x04\x02\x10\x04\x04")
    assert self_test(printer.settings.uri) == (True, f"{printer.settings.uri}: ready")


def test_serial_paper_out_and_silence(serial_end) -> None:
    empty = serial_end(faults={"paper_out": True})
    with pytest.raises(DeviceStatusError, match="out of paper"):
        serial_printer(empty.port).print_test()
    assert b"\x1b@" not in empty.received

    mute = serial_end(silent=True)
    with pytest.raises(DeviceTimeout, match=r"did not answer the status request \(DLE EOT 1\) within 0.5 s"):
        serial_printer(mute.port).print_test()


def test_missing_serial_port_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailable, match="cannot be reached"):
        serial_printer(str(tmp_path / "ttyUSB9")).print_test()


def test_file_printer_receives_exactly_the_job(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    printer = ReceiptPrinter(PrinterSettings(uri=f"file://{target}", width_mm=80, chinese="raster"))
    result = printer.print_test()
    assert result.status.state == "unknown" and result.status.source == "none"
    data = target.read_bytes()
    assert len(data) == result.bytes_sent and data.startswith(b"\x1b@") and b"\x1dv0" in data


def test_file_printer_in_a_missing_directory_is_unavailable(tmp_path: Path) -> None:
    printer = ReceiptPrinter(PrinterSettings(uri=f"file://{tmp_path}/no/such/lp0"))
    with pytest.raises(DeviceUnavailable, match="cannot be reached"):
        printer.print_test()


def test_usb_printer_that_is_not_plugged_in() -> None:
    ok, detail = self_test("usb://FFFF:FFFE")
    assert not ok and "usb://FFFF:FFFE" in detail and "VID:PID" in detail
