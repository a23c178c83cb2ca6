"""Documents rendered to PDF with Qt (QPdfWriter + QPainter), previewed on screen, printed on the A4 printer.

Renderers (each returns PDF bytes; ``language`` is "zh_CN" (default) or "en"):

    render_contract(ContractDocument)                         商品房买卖合同, A4 with page numbers
    contract_screen_pages(text) -> list[list[str]]            the contract for the screen, ≤ 36 characters a line
    render_handover_confirmation(HandoverPapers)              房屋交接确认书
    render_certificate_receipt(HandoverPapers)                不动产权证书领取确认 (with the e-certificate QR)
    render_certificate_page(CertificatePage, layout=, calibration=)   fields on the security-paper form
    render_certificate_preview(CertificatePage, ...)          the same fields over a grey drawing of the form (screen)
    render_calibration_page(layout, calibration=, printer=)   the test print to calibrate a printer
    render_a4_test_page(PrintOrigin)                          the A4 printer's test page (edges, grid, greys, text)
    render_reconciliation_report(ReconciliationReport)        一码缴费日对账报告, per payee account
    render_supervision_report(SupervisionReport)              交房即交证督查台账, per project

Printing: ``ui.documents.qt_printer.open_a4_printer(uri)`` (``pdf://`` simulator or ``cups://`` through
QPrinter); ``ui.documents.jobs.open_a4_job_printer(config)`` is the print queue's A4 printer, which renders
queued certificate jobs with the printer's calibration (``kiosk.Kiosk.print_pending``).

ID numbers: masked (first 6 + last 4, ``kiosk.privacy.mask_id``) on the handover confirmation, the
certificate receipt, the reports and every screen page; the contract prints the text the buyers
signed (which names them in full, as a sale contract must); the certificate page prints no ID number
with the national form's layout, and masked ones unless a local layout says ``"id_number_display":
"full"`` (see ``ui.documents.certificate``). Names are printed in full on every document.
"""

from ui.documents.canvas import DocumentError
from ui.documents.certificate import (
    CertificateLayout, render_calibration_page, render_certificate_page, render_certificate_preview,
)
from ui.documents.contract import contract_screen_pages, render_contract
from ui.documents.handover import render_certificate_receipt, render_handover_confirmation
from ui.documents.model import (
    CertificatePage, ContractDocument, HandoverPapers, Ink, Mismatch, PayeeReconciliation, Person, ProjectProgress,
    ReconciliationReport, SupervisionReport,
)
from ui.documents.preview import PdfPreview, preview_page
from ui.documents.reports import render_reconciliation_report, render_supervision_report
from ui.documents.testpage import PrintOrigin, render_a4_test_page

__all__ = [
    "CertificateLayout", "CertificatePage", "ContractDocument", "DocumentError", "HandoverPapers", "Ink", "Mismatch",
    "PayeeReconciliation", "PdfPreview", "Person", "PrintOrigin", "ProjectProgress", "ReconciliationReport",
    "SupervisionReport", "contract_screen_pages", "preview_page", "render_a4_test_page", "render_calibration_page",
    "render_certificate_page", "render_certificate_preview", "render_certificate_receipt", "render_contract",
    "render_handover_confirmation", "render_reconciliation_report", "render_supervision_report",
]
