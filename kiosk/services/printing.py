"""Print jobs as rows: a job is recorded as pending in the same unit of work as
the step that needs it, so a printer failure never loses it. The device layer
prints it later (``print_pending`` with a ``JobPrinter``: ``kiosk print-pending``,
the UI); success or failure is written back, and reprints are counted and audited.

Commands are listed in ``__all__``; ``create_job`` is a building block and
``job_body``/``pending_jobs`` are reads.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from kiosk.errors import FlowError, KioskError
from kiosk.printjobs import JobPrinter, PrintJob
from kiosk.rules.reason import required_reason
from kiosk.services.context import Context
from kiosk.services.staff import Actor
from kiosk.store import Store, UnitOfWork

__all__ = ["mark_result", "print_pending", "request_reprint"]

CONTEXT = "print_jobs.body"


def create_job(uow: UnitOfWork, kind: str, subject: str, body: dict[str, Any]) -> str:
    """Building block: queues a job inside the caller's unit of work (no actor or state check)."""
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


def mark_result(ctx: Context, actor: Actor, job_id: str, error: str | None) -> None:
    """Write back what the printer did; a failure keeps the job for a reprint."""
    with ctx.store.unit_of_work(actor.label) as uow:
        found = uow.execute("SELECT state FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        if not found:
            raise FlowError(f"no print job {job_id}", code="unknown_print_job")
        uow.execute("UPDATE print_jobs SET state = ?, attempts = attempts + 1, last_error = ?, "
                    "updated_at = ? WHERE id = ?",
                    ("failed" if error else "printed", error, uow.at, job_id))
        uow.log("print.failed" if error else "print.done", job_id, {"error": error} if error else None)


def request_reprint(ctx: Context, actor: Actor, job_id: str, reason: str) -> None:
    """Put a job back in the queue; audited with the reason."""
    reason = required_reason(reason, why="the receipt is printed again")
    with ctx.store.unit_of_work(actor.label) as uow:
        changed = uow.execute("UPDATE print_jobs SET state = 'pending', reprints = reprints + 1, "
                              "updated_at = ? WHERE id = ?", (uow.at, job_id)).rowcount
        if not changed:
            raise FlowError(f"no print job {job_id}", code="unknown_print_job")
        uow.log("print.reprint", job_id, {"reason": reason})


@dataclass(frozen=True)
class JobResult:
    """What became of one waiting job in a ``print_pending`` run."""

    job: str
    kind: str
    printed: bool
    detail: str
    files: tuple[str, ...] = ()
    attempted: bool = True


@dataclass(frozen=True)
class PrintRun:
    printer: str
    jobs: tuple[JobResult, ...]

    @property
    def printed(self) -> int:
        return sum(r.printed for r in self.jobs)

    @property
    def failed(self) -> int:
        """Jobs this printer takes that it did not print."""
        return sum(r.attempted and not r.printed for r in self.jobs)


def print_pending(ctx: Context, actor: Actor, printer: JobPrinter) -> PrintRun:
    """Send every waiting job ``printer`` takes to it and write back each result.

    A job the printer refused stays queued with the reason; jobs of kinds it
    does not take wait for their own printer.
    """
    results: list[JobResult] = []
    for row in pending_jobs(ctx.store):
        if not printer.takes(row["kind"]):
            results.append(JobResult(row["id"], row["kind"], False,
                                     f"not a job for the {printer.name}: it waits for its own printer", attempted=False))
            continue
        job = PrintJob(row["id"], row["kind"], row["subject"], job_body(ctx.store, row["id"]))
        try:
            done = printer.print_job(job)
        except KioskError as exc:
            mark_result(ctx, actor, job.id, str(exc))
            results.append(JobResult(job.id, job.kind, False, str(exc)))
            continue
        mark_result(ctx, actor, job.id, None)
        results.append(JobResult(job.id, job.kind, True, done.detail, done.files))
    return PrintRun(printer.uri, tuple(results))
