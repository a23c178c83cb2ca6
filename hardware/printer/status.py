"""Printer status from the ESC/POS real-time status replies (DLE EOT n).

Each reply is one byte whose bits 1 and 4 are always 1 and bits 0 and 7
always 0 (mask 0x93 == 0x12); anything else is not a status byte.

- n=1 printer status: bit 3 offline.
- n=2 offline cause: bit 2 cover open, bit 3 paper being fed by the FEED
  button, bit 5 printing stopped by paper end, bit 6 error.
- n=4 roll paper sensor: bits 2-3 paper near end, bits 5-6 paper end.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from hardware.errors import ProtocolError

DLE_EOT = b"\x10\x04"
QUERY_PRINTER, QUERY_OFFLINE, QUERY_PAPER = 1, 2, 4
_FIXED_MASK, _FIXED_VALUE = 0x93, 0x12


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself; ``state`` is one word for screens and JSON.

    ``source`` is "printer" for replies read from the device, "sim" for the
    simulated printer and "none" for connections that cannot be read (file).
    """

    state: str                  # ok | paper_out | cover_open | offline | error | unknown
    source: str
    online: bool | None = None
    paper_out: bool | None = None
    paper_near_end: bool | None = None
    cover_open: bool | None = None
    error: bool | None = None

    @property
    def ready(self) -> bool:
        """True when a job can be sent; unknown status does not block printing."""
        return self.state in ("ok", "unknown")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        words = {
            "ok": "ready" + (", paper near end" if self.paper_near_end else ""),
            "paper_out": "out of paper: load a new roll and close the cover",
            "cover_open": "the cover is open: close it",
            "offline": "offline: check the printer's power and error light",
            "error": "reports an error: switch it off and on, then check the cutter",
            "unknown": "status cannot be read over this connection",
        }
        return words.get(self.state, self.state)


UNKNOWN = PrinterStatus(state="unknown", source="none")


def _check(byte: int, query: int) -> int:
    if byte & _FIXED_MASK != _FIXED_VALUE:
        raise ProtocolError(f"printer answered DLE EOT {query} with 0x{byte:02X}, which is not a "
                            f"status byte", device="printer",
                            hint="check that the connection leads to an ESC/POS printer")
    return byte


def parse_status(printer: int, offline: int, paper: int) -> PrinterStatus:
    """Combine the replies to DLE EOT 1, 2 and 4 into one status."""
    _check(printer, QUERY_PRINTER)
    _check(offline, QUERY_OFFLINE)
    _check(paper, QUERY_PAPER)
    is_offline = bool(printer & 0x08)
    cover_open = bool(offline & 0x04)
    paper_stop = bool(offline & 0x20)
    error = bool(offline & 0x40)
    paper_out = bool(paper & 0x60) or paper_stop
    near_end = bool(paper & 0x0C)
    if paper_out:
        state = "paper_out"
    elif cover_open:
        state = "cover_open"
    elif error:
        state = "error"
    elif is_offline:
        state = "offline"
    else:
        state = "ok"
    return PrinterStatus(state=state, source="printer", online=not is_offline, paper_out=paper_out,
                         paper_near_end=near_end, cover_open=cover_open, error=error)


def status_replies(*, offline: bool = False, cover_open: bool = False, paper_out: bool = False,
                near_end: bool = False, error: bool = False) -> dict[int, int]:
    """The replies a printer in the given condition sends to DLE EOT 1, 2 and 4.

    The inverse of :func:`parse_status`; the simulated printer and the test
    emulator answer with it.
    """
    any_stop = offline or cover_open or paper_out or error
    return {
        QUERY_PRINTER: 0x12 | (0x08 if any_stop else 0),
        QUERY_OFFLINE: 0x12 | (0x04 if cover_open else 0) | (0x20 if paper_out else 0)
        | (0x40 if error else 0),
        QUERY_PAPER: 0x12 | (0x0C if near_end else 0) | (0x60 if paper_out else 0),
    }
