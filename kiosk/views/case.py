"""CaseOverview: everything about one unit's case on one page, and what it still needs, in order.

``missing`` lists the failed handover gates (``kiosk.services.gates``, the
same evaluation the handover runs, with the people identified at a live
handover), then the next handover step while a handover is open or nothing
else is in the way. A delivered case misses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.errors import FlowError
from kiosk.rules.idcard import parse_id_number
from kiosk.rules.money import format_yuan
from kiosk.services.context import Context
from kiosk.services.gates import Gate, handover_gates
from kiosk.views.handover import HandoverView, handover_view
from kiosk.views.order import OrderView, current_order
from kiosk.views.parts import HolderView, Missing, holders_of

__all__ = ["CaseOverview", "ContractView", "RegistrationView", "STAGES", "case_overview", "cases_for_buyer"]

# blocked: a gate fails; ready: nothing in the way, no handover yet; in_handover: a handover is open.
STAGES: tuple[str, ...] = ("blocked", "ready", "in_handover", "delivered")

# The next handover step by the live handover's state (None: not started): code, reason, next action, English.
_NEXT_STEP: dict[str | None, tuple[str, str, str, str]] = {
    None: ("handover_not_started", "办理条件已具备，尚未开始交房", "全体权利人到场后开始交房办理",
           "the handover has not been started"),
    "open": ("handover_not_checked", "交房办理已开始，尚未完成检查", "核验全部权利人身份后进行交房检查",
             "the handover is open; identify every holder, then run the checks"),
    "checked": ("papers_not_signed", "交房确认书和证书领取确认尚未签署", "请每位到场权利人签署两份文书",
                "the handover confirmation and the certificate receipt are not signed yet"),
    "signed": ("certificate_not_bound", "不动产权证书尚未绑定", "扫描预印证书二维码、录入印制号或用证书纸打印",
               "the certificate is not bound to the case yet"),
    "certificate_bound": ("receipt_not_issued", "交房回执尚未开具", "开具回执（含电子证书核验码）",
                          "the handover receipt is not issued yet"),
    "receipt_issued": ("keys_not_handed", "钥匙尚未交付", "交付钥匙",
                       "the keys are not handed over yet"),
    "keys_handed": ("delivery_not_confirmed", "尚未确认交付", "确认交付，结束办理",
                    "the delivery is not confirmed yet"),
}


@dataclass(frozen=True, slots=True)
class ContractView:
    """The unit's current contract (its text is not part of the view: it holds full ID numbers)."""

    contract_id: str
    version: int
    state: str
    doc_hash: str
    filing_no: str | None
    price_fen: int
    price_text: str
    supersedes: str | None
    reason: str | None
    created_at: str
    signed_at: str | None
    filed_at: str | None


@dataclass(frozen=True, slots=True)
class RegistrationView:
    """Transfer registration and certificate: requested, recorded (number), bound, delivered or mailed."""

    requested_at: str | None
    certificate_no: str | None
    serial: str | None
    certificate_state: str | None
    e_certificate: bool
    recorded_at: str | None
    bound_at: str | None
    delivered_at: str | None
    mail_state: str | None
    tracking_no: str | None


@dataclass(frozen=True, slots=True)
class CaseOverview:
    unit_code: str
    project_id: str
    project_name: str
    developer_name: str
    developer_uscc: str
    building: str
    room: str
    use: str
    area_centi_m2: int
    price_fen: int
    price_text: str
    training: bool
    stage: str
    holders: tuple[HolderView, ...]
    contract: ContractView | None
    order: OrderView | None
    registration: RegistrationView
    handover: HandoverView | None
    delivered_handover_id: str | None
    gates: tuple[Gate, ...]
    missing: tuple[Missing, ...]


def _contract(ctx: Context, unit_code: str) -> ContractView | None:
    rows = ctx.store.read("SELECT * FROM contracts WHERE unit_code = ? ORDER BY "
                          "state IN ('superseded', 'discarded'), version DESC LIMIT 1", (unit_code,))
    if not rows:
        return None
    c = rows[0]
    return ContractView(contract_id=c["id"], version=int(c["version"]), state=c["state"], doc_hash=c["doc_hash"],
                        filing_no=c["filing_no"], price_fen=int(c["price_fen"]),
                        price_text=format_yuan(int(c["price_fen"])), supersedes=c["supersedes"],
                        reason=c["reason"], created_at=c["created_at"], signed_at=c["signed_at"],
                        filed_at=c["filed_at"])


