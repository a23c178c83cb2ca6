"""Each device's acknowledged audit checkpoint: the gateway's anchor of the kiosk's audit chain.

A batch carries the device's signed audit checkpoints the county has not yet
acknowledged (``sync.wire.checkpoints`` says why that chain proves the kiosk's
audit chain grew without being cut short or rewritten). ``guard`` verifies it
against the device's key and the checkpoint held in ``device_checkpoints``:

* a chain that passes through the held checkpoint (or starts right after it)
  is accepted and its last checkpoint becomes the held one;
* anything else, an older checkpoint, one that does not extend the held one,
  or no checkpoint at all from a device that once sent one, is refused with
  ``audit_diverged``, whether or not the batch brings new records;
* a batch bringing a reset this gateway authorised (``county.resets``) is the
  one legal way back: its chain, whatever it is, becomes the held one.

The acknowledgement names the checkpoint held after the batch, so the kiosk
keeps proof of what the county holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from county import resets
from county.store import Conn
from sync import wire
from sync.wire import errors as codes


def guard(conn: Conn, keys: wire.KeyPair, batch: wire.Batch, *,
          now: float) -> tuple[int, str] | None:
    """Check ``batch``'s audit checkpoints inside its transaction, before its records are stored;
    returns the checkpoint the gateway holds for the device afterwards (None: none yet)."""
    held_row = conn.execute("SELECT seq, hash FROM device_checkpoints WHERE device_id = ?",
                            (batch.device_id,)).fetchone()
    held = (int(held_row["seq"]), str(held_row["hash"])) if held_row is not None else None
    chain = _chain(conn, batch)
    reset = resets.guard(conn, keys, batch, now=now, by_sequence=held is None)
    if reset and not chain:
        conn.execute("DELETE FROM device_checkpoints WHERE device_id = ?", (batch.device_id,))
        return None
    if not reset:
        wire.check_extends(held, chain, device_id=batch.device_id)
    if not chain:
        return held
    last = chain[-1]
    if held is None or last.ref != held:
        conn.execute(
            "INSERT INTO device_checkpoints (device_id, seq, hash, checkpoint, batch_id, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET seq = excluded.seq, "
            "hash = excluded.hash, checkpoint = excluded.checkpoint, batch_id = excluded.batch_id, "
            "updated_at = excluded.updated_at",
            (batch.device_id, last.seq, last.hash, wire.canonical_json(last.signed).decode("ascii"),
             batch.batch_id, now))
    return last.ref


def _chain(conn: Conn, batch: wire.Batch) -> list[wire.Checkpoint]:
    if not batch.checkpoints:
        return []
    row = conn.execute("SELECT sign_pub, kem_pub FROM devices WHERE device_id = ?",
                       (batch.device_id,)).fetchone()
    if row is None:
        raise wire.RequestRefused(f"device {batch.device_id} is not enrolled here", code=codes.UNKNOWN_DEVICE)
    key = wire.PublicKeys.from_dict({"sign": row["sign_pub"], "kem": row["kem_pub"]}).sign
    chain = wire.verify_chain(batch.checkpoints, key)
    head = batch.header.get("audit_head")
    if not isinstance(head, Mapping) or (head.get("seq"), head.get("hash")) != chain[-1].ref:
        raise wire.MalformedError(f"the batch's audit head is not its last audit checkpoint "
                                  f"(entry {chain[-1].seq})", code=codes.BAD_CHECKPOINT)
    return chain
