"""The printable reports: daily reconciliation per payee account, and the supervision ledger per project."""

from __future__ import annotations

from kiosk.rules.money import format_yuan, yuan_in_words
from ui.documents.canvas import Flow, Measure, paint
from ui.documents.common import county_line, frame
from ui.documents.model import PayeeReconciliation, ProjectProgress, ReconciliationReport, SupervisionReport
from ui.documents.text import Texts, fill


def _payee_name(tx: Texts, payee: str) -> str:
    names = {
        "tax_bureau": tx.translate("ReconciliationReport", "Tax bureau (deed tax)"),
        "registration_office": tx.translate("ReconciliationReport",
                                            "Registration office (registration and certificate fees)"),
        "maintenance_fund": tx.translate("ReconciliationReport", "Housing maintenance fund"),
    }
    return names.get(payee, payee)


def _kind(tx: Texts, kind: str) -> str:
    names = {
        "missing_from_statement": tx.translate("ReconciliationReport", "Missing from statement"),
        "unknown_to_kiosk": tx.translate("ReconciliationReport", "Unknown to the kiosk"),
        "other_day": tx.translate("ReconciliationReport", "Other day"),
        "amount_differs": tx.translate("ReconciliationReport", "Amount differs"),
        "listed_twice": tx.translate("ReconciliationReport", "Listed twice"),
        "refunded": tx.translate("ReconciliationReport", "Refunded"),
    }
    return names.get(kind, kind)


def _yuan(tx: Texts, fen: int | None) -> str:
    return "—" if fen is None else fill(tx.translate("ReconciliationReport", "CNY %1"), format_yuan(fen))


def _payee_section(flow: Flow, tx: Texts, row: PayeeReconciliation) -> None:
    flow.keep(60)
    flag = bool(row.mismatches) or (row.statement_fen is not None and row.statement_fen != row.confirmed_fen)
    listed = fill(tx.translate("ReconciliationReport", "Mismatch: %1 item(s), see the table"), len(row.mismatches))
    result = (listed if row.mismatches
              else tx.translate("ReconciliationReport",
                                "Mismatch: the statement total differs from the confirmed amount") if flag
              else tx.translate("ReconciliationReport", "Matched") if row.statement_fen is not None
              else tx.translate("ReconciliationReport", "No statement given; the kiosk's records only"))
    heading = fill(tx.translate("ReconciliationReport", "Payee account: %1"), _payee_name(tx, row.payee))
    flow.paragraph(("▲ " if flag else "") + heading, size=12, bold=True, after=1)
    statement = (_yuan(tx, row.statement_fen) if row.statement_fen is not None
                 else tx.translate("ReconciliationReport", "Not given"))
    flow.fields([
        (tx.translate("ReconciliationReport", "Confirmed"),
         fill(tx.translate("ReconciliationReport", "%1 (%2 payments)"), _yuan(tx, row.confirmed_fen), row.count)),
        (tx.translate("ReconciliationReport", "In words"), yuan_in_words(row.confirmed_fen)),
        (tx.translate("ReconciliationReport", "Still due"), _yuan(tx, row.due_fen)),
        (tx.translate("ReconciliationReport", "Expected"), _yuan(tx, row.expected_fen)),
        (tx.translate("ReconciliationReport", "Statement"), statement),
        (tx.translate("ReconciliationReport", "Result"), result),
    ], label_width=36, size=10)
    if row.mismatches:
        flow.table([tx.translate("ReconciliationReport", "Flag"), tx.translate("ReconciliationReport", "Type"),
                    tx.translate("ReconciliationReport",
                                 "Channel serial"), tx.translate("ReconciliationReport", "Order"),
                    tx.translate("ReconciliationReport", "Kiosk (CNY)"),
                    tx.translate("ReconciliationReport", "Statement (CNY)")],
                   [18, 24, 36, 30, 24, 26],
                   [["▲ " + tx.translate("ReconciliationReport",
                                         "Mismatch"), _kind(tx, m.kind), m.channel_serial or "—",
                     m.order_id or "—", "—" if m.kiosk_fen is None else format_yuan(m.kiosk_fen),
                     "—" if m.statement_fen is None else format_yuan(m.statement_fen)] for m in row.mismatches],
                   size=8.5, aligns=["center", "left", "left", "left", "right", "right"], flagged=lambda _: True)
    flow.space(3)


