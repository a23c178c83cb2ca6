"""Connections to receipt printers, opened from a URI.

USB, serial, TCP and file connections are python-escpos printer classes used
as transports: the job is rendered elsewhere and sent here in one piece.
Every OS-level failure becomes a DeviceError subclass that says what
happened and what to do.
"""

from __future__ import annotations

import errno
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from hardware.errors import DeviceTimeout, DeviceUnavailable
from hardware.printer.layout import Paper
from hardware.printer.status import (DLE_EOT, QUERY_OFFLINE, QUERY_PAPER, QUERY_PRINTER, UNKNOWN,
                                     PrinterStatus, parse_status)
from hardware.printer.uri import PrinterURI, parse_printer_uri

if TYPE_CHECKING:
    from escpos.escpos import Escpos


class PrinterConnection(ABC):
    uri: PrinterURI

    @abstractmethod
    def status(self) -> PrinterStatus:
        """What the printer reports about itself now."""

    @abstractmethod
    def send(self, data: bytes) -> list[str]:
        """Send one complete job; returns the files written (simulated printer only)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection (safe to call twice)."""


class EscposConnection(PrinterConnection):
    """A python-escpos printer (Usb, Serial, Network, File) used as the transport."""

    def __init__(self, uri: PrinterURI) -> None:
        self.uri = uri
        self._printer: "Escpos | None" = None

    def open(self) -> EscposConnection:
        from escpos.exceptions import DeviceNotFoundError

        printer = self._make()
        try:
            printer.open()
        except DeviceNotFoundError as exc:
            raise DeviceUnavailable(f"printer {self.uri.uri} cannot be reached: {_cause(exc)}",
                                    device="printer", hint=self._hint()) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise DeviceUnavailable(f"printer {self.uri.uri} cannot be opened: {exc}", device="printer",
                                    hint=self._hint()) from None
        self._printer = printer
        return self

    def _make(self) -> "Escpos":
        u = self.uri
        if u.scheme == "tcp":
            from escpos.printer import Network
            return Network(host=u.host, port=u.port, timeout=u.timeout)
        if u.scheme == "serial":
            from escpos.printer import Serial
            return Serial(devfile=u.path, baudrate=u.baud, timeout=u.timeout)
        if u.scheme == "usb":
            from escpos.printer import Usb
            return Usb(idVendor=u.vendor_id, idProduct=u.product_id, timeout=int(u.timeout * 1000),
                       in_ep=u.endpoints[0], out_ep=u.endpoints[1])
        from escpos.printer import File
        return File(devfile=u.path)

    def _hint(self) -> str:
        return {
            "tcp": "check the printer is on, its cable, and its IP address and port (usually 9100)",
            "serial": "check the cable, the port name and the baud rate set on the printer",
            "usb": "check the cable and the VID:PID (lsusb); the kiosk user needs access to the device",
            "file": "check the path exists and the kiosk user may write it",
        }[self.uri.scheme]

    def _device(self) -> "Escpos":
        if self._printer is None:
            self.open()
        return self._printer

    def send(self, data: bytes) -> list[str]:
        printer = self._device()
        try:
            printer._raw(data)
        except OSError as exc:
            if _timed_out(exc):
                raise DeviceTimeout(f"printer {self.uri.uri} stopped accepting data", device="printer",
                                    hint="check for a paper jam or an error light, then print again") from None
            raise DeviceUnavailable(f"printer {self.uri.uri} dropped the connection during the job: "
                                    f"{exc.strerror or exc}", device="printer",
                                    hint="check power and cable, then print again") from None
        return []

    def status(self) -> PrinterStatus:
        if not self.uri.can_read_status:
            return UNKNOWN
        return parse_status(self._query(QUERY_PRINTER), self._query(QUERY_OFFLINE), self._query(QUERY_PAPER))

    def _query(self, n: int) -> int:
        printer = self._device()
        reply: bytes | None = None
        try:
            if self.uri.scheme == "serial":
                # python-escpos reads replies as read(16), and pyserial waits out the
                # whole timeout for 16 bytes; the reply to DLE EOT is exactly one.
                printer._raw(DLE_EOT + bytes([n]))
                reply = bytes(printer.device.read(1))
            else:
                reply = bytes(printer.query_status(DLE_EOT + bytes([n])))
        except OSError as exc:
            if not _timed_out(exc):
                raise DeviceUnavailable(f"printer {self.uri.uri} dropped the connection while reporting "
                                        f"its status: {exc.strerror or exc}", device="printer",
                                        hint="check power and cable") from None
        # A serial read that times out returns nothing; on TCP nothing means the peer closed.
        if reply is None or (not reply and self.uri.scheme != "tcp"):
            raise DeviceTimeout(f"printer {self.uri.uri} did not answer the status request (DLE EOT {n}) "
                                f"within {self.uri.timeout:g} s", device="printer",
                                hint="check the printer is on and online")
        if not reply:
            raise DeviceUnavailable(f"printer {self.uri.uri} closed the connection instead of reporting "
                                    "its status", device="printer", hint="check power and cable")
        # A printer may have queued older replies; the last byte answers this request.
        return reply[-1]

    def close(self) -> None:
        if self._printer is not None:
            try:
                self._printer.close()
            except OSError:
                pass
            self._printer = None


class SimConnection(PrinterConnection):
    def __init__(self, uri: PrinterURI, paper: Paper) -> None:
        # Imported when a simulated printer is opened: its picture library costs the app's start about
        # 0.1 s, and a printer is opened long after the first frame.
        from hardware.printer.sim import SimulatedPrinter

        self.uri = uri
        self.printer = SimulatedPrinter(uri.path, paper.dots)
        self.printer.prepare()

    def status(self) -> PrinterStatus:
        return self.printer.status()

    def send(self, data: bytes) -> list[str]:
        return self.printer.print_job(data)

    def close(self) -> None:
        return None


def _timed_out(exc: OSError) -> bool:
    # socket.timeout is TimeoutError; pyusb's USBTimeoutError carries ETIMEDOUT instead.
    return isinstance(exc, TimeoutError) or exc.errno == errno.ETIMEDOUT


def _cause(exc: Exception) -> str:
    """The OS error python-escpos wrapped, e.g. "Connection refused", else its own message."""
    inner = exc.__context__
    if isinstance(inner, OSError) and inner.strerror:
        return inner.strerror
    if inner is not None:
        return " ".join(str(inner).split())
    return " ".join(str(exc).split())


def open_connection(uri: str | PrinterURI, paper: Paper) -> PrinterConnection:
    """Open the printer at ``uri``; raises ValidationError for a bad URI, DeviceError when unreachable."""
    parsed = uri if isinstance(uri, PrinterURI) else parse_printer_uri(uri)
    if parsed.scheme == "sim":
        return SimConnection(parsed, paper)
    return EscposConnection(parsed).open()

