"""Print jobs as rows: a job is recorded as pending in the same unit of work as
the step that needs it, so a printer failure never loses it. The device layer
prints it later (``kiosk print-pending``, the UI); success or failure is
written back, and reprints are counted and audited."""

from __future__ import annotations

import json
import uuid
from typing import Any

from kiosk.errors import FlowError
from kiosk.store import Store, UnitOfWork

CONTEXT = "print_jobs.body"


def create_job(uow: UnitOfWork, kind: str, subject: str, body: dict[str, Any]) -> str:
    job_id = uuid.uuid4().hex
    uow.insert("print_jobs", {
        "id": job_id, "kind": kind, "subject": subject, "state": "pending",
        "body_enc": uow.vault.encrypt(json.dumps(body, ensure_ascii=False), CONTEXT),
        "created_at": uow.at, "updated_at": uow.at})
    uow.log("print.queued", subject, {"job": job_id, "kind": kind})
    return job_id


def project_service_point(uow: UnitOfWork, unit_code: str) -> str:
    """The service point a receipt names: the one the unit's project is served from."""
    row = uow.execute("SELECT p.service_point FROM units u JOIN projects p ON p.id = u.project_id "
                      "WHERE u.code = ?", (unit_code,)).fetchone()
    return str(row[0]) if row and row[0] else ""


def job_body(store: Store, job_id: str) -> dict[str, Any]:
    rows = store.read("SELECT body_enc FROM print_jobs WHERE id = ?", (job_id,))
    if not rows:
        raise FlowError(f"no print job {job_id}", code="unknown_print_job")
    body: dict[str, Any] = json.loads(store.vault.decrypt(rows[0]["body_enc"], CONTEXT) or "{}")
    return body


def pending_jobs(store: Store) -> list[dict[str, Any]]:
    return store.read("SELECT id, kind, subject, state, attempts, reprints, last_error, created_at "
                      "FROM print_jobs WHERE state != 'printed' ORDER BY created_at")


def mark_result(store: Store, actor_label: str, job_id: str, error: str | None) -> None:
    """Write back what the printer did; a failure keeps the job for a reprint."""
    with store.unit_of_work(actor_label) as uow:
        found = uow.execute("SELECT state FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        if not found:
            raise FlowError(f"no print job {job_id}", code="unknown_print_job")
        uow.execute("UPDATE print_jobs SET state = ?, attempts = attempts + 1, last_error = ?, "
                    "updated_at = ? WHERE id = ?",
                    ("failed" if error else "printed", error, uow.at, job_id))
        uow.log("print.failed" if error else "print.done", job_id, {"error": error} if error else None)


def request_reprint(store: Store, actor_label: str, job_id: str, reason: str) -> None:
    """Put a job back in the queue; audited with the reason."""
    if not reason.strip():
        raise FlowError("a reprint needs a reason", code="reason_required")
    with store.unit_of_work(actor_label) as uow:
        changed = uow.execute("UPDATE print_jobs SET state = 'pending', reprints = reprints + 1, "
                              "updated_at = ? WHERE id = ?", (uow.at, job_id)).rowcount
        if not changed:
            raise FlowError(f"no print job {job_id}", code="unknown_print_job")
        uow.log("print.reprint", job_id, {"reason": reason})
