"""Owner of the ``outbox`` table: records waiting to be pushed to the platform.

The kiosk writes a record with ``UnitOfWork.push`` (which calls ``insert``), in
the same transaction as the change and its audit entry. The sync agent reads
``read_pending`` and settles the platform's acknowledgement with
``mark_acked`` and ``mark_quarantined`` inside its own unit of work. A record
leaves ``pending`` only that way. Payloads are encrypted under ``CONTEXT``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from kiosk import audit
from kiosk.errors import VaultError
from kiosk.store import quarantine
from kiosk.vault import Vault

if TYPE_CHECKING:
    from kiosk.store import Store
    from kiosk.store.unit_of_work import UnitOfWork

CONTEXT: Final = "outbox.payload"

PENDING: Final = "pending"
ACKED: Final = "acked"
QUARANTINED: Final = "quarantined"
STATES: Final = (PENDING, ACKED, QUARANTINED)


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
class Unreadable:
    """A pending record this kiosk cannot decrypt or parse; it can never be sent."""

    record_id: str
    reason: str


def insert(conn: sqlite3.Connection, vault: Vault, *, record_id: str, kind: str, subject: str,
           payload: dict[str, Any], training: bool, audit_seq: int, at: str) -> None:
    """Queue one record inside the caller's transaction (``UnitOfWork.push`` is the caller)."""
    conn.execute(
        "INSERT INTO outbox (record_id, kind, subject, payload_enc, training, audit_seq, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record_id, kind, subject, vault.encrypt(audit.canonical_text(payload), CONTEXT), int(training),
         audit_seq, at))


def read_pending(store: Store, limit: int, *, after_seq: int = 0) -> tuple[list[OutboxRecord], list[Unreadable]]:
    """The oldest pending records after ``after_seq`` (at most ``limit`` rows), decrypted, and those
    among them that could not be read."""
    rows = store.conn.execute(
        "SELECT seq, record_id, kind, subject, training, created_at, audit_seq, payload_enc "
        "FROM outbox WHERE state = ? AND seq > ? ORDER BY seq LIMIT ?", (PENDING, after_seq, limit)).fetchall()
    records: list[OutboxRecord] = []
    unreadable: list[Unreadable] = []
    for seq, rid, kind, subject, training, created, audit_seq, blob in rows:
        try:
            payload = json.loads(store.vault.decrypt(blob, CONTEXT) or "null")
        except (VaultError, ValueError) as exc:
            unreadable.append(Unreadable(rid, f"the kiosk cannot read this record: {exc}"))
            continue
        records.append(OutboxRecord(int(seq), rid, kind, subject, bool(training), created, int(audit_seq), payload))
    return records, unreadable


def mark_acked(uow: UnitOfWork, record_ids: list[str]) -> None:
    """The platform accepted these records; records already settled stay as they are."""
    uow.conn.executemany("UPDATE outbox SET state = ?, acked_at = ? WHERE record_id = ? AND state = ?",
                         [(ACKED, uow.at, rid, PENDING) for rid in record_ids])


def mark_quarantined(uow: UnitOfWork, record_id: str, code: str, reason: str) -> bool:
    """Move a pending record to quarantine with its code and reason; False when it was not pending."""
    row = uow.execute("SELECT kind FROM outbox WHERE record_id = ? AND state = ?", (record_id, PENDING)).fetchone()
    if row is None:
        return False
    uow.execute("UPDATE outbox SET state = ? WHERE record_id = ?", (QUARANTINED, record_id))
    quarantine.add(uow, record_id, str(row[0]), code, reason)
    return True


def counts(store: Store) -> dict[str, int]:
    """How many records are in each state (every state present, zero when none)."""
    found = dict(store.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    return {state: int(found.get(state, 0)) for state in STATES}


@dataclass(frozen=True)
class Fate:
    """Where a record of a kind stands: its outbox state and, once quarantined, the platform's answer."""

    state: str
    code: str | None
    reason: str | None


def fates(store: Store, kind: str) -> dict[str, Fate]:
    """Each subject's latest record of ``kind``, with its quarantine code and reason if it has one."""
    rows = store.conn.execute("SELECT o.subject, o.state, q.code, q.reason FROM outbox o LEFT JOIN quarantine q "
                              "USING (record_id) WHERE o.kind = ? ORDER BY o.seq", (kind,)).fetchall()
    return {str(r[0]): Fate(str(r[1]), r[2], r[3]) for r in rows}


def latest_states(conn: sqlite3.Connection, kind: str) -> dict[str, str]:
    """Each subject's latest record of ``kind`` and its state (inside a unit of work: pass its connection)."""
    rows = conn.execute("SELECT subject, state FROM outbox WHERE kind = ? ORDER BY seq", (kind,)).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def kind_and_subject(conn: sqlite3.Connection, record_id: str) -> tuple[str, str] | None:
    """The kind and subject of the record ``record_id``; None when there is no such record."""
    row = conn.execute("SELECT kind, subject FROM outbox WHERE record_id = ?", (record_id,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def last_pending_seq(store: Store) -> int:
    """The sequence number of the newest pending record; 0 when nothing is pending."""
    row = store.conn.execute("SELECT max(seq) FROM outbox WHERE state = ?", (PENDING,)).fetchone()
    return int(row[0] or 0)
