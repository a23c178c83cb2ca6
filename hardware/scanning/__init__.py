"""Reading QR codes from camera frames and image files.

``DecoderPipeline`` is the real ``CodeScanner``; the decoding libraries
(zxing-cpp, pyzbar) are imported only inside this package.
"""

from hardware.scanning.pipeline import CAMERA_BUDGET_MS, FILE_BUDGET_MS, DecoderPipeline, to_gray
from hardware.scanning.symbol import CodeScanner, Symbol

__all__ = ["CAMERA_BUDGET_MS", "FILE_BUDGET_MS", "CodeScanner", "DecoderPipeline", "Symbol", "to_gray"]
