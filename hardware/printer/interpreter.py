"""Reading an ESC/POS byte stream back into printable blocks, as a printer would.

This is the simulated printer's engine: it understands the commands the
kiosk's renderer (and python-escpos) produce - text in the single-byte and
Chinese (FS & / FS .) modes, styles, alignment, GS v 0 raster images,
GS ( k QR codes, feeds and cuts - and refuses anything else with the offset
of the byte it does not understand, so a renderer bug cannot hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from hardware.errors import ProtocolError

LINE_HEIGHT = 30    # dots per line at the default spacing (ESC 2)


@dataclass(frozen=True)
class TextRun:
    text: str
    bold: bool = False
    underline: bool = False
    invert: bool = False
    scale_x: int = 1
    scale_y: int = 1


@dataclass(frozen=True)
class TextBlock:
    runs: tuple[TextRun, ...]
    align: str


@dataclass(frozen=True)
class RasterBlock:
    image: Image.Image      # mode "1", black where the printer burns a dot
    align: str


@dataclass(frozen=True)
class QRBlock:
    data: str
    module: int
    ec: str
    align: str


@dataclass(frozen=True)
class FeedBlock:
    dots: int


@dataclass(frozen=True)
class CutBlock:
    partial: bool


Block = TextBlock | RasterBlock | QRBlock | FeedBlock | CutBlock
_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
_EC = {48: "L", 49: "M", 50: "Q", 51: "H"}
# ESC and GS commands that take one parameter byte and change nothing the simulator draws.
_ESC_IGNORED_1 = set(b"MrGV{=tRU ")
_GS_IGNORED_1 = set(b"bHhwfa|")
_INVERT_BITS = bytes(255 - i for i in range(256))


@dataclass
class _State:
    align: str = "left"
    bold: bool = False
    underline: bool = False
    invert: bool = False
    scale_x: int = 1
    scale_y: int = 1
    chinese: bool = False
    line_height: int = LINE_HEIGHT
    qr_data: bytes = b""
    qr_module: int = 3
    qr_ec: str = "L"
    line: list[TextRun] = field(default_factory=list)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, count: int, what: str) -> bytes:
        if self.pos + count > len(self.data):
            raise ProtocolError(f"job ends inside {what} at byte {self.pos} (needs {count} more bytes)",
                                device="printer", hint="the job was cut off; print it again")
        chunk = self.data[self.pos:self.pos + count]
        self.pos += count
        return chunk

    def byte(self, what: str) -> int:
        return self.take(1, what)[0]


def interpret(data: bytes) -> list[Block]:
    """The blocks ``data`` prints, top to bottom."""
    r = _Reader(data)
    s = _State()
    blocks: list[Block] = []
    while r.pos < len(data):
        start = r.pos
        b = r.byte("text")
        if b == 0x0A:
            _flush(s, blocks, force=True)
        elif b in (0x0D, 0x00, 0x07):
            continue
        elif b == 0x09:
            _add_text(s, "    ")
        elif b == 0x1B:
            _esc(r, s, blocks, start)
        elif b == 0x1C:
            _fs(r, s, start)
        elif b == 0x1D:
            _gs(r, s, blocks, start)
        elif b == 0x10:
            cmd = r.byte("DLE command")
            if cmd != 0x04:
                raise _unknown(data, start)
            r.byte("DLE EOT parameter")
        elif b < 0x20 or b == 0x7F:
            raise _unknown(data, start)
        elif s.chinese and b >= 0x81:
            _add_text(s, _gb18030_char(r, b, start))
        else:
            _add_text(s, bytes([b]).decode("cp437"))
    _flush(s, blocks, force=False)
    return blocks


def _unknown(data: bytes, start: int) -> ProtocolError:
    shown = data[start:start + 4].hex(" ")
    return ProtocolError(f"the simulated printer does not understand the command at byte {start} "
                         f"({shown})", device="printer", hint="the renderer produced a command the "
                         "simulator does not model; print with a real printer or fix the renderer")


def _gb18030_char(r: _Reader, first: int, start: int) -> str:
    second = r.byte("a Chinese character")
    raw = bytes([first, second])
    if 0x30 <= second <= 0x39:
        raw += r.take(2, "a four-byte Chinese character")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ProtocolError(f"bytes {raw.hex(' ')} at {start} are not a GB18030 character",
                            device="printer") from None


def _add_text(s: _State, text: str) -> None:
    run = TextRun(text, s.bold, s.underline, s.invert, s.scale_x, s.scale_y)
    if s.line and _same_style(s.line[-1], run):
        s.line[-1] = TextRun(s.line[-1].text + text, run.bold, run.underline, run.invert,
                             run.scale_x, run.scale_y)
    else:
        s.line.append(run)


def _same_style(a: TextRun, b: TextRun) -> bool:
    return (a.bold, a.underline, a.invert, a.scale_x, a.scale_y) == (b.bold, b.underline, b.invert,
                                                                    b.scale_x, b.scale_y)


def _flush(s: _State, blocks: list[Block], *, force: bool) -> None:
    if s.line or force:
        blocks.append(TextBlock(tuple(s.line), s.align))
    s.line = []


def _esc(r: _Reader, s: _State, blocks: list[Block], start: int) -> None:
    cmd = r.byte("ESC command")
    if cmd == ord("@"):
        # ESC @ clears the print buffer and resets every mode.
        s.__dict__.update(vars(_State()))
    elif cmd == ord("!"):
        n = r.byte("ESC ! parameter")
        s.bold, s.underline = bool(n & 0x08), bool(n & 0x80)
        s.scale_y, s.scale_x = (2 if n & 0x10 else 1), (2 if n & 0x20 else 1)
    elif cmd == ord("E"):
        s.bold = bool(r.byte("ESC E parameter") & 1)
    elif cmd == ord("-"):
        s.underline = r.byte("ESC - parameter") in (1, 2, 49, 50)
    elif cmd == ord("a"):
        s.align = _ALIGN.get(r.byte("ESC a parameter"), "left")
    elif cmd == ord("d"):
        lines = r.byte("ESC d parameter")
        _flush(s, blocks, force=False)
        blocks.append(FeedBlock(lines * s.line_height))
    elif cmd == ord("J"):
        dots = r.byte("ESC J parameter")
        _flush(s, blocks, force=False)
        blocks.append(FeedBlock(dots))
    elif cmd == ord("2"):
        s.line_height = LINE_HEIGHT
    elif cmd == ord("3"):
        s.line_height = r.byte("ESC 3 parameter")
    elif cmd == ord("p"):
        r.take(3, "ESC p parameters")
    elif cmd in _ESC_IGNORED_1:
        r.byte(f"ESC {chr(cmd)} parameter")
    else:
        raise _unknown(r.data, start)


def _fs(r: _Reader, s: _State, start: int) -> None:
    cmd = r.byte("FS command")
    if cmd == ord("&"):
        s.chinese = True
    elif cmd == ord("."):
        s.chinese = False
    elif cmd in b"!CW-":
        r.byte(f"FS {chr(cmd)} parameter")
    else:
        raise _unknown(r.data, start)


def _gs(r: _Reader, s: _State, blocks: list[Block], start: int) -> None:
    cmd = r.byte("GS command")
    if cmd == ord("!"):
        n = r.byte("GS ! parameter")
        s.scale_x, s.scale_y = min(8, (n >> 4) + 1), min(8, (n & 0x0F) + 1)
    elif cmd == ord("B"):
        s.invert = bool(r.byte("GS B parameter") & 1)
    elif cmd == ord("V"):
        m = r.byte("GS V parameter")
        if m in (65, 66):
            r.byte("GS V feed")
        elif m not in (0, 1, 48, 49):
            raise _unknown(r.data, start)
        _flush(s, blocks, force=False)
        blocks.append(CutBlock(partial=m in (1, 49, 66)))
    elif cmd == ord("v"):
        _raster(r, s, blocks, start)
    elif cmd == ord("("):
        _gs_paren(r, s, blocks, start)
    elif cmd in (ord("L"), ord("W")):
        r.take(2, f"GS {chr(cmd)} parameters")
    elif cmd in _GS_IGNORED_1:
        r.byte(f"GS {chr(cmd)} parameter")
    else:
        raise _unknown(r.data, start)


def _raster(r: _Reader, s: _State, blocks: list[Block], start: int) -> None:
    if r.byte("GS v function") != ord("0"):
        raise _unknown(r.data, start)
    mode = r.byte("GS v 0 mode")
    head = r.take(4, "GS v 0 size")
    width_bytes = head[0] | head[1] << 8
    height = head[2] | head[3] << 8
    body = r.take(width_bytes * height, "GS v 0 image data")
    if width_bytes == 0 or height == 0:
        return
    # ESC/POS sets a bit for a black dot; Pillow's "1" mode stores 1 for white.
    image = Image.frombytes("1", (width_bytes * 8, height), body.translate(_INVERT_BITS))
    if mode & 1:
        image = image.resize((image.width * 2, image.height))
    if mode & 2:
        image = image.resize((image.width, image.height * 2))
    _flush(s, blocks, force=False)
    blocks.append(RasterBlock(image, s.align))


def _gs_paren(r: _Reader, s: _State, blocks: list[Block], start: int) -> None:
    kind = r.byte("GS ( function")
    size = r.take(2, "GS ( length")
    body = r.take(size[0] | size[1] << 8, "GS ( parameters")
    if kind != ord("k"):
        raise _unknown(r.data, start)
    if len(body) < 2 or body[0] != 49:
        raise ProtocolError(f"GS ( k at byte {start} is not a QR code function", device="printer")
    fn, args = body[1], body[2:]
    if fn == 65:
        if not args or args[0] != 50:
            raise ProtocolError(f"GS ( k at byte {start} selects QR model {args[:1].hex()}, "
                                "the simulator prints model 2 only", device="printer")
    elif fn == 67:
        s.qr_module = args[0] if args else 3
    elif fn == 69:
        s.qr_ec = _EC.get(args[0] if args else 48, "L")
    elif fn == 80:
        s.qr_data = args[1:]
    elif fn == 81:
        if not s.qr_data:
            raise ProtocolError(f"GS ( k at byte {start} prints a QR code before storing its data",
                                device="printer")
        try:
            text = s.qr_data.decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(f"QR data printed at byte {start} is not UTF-8", device="printer") from None
        _flush(s, blocks, force=False)
        blocks.append(QRBlock(text, s.qr_module, s.qr_ec, s.align))
    elif fn != 82:
        raise _unknown(r.data, start)
