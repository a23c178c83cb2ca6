"""The serial driver against the simulator on a real pseudo-terminal: reads, every fault, recovery."""

from __future__ import annotations

import logging
import os
import select
import subprocess
import sys
import threading
import time
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.errors import DeviceError, DeviceTimeout, DeviceUnavailable, ProtocolError
from hardware.idcard.connect import open_reader, parse_reader_uri, self_test
from hardware.idcard.errors import CardRemoved, NoCard, ReaderStatusError, UnknownCardType
from hardware.idcard.protocol import FrameChecksumError
from hardware.idcard.reader import SerialCardReader, StepTimeouts
from hardware.idcard.simulator import SAMPLE_CARDS, CardReaderSimulator, Fault
from kiosk.errors import ValidationError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 0.3
SLOW = 0.5
WANG, ZHAO, AYI = SAMPLE_CARDS["wang"], SAMPLE_CARDS["zhao"], SAMPLE_CARDS["ayi"]
SECRETS = [c.id_number for c in SAMPLE_CARDS.values()] + [c.name for c in SAMPLE_CARDS.values()]


@pytest.fixture
def sim() -> Iterator[CardReaderSimulator]:
    with CardReaderSimulator(WANG, slow_delay=SLOW) as simulator:
        yield simulator


@pytest.fixture
def reader(sim: CardReaderSimulator) -> Iterator[SerialCardReader]:
    with SerialCardReader(sim.port, timeouts=StepTimeouts.uniform(TIMEOUT)) as r:
        yield r


def _assert_no_personal_data(err: BaseException) -> None:
    for text in (str(err), repr(err), str(err.__cause__ or ""), str(getattr(err, "hint", ""))):
        for secret in SECRETS:
            assert secret not in text


# -- the simulator's raw bytes, checked by hand -------------------------------------

def _raw_exchange(port: str, command_hex: str, expect: int) -> bytes:
    fd = os.open(port, os.O_RDWR | os.O_NOCTTY)
    try:
        tty.setraw(fd)
        os.write(fd, bytes.fromhex(command_hex))
        got = b""
        deadline = time.monotonic() + 2
        while len(got) < expect and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                got += os.read(fd, 4096)
        return got
    finally:
        os.close(fd)


@pytest.mark.parametrize(("command", "answer"), [
    ("AAAAAA9669 0003 2001 22", "AAAAAA9669 0008 00009F 00000000 97"),          # find: card there
    ("AAAAAA9669 0003 2002 21", "AAAAAA9669 000C 000090 0000000000000000 9C"),  # select
    ("AAAAAA9669 0003 11FF ED", "AAAAAA9669 0004 000090 94"),                    # SAM status
    ("AAAAAA9669 0003 2001 21", "AAAAAA9669 0004 000010 14"),                    # bad CHK from us -> 10
    ("AAAAAA9669 0003 9901 9B", "AAAAAA9669 0004 000021 25"),                    # unknown command -> 21
])
def test_simulator_raw_answers(sim: CardReaderSimulator, command: str, answer: str) -> None:
    expected = bytes.fromhex(answer)
    assert _raw_exchange(sim.port, command, len(expected)) == expected


def test_simulator_raw_no_card_and_read(sim: CardReaderSimulator) -> None:
    got = _raw_exchange(sim.port, "AAAAAA9669 0003 3001 32", 1295)
    assert len(got) == 1295
    assert got[:14] == bytes.fromhex("AAAAAA9669 0508 000090 0100 0400")
    assert got[14:20] == bytes.fromhex("8B73 FA5E FD56")  # 王建国, UCS-2 LE
    xor = 0
    for byte in got[5:-1]:
        xor ^= byte
    assert got[-1] == xor
    sim.remove_card()
    assert _raw_exchange(sim.port, "AAAAAA9669 0003 2001 22", 11) == bytes.fromhex("AAAAAA9669 0004 000080 84")


# -- normal reads --------------------------------------------------------------------

def test_full_read(reader: SerialCardReader, sim: CardReaderSimulator) -> None:
    card = reader.read_card()
    assert card == WANG
    assert card.name == "王建国" and card.nation == "汉" and card.address.startswith("河南省郏县")
    assert sim.commands_seen == [(0x20, 0x01), (0x20, 0x02), (0x30, 0x01)]


