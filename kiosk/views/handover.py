"""HandoverView: one handover (交房即交证) as the counter sees it.

The steps done, who of the holders is present or represented (and by which
agent, masked), who still has to sign which paper, whether the certificate
is bound, the receipt's print job, and the handover gates with the people
identified so far (``kiosk.services.gates``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from kiosk.errors import FlowError
from kiosk.services.context import Context
from kiosk.services.gates import Gate, handover_gates
from kiosk.views.parts import HolderView, holders_of

__all__ = ["AgentView", "HandoverPerson", "HandoverView", "PAPERS", "ReceiptJobView", "STEPS", "StepView",
           "handover_view"]

# (step, Chinese label); a step is done once the handover reached the state at the same index + 1.
STEPS: tuple[tuple[str, str], ...] = (
    ("identify", "核验身份"), ("check", "交房检查"), ("sign", "签署文书"), ("bind_certificate", "绑定证书"),
    ("receipt", "开具回执"), ("hand_keys", "交付钥匙"), ("deliver", "确认交付"))
_REACHED = ("open", "checked", "signed", "certificate_bound", "receipt_issued", "keys_handed", "delivered")
PAPERS: tuple[str, ...] = ("handover", "receipt")
STATE_NAMES = {"open": "办理中", "checked": "已检查", "signed": "已签署", "certificate_bound": "证书已绑定",
               "receipt_issued": "回执已开具", "keys_handed": "钥匙已交付", "delivered": "已交付",
               "cancelled": "已取消"}


@dataclass(frozen=True, slots=True)
class StepView:
    step: str
    label: str
    done: bool


@dataclass(frozen=True, slots=True)
class HandoverPerson:
    """A holder at this handover; ``signed`` names the papers (of ``PAPERS``) they have signed."""

    holder: HolderView
    present: bool
    represented: bool
    signed: tuple[str, ...]

    @property
    def covered(self) -> bool:
        return self.present or self.represented

    @property
    def still_to_sign(self) -> bool:
        return len(self.signed) < len(PAPERS)


@dataclass(frozen=True, slots=True)
class AgentView:
    id_masked: str
    authorisation_no: str
    represents: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ReceiptJobView:
    job_id: str
    state: str
    attempts: int
    reprints: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class HandoverView:
    handover_id: str
    unit_code: str
    state: str
    state_label: str
    training: bool
    started_by: str
    started_at: str
    delivered_at: str | None
    steps: tuple[StepView, ...]
    next_step: str | None
    people: tuple[HandoverPerson, ...]
    agent: AgentView | None
    still_to_sign: tuple[HolderView, ...]
    certificate_no: str | None
    serial: str | None
    certificate_state: str | None
    certificate_bound: bool
    receipt_job: ReceiptJobView | None
    gates: tuple[Gate, ...]


def _steps(state: str, all_covered: bool) -> tuple[StepView, ...]:
    reached = _REACHED.index(state) if state in _REACHED else -1
    return tuple(StepView(step, label, all_covered if n == 0 and state != "cancelled" else 0 < n <= reached)
                 for n, (step, label) in enumerate(STEPS))


def handover_view(ctx: Context, handover_id: str) -> HandoverView:
    """The handover ``handover_id``; ``FlowError`` ``unknown_handover`` when there is none such."""
    store = ctx.store
    rows = store.read("SELECT * FROM handovers WHERE id = ?", (handover_id,))
    if not rows:
        raise FlowError(f"no handover {handover_id}", code="unknown_handover")
    row = rows[0]
    present, represented = set(json.loads(row["present"])), set(json.loads(row["represented"]))
    signed: dict[int, list[str]] = {}
    for s in store.read("SELECT buyer_id, document FROM signatures WHERE document_id = ? AND document IN "
                        "('handover.handover', 'handover.receipt') ORDER BY document", (handover_id,)):
        signed.setdefault(int(s["buyer_id"]), []).append(s["document"].split(".", 1)[1])
    people = tuple(HandoverPerson(h, h.buyer_id in present, h.buyer_id in represented,
                                  tuple(p for p in PAPERS if p in signed.get(h.buyer_id, ())))
                   for h in holders_of(store, row["unit_code"]))
    cert = store.read("SELECT certificate_no, serial, state FROM certificates WHERE unit_code = ?",
                      (row["unit_code"],))
    job = store.read("SELECT p.id, p.state, p.attempts, p.reprints, p.last_error FROM audit a "
                     "JOIN print_jobs p ON p.id = json_extract(a.detail, '$.job') "
                     "WHERE a.action = 'handover.receipt' AND a.subject = ? ORDER BY a.seq DESC LIMIT 1",
                     (handover_id,))
    steps = _steps(row["state"], all(p.covered for p in people))
    live = row["state"] not in ("delivered", "cancelled")
    return HandoverView(
        handover_id=handover_id, unit_code=row["unit_code"], state=row["state"],
        state_label=STATE_NAMES.get(row["state"], row["state"]), training=bool(row["training"]),
        started_by=row["started_by"], started_at=row["started_at"], delivered_at=row["delivered_at"],
        steps=steps, next_step=next((s.step for s in steps if not s.done), None) if live else None,
        people=people,
        agent=AgentView(row["agent_masked"], row["authorisation_no"] or "", tuple(sorted(represented)))
        if row["agent_masked"] else None,
        still_to_sign=tuple(p.holder for p in people if p.still_to_sign) if live else (),
        certificate_no=cert[0]["certificate_no"] if cert else None, serial=cert[0]["serial"] if cert else None,
        certificate_state=cert[0]["state"] if cert else None,
        certificate_bound=bool(cert) and cert[0]["state"] in ("bound", "delivered"),
        receipt_job=ReceiptJobView(job[0]["id"], job[0]["state"], int(job[0]["attempts"]),
                                   int(job[0]["reprints"]), job[0]["last_error"]) if job else None,
        gates=tuple(handover_gates(ctx, row["unit_code"], covered=present | represented)) if live else ())
