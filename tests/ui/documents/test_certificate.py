"""The certificate page: each field inside its box on the form, calibration offsets moving fields by exactly
the offset, ID numbers per the layout, text that does not fit refused, and the calibration test print."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_helpers import FULL_ID, Word, pdf_text, pdf_words, squeeze  # noqa: E402

from hardware.a4 import Calibration  # noqa: E402
from kiosk.errors import ValidationError  # noqa: E402
from kiosk.privacy import mask_id  # noqa: E402
from ui.documents import (  # noqa: E402
    CertificateLayout, DocumentError, render_calibration_page, render_certificate_page, render_certificate_preview,
)
from ui.documents import samples as s  # noqa: E402
from ui.documents.certificate import LAYOUT_PATH, FieldBox, field_texts  # noqa: E402
from ui.documents.text import Texts  # noqa: E402

TOLERANCE = 0.3   # mm: glyph boxes as pdftotext reports them


def inside(word: Word, box: FieldBox) -> bool:
    return (box.x - TOLERANCE <= word.x0 and word.x1 <= box.x + box.w + TOLERANCE
            and box.y - TOLERANCE <= word.y0 and word.y1 <= box.y + box.h + TOLERANCE)


def centre_in(word: Word, box: FieldBox) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2
    return box.x <= cx <= box.x + box.w and box.y <= cy <= box.y + box.h


def assert_fields_in_boxes(words: list[Word], layout: CertificateLayout, calibration: Calibration) -> None:
    texts = field_texts(s.certificate_page(), layout, Texts())
    claimed = 0
    for name, box in layout.fields.items():
        moved = box.moved(calibration.dx_mm, calibration.dy_mm)
        mine = [w for w in words if centre_in(w, moved)]
        assert squeeze("".join(w.text for w in mine)) == squeeze("".join(texts[name])), name
        for word in mine:
            assert inside(word, moved), (name, word)
        claimed += len(mine)
    assert claimed == len(words)          # nothing printed outside the fields


def layout_with(**changes: object) -> CertificateLayout:
    raw = json.loads(LAYOUT_PATH.read_text(encoding="utf-8"))
    raw.update(changes)
    return CertificateLayout.from_dict(raw)


def test_every_field_is_printed_inside_its_box(tmp_path: Path) -> None:
    layout = CertificateLayout.load()
    words = pdf_words(render_certificate_page(s.certificate_page()), tmp_path)
    assert {w.page for w in words} == {1}
    assert_fields_in_boxes(words, layout, Calibration())


@pytest.mark.parametrize("dx,dy", [(2.5, -1.5), (-4.0, 3.25)])
def test_calibration_moves_every_field_by_exactly_the_offset(tmp_path: Path, dx: float, dy: float) -> None:
    layout = CertificateLayout.load()
    plain = pdf_words(render_certificate_page(s.certificate_page()), tmp_path)
    moved = pdf_words(render_certificate_page(s.certificate_page(), calibration=Calibration(dx, dy)), tmp_path)
    assert [w.text for w in moved] == [w.text for w in plain]
    for before, after in zip(plain, moved, strict=True):
        assert after.x0 - before.x0 == pytest.approx(dx, abs=0.02)
        assert after.y0 - before.y0 == pytest.approx(dy, abs=0.02)
        assert after.x1 - after.x0 == pytest.approx(before.x1 - before.x0, abs=0.02)
    assert_fields_in_boxes(moved, layout, Calibration(dx, dy))


def test_the_fields_read_as_the_certificate_says(tmp_path: Path) -> None:
    page = s.certificate_page()
    text = pdf_text(render_certificate_page(page), tmp_path)
    flat = squeeze(text)
    for expected in (page.certificate_no, "胡立新、熊春燕", "共同共有", squeeze(page.location), page.unit_code,
                     "国有建设用地使用权/房屋所有权", "出让/市场化商品房", "城镇住宅用地/住宅", "89.50㎡",
                     "2091年06月29日止", "房屋结构：钢筋混凝土结构", "2026年11月28日"):
        assert expected in flat, expected
    # the national form has no ID-number field: no ID number at all, masked or not
    assert FULL_ID.findall(text) == [] and "****" not in text
    assert "培训" not in text
    assert page.serial not in text        # the serial is pre-printed on the sheet, never printed over


def test_a_local_form_with_an_id_field_gets_them_masked_unless_the_layout_says_full(tmp_path: Path) -> None:
    raw = json.loads(LAYOUT_PATH.read_text(encoding="utf-8"))
    raw["fields"]["holder_ids"] = {"label": "证件号", "box": [52, 236, 138, 14], "size_pt": 10}
    masked = CertificateLayout.from_dict(raw)
    text = pdf_text(render_certificate_page(s.certificate_page(), layout=masked), tmp_path)
    assert FULL_ID.findall(text) == []
    for holder in s.holders():
        assert mask_id(holder.id_number) in text
    full = CertificateLayout.from_dict({**raw, "id_number_display": "full"})
    words = pdf_words(render_certificate_page(s.certificate_page(), layout=full), tmp_path)
    text = " ".join(w.text for w in words)
    assert sorted(FULL_ID.findall(text)) == sorted(h.id_number for h in s.holders())
    box = full.fields["holder_ids"]
    for word in words:
        if FULL_ID.fullmatch(word.text):
            assert inside(word, box)


def test_a_long_text_is_set_smaller_to_stay_in_its_box_and_refused_when_it_cannot(tmp_path: Path) -> None:
    layout = CertificateLayout.load()
    long_location = "河南省平顶山市郏县龙山街道青龙路188号龙山花园小区" * 3
    page = dataclasses.replace(s.certificate_page(), location=long_location)
    words = pdf_words(render_certificate_page(page, layout=layout), tmp_path)
    box = layout.fields["location"]
    mine = [w for w in words if centre_in(w, box)]
    assert squeeze("".join(w.text for w in mine)) == long_location
    assert all(inside(w, box) for w in mine) and len({round(w.y0, 1) for w in mine}) >= 2
    with pytest.raises(DocumentError) as err:
        render_certificate_page(dataclasses.replace(page, location=long_location * 10), layout=layout)
    assert err.value.code == "certificate_overflow" and "坐落" in str(err.value)


def test_training_pages_say_so(tmp_path: Path) -> None:
    text = pdf_text(render_certificate_page(s.certificate_page(training=True)), tmp_path)
    assert "培训样张" in squeeze(text)


@pytest.mark.parametrize("change,message", [
    ({"fields": {"holders": {"box": [0, 0, 10, 10]}}}, "no box for certificate_no"),
    ({"sheet_mm": [100, 100]}, "outside"),
    ({"id_number_display": "partly"}, "masked"),
])
def test_bad_layouts_are_refused_with_the_reason(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as err:
        layout_with(**change)
    assert message in str(err.value)


def test_an_unknown_field_is_refused() -> None:
    raw = json.loads(LAYOUT_PATH.read_text(encoding="utf-8"))
    raw["fields"]["seal"] = {"box": [1, 1, 10, 10]}
    with pytest.raises(ValidationError, match="unknown field seal"):
        CertificateLayout.from_dict(raw)


def test_the_calibration_page_marks_each_field_at_its_calibrated_place(tmp_path: Path) -> None:
    layout = CertificateLayout.load()
    calibration = Calibration(1.5, -0.5)
    pdf = render_calibration_page(layout, calibration=calibration, printer="cups://HP_M404")
    words = pdf_words(pdf, tmp_path)
    flat = squeeze(" ".join(w.text for w in words))
    assert "证书套打校准页" in flat and "cups://HP_M404" in flat and "dx=+1.5mm" in flat and "dy=-0.5mm" in flat
    plain = pdf_words(render_calibration_page(layout), tmp_path)
    for box in layout.fields.values():
        label = next(w for w in words if w.text == box.label)
        assert label.x0 == pytest.approx(box.x + 3 + 1.5, abs=0.3)
        original = next(w for w in plain if w.text == box.label)
        assert (label.x0 - original.x0, label.y0 - original.y0) == (pytest.approx(1.5, abs=0.02),
                                                                   pytest.approx(-0.5, abs=0.02))
    assert "50" in [w.text for w in words]    # ruler numbers


def test_english_date_on_the_form(tmp_path: Path) -> None:
    text = pdf_text(render_certificate_page(s.certificate_page(), language="en"), tmp_path)
    assert "2026-11-28" in text


def test_the_preview_draws_the_form_under_the_same_fields(tmp_path: Path) -> None:
    layout = CertificateLayout.load()
    printed = pdf_words(render_certificate_page(s.certificate_page(), calibration=Calibration(1, 1)), tmp_path)
    preview = pdf_words(render_certificate_preview(s.certificate_page(), calibration=Calibration(1, 1)), tmp_path)
    for word in printed:   # every printed word is in the preview at the same place
        assert any(p.text == word.text and abs(p.x0 - word.x0) < 0.02 and abs(p.y0 - word.y0) < 0.02
                   for p in preview), word
    labels = {w.text for w in preview} - {w.text for w in printed}
    assert {box.label for box in layout.fields.values()} <= labels
