"""Drawing receipt text and QR codes as 1-bit images, for printers without Chinese
firmware and for the simulated printer's PNG.

Text is drawn in the printer's own cell grid (12x24 dots for ASCII, 24x24 for
everything else) so a raster line is exactly as wide as the native one.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hardware.errors import DeviceError
from hardware.printer.columns import char_columns, text_columns

CELL_WIDTH = 12     # dots per half-width column
CELL_HEIGHT = 24    # dots per text row of font A
FONT_ENV = "KIOSK_CJK_FONT"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


def font_path() -> Path:
    """The CJK font used for raster text: $KIOSK_CJK_FONT, else the first installed candidate."""
    override = os.environ.get(FONT_ENV)
    for candidate in ([override] if override else []) + list(FONT_CANDIDATES):
        if Path(candidate).is_file():
            return Path(candidate)
    raise DeviceError("no CJK font found for printing Chinese as images", device="printer",
                      code="printer_font",
                      hint=f"install fonts-wqy-microhei or set {FONT_ENV} to a .ttc/.ttf file")


@functools.lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path()), size)


def text_image(text: str, *, bold: bool = False, scale_x: int = 1, scale_y: int = 1,
               underline: bool = False, invert: bool = False) -> Image.Image:
    """``text`` drawn cell by cell in black on white ("L" mode), scaled like ESC ! / GS !."""
    width = max(1, text_columns(text)) * CELL_WIDTH
    image = Image.new("L", (width, CELL_HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    font = _font(CELL_HEIGHT - 2)
    x = 0
    for ch in text:
        cell = char_columns(ch) * CELL_WIDTH
        if not ch.isspace():
            draw.text((x + cell / 2, CELL_HEIGHT / 2), ch, font=font, fill=0, anchor="mm",
                      stroke_width=1 if bold else 0, stroke_fill=0)
        x += cell
    if underline:
        draw.line((0, CELL_HEIGHT - 1, width, CELL_HEIGHT - 1), fill=0, width=1)
    if invert:
        image = image.point(lambda v: 255 - v)
    if scale_x != 1 or scale_y != 1:
        image = image.resize((width * scale_x, CELL_HEIGHT * scale_y), Image.Resampling.NEAREST)
    return image


def qr_image(data: str, *, module: int, ec: str) -> Image.Image:
    """A QR code (model 2) as a 1-bit image with a 4-module quiet zone, via segno."""
    import segno

    code = segno.make_qr(data, error=ec.lower(), boost_error=False)
    quiet = 4
    size = int(code.symbol_size(scale=1, border=quiet)[0])
    image = Image.new("1", (size, size), 1)
    pixels = image.load()
    assert pixels is not None  # a new in-memory image always has pixel access
    for y, row in enumerate(code.matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + quiet, y + quiet] = 0
    return image.resize((size * module, size * module), Image.Resampling.NEAREST)
