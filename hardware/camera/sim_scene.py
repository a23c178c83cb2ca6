"""What a person holds up to the simulated camera: a picture, or nothing.

The app opens the camera anew each time the QR page is shown, so the scene
outlives each ``SimulatedCamera`` playing it. A person (the demo's side panel)
or a test holds up a picture from any thread while the camera's own thread
takes frames; every method is thread-safe. ``code_held_up`` draws a QR code as
a phone held about 20 cm from the camera shows it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where a picture is made or checked: the app builds a scene at start, before its first frame.
    import numpy as np

FRAME_SIZE = (1280, 720)
# A light grey counter top, so the dark modules of a code stand out as on a phone's screen.
_BACKGROUND = 200


class CameraScene:
    """A picture (BGR ``numpy`` image) in front of the simulated camera, or None."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._picture: np.ndarray | None = None

    def hold_up(self, picture: np.ndarray) -> None:
        import numpy as np

        if picture.ndim != 3 or picture.shape[2] != 3 or picture.dtype != np.uint8:
            raise ValueError("the camera scene takes a BGR picture of bytes (height x width x 3)")
        frozen = picture.copy()
        frozen.setflags(write=False)
        with self._lock:
            self._picture = frozen

    def take_away(self) -> None:
        with self._lock:
            self._picture = None

    @property
    def picture(self) -> np.ndarray | None:
        with self._lock:
            return self._picture


def code_held_up(text: str, *, size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """A ``size`` (width, height) frame with the QR code of ``text`` on a phone screen, left of centre."""
    import numpy as np
    import segno

    code = segno.make(text, error="m", micro=False)
    modules = np.array([[0 if dark else 255 for dark in row] for row in code.matrix_iter(border=4)],
                       np.uint8)
    width, height = size
    scale = max(1, (height * 2 // 3) // modules.shape[0])
    picture = np.kron(modules, np.ones((scale, scale), np.uint8))
    frame = np.full((height, width, 3), _BACKGROUND, np.uint8)
    top = (height - picture.shape[0]) // 2
    left = max(0, width // 2 - picture.shape[1] * 3 // 4)
    frame[top:top + picture.shape[0], left:left + picture.shape[1]] = picture[:, :, None]
    return frame
