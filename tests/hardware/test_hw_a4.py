"""The A4 printer's URIs, the pdf:// simulator and the certificate calibration book (pure Python, no Qt)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hardware.a4 import Calibration, CalibrationBook, PdfDirectoryPrinter, open_sim_printer, parse_a4_uri
from hardware.a4.selftest import self_test
from hardware.errors import BadDeviceURI, DeviceStatusError, DeviceUnavailable
from kiosk.errors import ConfigError, ValidationError

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Type /Page >> endobj\n" \
      b"3 0 obj << /Type /Page >> endobj\n4 0 obj << /Type /Pages /Count 2 >> endobj\n%%EOF\n"


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(PDF)
    return path


def test_uris_parse_and_bad_ones_are_refused_with_the_forms_named() -> None:
    assert parse_a4_uri("pdf:///var/kiosk/a4").path == "/var/kiosk/a4"
    assert parse_a4_uri("pdf://a4-out").path == "a4-out"
    refusing = parse_a4_uri("pdf://a4?refuse=paper%20jam")
    assert (refusing.path, refusing.refuse) == ("a4", "paper jam")
    assert parse_a4_uri("cups://HP_LaserJet_M404").name == "HP_LaserJet_M404"
    for bad in ("tcp://host:9100", "pdf://", "cups://", "pdf://dir?colour=1", "cups://x?refuse=1"):
        with pytest.raises(BadDeviceURI) as err:
            parse_a4_uri(bad)
        assert isinstance(err.value, ValidationError) and err.value.device == "a4_printer"
        assert "pdf://DIR" in str(err.value) and err.value.field == "a4_printer"


def test_simulator_writes_one_identical_file_per_copy(tmp_path: Path, document: Path) -> None:
    printer = PdfDirectoryPrinter(tmp_path / "out")
    result = printer.print_pdf(document, copies=2, title="证书 HN2026-000101")
    assert result.copies == 2 and result.pages == 2 and result.printer == f"pdf://{tmp_path / 'out'}"
    assert len(result.files) == 2
    for name in result.files:
        assert Path(name).read_bytes() == PDF
        assert Path(name).parent == tmp_path / "out"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(Path(f).name for f in result.files)
    assert "HN2026-000101" in result.files[0] and result.files[0].endswith("-copy1.pdf")


def test_a_refusing_simulator_raises_the_reason_and_writes_nothing(tmp_path: Path, document: Path) -> None:
    printer = open_sim_printer("pdf://out?refuse=paper jam", base=tmp_path)
    with pytest.raises(DeviceStatusError) as err:
        printer.print_pdf(document)
    assert "paper jam" in str(err.value) and err.value.code == "a4_refused"
    assert not (tmp_path / "out").exists()


def test_relative_directories_land_under_the_base_absolute_ones_do_not(tmp_path: Path) -> None:
    assert open_sim_printer("pdf://a4", base=tmp_path).directory == tmp_path / "a4"
    assert open_sim_printer(f"pdf://{tmp_path}/abs", base=Path("/elsewhere")).directory == tmp_path / "abs"
    with pytest.raises(DeviceUnavailable):
        open_sim_printer("cups://HP")


def test_a_file_that_is_not_a_pdf_or_missing_is_refused(tmp_path: Path) -> None:
    printer = PdfDirectoryPrinter(tmp_path / "out")
    text = tmp_path / "notes.pdf"
    text.write_text("hello")
    with pytest.raises(DeviceStatusError) as err:
        printer.print_pdf(text)
    assert err.value.code == "a4_not_pdf"
    with pytest.raises(DeviceStatusError) as err:
        printer.print_pdf(tmp_path / "missing.pdf")
    assert err.value.code == "a4_no_document"


@pytest.mark.parametrize("copies", [0, 21, True, 1.5])
def test_copies_must_be_a_sensible_whole_number(tmp_path: Path, document: Path, copies: object) -> None:
    with pytest.raises(ValidationError):
        PdfDirectoryPrinter(tmp_path).print_pdf(document, copies=copies)  # type: ignore[arg-type]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_directory_is_a_device_unavailable(tmp_path: Path, document: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(DeviceUnavailable):
        PdfDirectoryPrinter(locked / "a4").print_pdf(document)


def test_a_directory_that_is_a_file_is_a_device_unavailable(tmp_path: Path, document: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(DeviceUnavailable) as err:
        PdfDirectoryPrinter(tmp_path / "file").print_pdf(document)
    assert "file" in str(err.value)


def test_calibration_book_keeps_offsets_per_printer(tmp_path: Path) -> None:
    book = CalibrationBook(tmp_path / CalibrationBook.FILE)
    assert book.get("cups://HP") == Calibration(0.0, 0.0)
    book.set("cups://HP", Calibration(1.5, -0.8))
    book.set("pdf://a4", Calibration(0, 2))
    again = CalibrationBook(tmp_path / CalibrationBook.FILE)
    assert again.get("cups://HP") == Calibration(1.5, -0.8)
    assert set(again.all()) == {"cups://HP", "pdf://a4"}
    assert json.loads((tmp_path / CalibrationBook.FILE).read_text())["version"] == 1


@pytest.mark.parametrize("dx,dy", [(16, 0), (0, -15.5), (float("nan"), 0), ("1", 0)])
def test_implausible_offsets_are_refused(dx: object, dy: object) -> None:
    with pytest.raises(ValidationError):
        Calibration(dx, dy)  # type: ignore[arg-type]


@pytest.mark.parametrize("content", ["{not json", '{"printers": 3}', '{"printers": {"p": {"dx_mm": 99, "dy_mm": 0}}}',
                                     '{"printers": {"p": {"dx_mm": 1}}}'])
def test_a_damaged_calibration_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / CalibrationBook.FILE
    path.write_text(content)
    with pytest.raises(ConfigError) as err:
        CalibrationBook(path).get("p")
    assert "calibrate" in str(err.value)


def test_print_bytes_leaves_no_temporary_copy_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    printer = PdfDirectoryPrinter(tmp_path / "out")
    result = printer.print_bytes(PDF, title="receipt")
    assert Path(result.files[0]).read_bytes() == PDF
    with pytest.raises(DeviceStatusError):
        printer.print_bytes(b"not a pdf")
    assert list(scratch.iterdir()) == []


FAKE_LPSTAT = """#!/bin/sh
case "$2" in
  Office) echo "printer Office is idle.  enabled since Mon 30 Nov 2026 08:00:00"; exit 0 ;;
  Paused) echo "printer Paused disabled since Mon 30 Nov 2026 08:00:00 -"; exit 0 ;;
  *) echo "lpstat: Invalid destination name in list \"$2\"." >&2; exit 1 ;;
esac
"""


def test_the_cups_self_test_asks_cups_about_the_queue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert self_test("cups://Office") == (False, "cups://Office: CUPS is not installed (no lpstat); "
                                                 "install cups and the printer")
    lpstat = tmp_path / "lpstat"
    lpstat.write_text(FAKE_LPSTAT)
    lpstat.chmod(0o755)
    ok, detail = self_test("cups://Office")
    assert ok and "is idle" in detail
    ok, detail = self_test("cups://Paused")
    assert not ok and "cupsenable Paused" in detail
    ok, detail = self_test("cups://Nowhere")
    assert not ok and "Invalid destination" in detail and "a4_printer" in detail
    ok, detail = self_test("ipp://x")
    assert not ok and "unknown scheme" in detail


def test_the_pdf_self_test_reports_a_refusing_simulator(tmp_path: Path) -> None:
    assert self_test(f"pdf://{tmp_path}/a4")[0]
    ok, detail = self_test(f"pdf://{tmp_path}/a4?refuse=paper_jam")
    assert not ok and "paper_jam" in detail
