"""The real camera: OpenCV ``VideoCapture`` read on its own thread."""

from __future__ import annotations

import cv2
import numpy as np

from hardware.camera.base import DEVICE, GrabbingCamera, NewestFrameGrabber
from hardware.errors import DeviceUnavailable

# Consecutive failed reads before the camera counts as gone (a USB hiccup
# loses a frame or two; an unplugged camera fails every read).
_MAX_FAILED_READS = 30


class OpenCVCamera(GrabbingCamera):
    """A V4L2/USB camera by index (0) or device path (/dev/video0)."""

    def __init__(self, device: int | str = 0, *, width: int = 1280, height: int = 720) -> None:
        self.device = device
        self.width = width
        self.height = height
        self._capture: cv2.VideoCapture | None = None
        self._grabber: NewestFrameGrabber | None = None

    def start(self) -> None:
        if self._grabber is not None:
            return
        capture = cv2.VideoCapture(self.device)
        if not capture.isOpened():
            capture.release()
            raise DeviceUnavailable(f"cannot open camera {self.device!r}", device=DEVICE,
                                    hint="check that it is plugged in and not in use by another program")
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        # The driver's own queue would hand over stale frames; keep it minimal.
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        self._capture = capture
        self._grabber = NewestFrameGrabber(lambda: self._read(capture), name=f"camera-{self.device}")
        self._grabber.start()

    def _read(self, capture: cv2.VideoCapture) -> np.ndarray:
        for _ in range(_MAX_FAILED_READS):
            ok, image = capture.read()
            if ok and image is not None:
                return image
        raise DeviceUnavailable(f"camera {self.device!r} stopped delivering frames", device=DEVICE,
                                hint="check the cable; the camera is opened again on restart")
