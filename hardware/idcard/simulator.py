"""A simulated ID card reader speaking the SAM protocol on a real pseudo-terminal.

The simulator opens a pty pair, keeps the master end and publishes the slave
end under a stable link path (like a udev ``/dev/serial/by-id`` name), so the
real ``SerialCardReader`` opens it with pyserial exactly as it would open a
USB reader, and "unplugging" then "plugging in" the reader behaves as it does
on a kiosk: the old port dies, the same path works again afterwards.

Cards are scripted (``SAMPLE_CARDS``: fictitious people of Jia County with
valid check characters, among them the sample staff's own cards, ``staff_s001`` …) and a ``Fault`` can be attached to the card on the
reader. Frames are built with ``hardware.idcard.protocol``, the module the
reader uses; tests compare the bytes with hand-written expectations as well.

What lies on the reader is a ``CardSlot``: the app opens the reader anew for
every wait for a card, so the slot outlives each simulator serving it, and a
person (the demo's side panel) or a test places and removes cards on it from
any thread while a read is under way on the reader's own.

Runs in a thread (``CardReaderSimulator``) or as a process::

    python -m hardware.idcard.simulator --card wang [--fault slow] [--link /tmp/ttyIDCARD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import os
import select
import signal
import sys
import tempfile
import threading
import tty
from collections.abc import Sequence
from pathlib import Path

from hardware.errors import ProtocolError
from hardware.idcard.card import IdCard, encode_read_payload
from hardware.idcard.protocol import (
    Command, CommandFrame, CommandParser, FrameChecksumError, Status, build_response,
)
from kiosk.rules.idcard import make_check_char


class Fault(enum.Enum):
    NONE = "none"
    GARBAGE = "garbage"                  # line noise before every answer (the reader must resync)
    BAD_CHECKSUM = "bad_checksum"        # the read answer carries a wrong CHK
    TRUNCATED = "truncated"              # half of the read answer, then silence
    SLOW = "slow"                        # every answer delayed by ``slow_delay`` seconds
    LIFTED = "lifted"                    # card taken away after select: read answers 41
    LIFTED_SILENT = "lifted_silent"      # card taken away after select: read unanswered
    UNKNOWN_TYPE = "unknown_type"        # a foreigner's permanent-residence card text block
    UNKNOWN_TYPE_STATUS = "unknown_type_status"  # the reader itself answers select with 40
    SAM_NOT_AUTHORISED = "sam_not_authorised"    # every command answered 66


# Bytes that look like the start of a header, to make the reader's resync work.
GARBAGE = bytes.fromhex("00FF13AAAA42AAAAAA96")
# Find and select answers carry 4 and 8 bytes the kiosk does not interpret.
FIND_DATA = bytes(4)
SELECT_DATA = bytes(8)


def fictitious_id(region: str, birth: dt.date, sequence: int) -> str:
    """An ID number with a correct check character for a made-up person."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + make_check_char(body)


def _card(name: str, sex: str, nation: str, birth: dt.date, address: str, sequence: int,
          valid_from: dt.date, valid_to: dt.date | None) -> IdCard:
    # The photo stays a placeholder: WLT is a vendor format the simulator cannot produce.
    return IdCard(name=name, sex_code=sex, nation_code=nation, birth_date=birth, address=address,
                  id_number=fictitious_id("410425", birth, sequence), issuing_authority="郏县公安局",
                  valid_from=valid_from, valid_to=valid_to, photo_wlt=bytes(range(256)) * 4)


SAMPLE_CARDS: dict[str, IdCard] = {
    "wang": _card("王建国", "1", "01", dt.date(1985, 3, 12), "河南省郏县龙山街道紫云路88号",
                  3, dt.date(2016, 5, 20), dt.date(2036, 5, 20)),
    "zhao": _card("赵秀兰", "2", "03", dt.date(1958, 11, 2), "河南省郏县安良镇安良村二组17号",
                  24, dt.date(2010, 1, 15), None),
    "ayi": _card("阿依古丽·买买提", "2", "05", dt.date(1996, 2, 29),
                 "河南省平顶山市郏县城关镇东关社区新华路一百二十八号三号楼二单元602室",
                 82, dt.date(2021, 8, 3), dt.date(2031, 8, 3)),
    "deang": _card("李德明", "1", "46", dt.date(2009, 7, 1), "河南省郏县堂街镇临沣寨村",
                   11, dt.date(2024, 6, 18), dt.date(2029, 6, 18)),
}
# The sample staff's own cards (resources/samples/staff.json carries the same numbers): the counter
# knows a staff member by their card; S009's certification has expired.
SAMPLE_CARDS.update({
    "staff_s001": _card("赵雅琴", "2", "01", dt.date(1988, 4, 16), "河南省郏县龙山街道人民路12号",
                        42, dt.date(2018, 3, 9), dt.date(2038, 3, 9)),
    "staff_s002": _card("孙浩然", "1", "01", dt.date(1991, 9, 3), "河南省郏县城关镇西街6号",
                        57, dt.date(2020, 7, 1), dt.date(2040, 7, 1)),
    "staff_s003": _card("钱慧敏", "2", "01", dt.date(1979, 12, 21), "河南省郏县龙山街道文化路3号",
                        68, dt.date(2015, 10, 12), dt.date(2035, 10, 12)),
    "staff_t001": _card("周立新", "1", "01", dt.date(1983, 6, 9), "河南省郏县东城街道建设路21号",
                        35, dt.date(2019, 4, 2), dt.date(2039, 4, 2)),
    "staff_s009": _card("吴冬梅", "2", "01", dt.date(1986, 2, 14), "河南省郏县薛店镇薛店村",
                        26, dt.date(2017, 8, 30), dt.date(2037, 8, 30)),
})
DEFAULT_CARD = "wang"


