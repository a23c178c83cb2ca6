"""Preview (a PDF page as a QImage, through QtPdf) and the A4 printer as the UI opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.a4 import PdfDirectoryPrinter
from hardware.errors import DeviceStatusError, DeviceUnavailable
from ui.documents import DocumentError, PdfPreview, preview_page, render_contract, render_certificate_page
from ui.documents import samples as s
from ui.documents.qt_printer import QtA4Printer, open_a4_printer
from ui.qt import QColor, QImage


def dark_pixels(image: QImage, step: int = 3) -> int:
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
               if QColor(image.pixel(x, y)).lightness() < 128)


def test_a_page_rasterises_at_the_asked_width_with_ink_on_it() -> None:
    pdf = render_contract(s.contract(signed=False))
    preview = PdfPreview(pdf)
    assert preview.page_count == 2
    image = preview.page(0, 600)
    assert image.width() == 600 and image.height() == round(600 * 297 / 210)
    assert dark_pixels(image) > 200
    # the top strip is the training banner, the bottom margin carries the footer; the far right margin is blank
    assert all(QColor(image.pixel(598, y)).lightness() > 250 for y in range(0, image.height(), 7))
    second = preview_page(pdf, 1, 300)
    assert second.width() == 300 and dark_pixels(second) > 20


def test_missing_pages_and_broken_documents_are_refused() -> None:
    preview = PdfPreview(render_certificate_page(s.certificate_page()))
    with pytest.raises(DocumentError, match="no page 2"):
        preview.page(1, 100)
    with pytest.raises(DocumentError):
        PdfPreview(b"%PDF-1.4 this is not a document")


def test_a_printer_that_does_not_exist_says_so_by_name(tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(render_certificate_page(s.certificate_page()))
    with pytest.raises(DeviceUnavailable) as err:
        QtA4Printer("No_Such_Printer_42").print_pdf(path)
    assert "No_Such_Printer_42" in str(err.value) and err.value.code == "a4_unavailable"
    assert "CUPS" in str(err.value)
    with pytest.raises(DeviceStatusError):          # not a PDF: refused before any printer is asked
        (tmp_path / "x.pdf").write_text("nope")
        QtA4Printer("No_Such_Printer_42").print_pdf(tmp_path / "x.pdf")


def test_open_by_uri_and_print_a_rendered_certificate_through_the_simulator(tmp_path: Path) -> None:
    printer = open_a4_printer("pdf://a4", base=tmp_path)
    assert isinstance(printer, PdfDirectoryPrinter)
    assert isinstance(open_a4_printer("cups://Office"), QtA4Printer)
    pdf = render_certificate_page(s.certificate_page())
    (tmp_path / "job.pdf").write_bytes(pdf)
    result = printer.print_pdf(tmp_path / "job.pdf", title="certificate-HN2026-000101")
    assert result.pages == 1 and Path(result.files[0]).read_bytes() == pdf
    assert PdfPreview(Path(result.files[0]).read_bytes()).page_count == 1


def test_documents_render_off_the_gui_thread() -> None:
    # The task runner renders and prints in a worker thread; the output is the same as on the GUI thread.
    import threading

    results: dict[str, bytes] = {}

    def work() -> None:
        results["pdf"] = render_certificate_page(s.certificate_page())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert PdfPreview(results["pdf"]).page_count == 1
    here = PdfPreview(render_certificate_page(s.certificate_page())).page(0, 300)
    there = PdfPreview(results["pdf"]).page(0, 300)
    assert here == there
