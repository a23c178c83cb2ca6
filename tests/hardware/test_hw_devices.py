"""The device facade: every device kind from its [devices] URI, each simulator driven for real,
one error type for a bad URI of any kind, and the DeviceStatus view."""

from __future__ import annotations

import dataclasses
import json
import socket
from pathlib import Path

import pytest

from hardware.devices import (A4PrinterDevice, CardReaderDevice, Devices, DeviceState, DeviceStatus,
                              open_devices)
from hardware.errors import BadDeviceURI, DeviceError, DeviceStatusError, DeviceUnavailable
from kiosk.config import DEVICE_KINDS, load_config
from kiosk.errors import ValidationError
from kiosk.printjobs import PrintJob

RECEIPT_BODY = {
    "handover_id": "JF-000000000001", "unit_code": "410425001001GB00001F00010001",
    "certificate_no": "豫(2026)郏县不动产权第0000101号", "serial": "YL-0000001",
    "buyers": [{"name": "王*", "id_masked": "410425******0012"}], "service_point": "郏县便民服务网点",
    "time": "2026-11-20T02:00:00+00:00", "e_cert_qr": "ECERT-TOKEN-1", "training": True,
}


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n"


def configure(home: Path, **devices: str) -> Devices:
    home.mkdir(parents=True, exist_ok=True)
    body = "\n".join(f"{k} = {json.dumps(v)}" for k, v in devices.items())
    (home / "kiosk.toml").write_text(f"[devices]\n{body}\n", encoding="utf-8")
    return open_devices(load_config(home))


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])


def test_the_default_configuration_is_all_simulators(tmp_path: Path) -> None:
    devices = open_devices(load_config(tmp_path))
    assert devices.scanner is None, "no scan engine by default"
    for kind in ("card_reader", "camera", "printer", "a4_printer"):
        device = devices.get(kind)
        assert device is not None and device.simulated and device.kind == kind
    assert devices.printer is not None and devices.printer.uri == f"sim://{tmp_path / 'printer'}"
    assert devices.a4_printer is not None and devices.a4_printer.uri == f"pdf://{tmp_path / 'a4'}"
    with pytest.raises(KeyError):
        devices.get("lamp")


def test_every_simulator_works_through_its_handle(tmp_path: Path) -> None:
    devices = configure(tmp_path, scanner="sim://", card_reader="sim://?card=zhao")
    assert devices.card_reader and devices.camera and devices.scanner and devices.printer and devices.a4_printer

    with devices.card_reader.open() as reader:
        card = reader.wait_for_card(5)
    assert card.to_public_dict()["id_number_masked"].count("*") >= 8

    camera = devices.camera.open()
    camera.start()
    try:
        frame = camera.latest(3)
    finally:
        camera.stop()
    assert frame.image.shape[:2] == (720, 1280)

    with devices.scanner.open() as scanner:
        scanner.feed("JX-QR:410425001001GB00001F00010001")   # type: ignore[attr-defined]
        assert scanner.read_scan(3) == "JX-QR:410425001001GB00001F00010001"

    receipts = devices.printer.job_printer()
    assert receipts.takes("handover_receipt") and not receipts.takes("certificate")
    printed = receipts.print_job(PrintJob("job-1", "handover_receipt", RECEIPT_BODY["unit_code"], RECEIPT_BODY))
    text = next(Path(f) for f in printed.files if f.endswith(".txt")).read_text(encoding="utf-8")
    assert "ECERT-TOKEN-1" in text and printed.detail == "ready"

    # The A4 printer takes finished PDFs (the certificate page is rendered with Qt in ui.documents).
    a4 = devices.a4_printer.open()
    page = a4.print_bytes(PDF, title="certificate-YL-1")
    [pdf] = [Path(f) for f in page.files]
    assert pdf.parent == tmp_path / "a4" and pdf.read_bytes() == PDF and page.pages == 1


