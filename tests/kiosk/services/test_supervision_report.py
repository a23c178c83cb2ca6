"""The supervision ledger: each blocked reason, delivered units with their day counts,
restriction variants, training data, agreement with the handover checks, and CSV."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest

from kiosk import masterdata as md
from kiosk.config import load_config
from kiosk.errors import ValidationError
from kiosk.rules.unitcode import format_unit_code
from kiosk.rules.uscc import make_uscc_check_char
from kiosk.services.context import Context
from kiosk.services.supervision import BLOCK_REASONS, csv_text, supervision_report, write_csv
from kiosk.store import Store, UnitOfWork

NOW = dt.datetime(2026, 6, 1, 3, 0, tzinfo=dt.timezone.utc)
ACTOR = "staff:S001"
_ids = itertools.count(1)


def uscc(body: str) -> str:
    return body + make_uscc_check_char(body)


DEV_OK = uscc("91410425MA4KJX3T7")
DEV_BAD = uscc("91410425MA4LQ2W8N")


def code(parcel: int, room: int) -> str:
    return format_unit_code(district=1, subdistrict=3, ownership="G", right="B", parcel_seq=parcel,
                            building=1, room=room)


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    return Context(store, load_config(data_dir), clock=lambda: NOW)


def project(uow: UnitOfWork, pid: str, name: str, dev: str, sp: str, *, eligible: bool,
            accepted_at: str | None = None, training: bool = False) -> None:
    md.add_project(uow, pid, name, dev, service_point=sp, training=training)
    uow.update("projects", {"id": pid}, {"eligible": int(eligible), "accepted_at": accepted_at,
                                         "first_registration": "approved" if eligible else "open"})


def unit(uow: UnitOfWork, unit_code: str, pid: str, *, training: bool = False, cert: bool | str = False,
         paid: bool | str = False, filed: bool = False, keys: bool = False,
         delivered_at: str | None = None) -> str:
    md.add_unit(uow, unit_code, pid, area_centi_m2=9200, price_fen=46_000_000, training=training)
    uow.update("units", {"code": unit_code}, {"keys_ready": int(keys)})
    n = next(_ids)
    if cert:
        uow.insert("certificates", {
            "unit_code": unit_code, "certificate_no": f"豫(2026)郏县不动产权第{n:07d}号", "state": "recorded",
            "training": int(training or cert == "training"), "recorded_at": uow.at})
    if paid:
        done = paid is True
        uow.insert("payment_orders", {
            "id": f"PO-{n}", "unit_code": unit_code, "payment_code": f"PC{n:010d}",
            "state": "paid" if done else "open", "total_fen": 8000, "rule_version": "2024-12-01",
            "training": int(training), "created_at": uow.at})
        uow.insert("payment_items", {"order_id": f"PO-{n}", "payee": "registration_office",
                                     "name": "不动产登记费", "amount_fen": 8000,
                                     "state": "confirmed" if done else "due"})
    if filed or paid:
        uow.insert("contracts", {
            "id": f"HT-{n}", "unit_code": unit_code, "version": 1, "state": "filed" if filed else "signed",
            "content_enc": b"sealed", "doc_hash": "0" * 64, "price_fen": 46_000_000,
            "training": int(training), "created_at": uow.at})
    if delivered_at:
        uow.insert("handovers", {"id": f"JF-{n}", "unit_code": unit_code, "state": "delivered",
                                 "training": int(training), "started_by": ACTOR,
                                 "started_at": delivered_at, "delivered_at": delivered_at})
    uow.log("test.unit", unit_code)
    return unit_code


READY: dict[str, Any] = {"cert": True, "paid": True, "filed": True, "keys": True}
EXPECTED_P1 = {"u4": "not_registered", "u5": "unpaid", "u6": "unpaid", "u7": "contract_not_filed",
               "u8": "keys_not_ready", "u10": "not_registered"}


@pytest.fixture
def ledger(ctx: Context) -> dict[str, str]:
    """Three real projects and a training one; returns the unit codes by short name."""
    c: dict[str, str] = {}
    with ctx.store.unit_of_work(ACTOR) as uow:
        md.add_developer(uow, DEV_OK, "郏县龙城置业有限公司")
        md.add_developer(uow, DEV_BAD, "郏县示例房地产开发有限公司")
        # Accepted at 10:00 county time on 1 March; deliveries are counted in county days.
        project(uow, "P1", "龙山花园", DEV_OK, "JX-SP01", eligible=True, accepted_at="2026-03-01T02:00:00+00:00")
        project(uow, "P2", "文庙街小区", DEV_BAD, "JX-SP02", eligible=True, accepted_at="2026-04-01T00:00:00+00:00")
        project(uow, "P3", "东关新村", DEV_OK, "JX-SP01", eligible=False)
        project(uow, "T1", "演练小区", DEV_OK, "JX-SP01", eligible=True,
                accepted_at="2026-01-01T00:00:00+00:00", training=True)
        uow.insert("restrictions", {"uscc": DEV_BAD, "reason": "逾期交房", "since": "2026-05-01",
                                    "until": None, "updated_at": uow.at})
        uow.log("test.setup", "ledger")
    with ctx.store.unit_of_work(ACTOR) as uow:
        # 17:00 UTC on 11 March is already 12 March in the county: 11 days, not 10.
        c["u1"] = unit(uow, code(1, 101), "P1", **READY, delivered_at="2026-03-11T17:00:00+00:00")
        c["u2"] = unit(uow, code(1, 102), "P1", **READY, delivered_at="2026-03-21T03:00:00+00:00")
        c["u3"] = unit(uow, code(1, 103), "P1", **READY, delivered_at="2026-04-05T03:00:00+00:00")
        c["u4"] = unit(uow, code(1, 104), "P1", paid=True, filed=True, keys=True)
        c["u5"] = unit(uow, code(1, 105), "P1", cert=True, filed=True, keys=True)
        c["u6"] = unit(uow, code(1, 106), "P1", cert=True, paid="due", filed=True, keys=True)
        c["u7"] = unit(uow, code(1, 107), "P1", cert=True, paid=True, keys=True)
        c["u8"] = unit(uow, code(1, 108), "P1", cert=True, paid=True, filed=True)
        c["u9"] = unit(uow, code(1, 109), "P1", **READY)
        c["u10"] = unit(uow, code(1, 110), "P1", **{**READY, "cert": "training"})
        c["w1"] = unit(uow, code(2, 101), "P2", **READY)
        c["w2"] = unit(uow, code(2, 102), "P2", **READY)
        uow.insert("overrides", {"uscc": DEV_BAD, "unit_code": code(2, 102), "supervisor": "supervisor:S003",
                                 "reason": "已与购房人协商一致，准予交付", "at": uow.at})
        c["w3"] = unit(uow, code(2, 103), "P2", cert=True)
        c["x1"] = unit(uow, code(3, 101), "P3", **READY)
        c["x2"] = unit(uow, code(3, 102), "P3")
        c["t1"] = unit(uow, code(4, 101), "T1", training=True, **READY,
                       delivered_at="2026-01-31T03:00:00+00:00")
        c["t2"] = unit(uow, code(4, 102), "T1", training=True)
    return c


def blocked(**counts: int) -> dict[str, int]:
    return {reason: counts.get(reason, 0) for reason in BLOCK_REASONS}


def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["project_id"]: row for row in report["projects"]}


def test_counts_and_blocked_reasons(ctx: Context, ledger: dict[str, str]) -> None:
    report = supervision_report(ctx)
    assert report["generated_at"] == NOW.isoformat() and report["include_training"] is False
    rows = by_id(report)
    assert list(rows) == ["P1", "P3", "P2"], "ordered by service point, then project"
    p1, p2, p3 = rows["P1"], rows["P2"], rows["P3"]
    assert (p1["name"], p1["service_point"]) == ("龙山花园", "JX-SP01")
    assert {k: p1[k] for k in ("units", "eligible", "delivered", "pending")} == \
        {"units": 10, "eligible": 10, "delivered": 3, "pending": 1}
    assert p1["blocked"] == blocked(not_registered=2, unpaid=2, contract_not_filed=1, keys_not_ready=1)
    # w1 is held by the restriction, w2 has a supervisor's override, w3 fails earlier gates first
    # (neither contract nor payment: the contract comes first in the case's life).
    assert (p2["units"], p2["eligible"], p2["delivered"], p2["pending"]) == (3, 3, 0, 1)
    assert p2["blocked"] == blocked(developer_restricted=1, contract_not_filed=1)
    assert (p3["units"], p3["eligible"], p3["delivered"], p3["pending"], p3["blocked"]) == (2, 0, 0, 0, blocked())
    totals = report["totals"]
    assert (totals["projects"], totals["units"], totals["eligible"], totals["delivered"], totals["pending"]) == \
        (3, 15, 13, 3, 2)
    assert totals["blocked"] == blocked(not_registered=2, unpaid=2, contract_not_filed=2, keys_not_ready=1,
                                        developer_restricted=1)


def test_days_from_acceptance_to_certificate_in_county_days(ctx: Context, ledger: dict[str, str]) -> None:
    rows = by_id(supervision_report(ctx))
    assert rows["P1"]["days_acceptance_to_certificate"] == {"min": 11, "median": 20, "max": 35, "count": 3}
    assert rows["P2"]["days_acceptance_to_certificate"] == {"min": None, "median": None, "max": None,
                                                            "count": 0}


@pytest.mark.parametrize(("since", "until", "lifted", "held"), [
    ("2026-05-01", None, None, True),
    ("2026-05-01", "2026-12-31", None, True),
    ("2026-05-01", "2026-05-31", None, False),
    ("2026-07-01", None, None, False),
    ("2026-05-01", None, "2026-05-20T00:00:00+00:00", False),
])
def test_restriction_variants(ctx: Context, ledger: dict[str, str], since: str, until: str | None,
                              lifted: str | None, held: bool) -> None:
    with ctx.store.unit_of_work(ACTOR) as uow:
        uow.update("restrictions", {"uscc": DEV_BAD}, {"since": since, "until": until, "lifted_at": lifted})
        uow.log("test.restriction", DEV_BAD)
    p2 = by_id(supervision_report(ctx))["P2"]
    assert p2["blocked"]["developer_restricted"] == int(held)
    assert p2["pending"] == (1 if held else 2)


def test_training_rows_only_when_asked(ctx: Context, ledger: dict[str, str]) -> None:
    assert "T1" not in by_id(supervision_report(ctx))
    report = supervision_report(ctx, include_training=True)
    t1 = by_id(report)["T1"]
    assert (t1["units"], t1["eligible"], t1["delivered"], t1["pending"]) == (2, 2, 1, 0)
    assert t1["blocked"] == blocked(contract_not_filed=1)
    assert t1["days_acceptance_to_certificate"] == {"min": 30, "median": 30, "max": 30, "count": 1}
    assert report["totals"]["units"] == 17 and report["totals"]["delivered"] == 4
    assert report["totals"]["days_acceptance_to_certificate"]["count"] == 4


def test_training_delivery_of_a_real_unit_is_not_counted(ctx: Context, ledger: dict[str, str]) -> None:
    with ctx.store.unit_of_work(ACTOR) as uow:
        uow.insert("handovers", {"id": "JF-train", "unit_code": ledger["u9"], "state": "delivered",
                                 "training": 1, "started_by": ACTOR, "started_at": uow.at,
                                 "delivered_at": uow.at})
        uow.log("test.handover", "JF-train")
    assert by_id(supervision_report(ctx))["P1"]["delivered"] == 3
    assert by_id(supervision_report(ctx, include_training=True))["P1"]["delivered"] == 4


def test_report_only_reads(ctx: Context, ledger: dict[str, str]) -> None:
    before = ctx.store.conn.total_changes
    supervision_report(ctx, include_training=True)
    assert ctx.store.conn.total_changes == before


def test_csv_has_bom_header_and_chinese_names(ctx: Context, ledger: dict[str, str], tmp_path: Path) -> None:
    report = supervision_report(ctx)
    path = write_csv(report, tmp_path / "督查台账.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw[3:].decode("utf-8").split("\r\n")
    assert lines[0].split(",")[:7] == ["项目编号", "项目名称", "服务网点", "单元总数", "可交付", "已交证", "待办理"]
    assert "受阻：开发企业受限" in lines[0] and "验收至交证天数（中位）" in lines[0]
    assert lines[1] == "P1,龙山花园,JX-SP01,10,10,3,1,2,2,0,1,1,11,20,35,3,0,0,0,0,0"
    assert lines[3].startswith("P2,文庙街小区,JX-SP02,3,3,0,1,0,0,1,1,0,,,,0,0,0,0,0,0")
    assert lines[0].endswith("好差评：非常满意,好差评：满意,好差评：基本满意,好差评：不满意,好差评：非常不满意")
    assert len(lines) == 5 and lines[4] == "", "one row per project"
    assert csv_text(report) == raw[3:].decode("utf-8")


def test_csv_to_an_unwritable_place_is_a_clear_error(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        write_csv(supervision_report(ctx), tmp_path / "no-such-dir" / "x.csv")
    assert err.value.code == "csv_write" and "no-such-dir" in str(err.value)


def test_even_count_median_is_a_half_day(ctx: Context, ledger: dict[str, str]) -> None:
    with ctx.store.unit_of_work(ACTOR) as uow:
        uow.insert("handovers", {"id": "JF-late", "unit_code": ledger["u9"], "state": "delivered",
                                 "training": 0, "started_by": ACTOR, "started_at": uow.at,
                                 "delivered_at": "2026-04-30T03:00:00+00:00"})
        uow.log("test.handover", "JF-late")
    days = by_id(supervision_report(ctx))["P1"]["days_acceptance_to_certificate"]
    assert days == {"min": 11, "median": 27.5, "max": 60, "count": 4}
