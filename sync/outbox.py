"""Draining the outbox and settling it after the platform's acknowledgement.

Records are read in ``seq`` order, only those still pending, at most
``[sync] batch_max_records`` at a time (the table and its SQL belong to
``kiosk.store.outbox``). Settling an acknowledgement is one unit of work:
accepted ids become acked, rejected ids are quarantined with the platform's
code and reason, and one audit entry records the batch. A rejected record
therefore never blocks the ones behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk import audit
from kiosk.services import staff
from kiosk.store import Store
from kiosk.store import outbox as table
from kiosk.store.outbox import OutboxRecord

ACTOR = "sync-agent"
UNREADABLE = "local_unreadable"


@dataclass(frozen=True)
class Rejection:
    record_id: str
    code: str
    reason: str


def pending(store: Store, limit: int, *, after_seq: int = 0) -> list[OutboxRecord]:
    """The oldest pending records (after ``after_seq``), decrypted. A record this kiosk cannot decrypt is
    quarantined on the spot (it can never be sent) so the queue keeps moving."""
    while True:
        records, unreadable = table.read_pending(store, limit, after_seq=after_seq)
        if not unreadable:
            return records
        settle(store, batch_id="local", accepted=[],
               rejected=[Rejection(u.record_id, UNREADABLE, u.reason) for u in unreadable])


def settle(store: Store, *, batch_id: str, accepted: list[str], rejected: list[Rejection],
           checkpoint: tuple[int, str] | None = None, ack: str | None = None) -> None:
    """Apply one acknowledgement in one transaction; records already settled stay as they are.
    ``checkpoint`` is the audit checkpoint the county says it holds, kept with its signed ``ack``."""
    with store.unit_of_work(ACTOR) as uow:
        detail: dict[str, object] = {"accepted": len(accepted), "rejected": len(rejected),
                                     "rejected_codes": sorted({r.code for r in rejected})}
        if checkpoint is not None and ack is not None and audit.acknowledge(uow.conn, checkpoint, ack, uow.at):
            detail["checkpoint"] = checkpoint[0]
        uow.log("sync.ack", batch_id, detail)
        table.mark_acked(uow, accepted)
        for rej in rejected:
            if table.mark_quarantined(uow, rej.record_id, rej.code, rej.reason):
                # A refused addition leaves no account behind (kiosk.services.staff).
                staff.addition_refused(uow, rej.record_id, rej.code)
