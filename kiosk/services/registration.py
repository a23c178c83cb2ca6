"""Transfer registration (转移登记) requested ahead of the handover.

Once the project is registered, the contract filed and every fee and tax
confirmed (the first three handover gates, ``kiosk.services.gates``), the
service point asks the registration office to record the transfer; the approval brings the certificate number (and the serial of the
certificate the office printed), which the handover then checks and binds.
"""

from __future__ import annotations

from kiosk.errors import FlowError
from kiosk.masterdata import buyers_of_unit
from kiosk.services import certificates, contracts, payments
from kiosk.services.context import Context
from kiosk.services.gates import handover_gates, require_passed
from kiosk.services.staff import Actor, require
from sync.wire import kinds

__all__ = ["request_registration"]

# The handover gates a registration request must pass: those before the registration itself.
BEFORE_REGISTRATION = ("project_not_eligible", "contract_not_filed", "unpaid")


def request_registration(ctx: Context, actor: Actor, unit_code: str) -> str:
    """Queue the request; returns its outbox record id."""
    require(ctx.store, actor, now=ctx.now())
    rows = ctx.store.read("SELECT training, registration_requested_at FROM units WHERE code = ?",
                          (unit_code,))
    if not rows:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit")
    unit = rows[0]
    if certificates.recorded(ctx.store, unit_code) is not None:
        raise FlowError(f"unit {unit_code} is already registered", code="already_registered")
    if unit["registration_requested_at"]:
        raise FlowError(f"the registration of unit {unit_code} was already requested at "
                        f"{unit['registration_requested_at']}", code="already_requested",
                        hint="the approval arrives with the sync")
    require_passed(handover_gates(ctx, unit_code, only=BEFORE_REGISTRATION))
    contract = contracts.filed_contract(ctx.store, unit_code)
    status = payments.payment_status(ctx.store, unit_code, training=bool(unit["training"]))
    assert contract is not None, "the contract_not_filed gate passed"
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.update("units", {"code": unit_code}, {"registration_requested_at": uow.at})
        uow.log("registration.request", unit_code, {"contract": contract["id"], "order": status.order_id})
        return uow.push(kinds.REGISTRATION_REQUESTED, unit_code, {
            "unit_code": unit_code, "contract_id": contract["id"], "filing_no": contract["filing_no"],
            "order_id": status.order_id,
            "holders": [{"position": b.position, "id_masked": b.id_masked}
                        for b in buyers_of_unit(ctx.store, unit_code)]}, training=bool(unit["training"]))
