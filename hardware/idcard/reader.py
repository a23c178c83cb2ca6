"""Reading second-generation resident ID cards: the interface and the serial driver.

One read is three exchanges: find card (SW3 9F), select card (90), read text
and photo (90). Every way this can go wrong ends in its own error (see
``hardware.idcard.errors`` and ``hardware.errors``) and leaves the reader
usable: the next exchange discards stale input, and a vanished port is
reopened on the next call, so the next card works without a restart.

Threading: a ``SerialCardReader`` and its port belong to ONE thread (the
hardware thread of the task runner, design.md section 2). The first thread
that talks to the reader owns it; any other thread gets a ``RuntimeError``.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hardware.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from hardware.idcard.card import IdCard, PhotoDecoder, decode_read_payload
from hardware.idcard.errors import CardRemoved, NoCard, ReaderStatusError, UnknownCardType
from hardware.idcard.protocol import DEVICE, Command, ResponseFrame, ResponseParser, Status, describe_status

if TYPE_CHECKING:
    import serial

try:
    import termios
except ImportError:  # Windows: pyserial reports every port failure as SerialException.
    termios = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

DEFAULT_BAUDRATE = 115200
# How long the read loop blocks per slice, so deadlines are kept to ~20 ms.
_POLL = 0.02
# A line that just had a timeout or a bad frame may still be delivering a
# late answer; it counts as settled after this much silence.
_SETTLE_QUIET = 0.05
_SETTLE_MAX = 0.5

CARD_REMOVED_MESSAGE = "card removed during reading, place it again / 读卡过程中证件被移开，请重新放置"


@dataclass(frozen=True)
class StepTimeouts:
    """Seconds to wait for each answer. Reading takes the SAM longest (RF
    transfer and decryption of 1.3 KB), and at 9600 baud the frame alone
    needs 1.35 s on the wire."""

    find: float = 1.0
    select: float = 1.0
    read: float = 3.0
    status: float = 1.0

    @classmethod
    def uniform(cls, seconds: float) -> StepTimeouts:
        return cls(find=seconds, select=seconds, read=seconds, status=seconds)


class CardReader(ABC):
    """What the kiosk needs from an ID card reader."""

    @abstractmethod
    def find_card(self) -> bool:
        """True when a card is on the reader, False when there is none."""

    @abstractmethod
    def read_found_card(self) -> IdCard:
        """Select and read the card that ``find_card`` just found."""

    @abstractmethod
    def sam_status(self) -> str:
        """Check the reader's security module; returns a status line or raises."""

    @abstractmethod
    def close(self) -> None:
        """Release the device. Safe to call twice."""

    def read_card(self) -> IdCard:
        """Read the card on the reader now; ``NoCard`` when there is none."""
        if not self.find_card():
            raise NoCard("no ID card on the reader / 未检测到身份证", device=DEVICE,
                         hint="place the ID card flat on the reader")
        return self.read_found_card()

    def wait_for_card(self, timeout: float, poll_interval: float = 0.2) -> IdCard:
        """Poll find card until a card appears (then read it) or ``timeout`` seconds pass.

        Only "no card" keeps the loop going; any other failure is raised at once
        so the screen can tell the person what to do.
        """
        deadline = time.monotonic() + timeout
        while True:
            if self.find_card():
                return self.read_found_card()
            if time.monotonic() + poll_interval > deadline:
                raise NoCard(f"no ID card placed within {timeout:g} s / 等待身份证超时", device=DEVICE,
                             hint="place the ID card flat on the reader and try again")
            time.sleep(poll_interval)

    def __enter__(self) -> CardReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialCardReader(CardReader):
    """The SAM serial protocol over pyserial, 8N1, ``baudrate`` configurable."""

    def __init__(self, port: str, baudrate: int = DEFAULT_BAUDRATE, *,
                 timeouts: StepTimeouts | None = None,
                 photo_decoder: PhotoDecoder | None = None) -> None:
        self.port = port
        self.baudrate = baudrate
        self.timeouts = timeouts or StepTimeouts()
        self.photo_decoder = photo_decoder
        self._serial: serial.Serial | None = None
        self._dirty = False
        self._owner: int | None = None

    # -- the three steps -------------------------------------------------

    def find_card(self) -> bool:
        reply = self._exchange(Command.FIND_CARD, "find card", self.timeouts.find)
        if reply.sw3 == Status.CARD_FOUND:
            return True
        if reply.sw3 == Status.FIND_FAILED:
            return False
        raise self._status_error(reply, "find card")

    def read_found_card(self) -> IdCard:
        reply = self._exchange(Command.SELECT_CARD, "select card", self.timeouts.select)
        if reply.sw3 != Status.SUCCESS:
            raise self._status_error(reply, "select card")
        removed = CardRemoved(CARD_REMOVED_MESSAGE, device=DEVICE,
                              hint="keep the card flat on the reader until the read completes")
        reply = self._exchange(Command.READ_TEXT_PHOTO, "read card", self.timeouts.read, silence=removed)
        if reply.sw3 in (Status.READ_FAILED, Status.FIND_FAILED, Status.SELECT_FAILED):
            raise removed
        if reply.sw3 != Status.SUCCESS:
            raise self._status_error(reply, "read card")
        card = decode_read_payload(reply.data, self.photo_decoder)
        log.info("ID card read on %s: %r", self.port, card)
        return card

    def sam_status(self) -> str:
        reply = self._exchange(Command.SAM_STATUS, "SAM status", self.timeouts.status)
        if reply.sw3 != Status.SUCCESS:
            raise self._status_error(reply, "SAM status")
        return f"SAM ready ({describe_status(reply.sw3)}) on {self.port} at {self.baudrate} baud"

    def close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001 - the port is being dropped; a failing close changes nothing
                log.debug("closing %s failed", self.port, exc_info=True)

    # -- plumbing ----------------------------------------------------------

    def _status_error(self, reply: ResponseFrame, step: str) -> DeviceError:
        text = f"ID card reader {step}: {reply.describe()}"
        if reply.sw3 == Status.UNKNOWN_CARD_TYPE:
            return UnknownCardType(text, device=DEVICE,
                                   hint="this is not a resident ID card the reader can read; handle it at the counter")
        if reply.sw3 == Status.SELECT_FAILED:
            return ReaderStatusError(text, sw3=reply.sw3, device=DEVICE, hint="place the card again")
        if reply.sw3 in (Status.SAM_SELF_TEST_FAILED, Status.SAM_NOT_AUTHORISED):
            hint = "the reader's security module cannot work; call the technician (the reader needs service)"
        else:
            hint = "place the card again; if it repeats, call the technician"
        return ReaderStatusError(text, sw3=reply.sw3, device=DEVICE, hint=hint)

    def _claim(self) -> None:
        me = threading.get_ident()
        if self._owner is None:
            self._owner = me
        elif self._owner != me:
            raise RuntimeError("SerialCardReader is owned by another thread; "
                               "use one reader per thread (the hardware thread)")

    def _open(self) -> serial.Serial:
        if self._serial is not None:
            return self._serial
        import serial

        try:
            self._serial = serial.Serial(
                self.port, self.baudrate, bytesize=serial.EIGHTBITS, parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE, timeout=_POLL, write_timeout=1.0, exclusive=True)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise DeviceUnavailable(
                f"ID card reader port {self.port} cannot be opened: {exc}", device=DEVICE,
                hint="check that the reader is plugged in, the port name is right "
                     "and this user may use it (dialout group)") from None
        return self._serial

    def _port_errors(self) -> tuple[type[BaseException], ...]:
        import serial

        errors: tuple[type[BaseException], ...] = (serial.SerialException, OSError)
        return errors + ((termios.error,) if termios is not None else ())

    def _lost(self, exc: BaseException) -> DeviceUnavailable:
        self.close()
        # termios.error carries (errno, text) as its args; show the text.
        detail = exc.args[-1] if exc.args else type(exc).__name__
        return DeviceUnavailable(
            f"ID card reader on {self.port} disconnected or failed: {detail}", device=DEVICE,
            hint="check the reader's USB cable; it is used again as soon as it is back")

    def _settle(self, port: serial.Serial) -> None:
        """Drain a late answer or half frame left by an earlier failure."""
        quiet_since = time.monotonic()
        give_up = quiet_since + _SETTLE_MAX
        while time.monotonic() < give_up:
            if port.read(max(1, port.in_waiting)):
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= _SETTLE_QUIET:
                break
        self._dirty = False

    def _exchange(self, command: Command, step: str, timeout: float,
                  silence: DeviceError | None = None) -> ResponseFrame:
        self._claim()
        port = self._open()
        parser = ResponseParser()
        try:
            if self._dirty:
                self._settle(port)
            port.reset_input_buffer()
            port.write(command.frame())
            deadline = time.monotonic() + timeout
            while True:
                reply = parser.next_frame()
                if reply is not None:
                    log.debug("ID card reader %s: %s (%d bytes of line noise skipped)",
                              step, reply.describe(), parser.skipped)
                    return reply
                if time.monotonic() >= deadline:
                    break
                parser.feed(port.read(max(1, port.in_waiting)))
        except DeviceError:
            self._dirty = True
            raise
        except self._port_errors() as exc:
            raise self._lost(exc) from None
        self._dirty = True
        if parser.in_frame:
            expected = parser.expected_size()
            raise DeviceTimeout(
                f"ID card reader {step}: received {parser.buffered} of "
                f"{expected if expected is not None else 'an unknown number of'} bytes of the answer, "
                f"then nothing for the rest of {timeout:g} s (partial frame)",
                device=DEVICE, hint="place the card again; if it repeats, check the cable and baud rate")
        if silence is not None:
            raise silence
        raise DeviceTimeout(
            f"ID card reader {step}: no answer within {timeout:g} s on {self.port}", device=DEVICE,
            hint=f"check that the reader is powered and set to {self.baudrate} baud")
