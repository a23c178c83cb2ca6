"""The printable reports: daily reconciliation per payee account, and the supervision ledger per project."""

from __future__ import annotations

from kiosk.rules.money import format_yuan, yuan_in_words
from ui.documents.canvas import Flow, Measure, paint
from ui.documents.common import county_line, frame
from ui.documents.model import PayeeReconciliation, ProjectProgress, ReconciliationReport, SupervisionReport
from ui.documents.text import Texts, fill


def _payee_name(tx: Texts, payee: str) -> str:
    names = {
        "tax_bureau": tx.translate("ReconciliationReport", "税务部门（契税）"),
        "registration_office": tx.translate("ReconciliationReport", "不动产登记机构（登记费、工本费）"),
        "maintenance_fund": tx.translate("ReconciliationReport", "住宅专项维修资金"),
    }
    return names.get(payee, payee)


def _kind(tx: Texts, kind: str) -> str:
    names = {
        "missing_from_statement": tx.translate("ReconciliationReport", "对账单缺失"),
        "unknown_to_kiosk": tx.translate("ReconciliationReport", "终端无此笔"),
        "other_day": tx.translate("ReconciliationReport", "日期不符"),
        "amount_differs": tx.translate("ReconciliationReport", "金额不符"),
        "listed_twice": tx.translate("ReconciliationReport", "重复列示"),
        "refunded": tx.translate("ReconciliationReport", "已退款"),
    }
    return names.get(kind, kind)


def _yuan(tx: Texts, fen: int | None) -> str:
    return "—" if fen is None else fill(tx.translate("ReconciliationReport", "%1 元"), format_yuan(fen))


