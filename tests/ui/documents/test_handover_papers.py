"""The handover confirmation and the certificate receipt: fields, masked ID numbers, signature lines, QR."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_helpers import FULL_ID, pdf_text, squeeze  # noqa: E402
from PIL import Image  # noqa: E402
from pyzbar import pyzbar  # noqa: E402

from kiosk.privacy import mask_id  # noqa: E402
from ui.documents import render_certificate_receipt, render_handover_confirmation  # noqa: E402
from ui.documents import samples as s  # noqa: E402


@pytest.mark.parametrize("render,title,statement", [
    (render_handover_confirmation, "房屋交接确认书", "买受人确认已查验房屋并接收钥匙。"),
    (render_certificate_receipt, "不动产权证书领取确认", "买受人确认已领取上述不动产权证书。"),
])
def test_fields_and_masked_ids(tmp_path: Path, render, title, statement) -> None:  # type: ignore[no-untyped-def]
    papers = s.handover_papers(training=False)
    text = pdf_text(render(papers), tmp_path)
    flat = squeeze(text)
    for expected in (title, statement, papers.handover_id, papers.unit_code, papers.certificate_no,
                     "2026年11月28日", squeeze(papers.location), squeeze(papers.service_point), "第1页共1页"):
        assert expected in flat, expected
    for holder in papers.holders:
        assert holder.name in text and mask_id(holder.id_number) in text
    assert FULL_ID.findall(text) == []                    # never a full ID number
    assert flat.count("签名：") == len(papers.holders)      # one signature line per buyer present
    assert "培训数据" not in text
    assert ("HN2026-000101" in text) == (title == "不动产权证书领取确认")   # the serial is on the receipt only


def test_an_agent_is_named_masked_and_signs_for_the_absent(tmp_path: Path) -> None:
    papers = s.handover_papers(agent=True)
    text = pdf_text(render_certificate_receipt(papers), tmp_path)
    flat = squeeze(text)
    assert "王建国" in text and mask_id("410425198002023334") in text and "JXSQ-2026-0042" in text
    assert "委托代理人代为办理" in flat and "本人到场" in flat
    assert flat.count("签名：") == 2                        # the holder present and the agent
    assert FULL_ID.findall(text) == []
    assert "培训数据" in text


def test_the_receipt_qr_carries_the_verification_text(tmp_path: Path) -> None:
    papers = s.handover_papers()
    (tmp_path / "r.pdf").write_bytes(render_certificate_receipt(papers))
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "r.pdf"),
                    str(tmp_path / "r")], check=True)
    found = [c.data.decode() for c in pyzbar.decode(Image.open(tmp_path / "r.png"))]
    assert found == [papers.e_cert_qr]
    plain = dataclasses.replace(papers, e_cert_qr="")
    (tmp_path / "p.pdf").write_bytes(render_certificate_receipt(plain))
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "p.pdf"),
                    str(tmp_path / "p")], check=True)
    assert pyzbar.decode(Image.open(tmp_path / "p.png")) == []


def test_english_papers(tmp_path: Path) -> None:
    text = pdf_text(render_handover_confirmation(s.handover_papers(), "en"), tmp_path)
    assert "Handover confirmation" in text and "Page 1 of 1" in text and "2026-11-28" in text
    assert "The buyers confirm that they have inspected the home" in text
    assert FULL_ID.findall(text) == []


def test_each_signer_s_ink_sits_on_his_signature_line(tmp_path: Path) -> None:
    from ui.documents import PdfPreview
    from ui.qt import QColor

    papers = s.handover_papers(training=False)
    blank = dataclasses.replace(papers, holder_ink=())
    signed_img = PdfPreview(render_handover_confirmation(papers)).page(0, 420)
    blank_img = PdfPreview(render_handover_confirmation(blank)).page(0, 420)
    differ = [(x, y) for y in range(0, 420 * 297 // 210, 2) for x in range(0, 420, 2)
              if QColor(signed_img.pixel(x, y)).lightness() != QColor(blank_img.pixel(x, y)).lightness()]
    assert differ, "the ink is drawn"
    scale = 420 / 210
    # only in the signature area (left of the date column) and the dates filled in
    assert all(x < 190 * scale for x, _ in differ)
    text = squeeze(pdf_text(render_handover_confirmation(papers), tmp_path))
    assert text.count("2026年11月28日") == 1 + len(papers.present)   # the date field and each signed line
