"""The certificate page on security paper, placed on the pre-printed form by a calibrated layout.

The layout (``resources/documents/certificate_layout.json``) gives each field's box
in millimetres on the sheet; a printer's calibration (``hardware.a4.Calibration``)
shifts every field by (dx, dy) mm. A text that does not fit its box is set smaller,
down to the field's ``min_pt``, and refused beyond that rather than printed over
the form's rules. ``render_calibration_page`` prints crosses and rulers at the
field positions so a technician can measure a printer's offsets.

ID numbers: the national 2015 form has no ID-number field (the holder is identified
by the register, not the certificate), so the default layout prints none. A local
form that has one adds a ``holder_ids`` field; the layout's ``id_number_display``
then says how it is printed: "masked" (the default: first 6 + last 4, as design.md
and domain.md want every printout the kiosk makes) or "full" where the registration
office confirms its form requires it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hardware.a4.calibration import Calibration
from kiosk.errors import ValidationError
from kiosk.privacy import mask_id
from kiosk.resources import RESOURCES_DIR
from ui.documents.canvas import Box, DocumentError, Line, Measure, Op, Sheet, Text, paint, to_mm
from ui.documents.model import CertificatePage
from ui.documents.text import Texts, fill

LAYOUT_PATH = RESOURCES_DIR / "documents" / "certificate_layout.json"
FIELDS = ("certificate_no", "holders", "holder_ids", "ownership", "location", "unit_code", "right_type",
          "right_nature", "use", "area", "term", "other", "registered_on")
REQUIRED = tuple(f for f in FIELDS if f != "holder_ids")
LINE_FACTOR = 1.25
PAD = 1.0   # mm inside the box
NO_OFFSET = Calibration()


@dataclass(frozen=True)
class FieldBox:
    name: str
    label: str
    x: float
    y: float
    w: float
    h: float
    size_pt: float = 11.0
    min_pt: float = 7.0
    align: str = "left"

    def moved(self, dx: float, dy: float) -> FieldBox:
        return FieldBox(self.name, self.label, self.x + dx, self.y + dy, self.w, self.h, self.size_pt,
                        self.min_pt, self.align)


@dataclass(frozen=True)
class CertificateLayout:
    name: str
    sheet_mm: tuple[float, float]
    fields: Mapping[str, FieldBox]
    marks: tuple[tuple[float, float], ...] = ()
    id_number_display: str = "masked"

    @classmethod
    def load(cls, path: Path | str = LAYOUT_PATH) -> CertificateLayout:
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(f"the certificate layout {path} cannot be read: {exc}", field="layout",
                                  hint="reinstall the kiosk or fix the layout file") from None
        return cls.from_dict(raw, source=str(path))

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], *, source: str = "layout") -> CertificateLayout:
        def bad(message: str) -> ValidationError:
            return ValidationError(f"certificate layout {source}: {message}", field="layout",
                                   hint="each field is {\"box\": [x, y, width, height]} in millimetres")
        try:
            width, height = (float(v) for v in raw["sheet_mm"])
            fields_raw = dict(raw["fields"])
        except (KeyError, TypeError, ValueError):
            raise bad("needs sheet_mm [width, height] and a fields table") from None
        unknown = sorted(set(fields_raw) - set(FIELDS))
        missing = [f for f in REQUIRED if f not in fields_raw]
        if unknown or missing:
            raise bad("unknown field " + ", ".join(unknown) if unknown else "no box for " + ", ".join(missing))
        display = raw.get("id_number_display", "masked")
        if display not in ("masked", "full"):
            raise bad(f"id_number_display is 'masked' or 'full', not {display!r}")
        boxes = {}
        for name, spec in fields_raw.items():
            try:
                x, y, w, h = (float(v) for v in spec["box"])
                box = FieldBox(name, str(spec.get("label", name)), x, y, w, h, float(spec.get("size_pt", 11)),
                               float(spec.get("min_pt", 7)), str(spec.get("align", "left")))
            except (KeyError, TypeError, ValueError):
                raise bad(f"field {name} has no valid box") from None
            if w <= 2 * PAD or h <= 0 or x < 0 or y < 0 or x + w > width or y + h > height:
                raise bad(f"the box of {name} lies outside the {width:g} x {height:g} mm sheet or is empty")
            if box.align not in ("left", "center"):
                raise bad(f"field {name}: align is left or center")
            boxes[name] = box
        marks = tuple((float(m[0]), float(m[1])) for m in raw.get("marks", ()))
        return cls(str(raw.get("name", source)), (width, height), boxes, marks, display)


def field_texts(page: CertificatePage, layout: CertificateLayout, tx: Texts) -> dict[str, list[str]]:
    """Each field's paragraphs as printed."""
    ids = [f"{h.name}  {h.id_number if layout.id_number_display == 'full' else mask_id(h.id_number)}"
           for h in page.holders]
    return {
        "certificate_no": [page.certificate_no],
        "holders": ["、".join(h.name for h in page.holders)],
        "holder_ids": ids,
        "ownership": [page.ownership],
        "location": [page.location],
        "unit_code": [page.unit_code],
        "right_type": [page.right_type],
        "right_nature": [page.right_nature],
        "use": [page.use],
        "area": [page.area],
        "term": [page.term],
        "other": list(page.other),
        "registered_on": [tx.date(page.registered_on)] if page.registered_on else [],
    }


