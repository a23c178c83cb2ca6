"""Image preparations tried when the untouched frame gives nothing.

Each pass turns a grey frame into another grey image that one or both engines
read again. The order comes from measurement on the labelled corpus (see
bench/qr.py): smoothing first (it closes the gaps in printed and photographed
modules and removes sensor noise), then contrast, scale and thresholding.
Passes that produced a wrong text on the corpus (heavy 7x7 smoothing, 5x5
opening) are deliberately absent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

# Up-scaling past this many pixels costs more than a camera frame's budget.
_MAX_UPSCALED_PIXELS = 2_500_000

_KERNEL3 = np.ones((3, 3), np.uint8)
_CLAHE = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))


def _blur5(gray: np.ndarray) -> np.ndarray | None:
    return cv2.GaussianBlur(gray, (5, 5), 0)


def _blur3(gray: np.ndarray) -> np.ndarray | None:
    return cv2.GaussianBlur(gray, (3, 3), 0)


def _open3(gray: np.ndarray) -> np.ndarray | None:
    return cv2.morphologyEx(gray, cv2.MORPH_OPEN, _KERNEL3)


def _close3(gray: np.ndarray) -> np.ndarray | None:
    return cv2.morphologyEx(gray, cv2.MORPH_CLOSE, _KERNEL3)


def _clahe(gray: np.ndarray) -> np.ndarray | None:
    return _CLAHE.apply(gray)


def _upscale2(gray: np.ndarray) -> np.ndarray | None:
    if gray.size * 4 > _MAX_UPSCALED_PIXELS:
        return None
    return cv2.resize(gray, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)


def _upscale3(gray: np.ndarray) -> np.ndarray | None:
    if gray.size * 9 > _MAX_UPSCALED_PIXELS:
        return None
    return cv2.resize(gray, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)


def _half(gray: np.ndarray) -> np.ndarray | None:
    return cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)


def _otsu(gray: np.ndarray) -> np.ndarray | None:
    return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]


def _adaptive31(gray: np.ndarray) -> np.ndarray | None:
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 5)


def _sharpen(gray: np.ndarray) -> np.ndarray | None:
    # Unsharp mask: restores module edges softened by focus blur.
    soft = cv2.GaussianBlur(gray, (0, 0), 2)
    return cv2.addWeighted(gray, 2.0, soft, -1.0, 0)


def _invert(gray: np.ndarray) -> np.ndarray | None:
    return cv2.bitwise_not(gray)


@dataclass(frozen=True)
class Pass:
    """A named preparation and the engines that read its output.

    ``prepare`` returns None when the pass does not apply to this frame
    (for example up-scaling an image that is already large).
    ``cost_ms_per_mpx`` is the cost assumed until the pipeline has timed the
    pass itself: without it the first frames would overrun their budget.
    """

    name: str
    prepare: Callable[[np.ndarray], np.ndarray | None]
    engines: tuple[str, ...]
    cost_ms_per_mpx: float = 0.0


ZXING = "zxing-cpp"
ZBAR = "zbar"

# Order, from measurement (bench/qr.py): a local threshold read by zxing-cpp
# is cheap and rescues most camera frames lost to glare; the untouched frame
# read by ZBar then rescues six corpus images zxing-cpp misses, and 5x5
# smoothing four more. The rest are cheaper than their place suggests only on
# small images, which is where the budget lets them run.
# The assumed costs are the worst seen per megapixel on generated 1280x720
# frames on one core of the development machine, rounded up.
DEFAULT_PASSES: tuple[Pass, ...] = (
    Pass("adaptive31", _adaptive31, (ZXING,), 6),
    Pass("zbar", lambda gray: gray, (ZBAR,), 32),
    Pass("blur5", _blur5, (ZXING, ZBAR), 25),
    Pass("sharpen", _sharpen, (ZXING,), 5),
    Pass("open3", _open3, (ZXING, ZBAR), 25),
    Pass("half", _half, (ZXING, ZBAR), 8),
    Pass("upscale2", _upscale2, (ZXING, ZBAR), 100),
    Pass("clahe", _clahe, (ZXING, ZBAR), 32),
    Pass("invert", _invert, (ZBAR,), 28),
    Pass("blur3", _blur3, (ZXING, ZBAR), 25),
    Pass("close3", _close3, (ZXING, ZBAR), 25),
    Pass("otsu", _otsu, (ZXING, ZBAR), 15),
    Pass("adaptive31_zbar", _adaptive31, (ZBAR,), 25),
    Pass("upscale3", _upscale3, (ZXING,), 150),
)
