"""What every printed page shares: the county line, the training banner and the footer with 第 n 页 共 m 页."""

from __future__ import annotations

import re
from collections.abc import Callable

from kiosk.privacy import mask_id
from ui.documents.canvas import Box, Line, Measure, Op, Text
from ui.documents.text import Texts, fill

# An 18-character resident ID number standing on its own (not inside a longer code).
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def mask_ids_in(text: str) -> str:
    """Every 18-character ID number in ``text`` shown as first 6 + last 4 (``kiosk.privacy.mask_id``)."""
    return ID_NUMBER.sub(lambda m: mask_id(m.group(0)), text)


def county_line(tx: Texts) -> str:
    return tx.translate("DocumentFrame", "Jia County, Henan · Keys and title together")


def frame(measure: Measure, tx: Texts, *, width: float, height: float, left: str, right: str = "",
          training: bool = False) -> Callable[[list[Op], int, int], None]:
    """Page decoration: training banner on top, footer with ``left``, page n of m and ``right``."""
    size = 8.0
    base = height - 12.0

    def decorate(ops: list[Op], number: int, count: int) -> None:
        if training:
            banner = tx.translate("DocumentFrame", "TRAINING DATA · NOT AN OFFICIAL DOCUMENT · NO LEGAL EFFECT")
            w = measure.width(banner, 10, True)
            ops.append(Box((width - w) / 2 - 3, 6.0, w + 6, 7.0, width=0.4, dashed=True))
            ops.append(Text((width - w) / 2, 6.0 + 5.0, banner, 10, True))
        page = fill(tx.translate("DocumentFrame", "Page %1 of %2"), number, count)
        ops.append(Line(20.0, base - 4.0, width - 20.0, base - 4.0, 0.15))
        ops.append(Text(width - 20.0 - measure.width(page, size), base, page, size))
        ops.append(Text(20.0, base, left, size))
        if right:
            ops.append(Text(20.0, base + 4.0, right, size))

    return decorate
