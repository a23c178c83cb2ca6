"""Cameras hand over the newest frame only; the simulator plays files and videos; ScanSession reports once."""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import pytest
import segno

from hardware.camera import open_camera
from hardware.camera.opencv import OpenCVCamera
from hardware.camera.sim import SimulatedCamera
from hardware.errors import BadDeviceURI, DeviceTimeout, DeviceUnavailable
from hardware.scanning import DecoderPipeline, Symbol
from hardware.scanning.session import Debouncer, ScanSession


def numbered_frames(directory: Path, count: int) -> list[Path]:
    # Each frame's grey level is its number, so a test can tell which one it got.
    paths = []
    for i in range(count):
        path = directory / f"frame{i:03d}.png"
        cv2.imwrite(str(path), np.full((48, 64, 3), i, np.uint8))
        paths.append(path)
    return paths


def test_slow_consumer_gets_the_newest_frame_not_a_backlog(tmp_path: Path) -> None:
    numbered_frames(tmp_path, 200)
    with SimulatedCamera([tmp_path], fps=400, loop=False) as camera:
        first = camera.latest(timeout=2)
        time.sleep(0.15)  # the decoder is busy; about 60 frames go by
        second = camera.latest(timeout=2)
        third = camera.latest(timeout=2)
        dropped = camera.dropped
    assert second.index - first.index > 10, "the consumer was handed an old frame"
    assert int(second.image[0, 0, 0]) == second.index
    assert third.index > second.index
    assert dropped >= second.index - first.index - 1


def test_dropped_frames_are_counted_and_never_returned_twice(tmp_path: Path) -> None:
    numbered_frames(tmp_path, 50)
    seen = []
    camera = SimulatedCamera([tmp_path], fps=500, loop=True)
    camera.start()
    try:
        for _ in range(5):
            seen.append(camera.latest(timeout=2).index)
            time.sleep(0.03)
        dropped = camera.dropped
    finally:
        camera.stop()
    assert seen == sorted(set(seen))
    assert dropped >= 5


def test_end_of_stream_and_timeouts(tmp_path: Path) -> None:
    numbered_frames(tmp_path, 2)
    with SimulatedCamera([tmp_path], fps=200, loop=False) as camera:
        indexes = [camera.latest(timeout=1).index]
        try:
            indexes.append(camera.latest(timeout=1).index)
        except DeviceUnavailable:
            pass  # the consumer was slower than both frames
        with pytest.raises(DeviceUnavailable, match="no more frames"):
            camera.latest(timeout=1)
    with SimulatedCamera([tmp_path / "frame000.png"], fps=1) as slow:
        slow.latest(timeout=1)
        with pytest.raises(DeviceTimeout, match="no new camera frame within 0.05 s"):
            slow.latest(timeout=0.05)


def test_video_file_plays(tmp_path: Path) -> None:
    video = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 25, (64, 48))
    for i in range(5):
        writer.write(np.full((48, 64, 3), 40 * i, np.uint8))
    writer.release()
    with open_camera(f"sim://{video}?fps=200&loop=0") as camera:
        frame = camera.latest(timeout=2)
    assert frame.image.shape == (48, 64, 3)


def test_simulator_and_uri_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an image")
    with pytest.raises(DeviceUnavailable, match="no such file"):
        SimulatedCamera([tmp_path / "missing.png"])
    with pytest.raises(DeviceUnavailable, match="no images in"):
        SimulatedCamera([tmp_path])
    with pytest.raises(DeviceUnavailable, match="cannot read image"):
        SimulatedCamera([tmp_path / "notes.txt"]).start()
    with pytest.raises(BadDeviceURI, match="fps=fast"):
        open_camera("sim://?fps=fast")
    with pytest.raises(BadDeviceURI, match="unknown camera URI"):
        open_camera("rtsp://camera.local/stream")
    with pytest.raises(DeviceUnavailable, match="not started"):
        SimulatedCamera().latest()
    assert isinstance(open_camera("/dev/video7"), OpenCVCamera)


def test_blank_simulator_for_the_default_configuration() -> None:
    with open_camera("sim://") as camera:
        assert camera.latest(timeout=1).image.shape == (720, 1280, 3)


def test_real_camera_that_is_not_there() -> None:
    with pytest.raises(DeviceUnavailable, match="cannot open camera"):
        OpenCVCamera("/dev/this-camera-does-not-exist").start()


def test_debouncer_reports_once_within_a_sliding_window() -> None:
    now = [100.0]
    debouncer = Debouncer(2.0, clock=lambda: now[0])
    assert debouncer.accept("取号 A12") is True
    now[0] += 1.5
    assert debouncer.accept("取号 A12") is False   # still in view
    assert debouncer.accept("取号 A13") is True    # another code is news
    now[0] += 1.9
    assert debouncer.accept("取号 A12") is False   # the window slid with the last sighting
    now[0] += 2.1
    assert debouncer.accept("取号 A12") is True    # gone for longer than the window


def test_scan_session_reports_a_code_held_in_view_once(tmp_path: Path) -> None:
    path = tmp_path / "code.png"
    segno.make_qr("取号 交房即交证 410425-A-0107".encode("utf-8"), mode="byte").save(str(path), scale=5)
    now = [0.0]
    with SimulatedCamera([path], fps=100) as camera:
        session = ScanSession(camera, DecoderPipeline(), Debouncer(2.0, clock=lambda: now[0]))
        reported: list[Symbol] = []
        for _ in range(4):
            reported += session.poll(timeout=1)
            now[0] += 0.5
        now[0] += 5
        reported += session.poll(timeout=1)
    assert [s.text for s in reported] == ["取号 交房即交证 410425-A-0107"] * 2


def test_camera_self_test_waits_for_a_frame(tmp_path) -> None:
    from hardware.camera.connect import self_test

    ok, detail = self_test("sim://")
    assert ok and "delivering frames" in detail
    ok, detail = self_test(f"sim://{tmp_path / 'nothing-here.mp4'}")
    assert not ok
    ok, detail = self_test("ftp://camera")
    assert not ok and "unknown camera URI" in detail