def render_reconciliation_report(report: ReconciliationReport, language: str = "zh_CN") -> bytes:
    """一码缴费日对账报告: each payee account on its own (never one combined total), mismatches flagged
    with ▲, the word 不符, bold type and shading (never colour alone)."""
    tx = Texts(language)
    measure = Measure()
    flow = Flow(measure)
    flow.paragraph(county_line(tx), size=9, align="center", after=1)
    flow.paragraph(tx.translate("ReconciliationReport",
                                "Daily reconciliation of one-code payments"), size=18, bold=True,
                   align="center", after=4)
    troubled = [r for r in report.payees if r.mismatches
                or (r.statement_fen is not None and r.statement_fen != r.confirmed_fen)]
    flow.fields([
        (tx.translate("ReconciliationReport", "Day"), tx.date(report.day)),
        (tx.translate("ReconciliationReport", "Service point"), report.service_point),
        (tx.translate("ReconciliationReport", "Generated"), tx.moment(report.generated_at)),
        (tx.translate("ReconciliationReport", "Overall"),
         fill(tx.translate("ReconciliationReport",
                           "▲ %1 payee account(s) with mismatches, flagged below"), len(troubled)) if troubled
         else tx.translate("ReconciliationReport", "Every payee account matches")),
    ], label_width=36, size=10)
    flow.space(2)
    for row in report.payees:
        _payee_section(flow, tx, row)
    width, height = flow.sheet.size_mm
    day = report.day.isoformat()
    return paint(flow.sheet, title=fill(tx.translate("ReconciliationReport", "Reconciliation %1"), day),
                 decorate=frame(measure, tx, width=width, height=height,
                                left=fill(tx.translate("ReconciliationReport", "Day %1"), day)))


BLOCK_ORDER = ("not_registered", "unpaid", "developer_restricted", "contract_not_filed", "keys_not_ready")


def _block_label(tx: Texts, code: str) -> str:
    names = {
        "not_registered": tx.translate("SupervisionReport", "Not registered"),
        "unpaid": tx.translate("SupervisionReport", "Payment not confirmed"),
        "developer_restricted": tx.translate("SupervisionReport", "Developer restricted"),
        "contract_not_filed": tx.translate("SupervisionReport", "Contract not filed"),
        "keys_not_ready": tx.translate("SupervisionReport", "Keys not ready"),
    }
    return names.get(code, code)


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _project_cells(row: ProjectProgress, codes: list[str], name: str) -> list[str]:
    blocked = dict(row.blocked)
    return [name, row.service_point, str(row.units), str(row.eligible), str(row.delivered), str(row.pending),
            *(str(blocked.get(code, 0)) for code in codes),
            f"{_days(row.days_min)} / {_days(row.days_median)} / {_days(row.days_max)}", str(row.days_count)]


def render_supervision_report(report: SupervisionReport, language: str = "zh_CN") -> bytes:
    """交房即交证督查台账 on landscape A4: one row per project, blocked units by reason, days from joint
    acceptance to certificate; projects with blocked units flagged (▲, bold, shaded); totals last."""
    tx = Texts(language)
    measure = Measure()
    flow = Flow(measure, landscape=True, top=18, bottom=20, left=15, right=15)
    flow.paragraph(county_line(tx), size=9, align="center", after=1)
    flow.paragraph(tx.translate("SupervisionReport",
                                "Supervision ledger: keys and title together"), size=18, bold=True, align="center",
                   after=2)
    scope = (tx.translate("SupervisionReport", "training data included") if report.include_training
             else tx.translate("SupervisionReport", "training data left out"))
    flow.paragraph(fill(tx.translate("SupervisionReport", "Generated %1    Scope: %2    Projects: %3"),
                        tx.moment(report.generated_at), scope, len(report.projects)),
                   size=9.5, align="center", after=3)
    codes = list(BLOCK_ORDER)
    codes += sorted({k for p in report.projects for k, _ in p.blocked} - set(codes))
    headers = [tx.translate("SupervisionReport", "Project"), tx.translate("SupervisionReport", "Service point"),
               tx.translate("SupervisionReport", "Units"), tx.translate("SupervisionReport", "Eligible"),
               tx.translate("SupervisionReport", "Handed over"), tx.translate("SupervisionReport", "Pending"),
               *(_block_label(tx, c) for c in codes),
               tx.translate("SupervisionReport", "Days acceptance to title min/median/max"),
               tx.translate("SupervisionReport", "Days counted")]
    rows = []
    flags = []
    for project in report.projects:
        blocked = sum(n for _, n in project.blocked)
        flags.append(blocked > 0)
        mark = "▲ " if blocked else ""
        rows.append(_project_cells(project, codes, f"{mark}{project.name}（{project.project_id}）"))
    rows.append(_project_cells(report.totals, codes, tx.translate("SupervisionReport", "Total")))
    rows[-1][1] = ""
    flow.table(headers, [30, 14, 14, 14, 14, 14, *([17] * len(codes)), 24, 14], rows, size=8,
               aligns=["left", "left", *(["right"] * (4 + len(codes))), "center", "right"],
               flagged=lambda i: i < len(flags) and flags[i], bold_rows=lambda i: i == len(rows) - 1,
               groups=[("", 6), (tx.translate("SupervisionReport",
                                              "Blocked units (by the first check failed)"), len(codes)),
                       ("", 2)])
    legend = tx.translate("SupervisionReport",
                          "▲ marks a project with blocked units; each unit counts under the first handover check it fails.")
    flow.paragraph(legend, size=8.5, after=1)
    width, height = flow.sheet.size_mm
    return paint(flow.sheet, title=tx.translate("SupervisionReport", "Supervision ledger: keys and title together"),
                 decorate=frame(measure, tx, width=width, height=height,
                                left=fill(tx.translate("SupervisionReport", "Ledger %1"),
                                          report.generated_at.date().isoformat())))
