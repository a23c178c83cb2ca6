"""The camera interface and the newest-frame hand-over every camera uses.

A decoder that falls behind must see the scene as it is now, not work through
a queue of stale frames: the capture thread keeps only the latest frame and
drops the older ones, counting them.
"""

from __future__ import annotations

import abc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

from hardware.errors import DeviceTimeout, DeviceUnavailable

if TYPE_CHECKING:
    # Types only: numpy costs the app's start about 0.2 s, and a camera is opened long after the first frame.
    import cv2
    import numpy as np

DEVICE = "camera"


@dataclass(frozen=True)
class Frame:
    """One captured image; ``index`` counts frames from the source, so gaps are drops."""

    image: np.ndarray
    index: int
    captured_at: float


class Camera(abc.ABC):
    """A source of frames; ``latest`` never returns the same or an older frame twice."""

    @abc.abstractmethod
    def start(self) -> None:
        """Open the device and start capturing."""

    @abc.abstractmethod
    def latest(self, timeout: float = 1.0) -> Frame:
        """The newest frame not yet handed over, waiting up to ``timeout`` seconds for one."""

    @abc.abstractmethod
    def stop(self) -> None:
        """Stop capturing and release the device."""


class EndOfStream(Exception):
    """Raised by a frame source when it has no more frames (a video file played once)."""


FrameSource = Callable[[], "np.ndarray"]


class NewestFrameGrabber:
    """Runs ``source`` on its own thread and keeps only the newest frame.

    ``source`` blocks until it has a frame (a camera read, or a simulator
    pacing itself) and returns it, raises ``EndOfStream`` when done, or raises
    ``DeviceUnavailable`` when the device has gone; the error is handed to
    the next caller of ``latest``.
    """

    def __init__(self, source: FrameSource, *, name: str = "camera-capture",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._source = source
        self._name = name
        self._clock = clock
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._handed_over = -1
        self._produced = 0
        self._taken = 0
        self._error: Exception | None = None
        self._ended = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    @property
    def dropped(self) -> int:
        """Frames captured but replaced by a newer one before anybody took them."""
        with self._cond:
            waiting = self._frame is not None and self._frame.index > self._handed_over
            return self._produced - self._taken - (1 if waiting else 0)

    def start(self) -> None:
        """Start the capture thread (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._stopping:
                    return
            try:
                image = self._source()
            except EndOfStream:
                with self._cond:
                    self._ended = True
                    self._cond.notify_all()
                return
            except Exception as exc:  # handed to the consumer thread, which reports it
                with self._cond:
                    self._error = exc
                    self._cond.notify_all()
                return
            with self._cond:
                self._frame = Frame(image=image, index=self._produced, captured_at=self._clock())
                self._produced += 1
                self._cond.notify_all()

    def latest(self, timeout: float = 1.0) -> Frame:
        """The newest frame not handed over yet; waits up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                frame = self._frame
                if frame is not None and frame.index > self._handed_over:
                    self._handed_over = frame.index
                    self._taken += 1
                    return frame
                if self._error is not None:
                    error = self._error
                    if isinstance(error, DeviceUnavailable):
                        raise error
                    raise DeviceUnavailable(f"the camera stopped delivering frames: {error}",
                                            device=DEVICE, hint="check the cable, then restart the camera")
                if self._ended:
                    raise DeviceUnavailable("the camera source has no more frames", device=DEVICE,
                                            code="camera_end_of_stream",
                                            hint="the simulated video has finished; loop it or open it again")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise DeviceTimeout(f"no new camera frame within {timeout:g} s", device=DEVICE,
                                        hint="check that the camera is connected and not used by another program")
                self._cond.wait(remaining)

    def stop(self, join_timeout: float = 2.0) -> None:
        """Ask the capture thread to finish after its current read, and wait for it."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(join_timeout)
            self._thread = None


class GrabbingCamera(Camera):
    """What every camera shares: a newest-frame grabber and an optional capture handle.

    Subclasses open their source in ``start`` and set ``_grabber`` (and
    ``_capture`` when there is a device to release).
    """

    _grabber: NewestFrameGrabber | None = None
    _capture: cv2.VideoCapture | None = None

    @abc.abstractmethod
    def start(self) -> None:
        """Open the source and start the grabber."""

    def latest(self, timeout: float = 1.0) -> Frame:
        if self._grabber is None:
            raise DeviceUnavailable("the camera is not started", device=DEVICE, hint="call start() first")
        return self._grabber.latest(timeout)

    @property
    def dropped(self) -> int:
        return self._grabber.dropped if self._grabber is not None else 0

    def stop(self) -> None:
        if self._grabber is not None:
            self._grabber.stop()
            self._grabber = None
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
