"""Storing a verified batch: each record exactly once, by record id.

The same path serves ``POST /v1/batches`` and ``county-gateway import``:

* a record id not seen before is stored with its device and batch;
* the same record id with the same content (``sync.wire.record_digest``) is
  accepted again and counted in ``duplicates`` (a resend, or sneakernet then
  online);
* the same record id with other content is rejected as ``conflict``;
* a record that fails ``validate_record`` is rejected as ``invalid_record``;
* a new ``staff.member_added`` record changes its service point's roster (``county.roster``) in the
  same transaction, or is rejected with the roster's code (``invalid_record``, ``not_permitted``,
  ``unknown_service_point``, ``staff_exists``) and not stored;
* a batch (device, batch id) seen before with the same records gets the
  stored acknowledgement back byte for byte;
* any other batch must carry audit checkpoints that extend the one the
  gateway holds for the device (``county.anchors``), or is refused whole.

Everything for one batch commits in one transaction, ack included, so a crash
leaves either the whole batch or none of it. The database enforces the rest,
however many gateway processes share it: the batch first locks its device's
row (PostgreSQL; SQLite's write lock already orders all writers), so one
device's batches and audit checkpoints are taken one after another, and
records are inserted with ``ON CONFLICT (record_id) DO NOTHING`` (all of a
batch's sent before any answer is read, so a batch costs a PostgreSQL server a
few round trips, not one per record): of two processes storing the same record id
at once, one stores it and the other waits for that commit and then finds it,
a duplicate or a conflict.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from county import anchors, roster
from county.store import Conn, transaction
from sync.wire import (
    Batch, KeyPair, RecordRejected, Rejection, canonical_json, kinds, make_ack, record_digest,
    validate_record,
)
from sync.wire.errors import CONFLICT
from sync.wire.records import RECORD_ID

# Record ids per look-up statement, far below SQLite's limit of 32766 variables.
LOOKUP_CHUNK = 500


def batch_digest(batch: Batch) -> str:
    h = hashlib.sha256()
    for record in batch.records:
        try:
            validate_record(record)
            h.update(record_digest(record).encode("ascii"))
        except RecordRejected:
            h.update(hashlib.sha256(canonical_json(record)).hexdigest().encode("ascii"))
        h.update(b"\n")
    return h.hexdigest()


def store_batch(conn: Conn, keys: KeyPair, batch: Batch, *, now: float,
                source: str) -> bytes:
    """Store ``batch`` idempotently and return the acknowledgement's canonical JSON bytes."""
    digest = batch_digest(batch)
    with transaction(conn):
        conn.execute("SELECT device_id FROM devices WHERE device_id = ?" + conn.for_update,
                     (batch.device_id,))
        known = conn.execute("SELECT digest, ack FROM batches WHERE device_id = ? AND batch_id = ?",
                             (batch.device_id, batch.batch_id)).fetchone()
        if known is not None and known["digest"] == digest:
            conn.executemany(
                "INSERT INTO duplicates (record_id, device_id, batch_id, at) VALUES (?, ?, ?, ?)",
                [(_answer_id(r, index), batch.device_id, batch.batch_id, now)
                 for index, r in enumerate(batch.records)])
            return str(known["ack"]).encode("utf-8")
        held = anchors.guard(conn, keys, batch, now=now)
        accepted, rejected = _store_records(conn, keys, batch, now=now)
        ack = make_ack(keys.sign, device_id=batch.device_id, batch_id=batch.batch_id,
                       accepted=accepted, rejected=rejected, server_time=now, checkpoint=held)
        text = canonical_json(ack).decode("utf-8")
        conn.execute("INSERT INTO batches (device_id, batch_id, digest, header, ack, source, "
                     "received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT(device_id, batch_id) DO UPDATE SET digest = excluded.digest, "
                     "header = excluded.header, ack = excluded.ack, source = excluded.source, "
                     "received_at = excluded.received_at",
                     (batch.device_id, batch.batch_id, digest,
                      canonical_json(batch.header).decode("utf-8"), text, source, now))
    return text.encode("utf-8")


