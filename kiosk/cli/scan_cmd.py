"""`kiosk scan IMAGE...`: decode the QR codes in image files with the kiosk's decoder pipeline.

Each file is reported on its own (one JSON object per file with ``--json``);
a file that cannot be read gets an ``error`` object and the command goes on
with the next, then exits 1 so scripts notice.
"""

from __future__ import annotations

import argparse
import sys
import time

from kiosk.cli.output import add_json_flag, emit
from kiosk.errors import KioskError, ValidationError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("scan", help="decode QR codes in image files")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files (PNG, JPEG, WebP, BMP, TIFF)")
    p.add_argument("--budget-ms", type=float, default=None, metavar="MS",
                   help="time allowed per image for the extra passes after the fast one "
                        "(default: 1000; 0 = fast pass only)")
    add_json_flag(p)
    p.set_defaults(func=cmd_scan)


def cmd_scan(args: argparse.Namespace) -> int:
    from hardware.scanning import FILE_BUDGET_MS, DecoderPipeline
    from hardware.scanning.images import load_image

    budget = FILE_BUDGET_MS if args.budget_ms is None else args.budget_ms
    if budget < 0:
        raise ValidationError("--budget-ms must be 0 or more", field="budget_ms")
    pipeline = DecoderPipeline(budget_ms=budget)
    failed = 0
    for name in args.images:
        began = time.perf_counter()
        try:
            symbols = pipeline.decode(load_image(name))
        except KioskError as exc:
            failed += 1
            if args.json:
                emit({"file": name, "error": str(exc), "code": exc.code})
            else:
                print(f"{name}: error: {exc}", file=sys.stderr)
            continue
        ms = round((time.perf_counter() - began) * 1000.0, 2)
        if args.json:
            emit({"file": name, "symbols": [{"type": s.type, "text": s.text} for s in symbols], "ms": ms})
        elif symbols:
            for s in symbols:
                print(f"{name}: {s.type}: {s.text}")
        else:
            print(f"{name}: no code found ({ms} ms)")
    return 1 if failed else 0
