"""Receipt layouts: column counting, wrapping, money, masking, strings, serialisation."""

from __future__ import annotations

from datetime import datetime

import pytest

from hardware.printer.columns import pad_between, text_columns, wrap
from hardware.printer.layout import PAPERS, Line, QRCode, ReceiptBuilder, paper_for
from hardware.printer.receipts import (Buyer, HandoverReceipt, MailingSlip, PaymentItem, PaymentReceipt, format_yuan,
                                       handover_receipt, mailing_slip, payment_receipt)
from hardware.printer.strings import RECEIPT_STRINGS, receipt_strings
from kiosk.errors import ValidationError

ID_NUMBER = "410425199001011234"
WHEN = datetime(2026, 11, 28, 9, 30, 5)


def handover() -> HandoverReceipt:
    return HandoverReceipt(unit_code="410425001001GB00001F00010001", certificate_number="豫(2026)郏县不动产权第0001234号",
                           printed_serial="41001234567", buyers=(Buyer("张三丰", ID_NUMBER), Buyer("李四", "41042519920202002X")),
                           handed_over_at=WHEN, service_point="郏县某某置业售楼部便民服务网点",
                           verification_url="https://bdc.example.gov.cn/v?t=abc123")


def lines(ops) -> list[Line]:
    return [op for op in ops if isinstance(op, Line)]


def test_cjk_characters_count_two_columns() -> None:
    assert text_columns("ABC") == 3
    assert text_columns("交房即交证") == 10
    assert text_columns("：（）") == 6
    assert text_columns("A交") == 3


def test_wrap_keeps_phrases_and_never_exceeds_width() -> None:
    assert wrap("交房即交证 打印测试", 16) == ["交房即交证", "打印测试"]
    text = "河南省平顶山市郏县龙山大道一二三号某某小区三号楼二单元五零一室 Building 3 Unit 2"
    for cols in (16, 32, 48):
        out = wrap(text, cols, indent=4)
        assert all(text_columns(line) <= cols for line in out)
        assert "".join(line.strip() for line in out).replace(" ", "") == text.replace(" ", "")


def test_wrap_never_splits_a_wide_character_over_the_edge() -> None:
    assert wrap("A交房即交证", 4) == ["A交", "房即", "交证"]


def test_pad_between_aligns_right_or_refuses() -> None:
    assert pad_between("合计", "12.00", 12) == "合计   12.00"
    assert pad_between("合计合计合计", "12.00", 12) is None


@pytest.mark.parametrize("fen,text", [(0, "0.00"), (5, "0.05"), (100, "1.00"), (123456, "1,234.56"),
                                      (-1999, "-19.99"), (10_000_000_00, "10,000,000.00")])
def test_format_yuan(fen: int, text: str) -> None:
    assert format_yuan(fen) == text


@pytest.mark.parametrize("bad", [1.5, "100", True])
def test_format_yuan_refuses_non_integer_fen(bad) -> None:
    with pytest.raises(ValidationError):
        format_yuan(bad)


@pytest.mark.parametrize("mm", [58, 80])
def test_handover_receipt_masks_ids_and_fits_paper(mm: int) -> None:
    paper = paper_for(mm)
    ops = handover_receipt(handover(), paper)
    printed = [line.text for line in lines(ops)]
    text = "\n".join(printed)
    assert ID_NUMBER not in text and "41042519920202002X" not in text
    assert "410425********1234" in text and "410425********002X" in text
    assert "张**" in text and "张三丰" not in text
    assert "交房即交证" in text
    for line in lines(ops):
        assert text_columns(line.text) * line.scale <= paper.columns, line
    assert [op for op in ops if isinstance(op, QRCode)] == [QRCode("https://bdc.example.gov.cn/v?t=abc123", module=6 if mm == 80 else 5)]


