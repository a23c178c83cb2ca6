"""Reading a QR drawn on a screen with the product's own decoder (zxing-cpp), as a phone would.

OpenCV's ``QRCodeDetector`` misses about one random 20-digit payment code in 400 even on a crisp
picture, so a test that read with it failed now and then; the kiosk's pipeline read 2,000 of 2,000.
"""

from __future__ import annotations

import numpy as np

from hardware.scanning import DecoderPipeline
from ui.qt import QImage, QPixmap


def read_qr(pixmap: QPixmap) -> list[str]:
    """The texts of every code in ``pixmap``."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return [symbol.text for symbol in DecoderPipeline(budget_ms=0).decode(np.ascontiguousarray(rows[:, :image.width()]))]