def card_of(name: str, id_number: str, address: str = "河南省郏县龙山街道") -> IdCard:
    """A card for any (fictitious) person, e.g. a sample buyer: birth date and sex from the number."""
    birth = dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    sex = "1" if int(id_number[16]) % 2 else "2"
    issued = max(birth, dt.date(2016, 5, 20))
    return IdCard(name=name, sex_code=sex, nation_code="01", birth_date=birth, address=address,
                  id_number=id_number, issuing_authority="郏县公安局", valid_from=issued,
                  valid_to=None, photo_wlt=bytes(range(256)) * 4)


class CardSlot:
    """The card lying on a simulated reader (or none) and its fault; every method is thread-safe."""

    def __init__(self, card: IdCard | None = None, fault: Fault = Fault.NONE) -> None:
        self._lock = threading.Lock()
        self._card = card
        self._fault = fault

    def place(self, card: IdCard, fault: Fault = Fault.NONE) -> None:
        with self._lock:
            self._card, self._fault = card, fault

    def remove(self) -> None:
        with self._lock:
            self._card, self._fault = None, Fault.NONE

    def set_fault(self, fault: Fault) -> None:
        with self._lock:
            self._fault = fault

    @property
    def card(self) -> IdCard | None:
        with self._lock:
            return self._card

    def state(self) -> tuple[IdCard | None, Fault]:
        with self._lock:
            return self._card, self._fault

    def lift(self, card: IdCard) -> bool:
        """Take ``card`` away (a card lifted while it is read); False if another was placed meanwhile."""
        with self._lock:
            if self._card is not card:
                return False
            self._card, self._fault = None, Fault.NONE
            return True
# Where a foreigner's permanent-residence card carries its kind letter (char 124 = reserved + 14).
_FOREIGNER_RESERVED = " " * 14 + "I"


