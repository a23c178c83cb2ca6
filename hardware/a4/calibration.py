"""Per-printer calibration of the certificate page: where a printer really puts a point, in mm.

Every printer feeds security paper a little differently. A technician prints the
calibration page (``ui.documents.certificate.render_calibration_page``) on a sheet of
plain paper laid on a spoiled certificate form, measures how far the printed
crosses land from the form's marks, and records the offset here. Positive ``dx``
moves every field right, positive ``dy`` moves it down.

The book is a small JSON file in the data directory (``a4_calibration.json``)::

    {"version": 1, "printers": {"cups://HP_LaserJet": {"dx_mm": 1.5, "dy_mm": -0.8}}}
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from hardware.printer.atomic import write_atomic
from kiosk.errors import ConfigError, ValidationError

MAX_OFFSET_MM = 15.0   # a larger offset means the paper is loaded wrongly, not a calibration


@dataclass(frozen=True)
class Calibration:
    dx_mm: float = 0.0
    dy_mm: float = 0.0

    def __post_init__(self) -> None:
        for name in ("dx_mm", "dy_mm"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValidationError(f"calibration {name} must be a number of millimetres, not {value!r}",
                                      field=name)
            if abs(value) > MAX_OFFSET_MM:
                raise ValidationError(f"calibration {name} = {value} mm is more than {MAX_OFFSET_MM:g} mm",
                                      field=name, hint="check that the paper is loaded against the guide, "
                                                       "then print the calibration page again")


class CalibrationBook:
    """The offsets of every A4 printer this kiosk has used, by printer URI; unknown printers get (0, 0)."""

    FILE = "a4_calibration.json"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def _read(self) -> dict[str, Calibration]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise ConfigError(f"the A4 calibration file {self.path} cannot be read: {exc}",
                              hint="delete it and calibrate the certificate printer again") from None
        printers = raw.get("printers") if isinstance(raw, dict) else None
        if not isinstance(printers, dict):
            raise ConfigError(f"the A4 calibration file {self.path} has no 'printers' table",
                              hint="delete it and calibrate the certificate printer again")
        book = {}
        for name, entry in printers.items():
            try:
                book[name] = Calibration(float(entry["dx_mm"]), float(entry["dy_mm"]))
            except (KeyError, TypeError, ValueError, ValidationError) as exc:
                raise ConfigError(f"the A4 calibration of {name} in {self.path} is not valid: {exc}",
                                  hint="calibrate that printer again") from None
        return book

    def get(self, printer: str) -> Calibration:
        return self._read().get(printer, Calibration())

    def all(self) -> dict[str, Calibration]:
        return self._read()

    def set(self, printer: str, calibration: Calibration) -> None:
        book = self._read()
        book[printer] = calibration
        data = {"version": 1, "printers": {name: {"dx_mm": c.dx_mm, "dy_mm": c.dy_mm}
                                           for name, c in sorted(book.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())
