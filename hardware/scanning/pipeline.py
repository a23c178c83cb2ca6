"""The decoder pipeline: zxing-cpp on the frame, then ZBar and preprocessing within a time budget."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import cv2
import numpy as np

from hardware.scanning import zbar_engine, zxing_engine
from hardware.scanning.passes import DEFAULT_PASSES, ZXING, Pass
from hardware.scanning.symbol import CodeScanner, Symbol
from kiosk.errors import ValidationError

FAST_PASS = "fast"
# A camera frame must leave time for the next one (30 fps is 33 ms).
CAMERA_BUDGET_MS = 30.0
# A file named on the command line can afford every pass.
FILE_BUDGET_MS = 1000.0

# Weight of the newest measurement in a pass's running cost estimate.
_COST_SMOOTHING = 0.3


def to_gray(frame: np.ndarray) -> np.ndarray:
    """A grey uint8 view of a grey, BGR or BGRA frame; a clear error for anything else."""
    if not isinstance(frame, np.ndarray):
        raise ValidationError(f"a frame must be a numpy array, got {type(frame).__name__}",
                              field="frame", hint="pass the image as read by cv2.imread or a camera")
    if frame.dtype != np.uint8:
        raise ValidationError(f"a frame must hold uint8 pixels, got {frame.dtype}", field="frame",
                              hint="convert with frame.astype(numpy.uint8) after scaling to 0..255")
    if frame.ndim == 2:
        gray = frame
    elif frame.ndim == 3 and frame.shape[2] == 1:
        gray = frame[:, :, 0]
    elif frame.ndim == 3 and frame.shape[2] == 3:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    elif frame.ndim == 3 and frame.shape[2] == 4:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    else:
        raise ValidationError(f"a frame must be grey, BGR or BGRA, got shape {frame.shape}",
                              field="frame", hint="pass a HxW or HxWx3 image")
    if gray.shape[0] < 8 or gray.shape[1] < 8:
        raise ValidationError(f"a frame of {gray.shape[1]}x{gray.shape[0]} pixels is too small to hold a code",
                              field="frame", hint="pass the whole camera frame or image")
    return np.ascontiguousarray(gray)


class DecoderPipeline(CodeScanner):
    """zxing-cpp first; when it finds nothing, further passes while the budget lasts.

    The budget is checked before each pass against that pass's running cost
    (milliseconds per megapixel, assumed at first and learnt as frames go by),
    so a pass that would overrun is not started; a cheaper one after it may
    still be. A budget of 0 ms means the fast pass only. One pipeline per
    thread: the ZBar scanner it holds is not thread-safe.
    """

    def __init__(self, *, budget_ms: float = CAMERA_BUDGET_MS,
                 passes: Sequence[Pass] = DEFAULT_PASSES,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        if budget_ms < 0:
            raise ValidationError(f"the decode budget must be 0 ms or more, got {budget_ms}",
                                  field="budget_ms")
        self.budget_ms = budget_ms
        self._passes = tuple(passes)
        self._clock = clock
        self._zbar = zbar_engine.ZbarReader()
        self._cost_ms_per_mpx = {p.name: p.cost_ms_per_mpx for p in self._passes if p.cost_ms_per_mpx > 0}

    def decode(self, frame: np.ndarray) -> list[Symbol]:
        """Every code found in ``frame``; empty when none within the budget."""
        start = self._clock()
        gray = to_gray(frame)
        found = self._read(gray, ZXING, FAST_PASS, thorough=True)
        if found:
            return found
        megapixels = gray.size / 1e6
        for stage in self._passes:
            elapsed = (self._clock() - start) * 1000.0
            predicted = self._cost_ms_per_mpx.get(stage.name, 0.0) * megapixels
            if elapsed >= self.budget_ms:
                break
            if elapsed + predicted > self.budget_ms:
                # Too dear for what is left; a cheaper pass further on may fit.
                continue
            began = self._clock()
            prepared = stage.prepare(gray)
            if prepared is None:
                continue
            found = self._run(stage, prepared)
            self._learn(stage.name, (self._clock() - began) * 1000.0 / megapixels)
            if found:
                return found
        return []

    def _run(self, stage: Pass, prepared: np.ndarray) -> list[Symbol]:
        for engine in stage.engines:
            found = self._read(prepared, engine, stage.name, thorough=False)
            if found:
                return found
        return []

    def _read(self, gray: np.ndarray, engine: str, pass_name: str, *, thorough: bool) -> list[Symbol]:
        if engine == ZXING:
            decoded = zxing_engine.read(gray, thorough=thorough)
        else:
            decoded = self._zbar.read(gray)
        seen: set[tuple[str, str]] = set()
        out = []
        for kind, text in decoded:
            if (kind, text) not in seen:
                seen.add((kind, text))
                out.append(Symbol(type=kind, text=text, engine=engine, pass_name=pass_name))
        return out

    def _learn(self, name: str, cost: float) -> None:
        previous = self._cost_ms_per_mpx.get(name)
        self._cost_ms_per_mpx[name] = cost if previous is None else (
            previous + _COST_SMOOTHING * (cost - previous))
