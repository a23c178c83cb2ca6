"""The A4 printer's test page: one A4 page naming the printer, the time and the terminal in either
language, a grid that measures 100 mm, edge lines at 3, 5 and 10 mm, greys that really step from white
to black, and the Chinese and English text samples; printed through the ``pdf://`` simulator."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from hardware.a4.sim import PdfDirectoryPrinter
from ui.documents.testpage import CHINESE_SAMPLE, ENGLISH_SAMPLE, GREYS, GRID_LEFT, GRID_MM, GRID_TOP, \
    PrintOrigin, render_a4_test_page

from .pdf_helpers import pdf_text, pdf_words, squeeze

CHINA = dt.timezone(dt.timedelta(hours=8))
ORIGIN = PrintOrigin("cups://HP_LaserJet_M404", "d-7f3a21", "JX-SP01 郏县城关服务网点",
                        dt.datetime(2026, 11, 30, 18, 45, tzinfo=CHINA))


@pytest.fixture(scope="module")
def chinese(qapp: object) -> bytes:
    return render_a4_test_page(ORIGIN)


def test_the_page_names_printer_time_and_terminal_in_chinese(chinese: bytes, tmp_path: Path) -> None:
    text = squeeze(pdf_text(chinese, tmp_path))
    for expected in ("A4打印机测试页", "打印机cups://HP_LaserJet_M404", "打印时间2026年11月30日18:45",
                     "终端d-7f3a21", "服务网点JX-SP01郏县城关服务网点", squeeze(CHINESE_SAMPLE),
                     squeeze(ENGLISH_SAMPLE), "边线：细线距纸边3毫米，虚线5毫米，粗线10毫米", "灰阶（黑色百分比）"):
        assert expected in text, expected
    path = tmp_path / "page.pdf"
    path.write_bytes(chinese)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info) and "595 x 842 pts (A4)" in info
    assert "Title:           测试页 cups://HP_LaserJet_M404" in info


def test_in_english_and_before_enrollment(qapp: object, tmp_path: Path) -> None:
    origin = PrintOrigin("pdf:///srv/a4", "", "", dt.datetime(2026, 1, 2, 9, 5, tzinfo=CHINA))
    text = squeeze(pdf_text(render_a4_test_page(origin, language="en"), tmp_path))
    for expected in ("A4printertestpage", "Printerpdf:///srv/a4", "Printedat2026-01-0209:05",
                     "Terminalnotenrolled", "Servicepoint-", "Greys(percentblack)", squeeze(CHINESE_SAMPLE)):
        assert expected in text, expected
    assert "测试页" not in text


def test_the_grid_measures_100_mm_where_it_says(chinese: bytes, tmp_path: Path) -> None:
    words = [w for w in pdf_words(chinese, tmp_path) if GRID_TOP - 6 < w.y1 < GRID_TOP]
    numbers = {w.text: w for w in words if w.text.isdigit()}
    assert set(numbers) == {str(n) for n in range(0, GRID_MM + 1, 10)}
    # The numbers along the top stand 1.5 mm left of their lines: 0 to 100 is 100 mm on paper.
    assert numbers["0"].x0 == pytest.approx(GRID_LEFT - 1.5, abs=0.3)
    assert numbers["100"].x0 - numbers["0"].x0 == pytest.approx(100.0, abs=0.2)


def grey_levels(pdf: bytes, tmp_path: Path) -> list[int]:
    """The page rasterised (poppler, 50 dpi, grey) and read at the middle of each grey patch."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(path), str(tmp_path / "page")], check=True)
    raw = (tmp_path / "page-1.pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", raw)
    assert header is not None
    width = int(header.group(1))
    pixels = raw[header.end():]
    dpmm = 50 / 25.4
    left = GRID_LEFT + GRID_MM + 20.0 + 10.0     # the middle of each 20 x 7 mm patch
    return [pixels[round((GRID_TOP + n * 8.0 + 3.5) * dpmm) * width + round(left * dpmm)]
            for n in range(len(GREYS))]


def test_the_greys_step_from_white_to_black(chinese: bytes, tmp_path: Path) -> None:
    levels = grey_levels(chinese, tmp_path)
    assert levels[0] > 245 and levels[-1] < 10
    assert all(later < earlier - 15 for earlier, later in zip(levels, levels[1:], strict=False)), levels


def test_printed_through_the_simulated_printer(chinese: bytes, tmp_path: Path) -> None:
    printer = PdfDirectoryPrinter(tmp_path / "a4")
    result = printer.print_bytes(chinese, title="test-page")
    assert result.pages == 1 and len(result.files) == 1
    printed = Path(result.files[0])
    assert printed.name.endswith("-test-page-copy1.pdf") and printed.read_bytes() == chinese
