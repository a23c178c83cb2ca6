"""zxing-cpp, the primary engine: fast, strict error correction, handles rotation and inversion."""

from __future__ import annotations

import numpy as np
import zxingcpp

from hardware.scanning.charset import decode_payload, is_valid_text

NAME = "zxing-cpp"

_FORMATS = zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode])
_TYPE_NAMES = {
    zxingcpp.BarcodeFormat.QRCode: "QRCode",
    zxingcpp.BarcodeFormat.MicroQRCode: "MicroQRCode",
}
# AIM symbology identifiers ]Q2, ]Q4, ]Q6 mean the code declares its charset (ECI).
_ECI_MODIFIERS = frozenset("246")


def _text_of(barcode: "zxingcpp.Barcode") -> str | None:
    ident = barcode.symbology_identifier
    if ident[-1:] in _ECI_MODIFIERS:
        return barcode.text if is_valid_text(barcode.text) else None
    # Without an ECI zxing-cpp guesses among UTF-8, Shift_JIS and Latin-1; a
    # Chinese kiosk has to consider GB18030 instead of Latin-1, so guess again
    # from the raw bytes.
    return decode_payload(barcode.bytes)


def read(gray: np.ndarray, *, thorough: bool = True) -> list[tuple[str, str]]:
    """(type, text) of every valid code zxing-cpp finds in a grey image.

    ``thorough`` lets zxing-cpp try rotated, downscaled and inverted readings
    itself; the preprocessing passes turn it off because they provide those.
    """
    found = zxingcpp.read_barcodes(
        gray, formats=_FORMATS, text_mode=zxingcpp.TextMode.Plain,
        try_rotate=thorough, try_downscale=thorough, try_invert=thorough)
    out: list[tuple[str, str]] = []
    for barcode in found:
        text = _text_of(barcode)
        if text is not None:
            out.append((_TYPE_NAMES.get(barcode.format, str(barcode.format)), text))
    return out