def test_read_long_term_card_and_consecutive_reads(reader: SerialCardReader,
                                                   sim: CardReaderSimulator) -> None:
    sim.place_card(ZHAO)
    first = reader.read_card()
    assert (first.valid_to_text, first.sex, first.nation) == ("长期", "女", "回")
    sim.place_card(AYI)
    assert reader.read_card() == AYI


def test_no_card(reader: SerialCardReader, sim: CardReaderSimulator) -> None:
    sim.remove_card()
    assert reader.find_card() is False
    with pytest.raises(NoCard, match="no ID card"):
        reader.read_card()


def test_wait_for_card_times_out_then_sees_a_card_placed_later(reader: SerialCardReader,
                                                                sim: CardReaderSimulator) -> None:
    sim.remove_card()
    with pytest.raises(NoCard, match="within 0.2 s"):
        reader.wait_for_card(0.2, poll_interval=0.05)
    timer = threading.Timer(0.15, sim.place_card, args=(ZHAO,))
    timer.start()
    try:
        assert reader.wait_for_card(2.0, poll_interval=0.05) == ZHAO
    finally:
        timer.cancel()
    assert sim.commands_seen.count((0x20, 0x01)) >= 3


def test_sam_status(reader: SerialCardReader) -> None:
    assert "SAM ready" in reader.sam_status()


def test_read_log_is_masked(reader: SerialCardReader, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="hardware.idcard"):
        reader.read_card()
    assert "410425********0031" in caplog.text
    for secret in SECRETS + [WANG.address]:
        assert secret not in caplog.text


def test_reader_is_owned_by_one_thread(reader: SerialCardReader) -> None:
    reader.find_card()
    errors: list[BaseException] = []

    def other() -> None:
        try:
            reader.find_card()
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert len(errors) == 1 and "another thread" in str(errors[0])


# -- faults, each with its own error, each followed by a good read of the next card ---

FAULTS = [
    (Fault.BAD_CHECKSUM, FrameChecksumError, "checksum"),
    (Fault.TRUNCATED, DeviceTimeout, "received 647 of 1295 bytes"),
    (Fault.SLOW, DeviceTimeout, "find card: no answer within 0.3 s"),
    (Fault.LIFTED, CardRemoved, "card removed during reading, place it again"),
    (Fault.LIFTED_SILENT, CardRemoved, "card removed during reading, place it again"),
    (Fault.UNKNOWN_TYPE, UnknownCardType, "foreigner"),
    (Fault.UNKNOWN_TYPE_STATUS, UnknownCardType, "SW3 0x40"),
    (Fault.SAM_NOT_AUTHORISED, ReaderStatusError, "SAM not authorised"),
]


@pytest.mark.parametrize(("fault", "error", "message"), FAULTS, ids=[f[0].value for f in FAULTS])
def test_fault_gives_specific_error_then_next_card_reads(reader: SerialCardReader, sim: CardReaderSimulator,
                                                         fault: Fault, error: type, message: str) -> None:
    sim.place_card(WANG, fault)
    with pytest.raises(error, match=message) as info:
        reader.read_card()
    _assert_no_personal_data(info.value)
    if fault is Fault.SLOW:
        # The late answer is still on its way; the person places the card again a moment later.
        time.sleep(SLOW)
    sim.place_card(ZHAO)
    assert reader.read_card() == ZHAO
    assert reader.read_card() == ZHAO


def test_partial_frame_is_a_timeout_not_a_card_removal(reader: SerialCardReader,
                                                       sim: CardReaderSimulator) -> None:
    sim.place_card(WANG, Fault.TRUNCATED)
    with pytest.raises(DeviceTimeout, match="partial frame") as info:
        reader.read_card()
    assert not isinstance(info.value, CardRemoved)


def test_silent_read_is_card_removal_not_a_plain_timeout(reader: SerialCardReader,
                                                         sim: CardReaderSimulator) -> None:
    sim.place_card(WANG, Fault.LIFTED_SILENT)
    with pytest.raises(CardRemoved):
        reader.read_card()
    # The card is gone after being lifted.
    assert reader.find_card() is False


def test_garbage_before_frames_is_skipped(reader: SerialCardReader, sim: CardReaderSimulator) -> None:
    sim.place_card(AYI, Fault.GARBAGE)
    assert reader.read_card() == AYI


