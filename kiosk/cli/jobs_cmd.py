"""`kiosk print-pending` and `kiosk reprint`: print the receipt jobs the flows queued.

A flow records a print job in the same unit of work as the step that needs
it; this command sends the waiting receipt jobs to the configured printer and
writes back each result. A job the printer did not take stays in the queue
with the reason, for the next attempt or a reprint (audited).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.store.opening import open_store
from kiosk.errors import KioskError

CHINA = dt.timezone(dt.timedelta(hours=8))
ACTOR = "system:printer"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print-pending", help="print the receipts waiting in the queue")
    p.add_argument("--printer", metavar="URI", help="printer URI (default: [devices] printer)")
    add_json_flag(p)
    p.set_defaults(func=cmd_print_pending)
    p = sub.add_parser("reprint", help="put a printed or failed job back in the queue (audited)")
    p.add_argument("job", metavar="JOB_ID")
    p.add_argument("--reason", required=True)
    add_json_flag(p)
    p.set_defaults(func=cmd_reprint)


def handover_ops(body: dict[str, Any], paper: Any) -> list[Any]:
    from hardware.printer.receipts import Buyer, HandoverReceipt, handover_receipt

    at = dt.datetime.fromisoformat(body["time"]).astimezone(CHINA)
    return handover_receipt(HandoverReceipt(
        unit_code=body["unit_code"], certificate_number=body["certificate_no"] or "",
        printed_serial=body["serial"] or "",
        buyers=tuple(Buyer(b["name"], b["id_masked"]) for b in body["buyers"]),
        handed_over_at=at.replace(tzinfo=None), service_point=body["service_point"] or "",
        # Without an e-certificate token the QR carries the certificate number for staff lookup.
        verification_url=body.get("e_cert_qr") or body["certificate_no"] or body["unit_code"],
        training=bool(body.get("training"))), paper)


def _local(stamp: str) -> dt.datetime:
    """A stored UTC stamp (naive means UTC) as China time, the form receipts print."""
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(CHINA).replace(tzinfo=None)


def payment_ops(body: dict[str, Any], paper: Any) -> list[Any]:
    from hardware.printer.receipts import PaymentItem, PaymentReceipt, payment_receipt

    return payment_receipt(PaymentReceipt(
        order_number=body["payment_code"], unit_code=body["unit_code"],
        items=tuple(PaymentItem(i["payee"], i["name"], int(i["amount_fen"])) for i in body["items"]),
        paid_at=_local(body["paid_at"]), service_point=body["service_point"],
        training=bool(body.get("training"))), paper)


def mailing_ops(body: dict[str, Any], paper: Any) -> list[Any]:
    from hardware.printer.receipts import MailingSlip, mailing_slip

    return mailing_slip(MailingSlip(
        certificate_number=body["certificate_no"], unit_code=body["unit_code"],
        recipient_name=body["recipient"], recipient_phone=body["phone"], address=body["address"],
        postcode="", requested_at=_local(body["requested_at"]), service_point=body["service_point"],
        training=bool(body.get("training"))), paper)


# Receipt layouts by job kind; other kinds (the certificate page) go to the A4 printer.
LAYOUTS = {"handover_receipt": handover_ops, "payment_receipt": payment_ops, "mailing_slip": mailing_ops}


def cmd_print_pending(args: argparse.Namespace) -> int:
    from hardware.printer.device import PrinterSettings, ReceiptPrinter
    from kiosk.services import printing

    config = config_from(args)
    printer = ReceiptPrinter(PrinterSettings.from_config(config, uri=args.printer))
    results = []
    with open_store(config) as store:
        for job in printing.pending_jobs(store):
            layout = LAYOUTS.get(job["kind"])
            if layout is None:
                results.append({"job": job["id"], "kind": job["kind"], "printed": False,
                                "detail": "not a receipt: waits for the A4 printer"})
                continue
            try:
                result = printer.print_ops(layout(printing.job_body(store, job["id"]), printer.settings.paper))
            except KioskError as exc:
                printing.mark_result(store, ACTOR, job["id"], str(exc))
                results.append({"job": job["id"], "kind": job["kind"], "printed": False, "detail": str(exc)})
                continue
            printing.mark_result(store, ACTOR, job["id"], None)
            results.append({"job": job["id"], "kind": job["kind"], "printed": True,
                            "detail": result.status.describe(), "files": result.files})
    failed = [r for r in results if not r["printed"] and r["kind"] in LAYOUTS]
    if args.json:
        emit({"printer": printer.settings.uri, "jobs": results,
              "printed": sum(r["printed"] for r in results), "failed": len(failed)})
    else:
        for r in results:
            print(f"{r['job']} {r['kind']}: {'printed' if r['printed'] else 'not printed'} ({r['detail']})")
    return 1 if failed else 0


def cmd_reprint(args: argparse.Namespace) -> int:
    from kiosk.services import printing

    with open_store(config_from(args)) as store:
        printing.request_reprint(store, ACTOR, args.job, args.reason)
    if args.json:
        emit({"job": args.job, "queued": True})
    else:
        print(f"job {args.job} is queued again; run 'kiosk print-pending'")
    return 0
