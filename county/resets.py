"""Kiosk resets: the gateway's side of ``kiosk init --reset``.

A kiosk whose database is lost must not start again as if it were new: its
audit chain and outbox would restart behind what the gateway already stored,
and everything in between would vanish unnoticed. So the gateway keeps, per
device, the highest audit head it stored records under (``device_heads``).

* ``county-gateway reset-code`` signs a ``kiosk.reset_authorised`` item for one
  device and technician (``authorise``); the technician gives it to
  ``kiosk init --reset``, which checks it against the pinned platform key.
* The reset kiosk's first record is ``kiosk.reset`` carrying that item. When a
  batch's audit head is behind the stored one and it brings new records, it is
  refused (``audit_rewound``) unless it carries a reset this gateway
  authorised for this device and that no other record used (``guard``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from county.errors import AdminError
from county.issuing import iso
from county.store import Conn
from sync import wire
from sync.wire import errors as codes
from sync.wire import kinds
from sync.wire.records import RECORD_ID

def authorise(conn: Conn, keys: wire.KeyPair, *, device_id: str, technician: str,
              reason: str, ttl_hours: float, now: float) -> dict[str, Any]:
    """Sign a reset authorisation for ``device_id``; call inside a transaction."""
    if not technician.strip() or not reason.strip():
        raise AdminError("a reset authorisation names the technician and the reason")
    if not 0 < ttl_hours <= 7 * 24:
        raise AdminError("--ttl-hours must be more than 0 and at most 168 (one week)")
    row = conn.execute("SELECT revoked_at FROM devices WHERE device_id = ?", (device_id,)).fetchone()
    if row is None:
        raise AdminError(f"no enrolled device {device_id!r}", hint="see county-gateway status")
    if row["revoked_at"] is not None:
        raise AdminError(f"device {device_id} is revoked; it cannot be reset",
                         hint="enroll the kiosk again as a new device")
    item = wire.make_item(keys.sign, item_id=uuid.uuid4().hex, kind=kinds.RESET_AUTHORISATION,
                          subject=device_id, issued_at=iso(now),
                          data={"technician": technician.strip(), "reason": reason.strip(),
                                "expires_at": iso(now + ttl_hours * 3600)})
    conn.execute("INSERT INTO reset_authorisations (item_id, device_id, technician, reason, issued_at, "
                  "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                  (item["item_id"], device_id, technician.strip(), reason.strip(), item["issued_at"],
                   item["data"]["expires_at"]))
    return item


def guard(conn: Conn, keys: wire.KeyPair, batch: wire.Batch, *, now: float,
          by_sequence: bool = True) -> bool:
    """Refuse a batch from a kiosk whose audit chain went back without an authorised reset;
    call inside the batch's transaction, before its records are stored. True when the batch
    brings a reset this gateway authorised (then nothing else about its audit chain is checked).
    ``by_sequence`` False leaves the going-back check to the audit checkpoints (``county.anchors``)."""
    head = batch.header.get("audit_head")
    seq = head.get("seq") if isinstance(head, Mapping) else None
    if not isinstance(seq, int) or isinstance(seq, bool):
        return False
    # A record without an id of the protocol's form is refused by itself, and never looked up (its id
    # could hold a NUL, which PostgreSQL refuses in a query).
    new = [r for r in batch.records if isinstance(r, Mapping) and isinstance(r.get("record_id"), str)
           and RECORD_ID.fullmatch(r["record_id"])
           and conn.execute("SELECT 1 FROM records WHERE record_id = ?", (r["record_id"],)).fetchone() is None]
    if not new:
        return False
    for record in new:
        if record.get("kind") == kinds.KIOSK_RESET:
            _use_authorisation(conn, keys, batch.device_id, record, now)
            _set_head(conn, batch.device_id, seq, now)
            return True
    row = conn.execute("SELECT audit_seq FROM device_heads WHERE device_id = ?",
                       (batch.device_id,)).fetchone()
    if by_sequence and row is not None and seq < row["audit_seq"]:
        raise wire.RequestRefused(
            f"device {batch.device_id} sent new records under audit entry {seq}, behind entry "
            f"{row['audit_seq']} it already reached: its database was replaced, started again or "
            "restored from an older backup",
            code=codes.AUDIT_REWOUND,
            hint="a technician records it on the kiosk with 'kiosk init --reset' and a code from "
                 "'county-gateway reset-code'")
    if row is None or seq > row["audit_seq"]:
        _set_head(conn, batch.device_id, seq, now)
    return False


def _refused(record_id: str, why: str) -> wire.RequestRefused:
    return wire.RequestRefused(f"the kiosk.reset record {record_id} is not authorised: {why}",
                               code=codes.AUDIT_REWOUND,
                               hint="a reset needs a code from 'county-gateway reset-code' for this device")


def _use_authorisation(conn: Conn, keys: wire.KeyPair, device_id: str,
                       record: Mapping[str, Any], now: float) -> None:
    rid = str(record["record_id"])
    payload = record.get("payload")
    given = payload.get("authorisation") if isinstance(payload, Mapping) else None
    try:
        item = wire.verify_item(given, keys.sign.public_key())
    except wire.WireError as exc:
        raise _refused(rid, exc.message) from None
    if item.kind != kinds.RESET_AUTHORISATION or item.subject != device_id:
        raise _refused(rid, "the authorisation is for another device or purpose")
    row = conn.execute("SELECT * FROM reset_authorisations WHERE item_id = ?", (item.item_id,)).fetchone()
    if row is None or row["device_id"] != device_id:
        raise _refused(rid, "this gateway did not issue the authorisation")
    if row["used_by_record"] not in (None, rid):
        raise _refused(rid, f"the authorisation was already used by record {row['used_by_record']}")
    created, expires = _parse(record.get("created_at")), _parse(row["expires_at"])
    if created is None or expires is None or created > expires:
        raise _refused(rid, f"the kiosk was reset after the authorisation expired ({row['expires_at']})")
    conn.execute("UPDATE reset_authorisations SET used_by_record = ?, used_at = ? WHERE item_id = ?",
                 (rid, now, item.item_id))


def _set_head(conn: Conn, device_id: str, seq: int, now: float) -> None:
    conn.execute("INSERT INTO device_heads (device_id, audit_seq, updated_at) VALUES (?, ?, ?) "
                 "ON CONFLICT(device_id) DO UPDATE SET audit_seq = excluded.audit_seq, "
                 "updated_at = excluded.updated_at", (device_id, seq, now))


def _parse(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
