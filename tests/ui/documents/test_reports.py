"""The reconciliation report (per payee account, mismatches flagged) and the supervision ledger (per project)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_helpers import FULL_ID, pdf_text, squeeze  # noqa: E402

from kiosk.config import load_config  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.services.reconciliation import reconcile  # noqa: E402
from kiosk.services.samples import install_samples, load_samples  # noqa: E402
from kiosk.services.staff import Actor  # noqa: E402
from kiosk.services.supervision import supervision_report  # noqa: E402
from kiosk.store import Store  # noqa: E402
from ui.documents import (  # noqa: E402
    ReconciliationReport, SupervisionReport, render_reconciliation_report, render_supervision_report,
)
from ui.documents import samples as s  # noqa: E402

NOW = dt.datetime(2026, 11, 29, 1, 0, tzinfo=dt.timezone.utc)


def test_reconciliation_lists_each_payee_account_and_flags_mismatches(tmp_path: Path) -> None:
    text = pdf_text(render_reconciliation_report(s.reconciliation_report()), tmp_path)
    flat = squeeze(text)
    for expected in ("一码缴费日对账报告", "2026年11月28日", "税务部门（契税）", "不动产登记机构（登记费、工本费）",
                     "住宅专项维修资金", "13,367.10", "壹万叁仟叁佰陆拾柒元壹角", "250.00", "贰佰伍拾元整",
                     "8,055.00", "捌仟零伍拾伍元整", "WX20261128000417", "OD-7F3A21", "金额不符", "终端无此笔",
                     "对账单缺失", "不符：3项，见下表", "未提供对账单，仅列终端记录", "▲1个收款账户有不符"):
        assert expected in flat, expected
    assert flat.count("▲不符") == 3            # one flag per mismatch row
    assert flat.count("▲收款账户") == 1         # only the registration office's section is flagged
    assert "一致" in flat                      # the tax bureau matched
    assert FULL_ID.findall(text) == []


def test_a_statement_total_that_differs_is_flagged_even_without_listed_mismatches(tmp_path: Path) -> None:
    report = s.reconciliation_report()
    tax = dataclasses.replace(report.payees[0], statement_fen=report.payees[0].confirmed_fen - 100)
    text = squeeze(pdf_text(render_reconciliation_report(dataclasses.replace(report, payees=(tax,))), tmp_path))
    assert "不符：对账单合计与已确认金额不同" in text and "▲收款账户：税务部门" in text


def test_reconciliation_from_the_service_on_a_real_store(tmp_path: Path, store: Store, data_dir: Path) -> None:
    ctx = Context(store, load_config(data_dir))
    report = ReconciliationReport.from_service(reconcile(ctx, dt.date(2026, 11, 28)), service_point="JX-SP01",
                                               generated_at=dt.datetime(2026, 11, 29, 9, 0))
    assert [p.payee for p in report.payees] == ["tax_bureau", "registration_office", "maintenance_fund"]
    flat = squeeze(pdf_text(render_reconciliation_report(report), tmp_path))
    assert "各收款账户均无不符" in flat and flat.count("0.00元") >= 9


def test_supervision_ledger_one_row_per_project_with_totals(tmp_path: Path) -> None:
    pdf = render_supervision_report(s.supervision_report())
    text = pdf_text(pdf, tmp_path, layout=True)

    def row(marker: str) -> str:
        return " ".join(next(line for line in text.splitlines() if marker in line).split())

    # ▲ flags the project with blocked units (4 unpaid, 3 contracts not filed), and only that one
    assert row("JX-LSHY") == "▲ 龙山花园（JX-LSHY） JX-SP01 120 96 71 18 0 4 0 3 0 12 / 18.5 / 41 71"
    assert row("JX-WMJ") == "文庙街小区（JX-WMJ） JX-SP02 48 48 48 0 0 0 0 0 0 9 / 11 / 15 48"
    assert row("JX-QLY") == "青龙苑二期（JX-QLY） JX-SP01 64 0 0 0 0 0 0 0 0 —/—/— 0"  # pdftotext joins the dashes
    assert row("合计") == "合计 232 144 119 18 0 4 0 3 0 9 / 15 / 41 119"
    flat = squeeze(pdf_text(pdf, tmp_path))
    for expected in ("交房即交证督查台账", "未登记", "缴费未确认", "开发企业受限", "合同未备案", "钥匙未就绪",
                     "不含培训数据", "项目数：3", "第1页共1页"):
        assert expected in flat, expected


def test_supervision_from_the_service_on_real_sample_data(tmp_path: Path, store: Store, data_dir: Path) -> None:
    ctx = Context(store, load_config(data_dir), clock=lambda: NOW)
    install_samples(ctx, Actor("T001", "technician"), load_samples(), training=True)
    report = SupervisionReport.from_service(supervision_report(ctx, include_training=True))
    assert {p.project_id for p in report.projects} >= {"JX-LSHY", "JX-WMJ"}
    text = pdf_text(render_supervision_report(report), tmp_path, layout=True)
    assert "龙山花园" in text and "文庙街小区" in text and "含培训数据" in squeeze(text)
    total = " ".join(next(line for line in text.splitlines() if line.strip().startswith("合计")).split())
    assert total.startswith(f"合计 {report.totals.units} ")
    assert FULL_ID.findall(text) == []


def test_english_reports(tmp_path: Path) -> None:
    text = pdf_text(render_reconciliation_report(s.reconciliation_report(), "en"), tmp_path)
    assert "Daily reconciliation of one-code payments" in text and "Amount differs" in text
    text = pdf_text(render_supervision_report(s.supervision_report(), "en"), tmp_path)
    assert "Supervision ledger" in text and "Total" in text and "Page 1 of 1" in text
