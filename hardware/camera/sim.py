"""The simulated camera: plays image files or a video file at a steady frame rate.

It ships with the product for the demo and training mode, and the tests use
it. While its ``CameraScene`` holds a picture up (the demo's side panel showing
a buyer's QR code), the camera sees that picture instead of its files. Frames go through the same newest-frame thread as the real camera, so a
slow consumer sees frames dropped exactly as it would with a real one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import cv2
import numpy as np

from hardware.camera.base import DEVICE, EndOfStream, GrabbingCamera, NewestFrameGrabber
from hardware.camera.sim_scene import CameraScene
from hardware.errors import DeviceUnavailable

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"})
VIDEO_SUFFIXES = frozenset({".mp4", ".avi", ".mkv", ".mov", ".webm"})

# With nothing to play, the simulator shows an empty grey counter top.
_BLANK = np.full((720, 1280, 3), 128, np.uint8)


def _load(path: Path) -> np.ndarray:
    image = cv2.imdecode(np.fromfile(str(path), np.uint8), cv2.IMREAD_COLOR) if path.is_file() else None
    if image is None:
        raise DeviceUnavailable(f"the simulated camera cannot read image {path}", device=DEVICE,
                                hint="give PNG/JPEG/WebP files, a directory of them or a video file")
    return image


def _expand(paths: Sequence[str | Path]) -> tuple[list[Path], Path | None]:
    images: list[Path] = []
    video: Path | None = None
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            if not found:
                raise DeviceUnavailable(f"no images in {path}", device=DEVICE,
                                        hint=f"put {', '.join(sorted(IMAGE_SUFFIXES))} files there")
            images.extend(found)
        elif path.suffix.lower() in VIDEO_SUFFIXES:
            if video is not None or images or len(paths) > 1:
                raise DeviceUnavailable("the simulated camera plays one video file on its own",
                                        device=DEVICE, hint="name a single video, or image files only")
            video = path
        elif not path.exists():
            raise DeviceUnavailable(f"no such file for the simulated camera: {path}", device=DEVICE,
                                    hint="check the sim:// path")
        else:
            images.append(path)
    return images, video


class SimulatedCamera(GrabbingCamera):
    """Plays ``paths`` (image files, directories of images, or one video) at ``fps``.

    ``loop`` starts again at the end; otherwise ``latest`` reports the end of
    the stream once the last frame has been taken. No paths: blank frames.
    ``scene``: a picture held up in front of the files' frames, while there is one.
    """

    def __init__(self, paths: Sequence[str | Path] = (), *, fps: float = 30.0, loop: bool = True,
                 scene: CameraScene | None = None) -> None:
        if fps <= 0:
            raise DeviceUnavailable(f"the simulated camera needs a frame rate above 0, got {fps}",
                                    device=DEVICE, hint="use e.g. fps=30")
        self._images, self._video = _expand(paths)
        self.fps = fps
        self.loop = loop
        self.scene = scene
        self._capture: cv2.VideoCapture | None = None
        self._grabber: NewestFrameGrabber | None = None

    def start(self) -> None:
        if self._grabber is not None:
            return
        source = self._video_source(self._video) if self._video is not None else self._image_source()
        self._grabber = NewestFrameGrabber(self._paced(source), name="camera-sim")
        self._grabber.start()

    def _image_source(self) -> Callable[[], np.ndarray]:
        frames = [_load(p) for p in self._images] or [_BLANK]
        position = 0

        def next_frame() -> np.ndarray:
            nonlocal position
            if position >= len(frames):
                if not self.loop:
                    raise EndOfStream
                position = 0
            frame = frames[position]
            position += 1
            return frame

        return next_frame

    def _video_source(self, video: Path) -> Callable[[], np.ndarray]:
        capture = cv2.VideoCapture(str(video))
        if not capture.isOpened():
            capture.release()
            raise DeviceUnavailable(f"the simulated camera cannot open video {video}", device=DEVICE,
                                    hint="use a video OpenCV can play (MP4/AVI with a common codec)")
        self._capture = capture

        def next_frame() -> np.ndarray:
            ok, image = capture.read()
            if not ok and self.loop:
                capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, image = capture.read()
            if not ok:
                raise EndOfStream
            return image

        return next_frame

    def _paced(self, source: Callable[[], np.ndarray]) -> Callable[[], np.ndarray]:
        period = 1.0 / self.fps
        next_due = time.monotonic()

        def paced() -> np.ndarray:
            nonlocal next_due
            wait = next_due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            next_due = max(next_due + period, time.monotonic())
            held_up = self.scene.picture if self.scene is not None else None
            return held_up if held_up is not None else source()

        return paced