def test_sam_not_authorised_in_self_test_and_status(reader: SerialCardReader, sim: CardReaderSimulator) -> None:
    sim.set_fault(Fault.SAM_NOT_AUTHORISED)
    with pytest.raises(ReaderStatusError) as info:
        reader.sam_status()
    assert info.value.sw3 == 0x66 and "SAM未经授权" in str(info.value)
    assert "technician" in str(info.value)


def test_unplugged_reader_then_plugged_back(reader: SerialCardReader, sim: CardReaderSimulator) -> None:
    assert reader.read_card() == WANG
    sim.unplug()
    with pytest.raises(DeviceUnavailable, match="disconnected"):
        reader.read_card()
    with pytest.raises(DeviceUnavailable, match="cannot be opened"):
        reader.read_card()
    sim.replug()
    sim.place_card(ZHAO)
    assert reader.read_card() == ZHAO


def test_unplugged_before_first_use(sim: CardReaderSimulator) -> None:
    sim.unplug()
    with SerialCardReader(sim.port, timeouts=StepTimeouts.uniform(TIMEOUT)) as r:
        with pytest.raises(DeviceUnavailable) as info:
            r.find_card()
    assert isinstance(info.value, DeviceError) and info.value.device == "id_card_reader"


def test_wrong_port_is_unavailable() -> None:
    with SerialCardReader("/nonexistent/ttyUSB9") as r, pytest.raises(DeviceUnavailable, match="ttyUSB9"):
        r.read_card()


def test_silent_line_is_a_timeout() -> None:
    # A pty nobody answers on: a reader that is off or at another baud rate.
    master, slave = os.openpty()
    try:
        with SerialCardReader(os.ttyname(slave), timeouts=StepTimeouts.uniform(0.2)) as r:
            with pytest.raises(DeviceTimeout, match="no answer within 0.2 s"):
                r.find_card()
    finally:
        os.close(slave)
        os.close(master)


def test_bad_checksum_is_a_protocol_error(reader: SerialCardReader, sim: CardReaderSimulator) -> None:
    sim.place_card(WANG, Fault.BAD_CHECKSUM)
    with pytest.raises(ProtocolError):
        reader.read_card()


# -- URIs, self-test, the simulator as a process ---------------------------------------

def test_parse_uris() -> None:
    assert parse_reader_uri("serial:///dev/ttyUSB0?baud=9600").port == "/dev/ttyUSB0"
    assert parse_reader_uri("serial:///dev/ttyUSB0?baud=9600").baudrate == 9600
    assert parse_reader_uri("/dev/ttyS1").baudrate == 115200
    assert parse_reader_uri("sim").port is None
    assert parse_reader_uri("sim://?card=zhao&fault=slow").sim_fault == "slow"
    for bad in ("", "usb://1234:5678", "serial://", "serial:///dev/x?baud=fast",
                "serial:///dev/x?speed=1", "sim://elsewhere", "sim://?colour=red"):
        with pytest.raises(ValidationError):
            parse_reader_uri(bad)


def test_open_reader_sim_names_are_checked() -> None:
    with pytest.raises(ValidationError, match="no card"):
        with open_reader("sim://?card=nobody"):
            pass
    with pytest.raises(ValidationError, match="no fault"):
        with open_reader("sim://?fault=fire"):
            pass


def test_self_test() -> None:
    ok, detail = self_test("sim://", timeout=TIMEOUT)
    assert ok and detail.startswith("simulated reader: SAM ready")
    ok, detail = self_test("sim://?fault=sam_not_authorised", timeout=TIMEOUT)
    assert not ok and "0x66" in detail
    ok, detail = self_test("/nonexistent/ttyUSB9", timeout=TIMEOUT)
    assert not ok and "cannot be opened" in detail


def test_simulator_as_a_process(tmp_path: Path) -> None:
    link = tmp_path / "ttyIDCARD"
    proc = subprocess.Popen([sys.executable, "-m", "hardware.idcard.simulator", "--card", "zhao",
                             "--link", str(link)], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == str(link)
        with SerialCardReader(str(link), timeouts=StepTimeouts.uniform(1.0)) as r:
            assert r.read_card() == ZHAO
    finally:
        proc.terminate()
        assert proc.wait(timeout=5) == 0
        proc.stdout.close()
    assert not link.exists()
