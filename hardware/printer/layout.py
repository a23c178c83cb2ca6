"""Device-independent receipt layout: a list of operations and the builder that makes it.

The builder does all wrapping and alignment in half-width columns, so the
operations can be rendered for any printer (native Chinese, raster).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from hardware.printer.columns import clean_text, has_control, pad_between, text_columns, wrap
from kiosk.errors import ValidationError

Align = Literal["left", "center", "right"]
ECLevel = Literal["L", "M", "Q", "H"]


@dataclass(frozen=True)
class Paper:
    mm: int
    columns: int    # half-width characters of font A (12 dots each)
    dots: int       # printable width in dots

PAPERS: dict[int, Paper] = {
    58: Paper(mm=58, columns=32, dots=384),
    80: Paper(mm=80, columns=48, dots=576),
}


def paper_for(width_mm: int) -> Paper:
    try:
        return PAPERS[int(width_mm)]
    except (KeyError, ValueError):
        raise ValidationError(f"paper width {width_mm!r} mm is not supported", field="width",
                              hint="use 58 or 80") from None


@dataclass(frozen=True)
class Line:
    """One printed line, already wrapped to fit; ``scale`` 2 doubles width and height."""

    text: str
    align: Align = "left"
    bold: bool = False
    scale: int = 1

    def __post_init__(self) -> None:
        if has_control(self.text):
            raise ValidationError("receipt line contains control characters", field="text",
                                  hint="pass text through the ReceiptBuilder, which cleans it")
        if self.align not in ("left", "center", "right"):
            raise ValidationError(f"alignment {self.align!r} is not left, center or right", field="align")
        if self.scale not in (1, 2):
            raise ValidationError(f"text scale {self.scale} is not 1 or 2", field="scale")


@dataclass(frozen=True)
class QRCode:
    data: str
    module: int = 6         # dots per module
    ec: ECLevel = "M"

    def __post_init__(self) -> None:
        if not self.data:
            raise ValidationError("QR code content is empty", field="qr")
        if not 1 <= self.module <= 16:
            raise ValidationError(f"QR module size {self.module} is outside 1-16", field="qr")
        if self.ec not in ("L", "M", "Q", "H"):
            raise ValidationError(f"QR error correction {self.ec!r} is not L, M, Q or H", field="qr")


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    partial: bool = False


Op = Union[Line, QRCode, Feed, Cut]


@dataclass
class ReceiptBuilder:
    """Collects operations for one receipt on ``paper``."""

    paper: Paper
    ops: list[Op] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return self.paper.columns

    def text(self, text: str, *, align: Align = "left", bold: bool = False, scale: int = 1) -> ReceiptBuilder:
        for line in wrap(text, self.columns // scale):
            self.ops.append(Line(line, align=align, bold=bold, scale=scale))
        return self

    def title(self, text: str) -> ReceiptBuilder:
        return self.text(text, align="center", bold=True, scale=2)

    def field(self, label: str, value: str) -> ReceiptBuilder:
        """``label：value``; a long value continues under itself, not under the label."""
        head = clean_text(label) + "："
        value = clean_text(value)
        indent = text_columns(head)
        # A code (unit code, ID number) is read and typed as a whole, so it moves to
        # its own line rather than being split, when a line can hold it.
        is_code = value.isascii() and " " not in value.strip()
        fits_alone = text_columns(value) <= self.columns
        if indent > self.columns // 2 or (is_code and fits_alone and indent + text_columns(value) > self.columns):
            self.text(head)
            return self.text(value, align="right" if is_code else "left")
        for line in wrap(head + value, self.columns, indent=indent):
            self.ops.append(Line(line))
        return self

    def pair(self, left: str, right: str, *, bold: bool = False) -> ReceiptBuilder:
        """``left`` flush left and ``right`` flush right; two lines when they do not fit."""
        left, right = clean_text(left), clean_text(right)
        joined = pad_between(left, right, self.columns)
        if joined is not None:
            self.ops.append(Line(joined, bold=bold))
            return self
        self.text(left, bold=bold)
        return self.text(right, align="right", bold=bold)

    def rule(self, char: str = "-") -> ReceiptBuilder:
        self.ops.append(Line(char * (self.columns // text_columns(char))))
        return self

    def qr(self, data: str, *, module: int | None = None, ec: ECLevel = "M") -> ReceiptBuilder:
        self.ops.append(QRCode(data, module=module or (6 if self.paper.dots >= 576 else 5), ec=ec))
        return self

    def feed(self, lines: int = 1) -> ReceiptBuilder:
        self.ops.append(Feed(lines))
        return self

    def cut(self) -> ReceiptBuilder:
        self.ops.append(Cut())
        return self

    def build(self) -> list[Op]:
        return list(self.ops)
