"""Opening a camera from its ``[devices] camera`` URI.

* ``sim://`` — the simulator with blank frames (and whatever its ``CameraScene`` holds up);
* ``sim:///abs/dir`` or ``sim://rel/dir`` — the simulator playing the images in a directory,
  ``sim:///a.png;/b.png`` several files, ``sim:///clip.mp4`` a video; ``?fps=15&loop=0`` options;
* ``cam://0`` or ``cam:///dev/video0`` (or plain ``0`` / ``/dev/video0``) — a real camera,
  ``?width=1280&height=720``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from hardware.camera.base import DEVICE, Camera
from hardware.camera.sim_scene import CameraScene
from hardware.errors import BadDeviceURI, DeviceError


def _number(query: dict[str, list[str]], key: str, default: float, uri: str) -> float:
    raw = query.get(key, [None])[-1]
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        raise BadDeviceURI(f"camera URI {uri!r}: {key}={raw!r} is not a number", device=DEVICE,
                           hint=f"write e.g. ?{key}={default:g}") from None


@dataclass(frozen=True)
class CameraAddress:
    simulated: bool
    paths: tuple[str, ...] = ()         # the simulator's files (none: blank frames)
    fps: float = 30.0
    loop: bool = True
    device: int | str = 0               # the real camera's index or device path
    width: int = 1280
    height: int = 720


def parse_camera_uri(uri: str) -> CameraAddress:
    """Check a camera URI without touching the camera or its files; ``BadDeviceURI`` names what is wrong."""
    text = uri.strip()
    if text.isdigit() or text.startswith("/dev/"):
        text = f"cam://{text}"
    parts = urlsplit(text)
    query = parse_qs(parts.query)
    if parts.scheme == "sim":
        location = (parts.netloc + parts.path).strip()
        paths = tuple(p for p in location.split(";") if p) if location else ()
        return CameraAddress(True, paths, fps=_number(query, "fps", 30.0, uri),
                             loop=query.get("loop", ["1"])[-1] not in ("0", "false", "no"))
    if parts.scheme == "cam":
        location = parts.netloc + parts.path
        if location == "":
            raise BadDeviceURI(f"camera URI {uri!r} names no device", device=DEVICE,
                               hint="write cam://0 or cam:///dev/video0")
        return CameraAddress(False, device=int(location) if location.isdigit() else location,
                             width=int(_number(query, "width", 1280, uri)),
                             height=int(_number(query, "height", 720, uri)))
    raise BadDeviceURI(f"unknown camera URI {uri!r}", device=DEVICE,
                       hint="use sim://PATH for the simulator or cam://0 for a real camera")


def open_camera(uri: str, *, scene: CameraScene | None = None) -> Camera:
    """A not yet started camera for ``uri``; ``BadDeviceURI`` explains a URI it cannot use.

    ``scene`` (simulator only): what a person holds up to the camera, shown instead of the URI's frames.
    """
    address = parse_camera_uri(uri)
    if address.simulated:
        from hardware.camera.sim import SimulatedCamera

        return SimulatedCamera(address.paths, fps=address.fps, loop=address.loop, scene=scene)
    from hardware.camera.opencv import OpenCVCamera

    return OpenCVCamera(address.device, width=address.width, height=address.height)


def self_test(uri: str, *, timeout: float = 3.0) -> tuple[bool, str]:
    """Open the camera and wait for one frame."""
    try:
        camera = open_camera(uri)
        camera.start()
        try:
            frame = camera.latest(timeout)
        finally:
            camera.stop()
    except DeviceError as exc:
        return False, str(exc)
    height, width = frame.image.shape[:2]
    return True, f"{uri}: delivering frames ({width}x{height})"
