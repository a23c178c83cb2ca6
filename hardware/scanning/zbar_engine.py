"""ZBar through pyzbar's ctypes binding, the second engine, with its charset guess bypassed.

``pyzbar.decode`` returns text that ZBar has already converted to UTF-8 after
guessing the charset, and ZBar guesses Shift_JIS for UTF-8 Chinese ("取号"
comes back garbled: measured 19 wrong results on the 316-image corpus).
ZBar 0.23 can instead hand over the raw payload bytes (ZBAR_CFG_BINARY), which
pyzbar does not expose, so this module drives the scanner through pyzbar's
low-level wrapper and guesses the charset itself.
"""

from __future__ import annotations

import ctypes

import numpy as np
from pyzbar import wrapper as zb

from hardware.scanning.charset import decode_payload

NAME = "zbar"

# zbar.h: zbar_config_e. pyzbar's enum predates ZBAR_CFG_BINARY.
_CFG_BINARY = 4
# fourcc "Y800": 8-bit grey, one byte per pixel.
_Y800 = 0x30303859


class ZbarReader:
    """One ZBar image scanner set up for QR only, raw bytes out. Not thread-safe: one per thread."""

    def __init__(self) -> None:
        self._scanner = zb.zbar_image_scanner_create()
        zb.zbar_image_scanner_set_config(self._scanner, zb.ZBarSymbol.NONE, zb.ZBarConfig.CFG_ENABLE, 0)
        zb.zbar_image_scanner_set_config(self._scanner, zb.ZBarSymbol.QRCODE, zb.ZBarConfig.CFG_ENABLE, 1)
        zb.zbar_image_scanner_set_config(self._scanner, zb.ZBarSymbol.QRCODE, _CFG_BINARY, 1)

    def __del__(self) -> None:
        scanner = getattr(self, "_scanner", None)
        if scanner:
            zb.zbar_image_scanner_destroy(scanner)
            self._scanner = None

    def raw(self, gray: np.ndarray) -> list[bytes]:
        """Payload bytes of every QR code ZBar finds in a grey uint8 image."""
        pixels = np.ascontiguousarray(gray, dtype=np.uint8)
        height, width = pixels.shape[:2]
        image = zb.zbar_image_create()
        try:
            zb.zbar_image_set_format(image, _Y800)
            zb.zbar_image_set_size(image, width, height)
            zb.zbar_image_set_data(image, pixels.ctypes.data, pixels.size, None)
            if zb.zbar_scan_image(self._scanner, image) <= 0:
                return []
            out = []
            symbol = zb.zbar_image_first_symbol(image)
            while symbol:
                data = ctypes.cast(zb.zbar_symbol_get_data(symbol), ctypes.c_void_p)
                out.append(ctypes.string_at(data, zb.zbar_symbol_get_data_length(symbol)))
                symbol = zb.zbar_symbol_next(symbol)
            return out
        finally:
            zb.zbar_image_destroy(image)

    def read(self, gray: np.ndarray) -> list[tuple[str, str]]:
        """(type, text) of every QR code whose payload is valid text."""
        out = []
        for payload in self.raw(gray):
            text = decode_payload(payload)
            if text is not None:
                out.append(("QRCode", text))
        return out
