"""Storing a verified batch: each record exactly once, by record id.

The same path serves ``POST /v1/batches`` and ``county-gateway import``:

* a record id not seen before is stored with its device and batch;
* the same record id with the same content (``sync.wire.record_digest``) is
  accepted again and counted in ``duplicates`` (a resend, or sneakernet then
  online);
* the same record id with other content is rejected as ``conflict``;
* a record that fails ``validate_record`` is rejected as ``invalid_record``;
* a batch (device, batch id) seen before with the same records gets the
  stored acknowledgement back byte for byte;
* any other batch must carry audit checkpoints that extend the one the
  gateway holds for the device (``county.anchors``), or is refused whole.

Everything for one batch commits in one transaction, ack included, so a crash
leaves either the whole batch or none of it. The database enforces the rest,
however many gateway processes share it: the batch first locks its device's
row (PostgreSQL; SQLite's write lock already orders all writers), so one
device's batches and audit checkpoints are taken one after another, and a
record is inserted with ``ON CONFLICT (record_id) DO NOTHING``: of two
processes storing the same record id at once, one stores it and the other
waits for that commit and then finds it, a duplicate or a conflict.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from county import anchors
from county.store import Conn, transaction
from sync.wire import (
    Batch, KeyPair, RecordRejected, Rejection, canonical_json, make_ack, record_digest,
    validate_record,
)
from sync.wire.errors import CONFLICT


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
                [(str(r.get("record_id")) if isinstance(r, dict) else "", batch.device_id,
                  batch.batch_id, now) for r in batch.records])
            return str(known["ack"]).encode("utf-8")
        held = anchors.guard(conn, keys, batch, now=now)
        accepted, rejected = _store_records(conn, batch, now=now)
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


def _store_records(conn: Conn, batch: Batch, *,
                   now: float) -> tuple[list[str], list[Rejection]]:
    accepted: list[str] = []
    rejected: list[Rejection] = []
    for index, record in enumerate(batch.records):
        try:
            validate_record(record)
        except RecordRejected as exc:
            rid = record.get("record_id") if isinstance(record, dict) else None
            rid = rid if isinstance(rid, str) else f"#{index}"
            rejected.append(_reject(conn, batch, rid, hashlib.sha256(canonical_json(record))
                                    .hexdigest(), exc.code, exc.message, now))
            continue
        digest = record_digest(record)
        rid = record["record_id"]
        stored = conn.execute(
            "INSERT INTO records (record_id, device_id, batch_id, seq, kind, subject, "
            "training, created_at, payload, digest, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (record_id) DO NOTHING RETURNING record_id",
            (rid, batch.device_id, batch.batch_id, record["seq"], record["kind"],
             record["subject"], int(record["training"]), record["created_at"],
             conn.seal(json.dumps(record["payload"], ensure_ascii=False, sort_keys=True), "records.payload"),
             digest, now)).fetchone()
        if stored is not None:
            accepted.append(rid)
            continue
        row = conn.execute("SELECT digest FROM records WHERE record_id = ?", (rid,)).fetchone()
        if row["digest"] == digest:
            conn.execute("INSERT INTO duplicates (record_id, device_id, batch_id, at) "
                         "VALUES (?, ?, ?, ?)", (rid, batch.device_id, batch.batch_id, now))
            accepted.append(rid)
        else:
            rejected.append(_reject(conn, batch, rid, digest, CONFLICT,
                                    f"record id {rid} was already received with other content",
                                    now))
    return accepted, rejected


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