class CardReaderSimulator:
    """Serves one simulated reader from a background thread until ``stop``.

    ``slot`` is what lies on the reader; without one the simulator keeps its own with ``card`` and ``fault``.
    """

    def __init__(self, card: IdCard | None = None, fault: Fault = Fault.NONE, *,
                 slow_delay: float = 1.0, link: str | os.PathLike[str] | None = None,
                 slot: CardSlot | None = None) -> None:
        self.slow_delay = slow_delay
        self.slot = slot if slot is not None else CardSlot(card, fault)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        if link is None:
            self._tmpdir = tempfile.TemporaryDirectory(prefix="idcard-sim-")
            link = Path(self._tmpdir.name) / "ttyIDCARD"
        self.port = str(link)
        self._master = -1
        self._slave = -1
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        self._requests: list[str] = []
        self._done = threading.Condition(self._lock)
        self._lifted: Fault | None = None
        self.commands_seen: list[tuple[int, int]] = []

    # -- scripting (any thread) ---------------------------------------------

    def place_card(self, card: IdCard, fault: Fault = Fault.NONE) -> None:
        self.slot.place(card, fault)

    def remove_card(self) -> None:
        self.slot.remove()

    def set_fault(self, fault: Fault) -> None:
        self.slot.set_fault(fault)

    def unplug(self) -> None:
        """Close the master end (as a USB reader vanishing does) and remove the link."""
        self._request("unplug")

    def replug(self) -> None:
        """A fresh pty behind the same link path: the reader is back."""
        self._request("replug")

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> str:
        self._plug()
        self._thread = threading.Thread(target=self._serve, name="idcard-simulator", daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        self._stop.set()
        os.write(self._wake_w, b"x")
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._unplug()
        os.close(self._wake_r)
        os.close(self._wake_w)
        if self._tmpdir is not None:
            self._tmpdir.cleanup()

    def __enter__(self) -> CardReaderSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the serving thread -------------------------------------------------------

    def _request(self, what: str) -> None:
        with self._done:
            self._requests.append(what)
            os.write(self._wake_w, b"x")
            if not self._done.wait_for(lambda: what not in self._requests, timeout=5):
                raise RuntimeError(f"simulator did not {what} within 5 s")

    def _plug(self) -> None:
        self._master, self._slave = os.openpty()
        # Raw from the start: with the default ECHO the answers written to the
        # master would come straight back as "commands" before pyserial opens the port.
        tty.setraw(self._slave)
        link = Path(self.port)
        link.unlink(missing_ok=True)
        link.symlink_to(os.ttyname(self._slave))

    def _unplug(self) -> None:
        Path(self.port).unlink(missing_ok=True)
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def _serve(self) -> None:
        parser = CommandParser()
        while not self._stop.is_set():
            with self._done:
                for what in self._requests:
                    if what == "unplug":
                        self._unplug()
                    else:
                        self._plug()
                    parser.reset()
                self._requests.clear()
                self._done.notify_all()
            watch = [self._wake_r] + ([self._master] if self._master >= 0 else [])
            ready, _, _ = select.select(watch, [], [], 0.5)
            if self._wake_r in ready:
                os.read(self._wake_r, 64)
            if self._master not in ready or self._master < 0:
                continue
            try:
                data = os.read(self._master, 4096)
            except OSError:
                # No process has the slave open yet (or any more): nothing to serve.
                self._stop.wait(0.02)
                continue
            parser.feed(data)
            while True:
                try:
                    frame = parser.next_frame()
                except FrameChecksumError:
                    self._send([build_response(Status.CHECKSUM_ERROR)])
                    continue
                except ProtocolError:
                    self._send([build_response(Status.LENGTH_ERROR)])
                    continue
                if frame is None:
                    break
                self._send(self._answer(frame))

    def _send(self, chunks: list[bytes]) -> None:
        _, fault = self.slot.state()
        if fault is Fault.SLOW and self._stop.wait(self.slow_delay):
            return
        for chunk in chunks:
            if fault is Fault.GARBAGE:
                chunk = GARBAGE + chunk
            try:
                os.write(self._master, chunk)
            except OSError:
                return

    def _answer(self, frame: CommandFrame) -> list[bytes]:
        with self._lock:
            self.commands_seen.append(frame.code)
            card, fault = self.slot.state()
            if fault is Fault.SAM_NOT_AUTHORISED:
                return [build_response(Status.SAM_NOT_AUTHORISED)]
            code = frame.code
            if code in (Command.RESET_SAM.code, Command.SAM_STATUS.code, Command.SET_MAX_RF_BYTES.code):
                return [build_response(Status.SUCCESS)]
            if code == Command.FIND_CARD.code:
                return [build_response(Status.CARD_FOUND, FIND_DATA) if card else build_response(Status.FIND_FAILED)]
            if code == Command.SELECT_CARD.code:
                if card is None:
                    return [build_response(Status.SELECT_FAILED)]
                if fault is Fault.UNKNOWN_TYPE_STATUS:
                    return [build_response(Status.UNKNOWN_CARD_TYPE)]
                if fault in (Fault.LIFTED, Fault.LIFTED_SILENT) and self.slot.lift(card):
                    self._lifted = fault
                return [build_response(Status.SUCCESS, SELECT_DATA)]
            if code == Command.READ_TEXT_PHOTO.code:
                lifted, self._lifted = self._lifted, None
                if lifted is Fault.LIFTED_SILENT:
                    return []
                if lifted is Fault.LIFTED or card is None:
                    return [build_response(Status.READ_FAILED)]
                reserved = _FOREIGNER_RESERVED if fault is Fault.UNKNOWN_TYPE else ""
                answer = build_response(Status.SUCCESS, encode_read_payload(card, reserved))
                if fault is Fault.BAD_CHECKSUM:
                    return [answer[:-1] + bytes([answer[-1] ^ 0x5A])]
                if fault is Fault.TRUNCATED:
                    return [answer[:len(answer) // 2]]
                return [answer]
            return [build_response(Status.COMMAND_ERROR)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardware.idcard.simulator",
                                     description="Serve a simulated ID card reader on a pseudo-terminal.")
    parser.add_argument("--card", default=DEFAULT_CARD, choices=[*SAMPLE_CARDS, "none"],
                        help="the card lying on the reader (default: %(default)s)")
    parser.add_argument("--fault", default=Fault.NONE.value, choices=[f.value for f in Fault])
    parser.add_argument("--slow-delay", type=float, default=1.0, help="seconds, for --fault slow")
    parser.add_argument("--link", help="path of the port link to create (default: a temporary directory)")
    args = parser.parse_args(argv)
    card = None if args.card == "none" else SAMPLE_CARDS[args.card]
    sim = CardReaderSimulator(card, Fault(args.fault), slow_delay=args.slow_delay, link=args.link)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with sim:
        print(sim.port, flush=True)
        try:
            while not stopped.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
