"""`kiosk print-test`: print a test receipt (交房即交证 and a QR code) and report the printer's status."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import KioskError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("print-test", help="print a test receipt and report the receipt printer's status")
    p.add_argument("--printer", metavar="URI",
                   help="usb://VID:PID, serial:///dev/ttyUSB0?baud=9600, tcp://host:9100, file:///path or "
                        "sim://DIR (relative DIR: inside the data directory); default: [devices] printer")
    p.add_argument("--width", type=int, choices=(58, 80), help="paper width in mm (default: [devices] printer_width_mm)")
    p.add_argument("--chinese", choices=("native", "raster"),
                   help="native: GB18030 in the printer's Chinese mode; raster: text as images "
                        "(default: [devices] printer_chinese)")
    p.add_argument("--qr", choices=("native", "raster"), default="native",
                   help="QR code made by the printer (GS ( k) or sent as an image (default %(default)s)")
    add_json_flag(p)
    p.set_defaults(func=cmd_print_test)


def cmd_print_test(args: argparse.Namespace) -> int:
    from hardware.printer.device import PrinterSettings, ReceiptPrinter

    settings = PrinterSettings.from_config(config_from(args), uri=args.printer, width_mm=args.width,
                                           chinese=args.chinese, qr=args.qr)
    uri = settings.uri
    printer = ReceiptPrinter(settings)
    report: dict[str, Any] = {"printer": uri, "ok": False, "status": None, "chinese_mode": settings.chinese,
                              "bytes": 0}
    error: KioskError | None = None
    try:
        result = printer.print_test()
    except KioskError as exc:
        error = exc
        try:
            report["status"] = printer.status().as_dict()
        except KioskError:
            report["status"] = None
        files: list[str] = []
    else:
        report.update(ok=True, status=result.status.as_dict(), bytes=result.bytes_sent)
        files = result.files
    if uri.startswith("sim://"):
        report["files"] = files
    if args.json:
        emit(report)
    elif error is None:
        print(f"printed a test receipt on {uri} ({settings.chinese} Chinese, {report['bytes']} bytes); "
              f"printer {result.status.describe()}")
        for path in files:
            print(path)
    if error is not None:
        print(f"kiosk print-test: error: {error}", file=sys.stderr)
        return 1
    return 0