@pytest.mark.parametrize(("kind", "uri", "says"), [
    ("card_reader", "bluetooth://reader", "unknown scheme"),
    ("card_reader", "sim://?card=nobody", "no card 'nobody'"),
    ("camera", "rtsp://camera.local/stream", "unknown camera URI"),
    ("camera", "sim://?fps=fast", "fps='fast'"),
    ("scanner", "usb://0483:5740", "unknown scanner URI"),
    ("scanner", "serial:///dev/ttyACM0?baud=fast", "baud='fast'"),
    ("printer", "tcp://printer:abc", "port 'abc'"),
    ("printer", "lpt://1", "'lpt' is not supported"),
    ("a4_printer", "ipp://office-printer", "unknown scheme"),
    ("a4_printer", "pdf://", "names no directory"),
    ("a4_printer", "pdf://a4?colour=1", "unknown option colour"),
    ("a4_printer", "cups://", "names no printer"),
])
def test_a_bad_uri_is_one_error_type_for_every_kind(tmp_path: Path, kind: str, uri: str, says: str) -> None:
    with pytest.raises(BadDeviceURI) as err:
        configure(tmp_path, **{kind: uri})
    error = err.value
    assert isinstance(error, DeviceError) and isinstance(error, ValidationError)
    assert error.code == "device_uri" and error.device == kind and error.field == kind
    assert says in error.message and error.hint


def test_a_bad_card_reader_uri_is_refused_before_any_simulator_runs(tmp_path: Path) -> None:
    with pytest.raises(BadDeviceURI, match="takes no path"):
        CardReaderDevice("sim://somewhere")
    with pytest.raises(BadDeviceURI, match="names no directory"):
        A4PrinterDevice("pdf://")


def test_a_cups_a4_printer_is_configured_here_but_driven_by_the_app(tmp_path: Path) -> None:
    devices = configure(tmp_path, a4_printer="cups://No_Such_Printer_42")
    assert devices.a4_printer is not None and not devices.a4_printer.simulated
    with pytest.raises(DeviceUnavailable, match="driven by the app"):
        devices.a4_printer.open()
    state = devices.status()["a4_printer"]
    assert not state.ok and "No_Such_Printer_42" in state.detail and state.configured


def test_a_refusing_a4_simulator_fails_its_self_test_and_refuses_jobs(tmp_path: Path) -> None:
    devices = configure(tmp_path, a4_printer="pdf://a4?refuse=paper_jam")
    assert devices.a4_printer is not None
    state = devices.status()["a4_printer"]
    assert not state.ok and "paper_jam" in state.detail
    with pytest.raises(DeviceStatusError, match="paper_jam"):
        devices.a4_printer.open().print_bytes(PDF)
    assert not any((tmp_path / "a4").iterdir())


def test_device_status_reports_every_kind(tmp_path: Path) -> None:
    devices = configure(tmp_path, printer=f"tcp://127.0.0.1:{closed_port()}", scanner="sim://")
    status = devices.status()
    assert [d.kind for d in status] == list(DEVICE_KINDS)
    printer = status["printer"]
    assert (printer.configured, printer.simulated, printer.ok) == (True, False, False)
    assert "Connection refused" in printer.detail
    for kind in ("card_reader", "camera", "scanner", "a4_printer"):
        assert status[kind].ok and status[kind].simulated, status[kind]
    assert status["scanner"].detail.endswith("port open; scan a code to check the engine")
    assert not status.ok
    with pytest.raises(dataclasses.FrozenInstanceError):
        status["camera"].ok = False  # type: ignore[misc]


def test_device_status_of_an_unconfigured_kind(tmp_path: Path) -> None:
    devices = configure(tmp_path, card_reader="", camera="", printer="sim://printer", a4_printer="")
    status = devices.status()
    assert status["camera"] == DeviceState("camera", "", False, False, False, "not configured")
    assert status.ok, "only configured devices count"
    assert isinstance(status, DeviceStatus)


def test_an_unwritable_pdf_directory_fails_its_self_test(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    status = configure(tmp_path, a4_printer=f"pdf://{blocker}/a4").status()
    assert not status["a4_printer"].ok and "cannot be created" in status["a4_printer"].detail
