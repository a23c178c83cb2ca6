"""Queued print jobs on the receipt printer: each job kind's receipt layout, and the printer that takes them.

The flows record a job's body in the store; ``ReceiptJobPrinter`` turns the
bodies of the kinds it knows into receipt operations and prints them. Other
kinds (the certificate page) are for the A4 printer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hardware.printer.device import ReceiptPrinter
from hardware.printer.layout import Op, Paper
from hardware.printer.receipts import (Buyer, HandoverReceipt, MailingSlip, PaymentItem, PaymentReceipt,
                                       handover_receipt, mailing_slip, payment_receipt)
from kiosk.printjobs import JobPrinter, PrintedJob, PrintJob
from kiosk.rules.county_time import local_time

Layout = Callable[[dict[str, Any], Paper], list[Op]]


def handover_ops(body: dict[str, Any], paper: Paper) -> list[Op]:
    """The handover receipt: unit, certificate, buyers (masked), time in China, verification QR."""
    at = local_time(dt.datetime.fromisoformat(body["time"]))
    return handover_receipt(HandoverReceipt(
        unit_code=body["unit_code"], certificate_number=body["certificate_no"] or "",
        printed_serial=body["serial"] or "",
        buyers=tuple(Buyer(b["name"], b["id_masked"]) for b in body["buyers"]),
        handed_over_at=at.replace(tzinfo=None), service_point=body["service_point"] or "",
        # Without an e-certificate token the QR carries the certificate number for staff lookup.
        verification_url=body.get("e_cert_qr") or body["certificate_no"] or body["unit_code"],
        training=bool(body.get("training"))), paper)


def _local(stamp: str) -> dt.datetime:
    """A stored UTC stamp (naive means UTC) as county time, the form receipts print."""
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return local_time(moment).replace(tzinfo=None)


def payment_ops(body: dict[str, Any], paper: Paper) -> list[Op]:
    """The payment receipt: one line per payee account, as paid."""
    return payment_receipt(PaymentReceipt(
        order_number=body["payment_code"], unit_code=body["unit_code"],
        items=tuple(PaymentItem(i["payee"], i["name"], int(i["amount_fen"])) for i in body["items"]),
        paid_at=_local(body["paid_at"]), service_point=body["service_point"],
        training=bool(body.get("training"))), paper)


def mailing_ops(body: dict[str, Any], paper: Paper) -> list[Op]:
    """The mailing slip that goes with a certificate sent to an absent co-owner."""
    return mailing_slip(MailingSlip(
        certificate_number=body["certificate_no"], unit_code=body["unit_code"],
        recipient_name=body["recipient"], recipient_phone=body["phone"], address=body["address"],
        postcode="", requested_at=_local(body["requested_at"]), service_point=body["service_point"],
        training=bool(body.get("training"))), paper)


# Receipt layouts by job kind; other kinds (the certificate page) are for the A4 printer.
LAYOUTS: dict[str, Layout] = {"handover_receipt": handover_ops, "payment_receipt": payment_ops,
                              "mailing_slip": mailing_ops}


class ReceiptJobPrinter(JobPrinter):
    """Prints the queued jobs that have a receipt layout on one receipt printer."""

    name = "receipt printer"

    def __init__(self, printer: ReceiptPrinter) -> None:
        self.printer = printer
        self.uri = printer.settings.uri

    def takes(self, kind: str) -> bool:
        return kind in LAYOUTS

    def print_job(self, job: PrintJob) -> PrintedJob:
        ops = LAYOUTS[job.kind](job.body, self.printer.settings.paper)
        result = self.printer.print_ops(ops)
        return PrintedJob(result.status.describe(), tuple(result.files))
