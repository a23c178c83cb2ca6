"""Printer addresses as URIs, parsed into one value with every part checked.

    usb://VID:PID[?in_ep=0x82&out_ep=0x01&timeout=5]   hexadecimal vendor and product ids
    serial:///dev/ttyUSB0[?baud=9600&timeout=2]
    tcp://host[:9100][?timeout=5]
    file:///path                                     a device file or a plain file
    sim://DIR                                        the simulated printer writing PNG and text into DIR
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import SplitResult, parse_qsl, urlsplit

from hardware.errors import BadDeviceURI

SCHEMES = ("usb", "serial", "tcp", "file", "sim")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_QUERY_KEYS = {
    "usb": ("in_ep", "out_ep", "timeout"),
    "serial": ("baud", "timeout"),
    "tcp": ("timeout",),
    "file": (),
    "sim": (),
}


@dataclass(frozen=True)
class PrinterURI:
    scheme: str
    uri: str
    host: str = ""
    port: int = 9100
    path: str = ""
    vendor_id: int = 0
    product_id: int = 0
    baud: int = 9600
    timeout: float = 5.0
    endpoints: tuple[int, int] = field(default=(0x82, 0x01))

    @property
    def can_read_status(self) -> bool:
        return self.scheme in ("usb", "serial", "tcp")


def _bad(uri: str, part: str, problem: str, hint: str) -> BadDeviceURI:
    return BadDeviceURI(f"printer URI {uri!r}: {part} {problem}", device="printer", hint=hint)


def _number(uri: str, part: str, text: str, base: int = 10) -> int:
    try:
        return int(text, base)
    except ValueError:
        raise _bad(uri, part, f"{text!r} is not a number", "see `kiosk print-test --help` for the forms") from None


def parse_printer_uri(uri: str) -> PrinterURI:
    """Parse and check a printer URI; every mistake names the part that is wrong."""
    text = (uri or "").strip()
    if not text:
        raise BadDeviceURI("printer URI is empty", device="printer",
                           hint="set devices.printer, e.g. tcp://192.168.1.50:9100 or sim://printer")
    if "://" not in text:
        raise _bad(text, "scheme", "is missing", f"start with one of {', '.join(s + '://' for s in SCHEMES)}")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise _bad(text, "scheme", f"{parts.scheme!r} is not supported", f"use one of {', '.join(SCHEMES)}")
    try:
        query = dict(parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query)))
    except ValueError:
        raise _bad(text, "query", f"{parts.query!r} is malformed", "write it as ?key=value&key=value") from None
    for key in query:
        if key not in _QUERY_KEYS[scheme]:
            allowed = ", ".join(_QUERY_KEYS[scheme]) or "none"
            raise _bad(text, "query", f"has unknown option {key!r}", f"options for {scheme}: {allowed}")
    timeout = 5.0
    if "timeout" in query:
        try:
            timeout = float(query["timeout"])
        except ValueError:
            timeout = -1.0
        if not 0 < timeout <= 300:
            raise _bad(text, "timeout", f"{query['timeout']!r} is not a number of seconds in (0, 300]",
                       "for example ?timeout=5")
    if scheme == "usb":
        return _usb(text, parts.netloc + parts.path, query, timeout)
    if scheme == "serial":
        return _serial(text, parts.netloc, parts.path, query, timeout)
    if scheme == "tcp":
        return _tcp(text, parts, timeout)
    location = text.split("://", 1)[1].split("?", 1)[0]
    if scheme == "file":
        if not location.startswith("/"):
            raise _bad(text, "path", "must be absolute", "write file:///dev/usb/lp0 (three slashes)")
        return PrinterURI(scheme="file", uri=text, path=location)
    if not location:
        raise _bad(text, "directory", "is missing", "write sim://DIR, e.g. sim://printer or sim:///tmp/printer")
    return PrinterURI(scheme="sim", uri=text, path=location)


def _usb(text: str, ids: str, query: dict[str, str], timeout: float) -> PrinterURI:
    vid, sep, pid = ids.partition(":")
    if not sep or not vid or not pid:
        raise _bad(text, "device", f"{ids!r} is not VID:PID", "write usb://0416:5011 (hexadecimal ids)")
    vendor = _number(text, "vendor id", vid, 16)
    product = _number(text, "product id", pid, 16)
    for part, value in (("vendor id", vendor), ("product id", product)):
        if not 0 < value <= 0xFFFF:
            raise _bad(text, part, f"{value:#x} is outside 0x0001-0xFFFF", "ids are 4 hex digits")
    endpoints = (_number(text, "in_ep", query.get("in_ep", "0x82"), 0),
                 _number(text, "out_ep", query.get("out_ep", "0x01"), 0))
    return PrinterURI(scheme="usb", uri=text, vendor_id=vendor, product_id=product, timeout=timeout,
                      endpoints=endpoints)


def _serial(text: str, netloc: str, path: str, query: dict[str, str], timeout: float) -> PrinterURI:
    if netloc or not path.startswith("/"):
        raise _bad(text, "port", "must be an absolute device path", "write serial:///dev/ttyUSB0 (three slashes)")
    baud = _number(text, "baud", query.get("baud", "9600"))
    if baud not in BAUD_RATES:
        raise _bad(text, "baud", f"{baud} is not a standard rate", f"use one of {', '.join(map(str, BAUD_RATES))}")
    return PrinterURI(scheme="serial", uri=text, path=path, baud=baud, timeout=timeout)


def _tcp(text: str, parts: SplitResult, timeout: float) -> PrinterURI:
    if parts.path not in ("", "/"):
        raise _bad(text, "path", f"{parts.path!r} is not allowed", "write tcp://host:port")
    host = parts.hostname or ""
    if not host:
        raise _bad(text, "host", "is missing", "write tcp://192.168.1.50:9100")
    try:
        port = parts.port if parts.port is not None else 9100
    except ValueError:
        port_text = parts.netloc.rsplit(":", 1)[-1]
        raise _bad(text, "port", f"{port_text!r} is not a port number 1-65535", "the usual port is 9100") from None
    if port == 0:
        raise _bad(text, "port", "0 is not a port number 1-65535", "the usual port is 9100")
    return PrinterURI(scheme="tcp", uri=text, host=host, port=port, timeout=timeout)
