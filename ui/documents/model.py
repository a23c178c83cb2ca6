"""What each document prints: plain, immutable inputs of the renderers.

The application layer builds these from its read views; the renderers only lay
them out. Money is integer fen, days are ``datetime.date``, moments are aware or
naive county-time ``datetime``. ``Person.id_number`` is the full number: each
renderer decides how it is shown (see ``ui.documents.__init__`` for the rule per
document), so a caller cannot forget to mask it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Person:
    name: str          # full legal name
    id_number: str     # full ID number (18 characters); printed masked except on the certificate page


@dataclass(frozen=True)
class Ink:
    """A signature as drawn: pen-down strokes of (x, y) points normalised to the signing box."""
    strokes: tuple[tuple[tuple[float, float], ...], ...]
    box_mm: tuple[float, float] = (240.0, 90.0)

    @classmethod
    def from_bundle(cls, bundle: Mapping[str, Any]) -> Ink:
        """From a signature bundle (``kiosk.services.signatures``): points [x, y, t, pressure]; pen-up dropped."""
        strokes = tuple(tuple((float(p[0]), float(p[1])) for p in stroke if p[3])
                        for stroke in bundle["strokes"])
        width, height = bundle["box_mm"]
        return cls(tuple(s for s in strokes if s), (float(width), float(height)))


@dataclass(frozen=True)
class ContractDocument:
    """A contract as ``kiosk.services.contracts.render`` wrote it: the text every buyer signed."""
    contract_id: str
    unit_code: str
    text: str                 # the exact signed text; its first line is the title
    doc_sha256: str           # the hash the buyers signed (printed in every page footer)
    version: int = 1
    filing_no: str = ""       # 网签备案编号, once the platform filed it
    signatures: tuple[tuple[str, Ink], ...] = ()   # (buyer's name, ink) in buyer order: a signature page
    training: bool = False


@dataclass(frozen=True)
class HandoverPapers:
    """The two papers of a handover: the handover confirmation (房屋交接确认书) and the certificate
    receipt (不动产权证书领取确认). Their statement sentences are ``kiosk.services.handover.documents``'."""
    handover_id: str
    unit_code: str
    certificate_no: str
    holders: tuple[Person, ...]
    location: str                 # 坐落: project and address, building and room
    service_point: str
    day: dt.date
    present: tuple[int, ...] = ()     # indexes into holders of those who signed in person
    agent: Person | None = None       # 委托代理人, when one signed for absent holders
    authorisation_no: str = ""
    serial: str = ""                  # 印制号 of the certificate handed over (receipt)
    e_cert_qr: str = ""               # the e-certificate verification text (receipt QR); "" for none
    handover_sha256: str = ""         # hash of the handover text each buyer signed
    receipt_sha256: str = ""          # hash of the receipt text each buyer signed
    holder_ink: tuple[Ink | None, ...] = ()   # per holder (same order), the signature on this paper
    agent_ink: Ink | None = None
    training: bool = False


@dataclass(frozen=True)
class CertificatePage:
    """The fields printed on the pre-printed 不动产权证书 form (security paper)."""
    certificate_no: str               # 豫(2026)郏县不动产权第0000123号
    holders: tuple[Person, ...]       # 权利人, full names
    ownership: str                    # 共有情况: 单独所有 / 共同共有 / 按份共有 …
    location: str                     # 坐落
    unit_code: str                    # 不动产单元号 (28 characters)
    right_type: str                   # 权利类型, e.g. 国有建设用地使用权/房屋所有权
    right_nature: str                 # 权利性质, e.g. 出让/市场化商品房
    use: str                          # 用途, e.g. 城镇住宅用地/住宅
    area: str                         # 面积, e.g. 共有宗地面积 …㎡/房屋建筑面积 89.50㎡
    term: str                         # 使用期限, e.g. 2090年06月30日止
    other: tuple[str, ...] = ()       # 权利其他状况, one line each
    registered_on: dt.date | None = None   # 登记日期 beside the registration office's seal
    serial: str = ""                  # 印制号 of the sheet (pre-printed; used to title the job)
    training: bool = False


@dataclass(frozen=True)
class Mismatch:
    kind: str            # missing_from_statement, unknown_to_kiosk, other_day, amount_differs, listed_twice, refunded
    channel_serial: str
    order_id: str
    kiosk_fen: int | None
    statement_fen: int | None
    detail: str


@dataclass(frozen=True)
class PayeeReconciliation:
    payee: str                   # tax_bureau, registration_office, maintenance_fund (or another account id)
    expected_fen: int
    confirmed_fen: int
    count: int
    due_fen: int
    statement_fen: int | None    # None when no statement was given for this account
    mismatches: tuple[Mismatch, ...] = ()


@dataclass(frozen=True)
class ReconciliationReport:
    day: dt.date
    service_point: str
    generated_at: dt.datetime
    payees: tuple[PayeeReconciliation, ...]

    @classmethod
    def from_service(cls, report: Mapping[str, Any], *, service_point: str,
                     generated_at: dt.datetime) -> ReconciliationReport:
        """From ``kiosk.services.reconciliation.reconcile``'s dict."""
        return cls(day=dt.date.fromisoformat(report["date"]), service_point=service_point,
                   generated_at=generated_at, payees=tuple(
                       PayeeReconciliation(
                           payee=payee, expected_fen=row["expected_fen"], confirmed_fen=row["confirmed_fen"],
                           count=row["count"], due_fen=row["due_fen"], statement_fen=row["statement_fen"],
                           mismatches=tuple(Mismatch(
                               kind=m["type"], channel_serial=m["channel_serial"] or "",
                               order_id=m["order_id"] or "", kiosk_fen=m["kiosk_fen"],
                               statement_fen=m["statement_fen"], detail=m["detail"]) for m in row["mismatches"]))
                       for payee, row in report["payees"].items()))


@dataclass(frozen=True)
class ProjectProgress:
    project_id: str
    name: str
    service_point: str
    units: int
    eligible: int
    delivered: int
    pending: int
    blocked: tuple[tuple[str, int], ...]     # (reason code, count) in the handover's check order
    days_min: float | None = None            # calendar days from joint acceptance to certificate
    days_median: float | None = None
    days_max: float | None = None
    days_count: int = 0

    @classmethod
    def from_service(cls, row: Mapping[str, Any], *, project_id: str = "", name: str = "",
                     service_point: str = "") -> ProjectProgress:
        days = row["days_acceptance_to_certificate"]
        return cls(project_id=row.get("project_id", project_id), name=row.get("name", name),
                   service_point=row.get("service_point", service_point), units=row["units"],
                   eligible=row["eligible"], delivered=row["delivered"], pending=row["pending"],
                   blocked=tuple(row["blocked"].items()), days_min=days["min"], days_median=days["median"],
                   days_max=days["max"], days_count=days["count"])


@dataclass(frozen=True)
class SupervisionReport:
    generated_at: dt.datetime
    projects: tuple[ProjectProgress, ...]
    totals: ProjectProgress
    include_training: bool = False

    @classmethod
    def from_service(cls, report: Mapping[str, Any]) -> SupervisionReport:
        """From ``kiosk.services.supervision.supervision_report``'s dict."""
        return cls(generated_at=dt.datetime.fromisoformat(report["generated_at"]),
                   projects=tuple(ProjectProgress.from_service(p) for p in report["projects"]),
                   totals=ProjectProgress.from_service(report["totals"], project_id="", name="", service_point=""),
                   include_training=bool(report["include_training"]))
