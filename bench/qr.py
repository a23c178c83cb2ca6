"""QR decoding benchmark: the pipeline against zxing-cpp alone and pyzbar alone, in one run.

Prints ONE JSON object. Two workloads:

* the labelled corpus (``../shared/corpus/qr`` next to the project, or
  ``--corpus DIR``): exact matches, wrong results and latency, in all and per set;
* generated 1280x720 camera-like frames: segno codes (Chinese UTF-8 payloads
  among them) under perspective, blur, glare, noise and JPEG re-encoding.

"exact" means the label is among the decoded texts (compared as UTF-8 bytes);
"wrong" means something was decoded but not the label. Latency is per frame
on one core (OpenCV limited to one thread), median and p95, and every figure
is also given as a ratio to zxing-cpp alone measured in the same run.

    .venv/bin/python bench/qr.py [--frames 150] [--budget-ms 30] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import cv2
import numpy as np
import segno
import zxingcpp
from pyzbar import pyzbar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hardware.scanning import DecoderPipeline, to_gray  # noqa: E402
from hardware.scanning import zbar_engine  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "qr"

PAYLOADS = (
    "取号 交房即交证 410425-A-0107",
    "取号 A12",
    "郏县",
    "不动产 3-2-1102",
    "取号 交房即交证 410425001001GB00001F00010001",
    "郏县不动产登记中心 一码缴费 订单 20261128-000731 金额 ¥1,284.50",
    "https://bdc.jiaxian.gov.cn/jfjjz/case/410425-2026-000731",
    "KIOSK-ENROLL:sp=JX-07;token=7f3a9c2e41d84b0c",
    "410425202611280001",
    "交房即交证：郏县 龙山街道 幸福里小区 3号楼2单元1102室",
)

_QR_FORMATS = zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode])

Decoder = Callable[[np.ndarray], list[str]]


def _pyzbar_alone(frame: np.ndarray) -> list[str]:
    # What a caller of pyzbar gets: ZBar's own charset guess, bytes read as UTF-8.
    return [s.data.decode("utf-8", "replace") for s in pyzbar.decode(to_gray(frame), symbols=[pyzbar.ZBarSymbol.QRCODE])]


def _zxing_alone(frame: np.ndarray) -> list[str]:
    # zxing-cpp's own text (its charset guess), control characters kept as they
    # are, limited to QR like the pipeline so that the latencies compare.
    found = zxingcpp.read_barcodes(to_gray(frame), formats=_QR_FORMATS, text_mode=zxingcpp.TextMode.Plain)
    return [b.text for b in found]


def _decoders(budget_ms: float) -> dict[str, Decoder]:
    pipeline = DecoderPipeline(budget_ms=budget_ms)
    zbar_raw = zbar_engine.ZbarReader()
    return {
        "pipeline": lambda frame: [s.text for s in pipeline.decode(frame)],
        "zxing_cpp": _zxing_alone,
        "pyzbar": _pyzbar_alone,
        "zbar_raw_bytes": lambda frame: [text for _, text in zbar_raw.read(to_gray(frame))],
    }


class Tally:
    def __init__(self) -> None:
        self.exact = 0
        self.wrong = 0
        self.none = 0
        self.ms: list[float] = []

    def add(self, label: str, texts: list[str], ms: float) -> None:
        self.ms.append(ms)
        if label.encode("utf-8") in [t.encode("utf-8", "surrogatepass") for t in texts]:
            self.exact += 1
        elif texts:
            self.wrong += 1
        else:
            self.none += 1

    def summary(self) -> dict[str, float | int]:
        ordered = sorted(self.ms)
        p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] if ordered else 0.0
        return {"images": len(self.ms), "exact": self.exact, "wrong": self.wrong, "none": self.none,
                "median_ms": round(statistics.median(ordered), 2) if ordered else 0.0,
                "p95_ms": round(p95, 2), "max_ms": round(ordered[-1], 2) if ordered else 0.0}


def _run(items: Iterator[tuple[str, np.ndarray, str]], decoders: dict[str, Decoder]
         ) -> tuple[dict[str, Tally], dict[str, dict[str, Tally]]]:
    total = {name: Tally() for name in decoders}
    per_set: dict[str, dict[str, Tally]] = {}
    for group, frame, label in items:
        bucket = per_set.setdefault(group, {name: Tally() for name in decoders})
        for name, decode in decoders.items():
            began = time.perf_counter()
            texts = decode(frame)
            ms = (time.perf_counter() - began) * 1000.0
            total[name].add(label, texts, ms)
            bucket[name].add(label, texts, ms)
    return total, per_set


def _corpus(root: Path) -> Iterator[tuple[str, np.ndarray, str]]:
    with open(root / "manifest.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            image = cv2.imread(str(root / row["file"]), cv2.IMREAD_COLOR)
            label = (root / row["expected_text_file"]).read_bytes().decode("utf-8")
            if image is None:
                raise SystemExit(f"bench/qr.py: cannot read corpus image {row['file']}")
            yield row["set"], image, label


def _code_image(payload: str, module_px: int) -> np.ndarray:
    # Byte mode, UTF-8, no ECI: what phones and web generators produce, and
    # what ZBar misreads as Shift_JIS when the text is short.
    code = segno.make_qr(payload.encode("utf-8"), mode="byte", error="m")
    modules = np.array([list(row) for row in code.matrix], dtype=np.uint8)
    modules = np.pad(modules, 4)
    img = np.where(modules > 0, 20, 235).astype(np.uint8)
    return cv2.resize(img, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)


def _background(rng: np.random.Generator, height: int, width: int) -> np.ndarray:
    # A lit counter top: a smooth gradient with a little texture, in colour.
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    base = 90 + 60 * (xs / width) + 30 * np.sin(ys / 97.0 + rng.uniform(0, 6))
    texture = cv2.GaussianBlur(rng.normal(0, 18, (height, width)).astype(np.float32), (0, 0), 3)
    tint = rng.uniform(0.8, 1.1, 3).astype(np.float32)
    lit: np.ndarray = np.clip((base + texture)[:, :, None] * tint, 0, 255).astype(np.uint8)
    return lit


def _camera_frame(rng: np.random.Generator, payload: str) -> np.ndarray:
    height, width = 720, 1280
    frame = _background(rng, height, width)
    code = _code_image(payload, int(rng.integers(3, 8)))
    size = code.shape[0]
    scale = rng.uniform(110, 430) / size
    side = size * scale
    cx, cy = rng.uniform(side / 2 + 40, width - side / 2 - 40), rng.uniform(side / 2 + 40, height - side / 2 - 40)
    angle = rng.uniform(-0.5, 0.5)
    corners = []
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x, y = dx * side / 2, dy * side / 2
        xr = x * np.cos(angle) - y * np.sin(angle)
        yr = x * np.sin(angle) + y * np.cos(angle)
        corners.append((cx + xr + rng.normal(0, side * 0.06), cy + yr + rng.normal(0, side * 0.06)))
    src = np.array([[0, 0], [size, 0], [size, size], [0, size]], dtype=np.float32)
    warp = cv2.getPerspectiveTransform(src, np.array(corners, dtype=np.float32))
    warped = cv2.warpPerspective(code, warp, (width, height), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(code, 255), warp, (width, height), flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[:, :, None]
    frame = (frame * (1 - alpha) + warped[:, :, None].astype(np.float32) * alpha).astype(np.float32)
    # Glare: a lamp reflected off the glossy paper or phone screen.
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    gx, gy = cx + rng.normal(0, side / 3), cy + rng.normal(0, side / 3)
    radius = rng.uniform(side / 5, side / 2)
    frame += (rng.uniform(40, 160) * np.exp(-((xs - gx) ** 2 + (ys - gy) ** 2) / (2 * radius ** 2)))[:, :, None]
    sigma = rng.uniform(0.3, 2.4)
    frame = cv2.GaussianBlur(frame, (0, 0), sigma)
    frame += rng.normal(0, rng.uniform(2, 9), frame.shape).astype(np.float32)
    frame = np.clip(frame, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(45, 90))])
    decoded = cv2.imdecode(jpeg, cv2.IMREAD_COLOR) if ok else None
    if decoded is None:
        raise RuntimeError("OpenCV could not round-trip a synthetic frame through JPEG")
    return decoded


def _frames(count: int, seed: int) -> list[tuple[str, np.ndarray, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        payload = PAYLOADS[i % len(PAYLOADS)]
        group = "chinese_utf8" if any(ord(ch) > 127 for ch in payload) else "ascii"
        out.append((group, _camera_frame(rng, payload), payload))
    return out


def _report(total: dict[str, Tally], per_set: dict[str, dict[str, Tally]]) -> dict[str, object]:
    summaries = {name: tally.summary() for name, tally in total.items()}
    base = summaries["zxing_cpp"]
    ratios = {}
    for name, s in summaries.items():
        ratios[name] = {
            "exact": round(s["exact"] / base["exact"], 3) if base["exact"] else None,
            "median_ms": round(s["median_ms"] / base["median_ms"], 2) if base["median_ms"] else None,
            "p95_ms": round(s["p95_ms"] / base["p95_ms"], 2) if base["p95_ms"] else None,
        }
    return {
        **summaries,
        "ratio_vs_zxing_cpp": ratios,
        "by_set": {group: {name: {"exact": t.exact, "wrong": t.wrong, "of": len(t.ms)}
                           for name, t in tallies.items()}
                   for group, tallies in sorted(per_set.items())},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--frames", type=int, default=150)
    parser.add_argument("--budget-ms", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    cv2.setNumThreads(1)
    result: dict[str, object] = {"budget_ms": args.budget_ms, "opencv_threads": cv2.getNumThreads()}
    if (args.corpus / "manifest.csv").is_file():
        result["corpus"] = _report(*_run(_corpus(args.corpus), _decoders(args.budget_ms)))
    else:
        result["corpus"] = {"skipped": f"no manifest.csv in {args.corpus}"}
    frames = _frames(args.frames, args.seed)
    camera = _report(*_run(iter(frames), _decoders(args.budget_ms)))
    result["frames_1280x720"] = camera
    corpus = result["corpus"]
    cam = cast(dict[str, float], camera["pipeline"])
    result["targets"] = {
        "corpus_exact_ge_300": isinstance(corpus, dict) and corpus.get("pipeline", {}).get("exact", 0) >= 300,
        "corpus_wrong_eq_0": isinstance(corpus, dict) and corpus.get("pipeline", {}).get("wrong", 1) == 0,
        "frames_median_le_10ms": cam["median_ms"] <= 10.0,
        "frames_p95_le_33ms": cam["p95_ms"] <= 33.0,
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
