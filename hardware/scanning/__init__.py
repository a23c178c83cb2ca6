"""Reading QR codes from camera frames and image files.

``DecoderPipeline`` is the real ``CodeScanner``; the decoding libraries
(zxing-cpp, pyzbar) are imported only inside this package, and only when the
pipeline is first asked for (PEP 562): the serial scan engine needs just the
charset module, and importing OpenCV and both decoders cost the kiosk's start-up
about 0.15 s before its first frame (bench/ui.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hardware.scanning.symbol import CodeScanner, Symbol

if TYPE_CHECKING:
    from hardware.scanning.pipeline import CAMERA_BUDGET_MS, FILE_BUDGET_MS, DecoderPipeline, to_gray

__all__ = ["CAMERA_BUDGET_MS", "FILE_BUDGET_MS", "CodeScanner", "DecoderPipeline", "Symbol", "to_gray"]
_FROM_PIPELINE = frozenset({"CAMERA_BUDGET_MS", "FILE_BUDGET_MS", "DecoderPipeline", "to_gray"})


def __getattr__(name: str) -> Any:
    if name in _FROM_PIPELINE:
        from hardware.scanning import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
