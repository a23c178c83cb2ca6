"""Opening a card reader from a device URI, and the reader's self-test.

URIs (the ``[devices] card_reader`` setting and ``kiosk read-card --port``):

- ``serial:///dev/ttyUSB0?baud=115200`` or a bare port name (``/dev/ttyUSB0``, ``COM3``);
- ``sim`` or ``sim://`` — the built-in simulator with a sample card, optionally
  ``sim://?card=zhao&fault=slow`` (names from ``hardware.idcard.simulator``).
  The card named is only what lies on the reader at first: ``sim_slot`` makes the
  slot a person or a test then changes, handed to ``open_reader`` on every open.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from typing import TYPE_CHECKING

from hardware.idcard.reader import DEFAULT_BAUDRATE, CardReader, SerialCardReader, StepTimeouts
from hardware.errors import BadDeviceURI
from kiosk.errors import KioskError

if TYPE_CHECKING:
    from hardware.idcard.simulator import CardSlot

FIELD = "card_reader"


@dataclass(frozen=True)
class ReaderAddress:
    port: str | None          # None: the simulator
    baudrate: int
    sim_card: str | None = None
    sim_fault: str | None = None


def _one(query: dict[str, list[str]], key: str, uri: str) -> str | None:
    values = query.get(key)
    if not values:
        return None
    if len(values) > 1:
        raise BadDeviceURI(f"card reader URI {uri!r} gives {key} twice", device=FIELD)
    return values[0]


def parse_reader_uri(uri: str) -> ReaderAddress:
    text = uri.strip()
    if not text:
        raise BadDeviceURI("no card reader configured", device=FIELD,
                           hint="pass --port /dev/ttyUSB0 (or sim) or set [devices] card_reader")
    if text == "sim" or text.startswith("sim://"):
        parts = urlsplit("sim://" if text == "sim" else text)
        if parts.netloc or parts.path:
            raise BadDeviceURI(f"card reader URI {uri!r}: the simulator takes no path", device=FIELD,
                               hint="use sim:// or sim://?card=NAME&fault=NAME")
        query = parse_qs(parts.query)
        unknown = set(query) - {"card", "fault"}
        if unknown:
            raise BadDeviceURI(f"card reader URI {uri!r}: unknown option {', '.join(sorted(unknown))}",
                               device=FIELD, hint="the simulator knows card= and fault=")
        return ReaderAddress(None, DEFAULT_BAUDRATE, _sim_card(_one(query, "card", uri)),
                             _sim_fault(_one(query, "fault", uri)))
    if text.startswith("serial://"):
        parts = urlsplit(text)
        if not parts.path:
            raise BadDeviceURI(f"card reader URI {uri!r} names no port", device=FIELD,
                               hint="write serial:///dev/ttyUSB0?baud=115200")
        query = parse_qs(parts.query)
        unknown = set(query) - {"baud"}
        if unknown:
            raise BadDeviceURI(f"card reader URI {uri!r}: unknown option {', '.join(sorted(unknown))}",
                               device=FIELD, hint="serial URIs take baud= only")
        baud = _one(query, "baud", uri)
        return ReaderAddress(parts.netloc + parts.path, _baud(baud, uri) if baud else DEFAULT_BAUDRATE)
    if "://" in text:
        raise BadDeviceURI(f"card reader URI {uri!r} has an unknown scheme", device=FIELD,
                           hint="use serial:///dev/ttyUSB0?baud=115200, a port name, or sim://")
    return ReaderAddress(text, DEFAULT_BAUDRATE)


def _sim_card(name: str | None) -> str:
    from hardware.idcard.simulator import DEFAULT_CARD, SAMPLE_CARDS

    card = name or DEFAULT_CARD
    if card != "none" and card not in SAMPLE_CARDS:
        raise BadDeviceURI(f"the simulator has no card {card!r}", device=FIELD,
                           hint=f"choose one of: none, {', '.join(SAMPLE_CARDS)}")
    return card


def _sim_fault(name: str | None) -> str:
    from hardware.idcard.simulator import Fault

    faults = [fault.value for fault in Fault]
    fault = name or Fault.NONE.value
    if fault not in faults:
        raise BadDeviceURI(f"the simulator has no fault {fault!r}", device=FIELD,
                           hint=f"choose one of: {', '.join(faults)}")
    return fault


def _baud(text: str, uri: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise BadDeviceURI(f"card reader URI {uri!r}: baud must be a positive whole number", device=FIELD)
    return int(text)


def sim_slot(uri: str) -> CardSlot | None:
    """For a ``sim://`` reader, a slot holding the card (and fault) the URI names; None for a real reader."""
    address = parse_reader_uri(uri)
    if address.port is not None:
        return None
    from hardware.idcard.simulator import SAMPLE_CARDS, CardSlot, Fault

    card = None if address.sim_card == "none" else SAMPLE_CARDS[address.sim_card or ""]
    return CardSlot(card, Fault(address.sim_fault))


@contextmanager
def open_reader(uri: str, *, baudrate: int | None = None, timeouts: StepTimeouts | None = None,
                slot: CardSlot | None = None) -> Iterator[CardReader]:
    """A reader for ``uri``; for ``sim://`` the simulator runs for the duration of the block,
    serving ``slot`` (default: a new one as the URI says)."""
    address = parse_reader_uri(uri)
    baud = baudrate or address.baudrate
    if address.port is not None:
        reader = SerialCardReader(address.port, baud, timeouts=timeouts)
        try:
            yield reader
        finally:
            reader.close()
        return
    from hardware.idcard.simulator import CardReaderSimulator

    with CardReaderSimulator(slot=slot or sim_slot(uri)) as sim:
        reader = SerialCardReader(sim.port, baud, timeouts=timeouts)
        try:
            yield reader
        finally:
            reader.close()


def self_test(uri: str, timeout: float = 1.0) -> tuple[bool, str]:
    """Ask the reader's SAM for its status (``11 FF``): (True, detail) when it answers 90."""
    try:
        simulated = parse_reader_uri(uri).port is None
        with open_reader(uri, timeouts=StepTimeouts.uniform(timeout)) as reader:
            status = reader.sam_status()
    except KioskError as exc:
        return False, str(exc)
    return True, f"simulated reader: {status}" if simulated else status