def _payee_section(flow: Flow, tx: Texts, row: PayeeReconciliation) -> None:
    flow.keep(60)
    flag = bool(row.mismatches) or (row.statement_fen is not None and row.statement_fen != row.confirmed_fen)
    listed = fill(tx.translate("ReconciliationReport", "不符：%1 项，见下表"), len(row.mismatches))
    result = (listed if row.mismatches
              else tx.translate("ReconciliationReport", "不符：对账单合计与已确认金额不同") if flag
              else tx.translate("ReconciliationReport", "一致") if row.statement_fen is not None
              else tx.translate("ReconciliationReport", "未提供对账单，仅列终端记录"))
    heading = fill(tx.translate("ReconciliationReport", "收款账户：%1"), _payee_name(tx, row.payee))
    flow.paragraph(("▲ " if flag else "") + heading, size=12, bold=True, after=1)
    statement = (_yuan(tx, row.statement_fen) if row.statement_fen is not None
                 else tx.translate("ReconciliationReport", "未提供"))
    flow.fields([
        (tx.translate("ReconciliationReport", "已确认到账"),
         fill(tx.translate("ReconciliationReport", "%1（%2 笔）"), _yuan(tx, row.confirmed_fen), row.count)),
        (tx.translate("ReconciliationReport", "大写"), yuan_in_words(row.confirmed_fen)),
        (tx.translate("ReconciliationReport", "当日未缴"), _yuan(tx, row.due_fen)),
        (tx.translate("ReconciliationReport", "应收合计"), _yuan(tx, row.expected_fen)),
        (tx.translate("ReconciliationReport", "对账单金额"), statement),
        (tx.translate("ReconciliationReport", "对账结果"), result),
    ], label_width=36, size=10)
    if row.mismatches:
        flow.table([tx.translate("ReconciliationReport", "标记"), tx.translate("ReconciliationReport", "类型"),
                    tx.translate("ReconciliationReport", "渠道流水号"), tx.translate("ReconciliationReport", "订单号"),
                    tx.translate("ReconciliationReport", "终端金额（元）"),
                    tx.translate("ReconciliationReport", "对账单金额（元）")],
                   [18, 24, 36, 30, 24, 26],
                   [["▲ " + tx.translate("ReconciliationReport", "不符"), _kind(tx, m.kind), m.channel_serial or "—",
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
    flow.paragraph(tx.translate("ReconciliationReport", "一码缴费日对账报告"), size=18, bold=True,
                   align="center", after=4)
    troubled = [r for r in report.payees if r.mismatches
                or (r.statement_fen is not None and r.statement_fen != r.confirmed_fen)]
    flow.fields([
        (tx.translate("ReconciliationReport", "对账日期"), tx.date(report.day)),
        (tx.translate("ReconciliationReport", "服务网点"), report.service_point),
        (tx.translate("ReconciliationReport", "生成时间"), tx.moment(report.generated_at)),
        (tx.translate("ReconciliationReport", "总体结果"),
         fill(tx.translate("ReconciliationReport", "▲ %1 个收款账户有不符，见标注"), len(troubled)) if troubled
         else tx.translate("ReconciliationReport", "各收款账户均无不符")),
    ], label_width=36, size=10)
    flow.space(2)
    for row in report.payees:
        _payee_section(flow, tx, row)
    width, height = flow.sheet.size_mm
    day = report.day.isoformat()
    return paint(flow.sheet, title=fill(tx.translate("ReconciliationReport", "对账报告 %1"), day),
                 decorate=frame(measure, tx, width=width, height=height,
                                left=fill(tx.translate("ReconciliationReport", "对账日期 %1"), day)))


BLOCK_ORDER = ("not_registered", "unpaid", "developer_restricted", "contract_not_filed", "keys_not_ready")


def _block_label(tx: Texts, code: str) -> str:
    names = {
        "not_registered": tx.translate("SupervisionReport", "未登记"),
        "unpaid": tx.translate("SupervisionReport", "缴费未确认"),
        "developer_restricted": tx.translate("SupervisionReport", "开发企业受限"),
        "contract_not_filed": tx.translate("SupervisionReport", "合同未备案"),
        "keys_not_ready": tx.translate("SupervisionReport", "钥匙未就绪"),
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
    flow.paragraph(tx.translate("SupervisionReport", "交房即交证督查台账"), size=18, bold=True, align="center",
                   after=2)
    scope = (tx.translate("SupervisionReport", "含培训数据") if report.include_training
             else tx.translate("SupervisionReport", "不含培训数据"))
    flow.paragraph(fill(tx.translate("SupervisionReport", "生成时间：%1　　统计范围：%2　　项目数：%3"),
                        tx.moment(report.generated_at), scope, len(report.projects)),
                   size=9.5, align="center", after=3)
    codes = list(BLOCK_ORDER)
    codes += sorted({k for p in report.projects for k, _ in p.blocked} - set(codes))
    headers = [tx.translate("SupervisionReport", "项目"), tx.translate("SupervisionReport", "服务网点"),
               tx.translate("SupervisionReport", "单元"), tx.translate("SupervisionReport", "可交付"),
               tx.translate("SupervisionReport", "已交证"), tx.translate("SupervisionReport", "待办理"),
               *(_block_label(tx, c) for c in codes),
               tx.translate("SupervisionReport", "验收至交证天数 最少/中位/最多"),
               tx.translate("SupervisionReport", "已统计")]
    rows = []
    flags = []
    for project in report.projects:
        blocked = sum(n for _, n in project.blocked)
        flags.append(blocked > 0)
        mark = "▲ " if blocked else ""
        rows.append(_project_cells(project, codes, f"{mark}{project.name}（{project.project_id}）"))
    rows.append(_project_cells(report.totals, codes, tx.translate("SupervisionReport", "合计")))
    rows[-1][1] = ""
    flow.table(headers, [30, 14, 14, 14, 14, 14, *([17] * len(codes)), 24, 14], rows, size=8,
               aligns=["left", "left", *(["right"] * (4 + len(codes))), "center", "right"],
               flagged=lambda i: i < len(flags) and flags[i], bold_rows=lambda i: i == len(rows) - 1,
               groups=[("", 6), (tx.translate("SupervisionReport", "受阻单元（按首个未通过的检查）"), len(codes)),
                       ("", 2)])
    legend = tx.translate("SupervisionReport", "▲ 表示项目有受阻单元；受阻原因按交房核验顺序只计首个未通过的检查。")
    flow.paragraph(legend, size=8.5, after=1)
    width, height = flow.sheet.size_mm
    return paint(flow.sheet, title=tx.translate("SupervisionReport", "交房即交证督查台账"),
                 decorate=frame(measure, tx, width=width, height=height,
                                left=fill(tx.translate("SupervisionReport", "督查台账 %1"),
                                          report.generated_at.date().isoformat())))
