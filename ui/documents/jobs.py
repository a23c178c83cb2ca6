"""The print queue's A4 printer: queued certificate jobs rendered with Qt and printed on the A4 printer.

``kiosk.services.certificates.print_on_stock`` queues a ``certificate`` job whose body holds the page
fields the kiosk knows (``page_fields``) and the serial of the security paper. ``A4JobPrinter`` turns
that body into a ``CertificatePage``, renders it with the printer's calibration offsets
(``hardware.a4.CalibrationBook``, keyed by the printer's name: ``pdf://DIR`` or ``cups://NAME``) and
hands the PDF to the A4 printer (``[devices] a4_printer``). A printer that refuses raises the device
error, so ``print_pending`` keeps the job queued with the reason, as it does for receipts.

Fields the body does not carry are printed empty, never invented: the register's entries (权利类型,
权利性质, 使用期限, 登记日期…) come from the registration office with ``registration.recorded``, and
a platform that sends none leaves them blank on the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from hardware.a4 import A4Printer, Calibration, CalibrationBook
from kiosk.config import Config
from kiosk.printjobs import JobPrinter, PrintedJob, PrintJob
from ui.documents.canvas import DocumentError
from ui.documents.certificate import CertificateLayout, render_certificate_page
from ui.documents.model import CertificatePage, Person
from ui.documents.qt_printer import open_a4_printer


def certificate_page(body: Mapping[str, Any]) -> CertificatePage:
    """The page of a queued certificate job; a job without a certificate number or holder is refused
    (the sheet of security paper would be spoiled)."""
    number = str(body.get("certificate_no") or "").strip()
    holders = tuple(Person(str(h.get("name") or ""), str(h.get("id_number") or ""))
                    for h in body.get("holders") or ())
    if not number:
        raise DocumentError(f"the certificate job for unit {body.get('unit_code') or '?'} has no certificate "
                            "number, so nothing was printed", code="certificate_incomplete",
                            hint="wait until the registration is recorded, then reprint the certificate")
    if not holders or not all(h.name for h in holders):
        raise DocumentError(f"the certificate job for {number} names no holder, so nothing was printed",
                            code="certificate_incomplete",
                            hint="reprint the certificate (its page is filled again from the case)")

    def text(key: str) -> str:
        return str(body.get(key) or "")

    return CertificatePage(
        certificate_no=number, holders=holders, ownership=text("ownership"), location=text("location"),
        unit_code=text("unit_code"), right_type=text("right_type"), right_nature=text("right_nature"),
        use=text("use"), area=text("area"), term=text("term"),
        other=tuple(str(line) for line in body.get("other") or ()),
        registered_on=registered_on(body.get("registered_on")), serial=text("serial"),
        training=bool(body.get("training")))


def registered_on(value: Any) -> dt.date | None:
    """登记日期 as the job body carries it (ISO text); a job without one prints the field empty."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DocumentError(f"the certificate job's registration date {value!r} is not a date, so nothing "
                            "was printed", code="certificate_incomplete",
                            hint="reprint the certificate (its page is filled again from the case)") from None


# How each kind of A4 job is rendered: (body, layout, calibration) -> PDF bytes.
Renderer = Callable[[Mapping[str, Any], CertificateLayout, Calibration], bytes]
RENDERERS: dict[str, Renderer] = {
    "certificate": lambda body, layout, calibration: render_certificate_page(
        certificate_page(body), layout=layout, calibration=calibration),
}


class A4JobPrinter(JobPrinter):
    """Prints the queued A4 jobs (the certificate page) on one A4 printer, with its calibration."""

    name = "A4 printer"

    def __init__(self, printer: A4Printer, *, calibration: Calibration | None = None,
                 layout: CertificateLayout | None = None) -> None:
        self.printer = printer
        self.uri = printer.name
        self.calibration = calibration or Calibration()
        self.layout = layout or CertificateLayout.load()

    def takes(self, kind: str) -> bool:
        return kind in RENDERERS

    def print_job(self, job: PrintJob) -> PrintedJob:
        pdf = RENDERERS[job.kind](job.body, self.layout, self.calibration)
        # The queue's title names the paper, never the holder.
        title = f"{job.kind}-{job.body.get('serial') or job.id[:8]}"
        result = self.printer.print_bytes(pdf, title=title)
        pages = f", {result.pages} page{'s' if result.pages != 1 else ''}" if result.pages else ""
        return PrintedJob(f"{result.printer} accepted job {result.job_id}{pages}", result.files)


def a4_uri(config: Config) -> str:
    """``[devices] a4_printer`` with a relative ``pdf://`` directory in the data directory; "" = none."""
    return config.resolve_sim_path(str(config["devices"]["a4_printer"]).strip())


def open_a4_job_printer(config: Config, *, uri: str | None = None) -> A4JobPrinter:
    """The A4 printer of ``[devices]`` (or ``uri``) for queued jobs, with its calibration from the data
    directory's ``a4_calibration.json``. Needs a Qt application (fonts, painting)."""
    printer = open_a4_printer(config.resolve_sim_path(uri) if uri else a4_uri(config))
    book = CalibrationBook(config.data_dir / CalibrationBook.FILE)
    return A4JobPrinter(printer, calibration=book.get(printer.name))
