"""Reading the outbox and settling it after the platform's acknowledgement.

Records are read in ``seq`` order, only those still ``pending``, at most
``[sync] batch_max_records`` at a time. Settling an acknowledgement is one
unit of work: accepted ids become ``acked``, rejected ids become
``quarantined`` with the platform's code and reason, and one audit entry
records the batch. A rejected record therefore never blocks the ones behind it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kiosk.errors import VaultError
from kiosk.store import OUTBOX_CONTEXT, Store

ACTOR = "sync-agent"
UNREADABLE = "local_unreadable"


@dataclass(frozen=True)
class OutboxRecord:
    seq: int
    record_id: str
    kind: str
    subject: str
    training: bool
    created_at: str
    audit_seq: int
    payload: dict[str, Any]


@dataclass(frozen=True)
class Rejection:
    record_id: str
    code: str
    reason: str


def pending(store: Store, limit: int, *, after_seq: int = 0) -> list[OutboxRecord]:
    """The oldest pending records (after ``after_seq``), decrypted. A record this kiosk cannot decrypt is
    quarantined on the spot (it can never be sent) so the queue keeps moving."""
    while True:
        rows = store.conn.execute(
            "SELECT seq, record_id, kind, subject, training, created_at, audit_seq, payload_enc "
            "FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)).fetchall()
        records: list[OutboxRecord] = []
        broken: list[Rejection] = []
        for seq, rid, kind, subject, training, created, audit_seq, blob in rows:
            try:
                payload = json.loads(store.vault.decrypt(blob, OUTBOX_CONTEXT) or "null")
            except (VaultError, ValueError) as exc:
                broken.append(Rejection(rid, UNREADABLE, f"the kiosk cannot read this record: {exc}"))
                continue
            records.append(OutboxRecord(int(seq), rid, kind, subject, bool(training), created,
                                        int(audit_seq), payload))
        if not broken:
            return records
        settle(store, batch_id="local", accepted=[], rejected=broken)


def settle(store: Store, *, batch_id: str, accepted: list[str], rejected: list[Rejection]) -> None:
    """Apply one acknowledgement in one transaction; records already settled stay as they are."""
    with store.unit_of_work(ACTOR) as uow:
        uow.log("sync.ack", batch_id, {"accepted": len(accepted), "rejected": len(rejected),
                                       "rejected_codes": sorted({r.code for r in rejected})})
        uow.conn.executemany("UPDATE outbox SET state = 'acked', acked_at = ? "
                             "WHERE record_id = ? AND state = 'pending'",
                             [(uow.at, rid) for rid in accepted])
        for rej in rejected:
            cur = uow.execute("SELECT kind FROM outbox WHERE record_id = ? AND state = 'pending'",
                              (rej.record_id,))
            row = cur.fetchone()
            if row is None:
                continue
            uow.execute("UPDATE outbox SET state = 'quarantined' WHERE record_id = ?", (rej.record_id,))
            uow.execute("INSERT OR REPLACE INTO quarantine (record_id, kind, code, reason, at, resolved_at) "
                        "VALUES (?, ?, ?, ?, ?, NULL)", (rej.record_id, row[0], rej.code, rej.reason, uow.at))
