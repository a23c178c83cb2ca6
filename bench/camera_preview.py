"""Camera preview benchmark: a BGR camera frame to the pixmap a preview shows
(``ui.screens.buyer.identify.frame_pixmap``: numpy to QImage to QPixmap, the code's outline drawn), per
frame on the GUI thread: a whole 1280x720 frame, and the technician's Devices tests preview, whose
camera thread shrinks the frame to 320x180 first (``device_tests.preview_frame``).

Prints one JSON object. Target (issue 11): about 1 ms a frame, so the preview's frame rate is the
camera's, not the conversion's.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/camera_preview.py [--frames 500]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from ui.qt import QApplication  # noqa: E402
from ui.screens.buyer.identify import frame_pixmap  # noqa: E402
from ui.screens.technician.device_tests import PREVIEW_SIZE  # noqa: E402

WIDTH, HEIGHT = 1280, 720
CORNERS = [(0.3, 0.25), (0.55, 0.25), (0.55, 0.7), (0.3, 0.7)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=500)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = np.random.default_rng(11)
    frames = [rng.integers(0, 256, (HEIGHT, WIDTH, 3), dtype=np.uint8) for _ in range(8)]
    frame_pixmap(frames[0], CORNERS)  # the first call loads Qt's image plugins
    full = timed(frames, args.frames)
    small = timed([cv2.resize(f, PREVIEW_SIZE, interpolation=cv2.INTER_AREA) for f in frames], args.frames)
    print(json.dumps({"frames": args.frames, "size": f"{WIDTH}x{HEIGHT}", **full,
                      "preview_size": "x".join(map(str, PREVIEW_SIZE)), **{f"preview_{k}": v for k, v in small.items()},
                      "qt_app": type(app).__name__}))


def timed(frames: list[np.ndarray], count: int) -> dict[str, float]:
    took: list[float] = []
    for n in range(count):
        start = time.perf_counter()
        frame_pixmap(frames[n % len(frames)], CORNERS)
        took.append((time.perf_counter() - start) * 1000)
    took.sort()
    return {"ms_median": round(statistics.median(took), 3), "ms_p95": round(took[int(len(took) * 0.95)], 3)}


if __name__ == "__main__":
    main()
