"""The two papers of a handover: the handover confirmation (房屋交接确认书) and the certificate
receipt (不动产权证书领取确认). Both print holders' ID numbers masked (first 6 + last 4), as the
signed texts of ``kiosk.services.handover.documents`` do; names are printed in full because
each holder signs beside his or her own name."""

from __future__ import annotations

import segno

from kiosk.privacy import mask_id
from ui.documents.canvas import Flow, Line, Measure, Modules, Strokes, Text, paint
from ui.documents.common import county_line, frame
from ui.documents.model import HandoverPapers, Ink
from ui.documents.text import Texts, fill


def _people_rows(papers: HandoverPapers, tx: Texts) -> list[list[str]]:
    rows = []
    for index, holder in enumerate(papers.holders):
        if index in papers.present:
            how = tx.translate("HandoverPapers", "In person")
        elif papers.agent is not None:
            how = tx.translate("HandoverPapers", "Through the authorised agent")
        else:
            how = tx.translate("HandoverPapers", "Absent")
        rows.append([str(index + 1), holder.name, mask_id(holder.id_number), how])
    return rows


def _signature_block(flow: Flow, papers: HandoverPapers, tx: Texts) -> None:
    """A signature line per buyer present (and the agent), with the ink signed on screen when given."""
    signers: list[tuple[str, Ink | None]] = [
        (papers.holders[i].name, papers.holder_ink[i] if i < len(papers.holder_ink) else None)
        for i in sorted(papers.present)]
    if papers.agent is not None:
        signers.append((fill(tx.translate("HandoverPapers",
                                          "%1 (authorised agent)"), papers.agent.name), papers.agent_ink))
    label = tx.translate("HandoverPapers", "Signature:")
    when = tx.translate("HandoverPapers", "Date:")
    for name, ink in signers or [("", None)]:
        flow.keep(24)
        flow.space(8)
        y = flow.y + 8
        flow.page.append(Text(flow.left, y, label, 10.5, True))
        x = flow.left + flow.m.width(label, 10.5, True) + 2
        if ink is not None and ink.strokes:
            flow.page.append(Strokes(x + 2, y - 13, 66, 14, ink.strokes, ink.box_mm[0] / ink.box_mm[1]))
        flow.page.append(Text(x, y + 6, name, 9.0))
        flow.page.append(Line(x, y + 1.5, x + 70, y + 1.5, 0.3))
        flow.page.append(Text(flow.left + 105, y, when, 10.5, True))
        dx = flow.left + 105 + flow.m.width(when, 10.5, True) + 2
        if ink is not None and ink.strokes:
            flow.page.append(Text(dx + 2, y, tx.date(papers.day), 10.5))
        flow.page.append(Line(dx, y + 1.5, flow.right, y + 1.5, 0.3))
        flow.y = y + 9


def _paper(papers: HandoverPapers, language: str, *, receipt: bool) -> bytes:
    tx = Texts(language)
    measure = Measure()
    flow = Flow(measure, top=22)
    flow.paragraph(county_line(tx), size=9, align="center", after=1)
    title = (tx.translate("HandoverPapers", "Receipt of the title certificate") if receipt
             else tx.translate("HandoverPapers", "Handover confirmation"))
    flow.paragraph(title, size=18, bold=True, align="center", after=5)
    rows = [
        (tx.translate("HandoverPapers", "Handover number"), papers.handover_id),
        (tx.translate("HandoverPapers", "Real estate unit code"), papers.unit_code),
        (tx.translate("HandoverPapers", "Location"), papers.location),
        (tx.translate("HandoverPapers", "Certificate number"), papers.certificate_no),
    ]
    if receipt and papers.serial:
        rows.append((tx.translate("HandoverPapers", "Printed serial"), papers.serial))
    rows += [
        (tx.translate("HandoverPapers", "Service point"), papers.service_point),
        (tx.translate("HandoverPapers", "Date"), tx.date(papers.day)),
    ]
    flow.fields(rows, label_width=40)
    flow.paragraph(tx.translate("HandoverPapers", "Holders"), size=11.5, bold=True, after=1)
    flow.table([tx.translate("HandoverPapers", "No."), tx.translate("HandoverPapers", "Name"),
                tx.translate("HandoverPapers", "ID number"), tx.translate("HandoverPapers", "Attendance")],
               [10, 35, 45, 40], _people_rows(papers, tx), size=10,
               aligns=["center", "left", "left", "left"])
    if papers.agent is not None:
        flow.fields([(tx.translate("HandoverPapers", "Authorised agent"),
                      f"{papers.agent.name}（{mask_id(papers.agent.id_number)}）"),
                     (tx.translate("HandoverPapers", "Authorisation number"), papers.authorisation_no)], label_width=40)
    if receipt:
        statement = tx.translate("HandoverPapers", "The buyers confirm that they have received the certificate above.")
        with_qr = tx.translate("HandoverPapers",
                               "Keep the certificate safe. Scan the code below to verify the electronic certificate.")
        note = with_qr if papers.e_cert_qr else tx.translate("HandoverPapers", "Keep the certificate safe.")
    else:
        statement = tx.translate("HandoverPapers",
                                 "The buyers confirm that they have inspected the home and received its keys.")
        note = tx.translate("HandoverPapers",
                            "The transfer of title is registered with the handover: keys and title together.")
    flow.space(2)
    flow.paragraph(statement, size=12, bold=True, after=1)
    flow.paragraph(note, size=10.5, after=2)
    if receipt and papers.e_cert_qr:
        _qr(flow, papers.e_cert_qr, tx.translate("HandoverPapers", "Verify the e-certificate"))
    _signature_block(flow, papers, tx)
    width, height = flow.sheet.size_mm
    digest = papers.receipt_sha256 if receipt else papers.handover_sha256
    right = fill(tx.translate("HandoverPapers", "Signed text SHA-256 %1"), digest[:16]) if digest else ""
    return paint(flow.sheet, title=f"{title} {papers.handover_id}",
                 decorate=frame(measure, tx, width=width, height=height,
                                left=fill(tx.translate("HandoverPapers", "Handover %1"), papers.handover_id),
                                right=right, training=papers.training))


def _qr(flow: Flow, text: str, caption: str) -> None:
    code = segno.make(text, error="m")
    matrix = tuple(tuple(bool(v) for v in row) for row in code.matrix)
    side = 28.0
    module = side / len(matrix)
    flow.keep(side + 10)
    flow.page.append(Modules(flow.left, flow.y, module, matrix))
    flow.page.append(Text(flow.left + side + 4, flow.y + side / 2, caption, 9.0))
    flow.y += side + 4


def render_handover_confirmation(papers: HandoverPapers, language: str = "zh_CN") -> bytes:
    """房屋交接确认书: the unit, its certificate, the holders (ID masked), the statement, a signature line each."""
    return _paper(papers, language, receipt=False)


def render_certificate_receipt(papers: HandoverPapers, language: str = "zh_CN") -> bytes:
    """不动产权证书领取确认: as the confirmation, plus the certificate's printed serial and the e-certificate QR."""
    return _paper(papers, language, receipt=True)
