"""The kiosk's receipts as layouts: handover, payment, mailing slip, test.

Each function takes plain values and returns the operations of one receipt.
The flows queue the handover receipt (at the handover), the payment receipt
(when the last item of an order is confirmed) and the mailing slip (when
mailing is requested) as print jobs (``kiosk.services.printing``).
ID numbers are always masked with ``kiosk.privacy.mask_id`` and names with
``mask_name``; only the mailing slip carries the full recipient details,
because the courier needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hardware.printer.layout import Op, Paper, ReceiptBuilder
from hardware.printer.strings import DEFAULT_LANGUAGE, receipt_strings
from kiosk.errors import ValidationError
from kiosk.privacy import mask_id, mask_name
from kiosk.rules.money import format_yuan


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Buyer:
    name: str
    id_number: str


@dataclass(frozen=True)
class HandoverReceipt:
    unit_code: str
    certificate_number: str
    printed_serial: str
    buyers: tuple[Buyer, ...]
    handed_over_at: datetime
    service_point: str
    verification_url: str
    training: bool = False


@dataclass(frozen=True)
class PaymentItem:
    payee: str
    item: str
    amount_fen: int
    paid: bool = True


@dataclass(frozen=True)
class PaymentReceipt:
    order_number: str
    unit_code: str
    items: tuple[PaymentItem, ...]
    paid_at: datetime
    service_point: str
    training: bool = False


@dataclass(frozen=True)
class MailingSlip:
    certificate_number: str
    unit_code: str
    recipient_name: str
    recipient_phone: str
    address: str
    postcode: str
    requested_at: datetime
    service_point: str
    tracking_number: str = ""
    training: bool = False


def _header(b: ReceiptBuilder, title: str, s: dict[str, str], *, training: bool = False) -> None:
    b.text(s["county"], align="center")
    b.title(title)
    if training:
        b.text(s["training_banner"], align="center")
    b.rule()


def handover_receipt(data: HandoverReceipt, paper: Paper, language: str = DEFAULT_LANGUAGE) -> list[Op]:
    if not data.buyers:
        raise ValidationError("a handover receipt needs at least one buyer", field="buyers")
    s = receipt_strings(language)
    b = ReceiptBuilder(paper)
    _header(b, s["handover_title"], s, training=data.training)
    b.field(s["unit_code"], data.unit_code)
    b.field(s["certificate_number"], data.certificate_number)
    b.field(s["printed_serial"], data.printed_serial)
    for buyer in data.buyers:
        b.field(s["buyer"], mask_name(buyer.name))
        b.field(s["id_number"], mask_id(buyer.id_number))
    b.field(s["time"], _stamp(data.handed_over_at))
    b.field(s["service_point"], data.service_point)
    b.rule()
    b.qr(data.verification_url)
    b.text(s["verify_hint"], align="center")
    b.text(s["keep_receipt"], align="center")
    return b.feed(2).cut().build()


def payment_receipt(data: PaymentReceipt, paper: Paper, language: str = DEFAULT_LANGUAGE) -> list[Op]:
    if not data.items:
        raise ValidationError("a payment receipt needs at least one item", field="items")
    s = receipt_strings(language)
    b = ReceiptBuilder(paper)
    _header(b, s["payment_title"], s, training=data.training)
    b.field(s["order_number"], data.order_number)
    b.field(s["unit_code"], data.unit_code)
    b.pair(s["payee"], s["amount_yuan"], bold=True)
    for item in data.items:
        state = "" if item.paid else f" ({s['unpaid']})"
        # A payee code (tax_bureau, ...) is printed as its name; any other text as given.
        b.text(s.get(f"payee_{item.payee}", item.payee))
        b.pair("  " + item.item + state, format_yuan(item.amount_fen))
    b.rule()
    b.pair(s["total"], format_yuan(sum(item.amount_fen for item in data.items)), bold=True)
    b.field(s["time"], _stamp(data.paid_at))
    b.field(s["service_point"], data.service_point)
    b.text(s["keep_receipt"], align="center")
    return b.feed(2).cut().build()


def mailing_slip(data: MailingSlip, paper: Paper, language: str = DEFAULT_LANGUAGE) -> list[Op]:
    s = receipt_strings(language)
    b = ReceiptBuilder(paper)
    _header(b, s["mailing_title"], s, training=data.training)
    b.field(s["recipient"], data.recipient_name)
    b.field(s["phone"], data.recipient_phone)
    b.field(s["address"], data.address)
    if data.postcode:
        b.field(s["postcode"], data.postcode)
    b.rule()
    b.field(s["certificate_number"], data.certificate_number)
    b.field(s["unit_code"], data.unit_code)
    if data.tracking_number:
        b.field(s["tracking_number"], data.tracking_number)
    b.field(s["time"], _stamp(data.requested_at))
    b.field(s["service_point"], data.service_point)
    return b.feed(2).cut().build()


def print_test_receipt(paper: Paper, *, printer: str, chinese_mode: str, qr_mode: str, qr_text: str,
                 printed_at: datetime, language: str = DEFAULT_LANGUAGE) -> list[Op]:
    """The page `kiosk print-test` prints: it names the modes it was printed in."""
    s = receipt_strings(language)
    b = ReceiptBuilder(paper)
    _header(b, s["test_title"], s)
    b.field(s["printer"], printer)
    b.field(s["paper"], f"{paper.mm} mm / {paper.columns} / {paper.dots} dots")
    b.field(s["chinese_mode"], s[f"chinese_{chinese_mode}"])
    b.field(s["qr_mode"], s[f"qr_{qr_mode}"])
    b.field(s["time"], _stamp(printed_at))
    b.text("交房即交证 一码关联 郏县不动产登记", align="center")
    b.pair("ABCDEFGHIJ 0123456789", "左右对齐")
    b.rule()
    b.qr(qr_text)
    b.text(s["test_qr_hint"], align="center")
    return b.feed(2).cut().build()
