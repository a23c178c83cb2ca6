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
from hardware.printer.receipts import Buyer, HandoverReceipt, handover_receipt
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


# Receipt layouts by job kind.
LAYOUTS: dict[str, Layout] = {"handover_receipt": handover_ops}


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
