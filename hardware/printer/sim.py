"""The simulated receipt printer: renders each job's ESC/POS bytes to a PNG and a .txt.

It ships with the product (demo, training mode, tests). The PNG is what the
paper would look like; the .txt holds the text the printer was sent, with
``[raster WxH]`` for images (raster-mode Chinese lines among them),
``[QR ...]`` for printer-generated QR codes and ``--- cut ---`` for cuts.

Faults are simulated through ``status.json`` in the directory, e.g.
``{"paper_out": true}``; keys: paper_out, cover_open, offline, near_end, error.
"""

from __future__ import annotations

import io
import json
import secrets
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

from hardware.errors import DeviceError, DeviceUnavailable
from hardware.printer.atomic import write_atomic
from hardware.printer.columns import text_columns
from hardware.printer.interpreter import (Block, CutBlock, FeedBlock, QRBlock, RasterBlock, TextBlock,
                                          interpret)
from hardware.printer.raster import CELL_HEIGHT, CELL_WIDTH, qr_image, text_image
from hardware.printer.status import PrinterStatus, parse_status, status_replies

STATUS_FILE = "status.json"
_FAULT_KEYS = ("paper_out", "cover_open", "offline", "near_end", "error")
_MARGIN = 8


class SimulatedPrinter:
    """A printer of ``dots`` width that files every job in ``directory``."""

    def __init__(self, directory: Path | str, dots: int) -> None:
        self.directory = Path(directory)
        self.dots = dots

    def prepare(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeviceUnavailable(f"simulated printer directory {self.directory} cannot be created: "
                                    f"{exc.strerror}", device="printer",
                                    hint="point sim:// at a writable directory") from None

    def status(self) -> PrinterStatus:
        path = self.directory / STATUS_FILE
        faults: dict[str, bool] = {}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DeviceError(f"{path} is not valid JSON: {exc}", device="printer",
                                  hint='write e.g. {"paper_out": true} or delete the file') from None
            unknown = sorted(set(loaded) - set(_FAULT_KEYS)) if isinstance(loaded, dict) else ["(not an object)"]
            if unknown:
                raise DeviceError(f"{path}: unknown keys {', '.join(unknown)}", device="printer",
                                  hint=f"known keys: {', '.join(_FAULT_KEYS)}")
            faults = {key: bool(value) for key, value in loaded.items()}
        replies = status_replies(**faults)
        parsed = parse_status(replies[1], replies[2], replies[4])
        return PrinterStatus(**{**parsed.as_dict(), "source": "sim"})

    def print_job(self, data: bytes) -> list[str]:
        """Interpret ``data`` and write ``<name>.png`` and ``<name>.txt``; returns their paths."""
        blocks = interpret(data)
        page = render_page(blocks, self.dots)
        text = render_text(blocks, self.dots // CELL_WIDTH)
        name = f"receipt-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
        png = self.directory / f"{name}.png"
        txt = self.directory / f"{name}.txt"
        buffer = io.BytesIO()
        page.save(buffer, format="PNG")
        try:
            write_atomic(png, buffer.getvalue())
            write_atomic(txt, text.encode("utf-8"))
        except OSError as exc:
            raise DeviceUnavailable(f"simulated printer cannot write into {self.directory}: {exc.strerror}",
                                    device="printer") from None
        return [str(png), str(txt)]


def _place(width: int, item: int, align: str) -> int:
    if align == "center":
        return max(0, (width - item) // 2)
    if align == "right":
        return max(0, width - item)
    return 0


def _block_image(block: Block, dots: int) -> Image.Image:
    if isinstance(block, TextBlock):
        height = max([CELL_HEIGHT * run.scale_y for run in block.runs] + [CELL_HEIGHT]) + 6
        pieces = [text_image(run.text, bold=run.bold, underline=run.underline, invert=run.invert,
                             scale_x=run.scale_x, scale_y=run.scale_y) for run in block.runs]
        canvas = Image.new("L", (dots, height), 255)
        x = _place(dots, sum(piece.width for piece in pieces), block.align)
        for piece in pieces:
            canvas.paste(piece, (x, height - 6 - piece.height))
            x += piece.width
        return canvas
    if isinstance(block, (RasterBlock, QRBlock)):
        image = block.image if isinstance(block, RasterBlock) else qr_image(block.data, module=block.module,
                                                                            ec=block.ec)
        if image.width > dots:
            raise DeviceError(f"an image {image.width} dots wide does not fit the {dots}-dot paper",
                              device="printer", code="printer_layout")
        canvas = Image.new("L", (dots, image.height), 255)
        canvas.paste(image.convert("L"), (_place(dots, image.width, block.align), 0))
        return canvas
    if isinstance(block, FeedBlock):
        return Image.new("L", (dots, block.dots), 255)
    canvas = Image.new("L", (dots, 16), 255)
    ImageDraw.Draw(canvas).line((0, 8, dots, 8), fill=0 if not block.partial else 128, width=1)
    return canvas


def render_page(blocks: list[Block], dots: int) -> Image.Image:
    """The paper as a greyscale image with a small margin around it."""
    images = [_block_image(block, dots) for block in blocks]
    height = sum(image.height for image in images)
    page = Image.new("L", (dots + 2 * _MARGIN, height + 2 * _MARGIN), 255)
    y = _MARGIN
    for image in images:
        page.paste(image, (_MARGIN, y))
        y += image.height
    return page


def render_text(blocks: list[Block], columns: int) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, TextBlock):
            text = "".join(run.text for run in block.runs)
            width = sum(text_columns(run.text) * run.scale_x for run in block.runs)
            lines.append((" " * _place(columns, width, block.align) + text).rstrip())
        elif isinstance(block, RasterBlock):
            lines.append(f"[raster {block.image.width}x{block.image.height}]")
        elif isinstance(block, QRBlock):
            lines.append(f"[QR {block.ec} module={block.module}: {block.data}]")
        elif isinstance(block, CutBlock):
            lines.append("--- partial cut ---" if block.partial else "--- cut ---")
    return "\n".join(lines) + "\n"