def _fit(measure: Measure, box: FieldBox, paragraphs: list[str]) -> tuple[float, list[str]]:
    size = box.size_pt
    width, height = box.w - 2 * PAD, box.h
    while True:
        lines = [line for p in paragraphs for line in measure.wrap(p, size, width)]
        if len(lines) * measure.line_height(size, LINE_FACTOR) <= height:
            return size, lines
        if size - 0.5 < box.min_pt:
            raise DocumentError(f"the {box.label} ({box.name}) does not fit its box on the certificate form "
                                f"even at {box.min_pt:g} pt", code="certificate_overflow",
                                hint="shorten the text or enlarge the box in the certificate layout")
        size -= 0.5


def _place(measure: Measure, box: FieldBox, paragraphs: list[str]) -> list[Op]:
    if not any(paragraphs):
        return []
    size, lines = _fit(measure, box, paragraphs)
    lh = measure.line_height(size, LINE_FACTOR)
    glyph = to_mm(measure.metrics(size).height())
    # One line sits in the middle of its box; several start at the top.
    top = box.y + (box.h - lh * len(lines)) / 2 if len(lines) == 1 else box.y
    ops: list[Op] = []
    for n, line in enumerate(lines):
        x = box.x + PAD
        if box.align == "center":
            x = box.x + (box.w - measure.width(line, size)) / 2
        ops.append(Text(x, top + n * lh + (lh - glyph) / 2 + measure.ascent(size), line, size))
    return ops


def render_certificate_page(page: CertificatePage, *, layout: CertificateLayout | None = None,
                            calibration: Calibration = NO_OFFSET, language: str = "zh_CN") -> bytes:
    """The fields of ``page`` at their boxes, moved by the printer's calibration; nothing else is printed
    (the form, its labels and the seal are pre-printed), except a training banner on training data."""
    layout = layout or CertificateLayout.load()
    tx = Texts(language)
    measure = Measure()
    texts = field_texts(page, layout, tx)
    sheet = Sheet(custom_mm=layout.sheet_mm)
    for name, box in layout.fields.items():
        sheet.pages[0].extend(_place(measure, box.moved(calibration.dx_mm, calibration.dy_mm), texts[name]))
    if page.training:
        banner = tx.translate("CertificatePage", "TRAINING SAMPLE · NOT A CERTIFICATE")
        sheet.pages[0].append(Text(20 + calibration.dx_mm, 12 + calibration.dy_mm, banner, 14, True))
    title = fill(tx.translate("CertificatePage",
                              "Real estate title certificate %1"), page.serial or page.certificate_no)
    return paint(sheet, title=title)


FORM_INK = "#8c8c8c"


