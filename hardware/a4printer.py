"""The A4 printer interface's simulator: ``pdf://DIR`` writes each page as a PDF file.

The real A4 path (Qt print support) comes with the touchscreen app and
implements the same ``JobPrinter`` interface. The simulator draws the job's
fields on an A4 page with the CJK font the receipt printer uses and saves it
with Pillow, so it needs no Qt.
"""

from __future__ import annotations

import io
import os
import secrets
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFont

from hardware.errors import BadDeviceURI, DeviceUnavailable
from hardware.printer.atomic import write_atomic
from hardware.printer.raster import font_path
from kiosk.errors import KioskError
from kiosk.printjobs import JobPrinter, PrintedJob, PrintJob

DEVICE = "a4_printer"
# Job kinds printed on A4 security paper.
A4_KINDS = frozenset({"certificate"})
TITLES = {"certificate": "不动产权证书 打印页"}
DPI = 150
PAGE = (1240, 1754)   # A4 at 150 dpi
MARGIN = 120


def parse_a4_uri(uri: str) -> Path:
    """The directory of ``pdf://DIR`` (absolute, or as given when relative)."""
    text = uri.strip()
    parts = urlsplit(text)
    if parts.scheme != "pdf":
        raise BadDeviceURI(f"A4 printer URI {uri!r} has an unknown scheme", device=DEVICE,
                           hint="use pdf://DIR for the PDF simulator (the Qt printer comes with the app)")
    if parts.query:
        raise BadDeviceURI(f"A4 printer URI {uri!r}: pdf:// takes no options", device=DEVICE,
                           hint="write pdf://DIR")
    location = text[len("pdf://"):]
    if not location:
        raise BadDeviceURI(f"A4 printer URI {uri!r} names no directory", device=DEVICE,
                           hint="write pdf://a4 (in the data directory) or pdf:///abs/dir")
    return Path(location)


class PdfA4Printer(JobPrinter):
    """Files each A4 job in ``directory`` as ``<kind>-<time>-<random>.pdf``."""

    name = "A4 printer"

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self.directory = parse_a4_uri(uri)

    def takes(self, kind: str) -> bool:
        return kind in A4_KINDS

    def print_job(self, job: PrintJob) -> PrintedJob:
        page = render_page(TITLES.get(job.kind, job.kind),
                           [f"{key}: {value}" for key, value in sorted(job.body.items()) if value is not None])
        buffer = io.BytesIO()
        page.save(buffer, format="PDF", resolution=DPI)
        path = self.directory / f"{job.kind}-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}.pdf"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(path, buffer.getvalue())
        except OSError as exc:
            raise DeviceUnavailable(f"the PDF A4 printer cannot write into {self.directory}: {exc.strerror}",
                                    device=DEVICE, hint="point pdf:// at a writable directory") from None
        return PrintedJob(f"{path.name} written", (str(path),))


def render_page(title: str, lines: list[str]) -> Image.Image:
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    heading = ImageFont.truetype(str(font_path()), 56)
    body = ImageFont.truetype(str(font_path()), 32)
    draw.text((MARGIN, MARGIN), title, font=heading, fill=0)
    y = MARGIN + 120
    for line in lines:
        draw.text((MARGIN, y), line, font=body, fill=0)
        y += 56
    return page


def self_test(uri: str) -> tuple[bool, str]:
    """The PDF directory exists or can be made, and this user may write it."""
    try:
        directory = parse_a4_uri(uri)
        directory.mkdir(parents=True, exist_ok=True)
    except KioskError as exc:
        return False, str(exc)
    except OSError as exc:
        return False, f"{uri}: the directory cannot be created: {exc.strerror}"
    if not os.access(directory, os.W_OK):
        return False, f"{uri}: not writable by this user (check the directory's permissions)"
    return True, f"{uri}: PDF files are written to {directory}"