def test_payment_receipt_totals_in_fen_and_lists_each_payee() -> None:
    items = (PaymentItem("国家税务总局郏县税务局", "契税", 1_234_567),
             PaymentItem("郏县不动产登记中心", "登记费", 8000),
             PaymentItem("住房专项维修资金", "维修资金", 5, paid=False))
    ops = payment_receipt(PaymentReceipt("P20261128001", "410425001001GB00001F00010001", items, WHEN, "网点"), PAPERS[58])
    text = [line.text for line in lines(ops)]
    assert any(t.startswith("合计") and t.endswith("12,425.72") for t in text)
    assert any(t.endswith("12,345.67") for t in text)
    assert any("未缴" in t and t.endswith("0.05") for t in text)
    assert all(text_columns(t) <= 32 for t in text)


def test_payment_receipt_names_payee_codes_and_marks_training() -> None:
    items = (PaymentItem("tax_bureau", "契税", 100), PaymentItem("maintenance_fund", "住宅专项维修资金", 200))
    real = [line.text.strip() for line in lines(payment_receipt(
        PaymentReceipt("P1", "410425001001GB00001F00010001", items, WHEN, "网点"), PAPERS[80]))]
    assert "税务机关" in real and "住宅专项维修资金" in real and "tax_bureau" not in real
    assert "【演练数据 不作凭证】" not in real
    training = [line.text.strip() for line in lines(payment_receipt(
        PaymentReceipt("P1", "410425001001GB00001F00010001", items, WHEN, "网点", training=True), PAPERS[80]))]
    assert "【演练数据 不作凭证】" in training
    english = [line.text.strip() for line in lines(payment_receipt(
        PaymentReceipt("P1", "410425001001GB00001F00010001", items, WHEN, "网点"), PAPERS[80], language="en"))]
    assert "Tax bureau" in english


def test_mailing_slip_has_full_address_for_the_courier() -> None:
    slip = MailingSlip("豫(2026)郏县不动产权第0001234号", "410425001001GB00001F00010001", "张三丰", "13812345678",
                       "河南省平顶山市郏县龙山大道1号", "467100", WHEN, "网点", tracking_number="SF123")
    text = "\n".join(line.text for line in lines(mailing_slip(slip, PAPERS[80])))
    assert "张三丰" in text and "13812345678" in text and "SF123" in text and "467100" in text
    no_postcode = MailingSlip("豫(2026)郏县不动产权第0001234号", "410425001001GB00001F00010001", "张三丰", "13812345678",
                              "河南省平顶山市郏县龙山大道1号", "", WHEN, "网点", training=True)
    text = "\n".join(line.text for line in lines(mailing_slip(no_postcode, PAPERS[80])))
    assert "邮编" not in text and "【演练数据 不作凭证】" in text


def test_english_strings_cover_every_chinese_key() -> None:
    assert set(RECEIPT_STRINGS["zh"]) == set(RECEIPT_STRINGS["en"])
    ops = handover_receipt(handover(), PAPERS[80], language="en")
    assert any("Certificate no." in line.text for line in lines(ops))
    with pytest.raises(ValidationError) as err:
        receipt_strings("fr")
    assert err.value.field == "language"


def test_builder_cleans_control_characters_so_data_cannot_inject_commands() -> None:
    ops = ReceiptBuilder(PAPERS[80]).field("姓名", "张\x1b@\x1dV\x00三").build()
    assert not any(ch < " " for op in ops for ch in op.text)
    with pytest.raises(ValidationError):
        Line("bad\x1bE")


def test_unknown_paper_width_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        paper_for(76)
    assert err.value.field == "width"


def test_codes_are_never_split_when_a_line_can_hold_them() -> None:
    code = "410425001001GB00001F00010001"
    ops = ReceiptBuilder(PAPERS[58]).field("不动产单元代码", code).build()
    assert [(op.text, op.align) for op in ops] == [("不动产单元代码：", "left"), (code, "right")]
    ops = ReceiptBuilder(PAPERS[80]).field("不动产单元代码", code).build()
    assert [op.text for op in ops] == ["不动产单元代码：" + code]
