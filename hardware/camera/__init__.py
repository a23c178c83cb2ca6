"""Cameras: the ``Camera`` interface, OpenCV capture and the simulator, all handing over the newest frame."""

from hardware.camera.base import Camera, EndOfStream, Frame, NewestFrameGrabber
from hardware.camera.connect import open_camera

__all__ = ["Camera", "EndOfStream", "Frame", "NewestFrameGrabber", "open_camera"]
