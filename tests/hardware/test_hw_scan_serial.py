"""The serial scan-engine reader over a real pseudo-terminal, fed by the simulator."""

from __future__ import annotations

from collections.abc import Iterator

import os
import pytest

from hardware.errors import BadDeviceURI, DeviceTimeout, DeviceUnavailable, ProtocolError
from hardware.scan_engine.serial_reader import SerialScanner, open_scanner
from hardware.scan_engine.simulator import ScannerSimulator


@pytest.fixture
def sim() -> Iterator[ScannerSimulator]:
    with ScannerSimulator() as simulator:
        yield simulator


@pytest.mark.parametrize("terminator", [b"\r", b"\n", b"\r\n"])
def test_lines_with_every_terminator(terminator: bytes) -> None:
    with ScannerSimulator(terminator=terminator) as sim, SerialScanner(sim.port, baudrate=115200) as scanner:
        sim.feed("取号 交房即交证 410425-A-0107")
        sim.feed("https://bdc.jiaxian.gov.cn/c/731")
        assert scanner.read_scan(timeout=2) == "取号 交房即交证 410425-A-0107"
        assert scanner.read_scan(timeout=2) == "https://bdc.jiaxian.gov.cn/c/731"


def test_slow_byte_by_byte_line_is_assembled() -> None:
    with ScannerSimulator(byte_delay_s=0.002) as sim, SerialScanner(sim.port) as scanner:
        sim.feed("410425-A-0107")
        assert scanner.read_scan(timeout=2) == "410425-A-0107"


def test_gbk_scanner_output_is_read(sim: ScannerSimulator) -> None:
    with SerialScanner(sim.port) as scanner:
        sim.feed("郏县不动产登记中心".encode("gbk"))
        assert scanner.read_scan(timeout=2) == "郏县不动产登记中心"


def test_timeout_when_nobody_scans(sim: ScannerSimulator) -> None:
    with SerialScanner(sim.port) as scanner, pytest.raises(DeviceTimeout, match="no scan from .* within 0.2 s"):
        scanner.read_scan(timeout=0.2)


def test_garbage_is_refused_and_the_next_scan_still_read(sim: ScannerSimulator) -> None:
    with SerialScanner(sim.port) as scanner:
        sim.feed(b"\xff\xfe\x80")
        sim.feed("A-1")
        with pytest.raises(ProtocolError, match="not text"):
            scanner.read_scan(timeout=2)
        assert scanner.read_scan(timeout=2) == "A-1"


def test_missing_port_and_bad_uris() -> None:
    with pytest.raises(DeviceUnavailable, match="/dev/ttyNOSCANNER does not exist"):
        open_scanner("serial:///dev/ttyNOSCANNER?baud=9600").open()
    with pytest.raises(BadDeviceURI, match="baud='fast'"):
        open_scanner("serial:///dev/ttyACM0?baud=fast")
    with pytest.raises(BadDeviceURI, match="unknown scanner URI"):
        open_scanner("usb://0483:5740")
    with pytest.raises(DeviceUnavailable, match="not open"):
        SerialScanner("/dev/ttyACM0").read_scan()
    scanner = open_scanner("/dev/ttyACM9")
    assert (scanner.port, scanner.baudrate) == ("/dev/ttyACM9", 9600)


def test_unplugged_scanner_is_reported_and_the_port_released() -> None:
    sim = ScannerSimulator()
    sim.start()
    scanner = SerialScanner(sim.port)
    scanner.open()
    sim.feed("A-1")
    assert scanner.read_scan(timeout=2) == "A-1"
    sim.stop()  # the device side of the pty is gone, as when a USB scanner is pulled
    with pytest.raises(DeviceUnavailable, match="went away"):
        scanner.read_scan(timeout=1)
    with pytest.raises(DeviceUnavailable, match="not open"):
        scanner.read_scan(timeout=0.1)


def test_endless_line_without_terminator_is_a_protocol_error() -> None:
    with ScannerSimulator(terminator=b"") as sim, SerialScanner(sim.port) as scanner:
        sim.feed("A" * 9000)
        with pytest.raises(ProtocolError, match="without a line end"):
            scanner.read_scan(timeout=3)


def test_scanner_self_test_opens_the_port_or_says_why(tmp_path) -> None:
    from hardware.scan_engine.serial_reader import self_test

    ok, detail = self_test(f"serial://{tmp_path / 'no-such-tty'}")
    assert not ok and "does not exist" in detail
    master, slave = os.openpty()
    try:
        ok, detail = self_test(f"serial://{os.ttyname(slave)}")
    finally:
        os.close(master)
        os.close(slave)
    assert ok and "port open" in detail


def test_the_simulated_engine_sends_what_is_presented_on_its_tray_one_code_an_open() -> None:
    """The app opens sim:// anew for every scan: a code presented before the open is sent once it is open."""
    from hardware.devices import ScannerDevice

    device = ScannerDevice("sim://")
    assert device.tray is not None and ScannerDevice("serial:///dev/ttyACM0").tray is None
    device.tray.present("郏规验字〔2026〕047号")
    device.tray.present(b"https://bdc.jiaxian.gov.cn/c/731")
    with device.open() as scanner:
        assert scanner.read_scan(timeout=2) == "郏规验字〔2026〕047号"
        with pytest.raises(DeviceTimeout):
            scanner.read_scan(timeout=0.2)  # one code an open: the next waits for the next scan
    with device.open() as scanner:
        assert scanner.read_scan(timeout=2) == "https://bdc.jiaxian.gov.cn/c/731"
    with device.open() as scanner, pytest.raises(DeviceTimeout):
        scanner.read_scan(timeout=0.2)
