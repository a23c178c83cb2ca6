"""Push: outbox records to the gateway in sealed batches, settled by the signed ack.

Order of events per batch: read pending records, seal them (batch id derived
from the record ids, so a resend of the same records is the same batch),
``POST /v1/batches``, verify the ack against the pinned platform key and check
it answers exactly the records sent, then settle it in one transaction. A
crash anywhere before the settle leaves the records pending; they are sent
again and the gateway, idempotent by record id, answers the same.

Each batch carries the device's signed audit checkpoints since the last one the
county acknowledged, a new one at the audit head first (``anchor``); the
acknowledgement names the checkpoint the county then holds, kept with the ack's
signature when the batch is settled (``kiosk.audit``).

A batch the gateway finds too big is split in half until it fits; a single
record too big to send is quarantined so it cannot block the queue.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field

from kiosk import audit
from kiosk.identity import Identity
from kiosk.store import Store
from sync import outbox, wire
from sync.client import GatewayClient, bad_response
from sync.errors import AuditDiverged, BadResponse, Refused
from kiosk.store.outbox import OutboxRecord
from sync.outbox import Rejection
from sync.wire import errors as codes


@dataclass
class PushResult:
    batches: int = 0
    pushed: int = 0
    accepted: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)


def batch_id_for(records: list[OutboxRecord]) -> str:
    return hashlib.sha256("\n".join(r.record_id for r in records).encode("utf-8")).hexdigest()[:32]


def wire_records(records: list[OutboxRecord]) -> list[dict[str, object]]:
    return [wire.make_record(record_id=r.record_id, seq=r.seq, kind=r.kind, subject=r.subject,
                             training=r.training, created_at=r.created_at, payload=r.payload)
            for r in records]


def sendable(store: Store, records: list[OutboxRecord]) -> list[OutboxRecord]:
    """Drop (into quarantine) records the wire format refuses; the gateway would refuse them too,
    and failing the whole batch on them would block every record behind."""
    invalid: list[Rejection] = []
    good: list[OutboxRecord] = []
    for r in records:
        try:
            wire_records([r])
        except wire.WireError as exc:
            invalid.append(Rejection(r.record_id, exc.code, f"the record is not valid for sending: {exc.message}"))
            continue
        good.append(r)
    if invalid:
        outbox.settle(store, batch_id="local", accepted=[], rejected=invalid)
    return good


def anchor(store: Store, identity: Identity) -> tuple[dict[str, int | str], list[dict[str, object]]]:
    """Sign a checkpoint at the audit head, in a short transaction of its own (bookkeeping, not an
    audit entry: one would move the head it signs), and return the head with every checkpoint the
    county has not acknowledged. ``AuditDiverged`` when the chain no longer extends the last one."""
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        audit.sign_checkpoint(conn, identity.keys.sign, store.clock())
        seq, head = audit.head(conn)
        chain = audit.unacknowledged(conn) if seq else []
        conn.execute("COMMIT")
    except audit.CheckpointRefused as exc:
        conn.execute("ROLLBACK")
        raise AuditDiverged(f"this kiosk will not vouch for its audit chain: {exc.message}",
                            hint=exc.hint) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return {"seq": seq, "hash": head}, chain


def seal(store: Store, identity: Identity, records: list[OutboxRecord]) -> tuple[str, bytes]:
    """The batch id and the sealed envelope for these records (also what `kiosk export` writes)."""
    batch_id, body, _ = _seal(store, identity, records)
    return batch_id, body


def _seal(store: Store, identity: Identity,
          records: list[OutboxRecord]) -> tuple[str, bytes, set[tuple[int, str]]]:
    head, chain = anchor(store, identity)
    batch_id = batch_id_for(records)
    body = wire.seal_batch(wire_records(records), device_id=identity.device_id, batch_id=batch_id,
                           audit_head=head, signer=identity.keys.sign,
                           recipient=identity.enrollment.platform_kem_key(), checkpoints=chain)
    return batch_id, body, {(int(str(c["seq"])), str(c["hash"])) for c in chain}


@dataclass(frozen=True)
class Sent:
    ack: wire.Ack
    text: str


def send(client: GatewayClient, store: Store, records: list[OutboxRecord]) -> Sent:
    identity = client.identity
    batch_id, body, carried = _seal(store, identity, records)
    resp = client.call("POST", wire.kinds.PATH_BATCHES, body=body,
                       content_type=wire.kinds.ENVELOPE_MEDIA_TYPE)
    try:
        ack = wire.verify_ack(resp.body, identity.enrollment.platform_sign_key(),
                              device_id=identity.device_id, batch_id=batch_id)
    except wire.WireError as exc:
        raise bad_response(f"the acknowledgement of batch {batch_id}", exc) from None
    if ack.checkpoint is not None and ack.checkpoint not in carried:
        raise BadResponse(f"the acknowledgement of batch {batch_id} names an audit checkpoint "
                          f"(entry {ack.checkpoint[0]}) the batch did not carry",
                          hint="nothing was marked; the batch is sent again")
    sent = {r.record_id for r in records}
    answered = set(ack.accepted) | {r.record_id for r in ack.rejected}
    if answered != sent:
        missing, extra = len(sent - answered), len(answered - sent)
        raise BadResponse(f"the acknowledgement of batch {batch_id} does not answer the records sent "
                          f"({missing} unanswered, {extra} not in the batch)",
                          hint="nothing was marked; the batch is sent again")
    client.learn_server_time(ack.server_time)
    return Sent(ack, resp.body.decode("utf-8"))


def push_all(client: GatewayClient, store: Store, *, batch_max: int,
             stop: threading.Event | None = None) -> PushResult:
    """Drain the outbox batch by batch until it is empty or ``stop`` is set between batches."""
    result = PushResult()
    limit = max(1, batch_max)
    while not (stop and stop.is_set()):
        fetched = outbox.pending(store, limit)
        if not fetched:
            break
        records = sendable(store, fetched)
        if len(records) < len(fetched):
            result.rejected += len(fetched) - len(records)
            continue
        try:
            sent = send(client, store, records)
        except Refused as exc:
            if exc.code != codes.BODY_TOO_LARGE:
                raise
            if len(records) == 1:
                too_big = Rejection(records[0].record_id, codes.BODY_TOO_LARGE,
                                    f"the record is larger than the gateway accepts: {exc.message}")
                outbox.settle(store, batch_id="local", accepted=[], rejected=[too_big])
                result.rejected += 1
                result.rejections.append(too_big)
            limit = max(1, len(records) // 2)
            continue
        ack = sent.ack
        rejected = [Rejection(r.record_id, r.code, r.reason) for r in ack.rejected]
        outbox.settle(store, batch_id=ack.batch_id, accepted=ack.accepted, rejected=rejected,
                      checkpoint=ack.checkpoint, ack=sent.text)
        result.batches += 1
        result.pushed += len(records)
        result.accepted += len(ack.accepted)
        result.rejected += len(rejected)
        result.rejections.extend(rejected)
    return result