def _store_records(conn: Conn, keys: KeyPair, batch: Batch, *,
                   now: float) -> tuple[list[str], list[Rejection]]:
    """Answer every record in order; the valid ones are inserted together (``returning_many``), so a
    batch costs a database server a few round trips rather than one per record."""
    answers: list[tuple[str, Rejection | None] | None] = []
    fresh: dict[str, str] = {}
    valid: list[tuple[int, dict[str, Any], str]] = []
    taken: set[str] = set()
    for index, record in enumerate(batch.records):
        try:
            validate_record(record)
        except RecordRejected as exc:
            rid = _answer_id(record, index)
            answers.append((rid, _reject(conn, batch, rid, hashlib.sha256(canonical_json(record))
                                         .hexdigest(), exc.code, exc.message, now)))
            continue
        digest = record_digest(record)
        if record["kind"] == kinds.STAFF_MEMBER_ADDED and not record["training"]:
            refusal = _roster_change(conn, keys, batch, record, taken, now=now)
            if refusal is not None:
                answers.append((record["record_id"], _reject(conn, batch, record["record_id"], digest,
                                                             refusal.code, refusal.reason, now)))
                continue
        answers.append(None)
        valid.append((index, record, digest))
    inserted = {str(rid) for rid in conn.returning_many(
        "INSERT INTO records (record_id, device_id, batch_id, seq, kind, subject, training, created_at, "
        "payload, digest, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (record_id) DO NOTHING RETURNING record_id",
        [(r["record_id"], batch.device_id, batch.batch_id, r["seq"], r["kind"], r["subject"], int(r["training"]),
          r["created_at"], conn.seal(json.dumps(r["payload"], ensure_ascii=False, sort_keys=True), "records.payload"),
          digest, now) for _, r, digest in valid])}
    older = _stored_digests(conn, sorted({r["record_id"] for _, r, _ in valid} - inserted))
    duplicates: list[str] = []
    for index, record, digest in valid:
        rid = record["record_id"]
        if rid in inserted and rid not in fresh:
            # The first occurrence of an id this batch stored; a later one compares with it.
            fresh[rid] = digest
            answers[index] = (rid, None)
        elif fresh.get(rid, older.get(rid)) == digest:
            duplicates.append(rid)
            answers[index] = (rid, None)
        else:
            answers[index] = (rid, _reject(conn, batch, rid, digest, CONFLICT,
                                           f"record id {rid} was already received with other content", now))
    if taken & inserted:
        # The gateway itself decided these: the roster holds them now.
        conn.executemany("UPDATE records SET state = 'decided', decided_at = ? WHERE record_id = ?",
                         [(now, rid) for rid in sorted(taken & inserted)])
    if duplicates:
        conn.executemany("INSERT INTO duplicates (record_id, device_id, batch_id, at) VALUES (?, ?, ?, ?)",
                         [(rid, batch.device_id, batch.batch_id, now) for rid in duplicates])
    accepted = [a[0] for a in answers if a is not None and a[1] is None]
    rejected = [a[1] for a in answers if a is not None and a[1] is not None]
    return accepted, rejected


def _roster_change(conn: Conn, keys: KeyPair, batch: Batch, record: dict[str, Any], taken: set[str], *,
                   now: float) -> roster.Refusal | None:
    """Apply a roster record the first time its id arrives; a resend (or its id again in this batch)
    is answered as any record is, a duplicate or a conflict, so the roster changes once."""
    rid = record["record_id"]
    if rid in taken or conn.execute("SELECT 1 FROM records WHERE record_id = ?", (rid,)).fetchone():
        return None
    try:
        roster.take_addition(conn, keys, device_id=batch.device_id, record=record, now=now)
    except roster.Refusal as refusal:
        return refusal
    taken.add(rid)
    return None


def _answer_id(record: Any, index: int) -> str:
    """The id a record is answered and counted by: its own, or ``#INDEX`` when it has none of the
    protocol's form (any string could be long, or hold a NUL that PostgreSQL's text refuses)."""
    rid = record.get("record_id") if isinstance(record, dict) else None
    return rid if isinstance(rid, str) and RECORD_ID.fullmatch(rid) else f"#{index}"


def _stored_digests(conn: Conn, record_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(record_ids), LOOKUP_CHUNK):
        chunk = record_ids[start:start + LOOKUP_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update((str(r[0]), str(r[1])) for r in conn.execute(
            f"SELECT record_id, digest FROM records WHERE record_id IN ({marks})", chunk))
    return found


def _reject(conn: Conn, batch: Batch, record_id: str, digest: str, code: str,
            reason: str, now: float) -> Rejection:
    conn.execute("INSERT INTO rejections (device_id, record_id, digest, code, reason, "
                 "batch_id, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                 (batch.device_id, record_id, digest, code, reason, batch.batch_id, now))
    return Rejection(record_id, code, reason)


def status(conn: Conn) -> dict[str, Any]:
    """``county-gateway status``: stored outbox records only (heartbeats are not records)."""
    by_kind = {row[0]: row[1] for row in conn.execute(
        "SELECT kind, COUNT(*) FROM records GROUP BY kind ORDER BY kind")}
    return {
        "devices": conn.execute("SELECT COUNT(*) FROM devices").fetchone()[0],
        "records": sum(by_kind.values()),
        "records_by_kind": by_kind,
        "duplicates": conn.execute("SELECT COUNT(*) FROM duplicates").fetchone()[0],
        "rejected": conn.execute("SELECT COUNT(*) FROM rejections").fetchone()[0],
    }
