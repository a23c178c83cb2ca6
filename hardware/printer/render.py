"""Rendering receipt operations to ESC/POS bytes with python-escpos.

python-escpos writes text through its own single-byte code pages and has no
GB18030 page, so Chinese goes one of two ways, chosen per printer:

- ``native``: the line is sent as GB18030 bytes between FS & (enter Chinese
  character mode) and FS . (leave it), for printers with Chinese firmware;
- ``raster``: the line is drawn with the CJK font and sent as a GS v 0 raster
  image, for printers without it.

ASCII-only lines are plain text in both modes. QR codes are either the
printer's own (GS ( k, model 2) or a segno image sent as GS v 0.
Everything else (styles, alignment, images, feed, cut) is python-escpos.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from hardware.printer.columns import text_columns
from hardware.printer.layout import Cut, Feed, Line, Op, Paper, QRCode
from kiosk.errors import ValidationError

if TYPE_CHECKING:
    # Imported where a job is drawn: the picture library costs the app's start about 0.1 s, and the
    # printer's settings are checked (this module's modes) long before anything is printed.
    from PIL import Image
    from escpos.capabilities import Profile
    from escpos.escpos import Escpos

CHINESE_MODES: tuple[str, ...] = ("native", "raster")
QR_MODES: tuple[str, ...] = ("native", "raster")

FS = b"\x1c"
CHINESE_ON = FS + b"&"
CHINESE_OFF = FS + b"."
LINE_GAP = 6        # dots between text rows at the default line spacing (ESC 2: 30 dots)
_EC_LEVELS = {"L": 0, "M": 1, "Q": 2, "H": 3}


def check_mode(value: str, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise ValidationError(f"{field} {value!r} is not one of {', '.join(allowed)}", field=field)
    return value


def _profile(paper: Paper) -> "Profile":
    """A python-escpos profile that knows the paper width, so images are checked against it."""
    from escpos.capabilities import Profile, get_profile_class

    default = get_profile_class("default")
    profile = Profile(columns=paper.columns, features=dict(default.profile_data["features"]))
    data = copy.deepcopy(default.profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": paper.mm, "pixels": paper.dots}}
    profile.profile_data = data
    return profile


def _qr_checked(op: QRCode, paper: Paper) -> Image.Image:
    import segno

    from hardware.printer.raster import qr_image

    try:
        image = qr_image(op.data, module=1, ec=op.ec)
    except segno.DataOverflowError:
        raise ValidationError(f"QR content of {len(op.data.encode('utf-8'))} bytes does not fit "
                              f"in a QR code at error correction {op.ec}", field="qr") from None
    if image.width > paper.dots:
        raise ValidationError(f"QR code is {image.width} modules wide, wider than the "
                              f"{paper.dots}-dot paper", field="qr", hint="shorten the content")
    return image


def render_escpos(ops: list[Op], paper: Paper, *, chinese: str = "native", qr: str = "native") -> bytes:
    """The complete job for ``ops`` as ESC/POS bytes, starting with ESC @ (initialise)."""
    from escpos.printer import Dummy

    check_mode(chinese, CHINESE_MODES, "chinese")
    check_mode(qr, QR_MODES, "qr")
    p = Dummy(profile=_profile(paper))
    p.hw("INIT")
    for op in ops:
        if isinstance(op, Line):
            _line(p, op, chinese, paper)
        elif isinstance(op, QRCode):
            _qr(p, op, paper, qr)
        elif isinstance(op, Feed):
            p.print_and_feed(max(0, min(op.lines, 255)))
        elif isinstance(op, Cut):
            p.cut(mode="PART" if op.partial else "FULL")
        else:
            raise ValidationError(f"cannot print operation {type(op).__name__}", field="op")
    return bytes(p.output)


def _line(p: "Escpos", op: Line, chinese: str, paper: Paper) -> None:
    if text_columns(op.text) * op.scale > paper.columns:
        raise ValidationError(f"receipt line of {text_columns(op.text) * op.scale} columns is wider than the "
                              f"{paper.columns}-column {paper.mm} mm paper", field="text",
                              hint="build receipts with ReceiptBuilder, which wraps lines to the paper")
    p.set(align=op.align, bold=op.bold, custom_size=True, width=op.scale, height=op.scale)
    if op.text.isascii():
        p.textln(op.text)
    elif chinese == "native":
        p._raw(CHINESE_ON + op.text.encode("gb18030") + CHINESE_OFF + b"\n")
    else:
        from PIL import Image

        from hardware.printer.raster import CELL_HEIGHT, text_image

        drawn = text_image(op.text, bold=op.bold, scale_x=op.scale, scale_y=op.scale)
        padded = Image.new("L", (drawn.width, CELL_HEIGHT * op.scale + LINE_GAP), 255)
        # Thresholded here so python-escpos does not dither the anti-aliased glyph edges.
        padded.paste(drawn.point(lambda v: 0 if v < 160 else 255), (0, 0))
        p.image(padded, impl="bitImageRaster", center=False)


def _qr(p: "Escpos", op: QRCode, paper: Paper, mode: str) -> None:
    base = _qr_checked(op, paper)
    p.set(align="center", bold=False, custom_size=True, width=1, height=1)
    if mode == "native":
        p.qr(op.data, ec=_EC_LEVELS[op.ec], size=op.module, model=2, native=True)
        p.ln()
    else:
        from PIL import Image

        module = max(1, min(op.module, paper.dots // base.width))
        p.image(base.resize((base.width * module, base.height * module), Image.Resampling.NEAREST),
                impl="bitImageRaster", center=False)
    p.set(align="left")
