"""The decoder pipeline: charset repair, hard images, validity of results and the time budget."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import segno
from pyzbar import pyzbar

from hardware.scanning import DecoderPipeline, Symbol
from hardware.scanning.charset import decode_payload
from hardware.scanning.passes import DEFAULT_PASSES, Pass
from hardware.scanning.zbar_engine import ZbarReader
from kiosk.errors import ValidationError


def qr_image(payload: str | bytes, *, module_px: int = 4, **make: object) -> np.ndarray:
    code = segno.make_qr(payload, error="m", **make)
    modules = np.pad(np.array([list(row) for row in code.matrix], dtype=np.uint8), 4)
    image = np.where(modules > 0, 0, 255).astype(np.uint8)
    return cv2.resize(image, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)


def texts(symbols: list[Symbol]) -> list[str]:
    return [s.text for s in symbols]


def test_utf8_chinese_that_pyzbar_garbles_is_read_exactly() -> None:
    payload = "取号 A12"
    image = qr_image(payload.encode("utf-8"), mode="byte")
    garbled = [s.data.decode("utf-8") for s in pyzbar.decode(image)]
    assert garbled and garbled != [payload]
    assert [text for _, text in ZbarReader().read(image)] == [payload]
    symbols = DecoderPipeline().decode(image)
    assert texts(symbols) == [payload]
    assert symbols[0].type == "QRCode" and symbols[0].pass_name == "fast"


@pytest.mark.parametrize(("payload", "make", "expected"), [
    ("交房即交证 郏县 取号".encode("gbk"), {"mode": "byte"}, "交房即交证 郏县 取号"),
    ("取号", {}, "取号"),                                   # segno picks Kanji mode: Shift_JIS
    ("ﾃﾞｻﾞｲﾝQR".encode("shift_jis"), {"mode": "byte"}, "ﾃﾞｻﾞｲﾝQR"),
    ("登記簿".encode("shift_jis"), {"mode": "byte"}, "登記簿"),
])
def test_charsets_other_than_utf8(payload: bytes | str, make: dict[str, object], expected: str) -> None:
    assert texts(DecoderPipeline().decode(qr_image(payload, **make))) == [expected]


def test_bytes_that_are_no_text_are_not_a_result() -> None:
    image = qr_image(b"\xff\xfe\x80\x81 binary", mode="byte")
    assert DecoderPipeline(budget_ms=1000).decode(image) == []
    assert decode_payload(b"\xff\xfe\x80\x81 binary") is None


def test_inverted_code_light_on_dark() -> None:
    image = cv2.bitwise_not(qr_image("410425-A-0107"))
    assert ZbarReader().read(image) == []
    assert texts(DecoderPipeline().decode(image)) == ["410425-A-0107"]


def tiny_code() -> np.ndarray:
    # 1.3 pixels per module: below what zxing-cpp resolves on its own.
    return cv2.resize(qr_image("410425-A-0107", module_px=1), None, fx=1.3, fy=1.3,
                      interpolation=cv2.INTER_AREA)


def test_tiny_code_needs_and_gets_upscaling() -> None:
    image = tiny_code()
    assert DecoderPipeline(budget_ms=0).decode(image) == []
    upscale_only = [p for p in DEFAULT_PASSES if p.name == "upscale2"]
    symbols = DecoderPipeline(budget_ms=1000, passes=upscale_only).decode(image)
    assert texts(symbols) == ["410425-A-0107"] and symbols[0].pass_name == "upscale2"
    assert texts(DecoderPipeline(budget_ms=1000).decode(image)) == ["410425-A-0107"]


def test_budget_zero_means_the_fast_pass_only() -> None:
    ran: list[str] = []

    def counting(name: str) -> Pass:
        def prepare(gray: np.ndarray) -> np.ndarray:
            ran.append(name)
            return gray
        return Pass(name, prepare, ("zxing-cpp",))

    blank = np.full((120, 160), 200, np.uint8)
    passes = [counting("one"), counting("two")]
    assert DecoderPipeline(budget_ms=0, passes=passes).decode(blank) == []
    assert ran == []
    assert DecoderPipeline(budget_ms=1000, passes=passes).decode(blank) == []
    assert ran == ["one", "two"]


def test_passes_stop_when_the_budget_is_spent() -> None:
    now = [0.0]
    ran: list[str] = []

    def slow(name: str, assumed_ms_per_mpx: float = 0.0) -> Pass:
        def prepare(gray: np.ndarray) -> np.ndarray:
            ran.append(name)
            now[0] += 0.010  # each pass takes 10 ms on the injected clock
            return gray
        return Pass(name, prepare, ("zxing-cpp",), assumed_ms_per_mpx)

    frame = np.full((100, 100), 200, np.uint8)  # 0.01 megapixel
    # Pass "big" is assumed to cost 30 ms (3000 ms/MP), more than any budget below.
    passes = [slow("0"), slow("big", 3000.0), slow("1"), slow("2"), slow("3"), slow("4")]
    pipeline = DecoderPipeline(budget_ms=25, passes=passes, clock=lambda: now[0])
    assert pipeline.decode(frame) == []
    # "big" is skipped as too dear; 0, 10 and 20 ms are inside the budget when
    # passes start; at 30 ms nothing more starts.
    assert ran == ["0", "1", "2"]
    # Next frame: the learnt 10 ms predicts that a pass started at 20 ms
    # overruns, so pass 2 is skipped; pass 3 has never been timed and is tried.
    ran.clear()
    pipeline.decode(frame)
    assert ran == ["0", "1", "3"]


def test_first_engine_hit_wins_and_duplicates_are_merged() -> None:
    image = np.hstack([qr_image("A-1"), qr_image("A-1")])
    symbols = DecoderPipeline().decode(image)
    assert texts(symbols) == ["A-1"] and symbols[0].engine == "zxing-cpp"


def test_colour_and_grey_frames_and_bad_frames() -> None:
    grey = qr_image("410425-A-0107")
    bgr = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    bgra = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGRA)
    pipeline = DecoderPipeline()
    for frame in (grey, bgr, bgra):
        assert texts(pipeline.decode(frame)) == ["410425-A-0107"]
    with pytest.raises(ValidationError, match="uint8"):
        pipeline.decode(grey.astype(np.float32))
    with pytest.raises(ValidationError, match="numpy array"):
        pipeline.decode([[0, 1]])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="too small"):
        pipeline.decode(np.zeros((4, 4), np.uint8))
    with pytest.raises(ValidationError, match="budget"):
        DecoderPipeline(budget_ms=-1)
