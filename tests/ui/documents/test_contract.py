"""The contract on paper (the signed text, A4 with page numbers) and on screen (≤ 36 characters a line)."""

from __future__ import annotations

import unicodedata
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_helpers import FULL_ID, page_count, pdf_text, squeeze  # noqa: E402

from kiosk.privacy import mask_id  # noqa: E402
from kiosk.services.signatures import sample_bundle  # noqa: E402
from ui.documents import Ink, PdfPreview  # noqa: E402
from ui.qt import QColor  # noqa: E402
from ui.documents import contract_screen_pages, render_contract  # noqa: E402
from ui.documents import samples as s  # noqa: E402
from ui.documents.contract import NO_LINE_START, wrap_for_screen  # noqa: E402


def width(line: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F", "A") else 0.5 for c in line)


def test_the_paper_carries_every_line_of_the_signed_text(tmp_path: Path) -> None:
    doc = s.contract(training=False)
    pdf = render_contract(doc)
    text = pdf_text(pdf, tmp_path)
    flat = squeeze(text)
    for line in doc.text.splitlines():
        assert squeeze(line) in flat, line
    # fields, amounts in yuan and in capital numerals, date, names
    assert "410425001003GB00128F00010201" in text and doc.contract_id in flat
    assert "449,290.00" in text and "肆拾肆万玖仟贰佰玖拾元整" in flat
    assert "2026-11-28" in text and "胡立新" in text and "熊春燕" in text
    assert "JXWQ2026-000183" in text                       # filing number
    assert "培训数据" not in text


def test_pages_are_numbered_and_footed_with_the_signed_hash(tmp_path: Path) -> None:
    doc = s.contract(signed=False)
    pdf = render_contract(doc)
    pages = page_count(pdf, tmp_path)
    assert pages >= 2
    text = squeeze(pdf_text(pdf, tmp_path))
    for n in range(1, pages + 1):
        assert f"第{n}页共{pages}页" in text
    assert text.count(doc.doc_sha256[:16]) == pages
    assert text.count("培训数据·非正式文件") == pages    # training data says so on every page


def test_the_contract_names_buyers_in_full_as_signed(tmp_path: Path) -> None:
    # The sale contract is the legal text the buyers signed: it identifies them in full.
    text = pdf_text(render_contract(s.contract()), tmp_path)
    assert {b.id_number for b in s.holders()} <= set(FULL_ID.findall(text))


def test_english_frame_around_the_chinese_text(tmp_path: Path) -> None:
    text = pdf_text(render_contract(s.contract(), "en"), tmp_path)
    assert "Page 1 of 3" in text and "Contract HT-" in text and "TRAINING DATA" in text
    assert "第一条 项目建设依据" in text       # the contract itself stays as signed


def test_screen_pages_keep_to_36_characters_and_mask_id_numbers() -> None:
    text = s.contract_text()
    pages = contract_screen_pages(text)
    lines = [line for page in pages for line in page]
    assert len(pages) > 3 and all(len(page) <= 12 for page in pages)
    assert max(width(line) for line in lines) <= 36
    assert any(width(line) >= 35 for line in lines)          # lines are filled, not short
    assert not any(line and line[0] in NO_LINE_START for line in lines)
    assert not any(FULL_ID.search(line) for line in lines)
    joined = "".join(lines)
    for holder in s.holders():
        assert mask_id(holder.id_number) in joined
    # nothing is lost or reordered: the pages are the masked text, re-wrapped
    expected = squeeze(text)
    for holder in s.holders():
        expected = expected.replace(holder.id_number, mask_id(holder.id_number))
    assert squeeze(joined) == expected
    assert all(page[0] for page in pages)                    # no page starts with a blank line


def test_screen_wrapping_rules() -> None:
    # a comma never starts a line: the character before it goes down with it
    assert wrap_for_screen("一二三四五，六七", 5) == ["一二三四", "五，六七"]
    # an opening bracket never ends a line
    assert wrap_for_screen("一二三四（五）", 5) == ["一二三四", "（五）"]
    # a unit code is not split when it fits a line
    code = "410425001003GB00128F00010201"
    lines = wrap_for_screen("不动产单元代码：" + code, 20)
    assert lines == ["不动产单元代码：", code]
    # a code longer than a line is split by characters, never beyond the limit
    assert all(width(line) <= 5 for line in wrap_for_screen(code, 5))
    assert contract_screen_pages(f"甲 {code[:6]}19900101123X 乙", mask_ids=False)[0][0].endswith("123X 乙")


def test_the_signature_page_shows_each_buyers_ink_from_the_signed_bundle(tmp_path: Path) -> None:
    bundle = sample_bundle("ab" * 32, seed=3)
    ink = Ink.from_bundle(bundle)
    assert len(ink.strokes) == 2 and ink.box_mm == (240.0, 90.0)
    assert ink.strokes[0][0] == (bundle["strokes"][0][0][0], bundle["strokes"][0][0][1])
    doc = dataclasses.replace(s.contract(), signatures=(("胡立新", ink), ("熊春燕", s.ink(1))))
    pdf = render_contract(doc)
    pages = page_count(pdf, tmp_path)
    flat = squeeze(pdf_text(pdf, tmp_path))
    assert "签名页" in flat and "买受人1：胡立新" in flat and "买受人2：熊春燕" in flat
    last = PdfPreview(pdf).page(pages - 1, 420)
    # ink inside the first signature box (20..110 mm across, below the heading), none in the right half
    scale = 420 / 210
    inked = [(x, y) for y in range(0, last.height(), 2) for x in range(0, last.width(), 2)
             if QColor(last.pixel(x, y)).lightness() < 100]
    assert any(22 * scale < x < 108 * scale for x, _ in inked)
    assert not any(x > 115 * scale and 50 * scale < y < 250 * scale for x, y in inked)
    unsigned = dataclasses.replace(doc, signatures=())
    assert page_count(render_contract(unsigned), tmp_path) == pages - 1