def render_certificate_preview(page: CertificatePage, *, layout: CertificateLayout | None = None,
                               calibration: Calibration = NO_OFFSET, language: str = "zh_CN") -> bytes:
    """For the screen before printing on security paper: the fields exactly as they will print (with the
    printer's calibration) over a grey drawing of the form's boxes and labels at their nominal places, so
    staff see a misplaced or squeezed field before a sheet is spent. Never sent to a printer."""
    layout = layout or CertificateLayout.load()
    tx = Texts(language)
    measure = Measure()
    form: list[Op] = []
    for box in layout.fields.values():
        form.append(Box(box.x, box.y, box.w, box.h, width=0.2, color=FORM_INK))
        middle = box.y + min(box.h, 14) / 2 + 1.5
        # labels of the table's value column sit in its label column; other boxes are labelled on their left
        x = 20.0 if box.x < 70 else box.x - measure.width(box.label, 9) - 2
        form.append(Text(x, middle, box.label, 9, color=FORM_INK))
    note = tx.translate("CertificatePage",
                        "Preview · grey: the form pre-printed on the sheet; black: what will be printed")
    form.append(Text(20, 12, note, 9, color=FORM_INK))
    sheet = Sheet(custom_mm=layout.sheet_mm)
    sheet.pages[0].extend(form)
    for name, box in layout.fields.items():
        sheet.pages[0].extend(_place(measure, box.moved(calibration.dx_mm, calibration.dy_mm),
                                     field_texts(page, layout, tx)[name]))
    return paint(sheet, title=tx.translate("CertificatePage", "Certificate preview"))


def _cross(x: float, y: float, arm: float = 4.0) -> list[Op]:
    return [Line(x - arm, y, x + arm, y, 0.2), Line(x, y - arm, x, y + arm, 0.2)]


def render_calibration_page(layout: CertificateLayout | None = None, *, calibration: Calibration = NO_OFFSET,
                            printer: str = "", language: str = "zh_CN") -> bytes:
    """The test print: rulers along the top and left edges, a cross at each field box's top-left corner and
    at the form's reference marks, each box dashed with its name, and the offsets in use."""
    layout = layout or CertificateLayout.load()
    tx = Texts(language)
    dx, dy = calibration.dx_mm, calibration.dy_mm
    width, height = layout.sheet_mm
    ops: list[Op] = []
    for x in range(0, int(width) + 1):          # top ruler, a tick per mm, numbers every 10 mm
        tick = 4.0 if x % 10 == 0 else 2.5 if x % 5 == 0 else 1.5
        ops.append(Line(x + dx, dy, x + dx, tick + dy, 0.12))
        if x % 10 == 0 and 0 < x < width:
            ops.append(Text(x + dx + 0.5, 7 + dy, str(x), 5))
    for y in range(0, int(height) + 1):         # left ruler
        tick = 4.0 if y % 10 == 0 else 2.5 if y % 5 == 0 else 1.5
        ops.append(Line(dx, y + dy, tick + dx, y + dy, 0.12))
        if y % 10 == 0 and 0 < y < height:
            ops.append(Text(5 + dx, y + dy + 0.8, str(y), 5))
    for mx, my in layout.marks:
        ops.extend(_cross(mx + dx, my + dy, 6.0))
    for box in layout.fields.values():
        moved = box.moved(dx, dy)
        ops.append(Box(moved.x, moved.y, moved.w, moved.h, width=0.15, dashed=True))
        ops.extend(_cross(moved.x, moved.y, 2.5))
        ops.append(Text(moved.x + 3, moved.y + 4.2, f"{box.label} ({box.x:g}, {box.y:g})", 7))
    lines = [
        tx.translate("CertificatePage", "Certificate printing calibration page"),
        fill(tx.translate("CertificatePage", "Printer: %1    offset in use: dx = %2 mm, dy = %3 mm"),
             printer or "-", f"{dx:+.1f}", f"{dy:+.1f}"),
        tx.translate("CertificatePage",
                     "1. Print this page on a spoiled certificate sheet (or lay it over one against the light)."),
        tx.translate("CertificatePage",
                     "2. Measure how far each cross lies from the matching corner of the form: right and down are positive."),
        tx.translate("CertificatePage",
                     "3. Add the difference to the current offset, save, and print this page again until it is under 0.5 mm."),
    ]
    top = 262.0 if height >= 290 else height - 30
    for n, line in enumerate(lines):
        ops.append(Text(20 + dx, top + dy + n * 5.5, line, 11 if n == 0 else 9, n == 0))
    sheet = Sheet(custom_mm=layout.sheet_mm, pages=[ops])
    return paint(sheet, title=tx.translate("CertificatePage", "Certificate printing calibration page"))
