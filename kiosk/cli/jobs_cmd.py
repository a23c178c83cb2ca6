"""`kiosk print-pending` and `kiosk reprint`: print the jobs the flows queued.

A flow records a print job in the same unit of work as the step that needs
it; this command sends each waiting job to its printer (receipts to the
receipt printer, certificate pages to the A4 printer) and writes back each
result. A job the printer did not take stays in the queue with the reason,
for the next attempt or a reprint (audited).

The command is a composition root: the A4 printer renders with Qt, so
``ui.documents`` is imported and an offscreen Qt application created
only when the first A4 job comes, never for a run with receipts only.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.config import Config
from kiosk.printjobs import JobPrinter, JobPrinters, LazyJobPrinter

_qt_app: Any = None   # the process's one Qt application, kept alive while jobs render


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("print-pending", help="print the receipts and certificate pages waiting in the queue")
    p.add_argument("--printer", metavar="URI", help="receipt printer URI (default: [devices] printer)")
    p.add_argument("--a4-printer", metavar="URI",
                   help="A4 printer URI, pdf://DIR or cups://NAME (default: [devices] a4_printer)")
    add_json_flag(p)
    p.set_defaults(func=cmd_print_pending)
    p = sub.add_parser("reprint", help="put a printed or failed job back in the queue (audited)")
    p.add_argument("job", metavar="JOB_ID")
    p.add_argument("--reason", required=True)
    add_json_flag(p)
    p.set_defaults(func=cmd_reprint)


def _open_a4(config: Config, uri: str) -> JobPrinter:
    global _qt_app
    os.environ["QT_QPA_PLATFORM"] = "offscreen"   # a command line shows no window
    from ui.documents.jobs import open_a4_job_printer
    from ui.qt import QApplication, QCoreApplication

    # A QApplication rather than the bare QGuiApplication rendering needs: a process that shows
    # widgets later (the app, a test session) can then keep using this one.
    if QCoreApplication.instance() is None:
        _qt_app = QApplication(["kiosk print-pending"])
    return open_a4_job_printer(config, uri=uri)


def job_printers(config: Config, *, printer: str | None = None, a4_printer: str | None = None) -> JobPrinters:
    """The receipt printer and, when one is configured, the A4 printer (opened at its first job)."""
    from hardware.a4 import A4_KINDS, parse_a4_uri
    from hardware.devices import receipt_job_printer

    printers: list[JobPrinter] = [receipt_job_printer(config, uri=printer)]
    uri = config.resolve_sim_path((a4_printer or str(config["devices"]["a4_printer"])).strip())
    if uri:
        parse_a4_uri(uri)   # a wrong URI is refused now, not after the receipts printed
        printers.append(LazyJobPrinter("A4 printer", uri, A4_KINDS, lambda: _open_a4(config, uri)))
    return JobPrinters(printers)


def cmd_print_pending(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk

    config = config_from(args)
    printer = job_printers(config, printer=args.printer, a4_printer=args.a4_printer)
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
