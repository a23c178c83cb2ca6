"""The simulated printer: PNG + text per job, status faults, self-test."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from hardware.errors import DeviceStatusError
from hardware.printer.device import TEST_QR_TEXT, PrinterSettings, ReceiptPrinter, self_test
from hardware.printer.layout import PAPERS
from hardware.printer.receipts import Buyer, HandoverReceipt, handover_receipt


def decode_qr(png: str) -> list[str]:
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(Image.open(png).convert("L"))]


def sim(tmp_path: Path, **settings) -> ReceiptPrinter:
    return ReceiptPrinter(PrinterSettings(uri=f"sim://{tmp_path / 'printer'}", **settings))


@pytest.mark.parametrize("width,qr", [(80, "native"), (58, "raster")])
def test_native_chinese_job_gives_png_and_text_with_chinese_and_a_readable_qr(tmp_path: Path, width: int,
                                                                           qr: str) -> None:
    result = sim(tmp_path, width_mm=width, chinese="native", qr=qr).print_test(datetime(2026, 11, 28, 9, 0))
    png, txt = result.files
    assert png.endswith(".png") and txt.endswith(".txt")
    text = Path(txt).read_text(encoding="utf-8")
    assert "交房即交证" in text and "打印测试" in text
    assert "中文模式：原生中文(GB18030)" in text
    assert "--- cut ---" in text
    assert ("[QR M module=" in text) == (qr == "native")
    image = Image.open(png)
    assert image.width == PAPERS[width].dots + 16
    assert decode_qr(png) == [TEST_QR_TEXT]
    assert result.status.source == "sim" and result.status.state == "ok"
    assert result.bytes_sent > 0


def test_raster_chinese_job_prints_images_and_keeps_ascii_as_text(tmp_path: Path) -> None:
    result = sim(tmp_path, width_mm=80, chinese="raster").print_test()
    text = Path(result.files[1]).read_text(encoding="utf-8")
    assert "交" not in "".join(line for line in text.splitlines() if not line.startswith("[QR"))
    assert "[raster " in text
    assert "------------------------------------------------" in text     # ASCII rule stays text
    # The rendered page has ink where the raster title is: a mostly white page would mean lost text.
    page = Image.open(result.files[0]).convert("L")
    title_band = page.crop((0, 40, page.width, 90))
    assert title_band.point(lambda v: 255 if v < 128 else 0).histogram()[255] > 500
    assert decode_qr(result.files[0]) == [TEST_QR_TEXT]


def test_handover_receipt_on_the_simulator_shows_masked_ids(tmp_path: Path) -> None:
    data = HandoverReceipt("410425001001GB00001F00010001", "豫(2026)郏县不动产权第0001234号", "41001234567",
                           (Buyer("王小明", "410425199001011234"),), datetime(2026, 11, 28, 10, 0), "郏县网点",
                           "https://bdc.example.gov.cn/v?t=xyz")
    printer = sim(tmp_path, width_mm=58, chinese="native")
    result = printer.print_ops(handover_receipt(data, PAPERS[58]))
    text = Path(result.files[1]).read_text(encoding="utf-8")
    assert "410425********1234" in text and "410425199001011234" not in text
    assert "王**" in text
    assert decode_qr(result.files[0]) == ["https://bdc.example.gov.cn/v?t=xyz"]


def set_faults(tmp_path: Path, **faults: bool) -> None:
    directory = tmp_path / "printer"
    directory.mkdir(exist_ok=True)
    (directory / "status.json").write_text(json.dumps(faults), encoding="utf-8")


def test_sim_fault_blocks_printing_until_cleared(tmp_path: Path) -> None:
    printer = sim(tmp_path, chinese="native")
    set_faults(tmp_path, paper_out=True)
    with pytest.raises(DeviceStatusError, match="out of paper"):
        printer.print_ops(printer_ops())
    assert not list((tmp_path / "printer").glob("*.png"))
    set_faults(tmp_path)
    printer.print_ops(printer_ops())
    assert len(list((tmp_path / "printer").glob("*.png"))) == 1


def printer_ops():
    return handover_receipt(
        HandoverReceipt("U", "C", "S", (Buyer("赵六", "410425199001011234"),), datetime(2026, 1, 1), "SP", "https://v"),
        PAPERS[80])


def test_sim_status_file_errors_are_specific(tmp_path: Path) -> None:
    set_faults(tmp_path, jammed=True)
    ok, detail = self_test(f"sim://{tmp_path / 'printer'}")
    assert not ok and "jammed" in detail
    set_faults(tmp_path, cover_open=True)
    with pytest.raises(DeviceStatusError, match="cover is open"):
        sim(tmp_path).print_test()


def test_self_test_passes_on_a_fresh_sim_directory_and_file_path(tmp_path: Path) -> None:
    assert self_test(f"sim://{tmp_path / 'new' / 'printer'}")[0]
    assert self_test(f"file://{tmp_path / 'lp0'}")[0]
    ok, detail = self_test("file:///proc/no/such/dir/lp0")
    assert not ok and "not writable" in detail
    ok, detail = self_test("tcp://host:notaport")
    assert not ok and "port" in detail
