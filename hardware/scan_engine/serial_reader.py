"""Handheld scanners and embedded 2D scan engines on a serial port (RS-232 or USB CDC-ACM).

Such a scanner decodes the code itself and sends the text as one line,
terminated by CR, LF or CRLF (configurable on the device; all are accepted).
The payload bytes are turned into text with the same charset rules as the
camera decoder, so a scanner set to send raw bytes and one set to UTF-8 both
work.
"""

from __future__ import annotations

import errno
import time
from urllib.parse import parse_qs, urlsplit

import serial

from hardware.errors import BadDeviceURI, DeviceError, DeviceTimeout, DeviceUnavailable, ProtocolError
from hardware.scan_engine.simulator import ScannerSimulator, ScanTray
from hardware.scanning.charset import decode_payload

DEVICE = "scanner"
# A code holds at most about 7 KB; anything longer without a line end is noise.
MAX_LINE_BYTES = 8192
# Serial reads wake up this often to check the caller's deadline.
_POLL_S = 0.05


class SerialScanner:
    """Reads one scan (one line) at a time from ``port``."""

    def __init__(self, port: str, *, baudrate: int = 9600) -> None:
        if baudrate <= 0:
            raise DeviceUnavailable(f"baud rate must be above 0, got {baudrate}", device=DEVICE,
                                    hint="use the rate set on the scanner, usually 9600 or 115200")
        self.port = port
        self.baudrate = baudrate
        self._serial: serial.Serial | None = None
        self._buffer = bytearray()

    def open(self) -> None:
        """Open the port; ``DeviceUnavailable`` says whether it is missing or not permitted."""
        if self._serial is not None:
            return
        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=_POLL_S)
        except serial.SerialException as exc:
            code = getattr(exc, "errno", None)
            if code == errno.ENOENT:
                raise DeviceUnavailable(f"serial port {self.port} does not exist", device=DEVICE,
                                        hint="check that the scanner is plugged in and the port name "
                                             "([devices] scanner) is right") from None
            if code in (errno.EACCES, errno.EPERM):
                raise DeviceUnavailable(f"no permission to open serial port {self.port}", device=DEVICE,
                                        hint="add the kiosk user to the dialout group") from None
            raise DeviceUnavailable(f"cannot open serial port {self.port}: {exc}", device=DEVICE,
                                    hint="check that no other program holds the port") from None

    def read_scan(self, timeout: float = 1.0) -> str:
        """The next scanned text; ``DeviceTimeout`` when none arrives within ``timeout`` seconds."""
        if self._serial is None:
            raise DeviceUnavailable(f"the scanner on {self.port} is not open", device=DEVICE,
                                    hint="call open() first")
        deadline = time.monotonic() + timeout
        while True:
            line = self._take_line()
            if line is not None:
                return line
            if time.monotonic() >= deadline:
                raise DeviceTimeout(f"no scan from {self.port} within {timeout:g} s", device=DEVICE,
                                    hint="scan a code, or check the scanner's interface setting (serial)")
            try:
                chunk = self._serial.read(max(1, self._serial.in_waiting))
            except (serial.SerialException, OSError) as exc:
                self.close()
                raise DeviceUnavailable(f"the scanner on {self.port} went away: {exc}", device=DEVICE,
                                        hint="check the cable, then open the scanner again") from None
            self._buffer.extend(chunk)
            if len(self._buffer) > MAX_LINE_BYTES and not any(b in self._buffer for b in b"\r\n"):
                self._buffer.clear()
                raise ProtocolError(f"more than {MAX_LINE_BYTES} bytes from {self.port} without a line end",
                                    device=DEVICE, hint="set the scanner to end each scan with CR or LF")

    def _take_line(self) -> str | None:
        while True:
            ends = [i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0]
            if not ends:
                return None
            end = min(ends)
            raw = bytes(self._buffer[:end])
            # CRLF is one terminator, not a line end followed by an empty line.
            skip = 2 if self._buffer[end:end + 2] == b"\r\n" else 1
            del self._buffer[:end + skip]
            if not raw:
                continue
            text = decode_payload(raw)
            if text is None:
                raise ProtocolError(f"the scanner on {self.port} sent {len(raw)} bytes that are not text "
                                    "in UTF-8, Shift_JIS or GB18030", device=DEVICE,
                                    hint="set the scanner's output to UTF-8")
            return text

    def close(self) -> None:
        """Release the port (safe to call twice)."""
        if self._serial is not None:
            try:
                self._serial.close()
            finally:
                self._serial = None
        self._buffer.clear()

    def __enter__(self) -> SerialScanner:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SimulatedSerialScanner(SerialScanner):
    """The ordinary serial scanner, reading from the built-in scan engine simulator on a pty.

    ``feed(text)`` makes the simulated engine send one scan while the scanner is open; with a
    ``tray``, the code presented there first is sent as soon as the port is open.
    """

    def __init__(self, tray: ScanTray | None = None) -> None:
        super().__init__("", baudrate=9600)
        self.simulator = ScannerSimulator()
        self.tray = tray

    def open(self) -> None:
        if self._serial is not None:
            return
        self.simulator.start()
        self.port = self.simulator.port
        super().open()
        # Once the port is open: opening it discards whatever the engine sent before.
        code = self.tray.take() if self.tray is not None else None
        if code is not None:
            self.feed(code)

    def feed(self, text: str | bytes) -> None:
        self.simulator.feed(text)

    def close(self) -> None:
        super().close()
        self.simulator.stop()


def open_scanner(uri: str, *, tray: ScanTray | None = None) -> SerialScanner:
    """A not yet opened scanner for ``serial:///dev/ttyACM0?baud=9600``, a bare port path or ``sim://``
    (which sends the codes presented on ``tray``)."""
    if uri.strip() == "sim://":
        return SimulatedSerialScanner(tray)
    parts = urlsplit(uri if "://" in uri else f"serial://{uri}")
    if parts.scheme != "serial":
        raise BadDeviceURI(f"unknown scanner URI {uri!r}", device=DEVICE,
                           hint="use serial:///dev/ttyACM0?baud=9600 or sim://; HID scanners need no URI")
    port = parts.netloc + parts.path
    if not port:
        raise BadDeviceURI(f"scanner URI {uri!r} names no port", device=DEVICE,
                           hint="write serial:///dev/ttyACM0")
    baud = parse_qs(parts.query).get("baud", ["9600"])[-1]
    if not baud.isdigit():
        raise BadDeviceURI(f"scanner URI {uri!r}: baud={baud!r} is not a number", device=DEVICE,
                           hint="write e.g. ?baud=9600")
    return SerialScanner(port, baudrate=int(baud))


def self_test(uri: str) -> tuple[bool, str]:
    """The scan engine's port opens (a scan engine says nothing until something is scanned)."""
    try:
        with open_scanner(uri):
            pass
    except DeviceError as exc:
        return False, str(exc)
    return True, f"{uri}: port open; scan a code to check the engine"
