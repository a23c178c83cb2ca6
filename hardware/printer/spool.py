"""The print spool: no receipt is lost because a printer failed.

Every job is written to the spool directory as JSON (the device-independent
operations, not printer bytes, so a reprint works on a replacement printer)
in state "pending" before anything is sent; it becomes "printed" after the
printer accepted it, or "failed" with the reason. Failed and pending jobs
can be reprinted, and so can printed ones (a copy); every print after the
first is counted in ``reprints``. Files are replaced atomically, so a crash
leaves either the old or the new record, and a job left "pending" by a crash
is still there to be reprinted.

The spool knows nothing of the kiosk's store: ``listener`` is called with
(job, event) for "queued", "printed", "failed" so the services can audit it.
Receipts can carry personal data (a mailing slip has the recipient's address
and phone), so with a ``sealer`` (the kiosk's Vault fits) the operations are
stored encrypted, bound to the job id.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Protocol

from hardware.printer.atomic import write_atomic
from hardware.printer.layout import Op, ops_from_json, ops_to_json
from kiosk.errors import KioskError, StoreError, ValidationError

PENDING, PRINTED, FAILED = "pending", "printed", "failed"
STATES = (PENDING, PRINTED, FAILED)
_JOB_ID = re.compile(r"^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$")


class JobPrinter(Protocol):
    """What the spool needs of a printer (ReceiptPrinter has it)."""

    def print_ops(self, ops: list[Op]) -> Any: ...


class Sealer(Protocol):
    """Encryption of the stored operations (``kiosk.vault.Vault`` has this shape)."""

    def encrypt(self, value: bytes, context: str) -> bytes: ...

    def decrypt_bytes(self, blob: bytes, context: str) -> bytes: ...


@dataclass(frozen=True)
class PrintJob:
    id: str
    kind: str                   # handover | payment | mailing | reconciliation | test | …
    reference: str              # what the job is for (case or order id); never personal data
    state: str
    ops: list[dict[str, Any]]          # empty when sealed
    created_at: str
    updated_at: str
    attempts: int = 0
    reprints: int = 0
    reason: str = ""
    printed_at: str = ""
    history: list[dict[str, str]] = field(default_factory=list)
    sealed: str = ""                    # base64 of the encrypted operations


def _context(job_id: str) -> str:
    return f"print_job:{job_id}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


Listener = Callable[[PrintJob, str], None]


class PrintQueue:
    def __init__(self, directory: Path | str, listener: Listener | None = None,
                 sealer: Sealer | None = None) -> None:
        self.directory = Path(directory)
        self.listener = listener
        self.sealer = sealer
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"print spool directory {self.directory} cannot be created: {exc.strerror}",
                             hint="check the data directory is writable") from None

    def _path(self, job_id: str) -> Path:
        if not _JOB_ID.match(job_id):
            raise ValidationError(f"{job_id!r} is not a print job id", field="job_id",
                                  hint="list jobs to see their ids")
        return self.directory / f"{job_id}.json"

    def _save(self, job: PrintJob) -> None:
        try:
            write_atomic(self._path(job.id), json.dumps(asdict(job), ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError as exc:
            raise StoreError(f"print job {job.id} cannot be saved in {self.directory}: {exc.strerror}",
                             hint="check free space and permissions of the data directory") from None

    def _notify(self, job: PrintJob, event: str) -> None:
        if self.listener is not None:
            self.listener(job, event)

    def get(self, job_id: str) -> PrintJob:
        path = self._path(job_id)
        try:
            return PrintJob(**json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise ValidationError(f"print job {job_id} is not in the spool", field="job_id") from None
        except (ValueError, TypeError) as exc:
            raise StoreError(f"print job file {path} is damaged: {exc}",
                             hint="move it aside; the other jobs are unaffected") from None

    def jobs(self, state: str | None = None) -> list[PrintJob]:
        """Jobs oldest first, optionally only those in ``state``."""
        if state is not None and state not in STATES:
            raise ValidationError(f"print job state {state!r} is not one of {', '.join(STATES)}", field="state")
        found = [self.get(path.stem) for path in sorted(self.directory.glob("*.json"))
                 if _JOB_ID.match(path.stem)]
        return [job for job in found if state is None or job.state == state]

    def submit(self, kind: str, reference: str, ops: list[Op]) -> PrintJob:
        """Record a job as pending; nothing is sent yet."""
        if not kind:
            raise ValidationError("a print job needs a kind", field="kind")
        now = datetime.now(timezone.utc)
        job_id = f"{now:%Y%m%dT%H%M%S}-{secrets.token_hex(4)}"
        payload = ops_to_json(ops)
        sealed = ""
        if self.sealer is not None:
            plain = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            sealed = base64.b64encode(self.sealer.encrypt(plain, _context(job_id))).decode("ascii")
            payload = []
        job = PrintJob(id=job_id, kind=kind, reference=reference, state=PENDING, ops=payload, sealed=sealed,
                       created_at=_now(), updated_at=_now(), history=[{"at": _now(), "event": "queued"}])
        self._save(job)
        self._notify(job, "queued")
        return job

    def print(self, job_id: str, printer: JobPrinter) -> PrintJob:
        """Send the job; it ends "printed" or "failed" with the reason, and is never dropped.

        Printer failures (any KioskError) are recorded, not raised: the caller
        reads ``state`` and ``reason``. A reprint is the same call on a job
        that was attempted before.
        """
        job = self.get(job_id)
        reprint = job.attempts > 0
        job = replace(job, state=PENDING, attempts=job.attempts + 1, reprints=job.reprints + int(reprint),
                      updated_at=_now(), history=job.history + [{"at": _now(), "event": "reprint" if reprint else "send"}])
        self._save(job)
        try:
            printer.print_ops(self.operations(job))
        except KioskError as exc:
            job = replace(job, state=FAILED, reason=str(exc), updated_at=_now(),
                          history=job.history + [{"at": _now(), "event": "failed", "reason": str(exc)}])
            self._save(job)
            self._notify(job, "failed")
            return job
        job = replace(job, state=PRINTED, reason="", printed_at=_now(), updated_at=_now(),
                      history=job.history + [{"at": _now(), "event": "printed"}])
        self._save(job)
        self._notify(job, "printed")
        return job

    def operations(self, job: PrintJob) -> list[Op]:
        """The job's receipt operations, decrypted when the spool is sealed."""
        if not job.sealed:
            return ops_from_json(job.ops)
        if self.sealer is None:
            raise StoreError(f"print job {job.id} is encrypted and this spool has no key to open it",
                             hint="open the spool with the kiosk's vault")
        plain = self.sealer.decrypt_bytes(base64.b64decode(job.sealed), _context(job.id))
        return ops_from_json(json.loads(plain.decode("utf-8")))

    def submit_and_print(self, kind: str, reference: str, ops: list[Op], printer: JobPrinter) -> PrintJob:
        return self.print(self.submit(kind, reference, ops).id, printer)

    def reprint(self, job_id: str, printer: JobPrinter) -> PrintJob:
        """Print a job again (after a failure, or as a copy); counted in ``reprints``."""
        return self.print(job_id, printer)
