"""Joint acceptance → first registration (联合验收即登记).

Each project keeps a checklist of departmental acceptances. Every item holds
its document number or the text of its scanned QR code and who recorded it.
When the last item is in, the first-registration request is queued for the
platform; its approval makes the project's units eligible for handover.
"""

from __future__ import annotations

from typing import Any

from kiosk.errors import FlowError, ValidationError
from kiosk.services.approvals import check_training_scope
from kiosk.services.context import Context
from kiosk.services.staff import Actor, require
from kiosk.services.states import FIRST_REGISTRATION
from kiosk.store import Store, UnitOfWork
from sync.wire import kinds

__all__ = ["record_acceptance"]

ITEMS: dict[str, str] = {
    "planning": "规划核实",
    "fire": "消防验收",
    "civil_air_defence": "人防验收",
    "completion_filing": "竣工验收备案",
    "surveyed_areas": "房产实测面积",
}


def _project(uow: UnitOfWork, project_id: str) -> dict[str, Any]:
    cur = uow.execute("SELECT * FROM projects WHERE id = ?", (project_id,))
    row = cur.fetchone()
    if row is None:
        raise FlowError(f"no project {project_id} on this kiosk", code="unknown_project",
                        hint="check the project id or sync master data")
    return dict(zip([d[0] for d in cur.description], row))


def record_acceptance(ctx: Context, actor: Actor, project_id: str, item: str, *,
                      document_no: str | None = None, qr_text: str | None = None) -> list[str]:
    """Record one acceptance; returns the items still missing (empty when the request was queued)."""
    require(ctx.store, actor, now=ctx.now())
    if item not in ITEMS:
        raise ValidationError(f"unknown acceptance item {item!r}; one of {', '.join(ITEMS)}",
                              field="item")
    document_no = (document_no or "").strip() or None
    qr_text = (qr_text or "").strip() or None
    if not document_no and not qr_text:
        raise ValidationError(f"{ITEMS[item]}: give its document number or scan its QR code",
                              field="document_no")
    with ctx.store.unit_of_work(actor.label) as uow:
        project = _project(uow, project_id)
        if project["first_registration"] != "open":
            raise FlowError(f"project {project_id}: first registration is already "
                            f"{project['first_registration']}; acceptances can no longer change",
                            code="acceptance_closed")
        uow.execute("INSERT INTO acceptances (project_id, item, document_no, qr_text, recorded_by, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(project_id, item) DO UPDATE SET "
                    "document_no = excluded.document_no, qr_text = excluded.qr_text, "
                    "recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
                    (project_id, item, document_no, qr_text, actor.label, uow.at))
        uow.log("acceptance.record", project_id, {"item": item, "document_no": document_no,
                                                  "scanned": qr_text is not None})
        uow.push(kinds.ACCEPTANCE_RECORDED, project_id,
                 {"project_id": project_id, "item": item, "document_no": document_no, "qr_text": qr_text},
                 training=bool(project["training"]))
        done = {r[0] for r in uow.execute("SELECT item FROM acceptances WHERE project_id = ?", (project_id,))}
        missing = [i for i in ITEMS if i not in done]
        if not missing:
            state = FIRST_REGISTRATION.advance(project["first_registration"], "request")
            uow.update("projects", {"id": project_id}, {"first_registration": state, "accepted_at": uow.at})
            uow.log("first_registration.request", project_id)
            uow.push(kinds.FIRST_REGISTRATION_REQUESTED, project_id,
                     {"project_id": project_id, "acceptances": sorted(done)},
                     training=bool(project["training"]))
    return missing


def checklist(store: Store, project_id: str) -> dict[str, dict[str, Any] | None]:
    rows = {r["item"]: r for r in store.read("SELECT * FROM acceptances WHERE project_id = ?", (project_id,))}
    return {item: rows.get(item) for item in ITEMS}


def apply_first_registration_approved(uow: UnitOfWork, item: dict[str, Any]) -> None:
    project = check_training_scope(uow, item, "projects", "id", str(item["subject"]))
    if project["first_registration"] == "approved":
        return
    state = FIRST_REGISTRATION.advance(project["first_registration"], "approve")
    uow.update("projects", {"id": project["id"]}, {"first_registration": state, "eligible": 1})
    uow.log("first_registration.approved", project["id"], {"item": item.get("item_id")})
