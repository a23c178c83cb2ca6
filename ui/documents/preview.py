"""On-screen preview of a rendered document: a PDF page rasterised to a ``QImage`` with QtPdf."""

from __future__ import annotations

from ui.documents.canvas import DocumentError
from ui.qt import (
    QBuffer, QByteArray, QImage, QIODevice, QPainter, QPdfDocument, QPdfDocumentRenderOptions, QSize, QSizeF, Qt,
)


class PdfPreview:
    """A loaded PDF (bytes) whose pages can be drawn at any width; keep one per document shown."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._doc = QPdfDocument()
        self._doc.load(self._buffer)
        if self._doc.status() != QPdfDocument.Status.Ready or self._doc.pageCount() < 1:
            raise DocumentError(f"the document cannot be shown ({self._doc.error().name})", code="preview",
                                hint="render it again")

    @property
    def page_count(self) -> int:
        return int(self._doc.pageCount())

    def page_size_points(self, index: int) -> QSizeF:
        return self._doc.pagePointSize(index)

    def page(self, index: int, width_px: int) -> QImage:
        """Page ``index`` (from 0) as an image ``width_px`` wide, white behind the ink."""
        if not 0 <= index < self.page_count:
            raise DocumentError(f"the document has no page {index + 1} (it has {self.page_count})",
                                code="preview_page")
        points = self._doc.pagePointSize(index)
        height = max(1, round(width_px * points.height() / points.width()))
        options = QPdfDocumentRenderOptions()
        image = self._doc.render(index, QSize(width_px, height), options)
        if image.isNull():
            raise DocumentError(f"page {index + 1} could not be drawn", code="preview_page")
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        return flat


def preview_page(pdf: bytes, index: int = 0, width_px: int = 900) -> QImage:
    """One page of ``pdf`` as a ``QImage`` ``width_px`` wide, for a preview on screen."""
    return PdfPreview(pdf).page(index, width_px)
