"""Sample documents from the fictitious sample data in ``resources/samples`` (previews, snapshots, tests).

Nothing here is a real person or a real certificate; every sample is marked as training data
unless ``training=False`` is asked for (tests of the normal layout).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from typing import Any

from kiosk.rules.money import format_yuan, yuan_in_words
from kiosk.resources import RESOURCES_DIR
from kiosk.templates import load_template
from ui.documents.model import (
    CertificatePage, ContractDocument, HandoverPapers, Ink, Mismatch, PayeeReconciliation, Person, ProjectProgress,
    ReconciliationReport, SupervisionReport,
)

SAMPLES = RESOURCES_DIR / "samples"
UNIT_CODE = "410425001003GB00128F00010201"      # two co-owners
CERTIFICATE_NO = "豫(2026)郏县不动产权第0000183号"
DAY = dt.date(2026, 11, 28)


def _load(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def _unit(code: str = UNIT_CODE) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    unit = next(u for u in _load("units.json") if u["code"] == code)
    project = next(p for p in _load("projects.json") if p["id"] == unit["project_id"])
    developer = next(d for d in _load("developers.json") if d["uscc"] == project["developer_uscc"])
    return unit, project, developer


def holders(code: str = UNIT_CODE) -> tuple[Person, ...]:
    return tuple(Person(b["name"], b["id_number"]) for b in _unit(code)[0]["buyers"])


def location(code: str = UNIT_CODE) -> str:
    unit, project, _ = _unit(code)
    return f"{project['address']} {project['name']}{int(code[-8:-4])}幢{int(code[-4:])}室"


def contract_text(code: str = UNIT_CODE) -> str:
    """The contract text as the service renders it (the same template and fields)."""
    unit, project, developer = _unit(code)
    buyers = unit["buyers"]
    area = unit["area_centi_m2"]
    return load_template("contract_sale").render({
        "contract_no": f"HT-{code}-v1-a1b2c3", "unit_code": code,
        "seller_name": developer["name"], "seller_uscc": developer["uscc"], "seller_address": developer["address"],
        "buyers": "\n".join(f"{n}. {b['name']}  公民身份号码 {b['id_number']}" for n, b in enumerate(buyers, 1)),
        "project_name": project["name"], "project_address": project["address"],
        "building": str(int(code[-8:-4])), "room": str(int(code[-4:])), "use": "住宅",
        "area_m2": f"{area // 100}.{area % 100:02d}", "price_yuan": format_yuan(unit["price_fen"]),
        "price_words": yuan_in_words(unit["price_fen"]), "handover_date": DAY.isoformat(),
        "signed_date": DAY.isoformat(),
        "ownership": "该商品房由买受人单独所有。" if len(buyers) == 1 else f"该商品房由上列{len(buyers)}名买受人共同共有。",
        "service_point": "郏县龙山街道便民服务网点",
    })


def ink(seed: int = 0) -> Ink:
    """A handwriting-like sample signature (three strokes), normalised to a 240 x 90 mm box."""
    strokes = []
    for n in range(3):
        left = 0.12 + 0.26 * n
        strokes.append(tuple((left + 0.2 * i / 40, 0.5 + 0.25 * math.sin(i / 40 * math.pi * (2 + n + seed))
                              * (1 - i / 80)) for i in range(41)))
    return Ink(tuple(strokes), (240.0, 90.0))


def contract(*, training: bool = True, code: str = UNIT_CODE, signed: bool = True) -> ContractDocument:
    text = contract_text(code)
    names = [p.name for p in holders(code)]
    return ContractDocument(contract_id=f"HT-{code}-v1-a1b2c3", unit_code=code, text=text,
                            doc_sha256=hashlib.sha256(text.encode()).hexdigest(), version=1,
                            filing_no="JXWQ2026-000183",
                            signatures=tuple((n, ink(i)) for i, n in enumerate(names)) if signed else (),
                            training=training)


def handover_papers(*, training: bool = True, agent: bool = False) -> HandoverPapers:
    people = holders()
    return HandoverPapers(
        handover_id="HO-20261128-0007", unit_code=UNIT_CODE, certificate_no=CERTIFICATE_NO, holders=people,
        location=location(), service_point="郏县龙山街道便民服务网点", day=DAY,
        present=(0,) if agent else tuple(range(len(people))),
        agent=Person("王建国", "410425198002023334") if agent else None,
        authorisation_no="JXSQ-2026-0042" if agent else "", serial="HN2026-000101",
        e_cert_qr="https://bdc.example.invalid/verify?t=Jx8sK2", handover_sha256="9f" * 32,
        receipt_sha256="4e" * 32, holder_ink=tuple(ink(i) for i in range(len(people))),
        agent_ink=ink(5) if agent else None, training=training)


def certificate_page(*, training: bool = False) -> CertificatePage:
    unit, _, _ = _unit()
    area = unit["area_centi_m2"]
    return CertificatePage(
        certificate_no=CERTIFICATE_NO, holders=holders(), ownership="共同共有", location=location(),
        unit_code=UNIT_CODE, right_type="国有建设用地使用权/房屋所有权", right_nature="出让/市场化商品房",
        use="城镇住宅用地/住宅", area=f"共有宗地面积 12873.40㎡/房屋建筑面积 {area // 100}.{area % 100:02d}㎡",
        term="国有建设用地使用权 2021年06月30日起 2091年06月29日止",
        other=("专有建筑面积：76.42㎡，分摊建筑面积：13.08㎡", "房屋结构：钢筋混凝土结构",
               "房屋总层数：18层，所在层：2层", "房屋竣工时间：2026年"),
        registered_on=DAY, serial="HN2026-000101", training=training)


def reconciliation_report() -> ReconciliationReport:
    return ReconciliationReport(day=DAY, service_point="郏县龙山街道便民服务网点",
                                generated_at=dt.datetime(2026, 11, 29, 8, 30), payees=(
        PayeeReconciliation("tax_bureau", expected_fen=1336710, confirmed_fen=1336710, count=3, due_fen=0,
                            statement_fen=1336710),
        PayeeReconciliation("registration_office", expected_fen=33000, confirmed_fen=25000, count=3,
                            due_fen=8000, statement_fen=24000, mismatches=(
            Mismatch("amount_differs", "WX20261128000417", "OD-7F3A21", 9000, 8000,
                     "the kiosk recorded 9000 fen, the statement 8000 fen"),
            Mismatch("unknown_to_kiosk", "WX20261128000999", "", None, 8000,
                     "on the registration_office statement but no order on this kiosk was paid with this serial"),
            Mismatch("missing_from_statement", "WX20261128000388", "OD-7F3A0C", 8000, None,
                     "confirmed by the kiosk but not on the registration_office statement"))),
        PayeeReconciliation("maintenance_fund", expected_fen=805500, confirmed_fen=805500, count=3, due_fen=0,
                            statement_fen=None),
    ))


def supervision_report() -> SupervisionReport:
    def row(pid: str, name: str, sp: str, units: int, eligible: int, delivered: int, pending: int,
            blocked: dict[str, int], days: tuple[float | None, float | None, float | None, int]) -> ProjectProgress:
        codes = ("not_registered", "unpaid", "developer_restricted", "contract_not_filed", "keys_not_ready")
        return ProjectProgress(pid, name, sp, units, eligible, delivered, pending,
                               tuple((c, blocked.get(c, 0)) for c in codes), *days)
    projects = (
        row("JX-LSHY", "龙山花园", "JX-SP01", 120, 96, 71, 18, {"unpaid": 4, "contract_not_filed": 3},
            (12, 18.5, 41, 71)),
        row("JX-WMJ", "文庙街小区", "JX-SP02", 48, 48, 48, 0, {}, (9, 11, 15, 48)),
        row("JX-QLY", "青龙苑二期", "JX-SP01", 64, 0, 0, 0, {}, (None, None, None, 0)),
    )
    totals = row("", "", "", 232, 144, 119, 18, {"unpaid": 4, "contract_not_filed": 3}, (9, 15, 41, 119))
    return SupervisionReport(generated_at=dt.datetime(2026, 11, 29, 8, 30), projects=projects, totals=totals)
