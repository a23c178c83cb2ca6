"""`kiosk print-pending` and `kiosk reprint`: print the receipt jobs the flows queued.

A flow records a print job in the same unit of work as the step that needs
it; this command sends the waiting receipt jobs to the configured printer and
writes back each result. A job the printer did not take stays in the queue
with the reason, for the next attempt or a reprint (audited).
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("print-pending", help="print the receipts waiting in the queue")
    p.add_argument("--printer", metavar="URI", help="printer URI (default: [devices] printer)")
    add_json_flag(p)
    p.set_defaults(func=cmd_print_pending)
    p = sub.add_parser("reprint", help="put a printed or failed job back in the queue (audited)")
    p.add_argument("job", metavar="JOB_ID")
    p.add_argument("--reason", required=True)
    add_json_flag(p)
    p.set_defaults(func=cmd_reprint)


def cmd_print_pending(args: argparse.Namespace) -> int:
    from hardware.devices import receipt_job_printer
    from kiosk.app import open_kiosk

    config = config_from(args)
    printer = receipt_job_printer(config, uri=args.printer)
    with open_kiosk(config) as kiosk:
        run = kiosk.print_pending(printer).value
    jobs: list[dict[str, Any]] = []
    for r in run.jobs:
        job: dict[str, Any] = {"job": r.job, "kind": r.kind, "printed": r.printed, "detail": r.detail}
        if r.printed:
            job["files"] = list(r.files)
        jobs.append(job)
    if args.json:
        emit({"printer": run.printer, "jobs": jobs, "printed": run.printed, "failed": run.failed})
    else:
        for r in run.jobs:
            print(f"{r.job} {r.kind}: {'printed' if r.printed else 'not printed'} ({r.detail})")
    return 1 if run.failed else 0


def cmd_reprint(args: argparse.Namespace) -> int:
    from kiosk.app import PRINTER, open_kiosk

    with open_kiosk(config_from(args)) as kiosk:
        kiosk.request_reprint(PRINTER, args.job, args.reason)
    if args.json:
        emit({"job": args.job, "queued": True})
    else:
        print(f"job {args.job} is queued again; run 'kiosk print-pending'")
    return 0