def _registration(ctx: Context, unit_code: str, requested_at: str | None) -> RegistrationView:
    cert = ctx.store.read("SELECT * FROM certificates WHERE unit_code = ?", (unit_code,))
    mail = ctx.store.read("SELECT state, tracking_no FROM mail_requests WHERE unit_code = ? AND state != "
                          "'cancelled' ORDER BY created_at DESC LIMIT 1", (unit_code,))
    c = cert[0] if cert else None
    return RegistrationView(
        requested_at=requested_at, certificate_no=c["certificate_no"] if c else None,
        serial=c["serial"] if c else None, certificate_state=c["state"] if c else None,
        e_certificate=bool(c and c["e_cert_token"]), recorded_at=c["recorded_at"] if c else None,
        bound_at=c["bound_at"] if c else None, delivered_at=c["delivered_at"] if c else None,
        mail_state=mail[0]["state"] if mail else None, tracking_no=mail[0]["tracking_no"] if mail else None)


def case_overview(ctx: Context, unit_code: str) -> CaseOverview:
    """The case of ``unit_code``; ``FlowError`` ``unknown_unit`` when this kiosk does not know it."""
    store = ctx.store
    units = store.read("SELECT u.*, p.name AS project_name, p.developer_uscc, d.name AS developer_name "
                       "FROM units u JOIN projects p ON p.id = u.project_id "
                       "LEFT JOIN developers d ON d.uscc = p.developer_uscc WHERE u.code = ?", (unit_code,))
    if not units:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit",
                        hint="check the unit code, or sync master data")
    u = units[0]
    handovers = store.read("SELECT id, state FROM handovers WHERE unit_code = ? "
                           "AND state != 'cancelled' ORDER BY started_at DESC", (unit_code,))
    live = next((h for h in handovers if h["state"] != "delivered"), None)
    delivered = next((h["id"] for h in handovers if h["state"] == "delivered"), None)
    in_handover = handover_view(ctx, live["id"]) if live else None
    gates: tuple[Gate, ...] = ()
    missing: list[Missing] = []
    if delivered is None:
        # A live handover's view already judged the gates with the people identified there.
        gates = in_handover.gates if in_handover else tuple(handover_gates(ctx, unit_code))
        missing = [Missing(g.code, g.reason, g.next_action, g.message) for g in gates if not g.passed]
        if live is not None or not missing:
            code, reason, action, detail = _NEXT_STEP[live["state"] if live else None]
            missing.append(Missing(code, reason, action, detail))
    stage = ("delivered" if delivered else "in_handover" if live else
             "blocked" if any(not g.passed for g in gates) else "ready")
    return CaseOverview(
        unit_code=unit_code, project_id=u["project_id"], project_name=u["project_name"],
        developer_name=u["developer_name"] or u["developer_uscc"], developer_uscc=u["developer_uscc"],
        building=u["building"], room=u["room"], use=u["use"], area_centi_m2=int(u["area_centi_m2"]),
        price_fen=int(u["price_fen"]), price_text=format_yuan(int(u["price_fen"])), training=bool(u["training"]),
        stage=stage, holders=holders_of(store, unit_code), contract=_contract(ctx, unit_code),
        order=current_order(ctx, unit_code, training=bool(u["training"])),
        registration=_registration(ctx, unit_code, u["registration_requested_at"]),
        handover=in_handover, delivered_handover_id=delivered,
        gates=gates, missing=tuple(missing))


def cases_for_buyer(ctx: Context, id_number: str) -> list[CaseOverview]:
    """Every case in which the person with this ID number is a holder, found by the blind index.

    Raises ``ValidationError`` (without the number) when ``id_number`` is not a valid one.
    """
    number = parse_id_number(id_number, today=ctx.today()).normalized
    rows = ctx.store.read("SELECT DISTINCT unit_code FROM buyers WHERE id_index = ? ORDER BY unit_code",
                          (ctx.store.vault.blind_index(number),))
    return [case_overview(ctx, r["unit_code"]) for r in rows]
