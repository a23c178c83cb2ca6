"""Signed JSON messages: the batch acknowledgement, changes items and the page.

Signatures are Ed25519 by the platform signing key over the canonical JSON of
the object without its ``sig`` field, under a per-type domain, and travel
base64url in ``sig``.

Acknowledgement (the body of a 200 answer to ``POST /v1/batches``)::

    {"type": "ack", "v": 1, "device_id", "batch_id",
     "accepted": [record_id, ...],
     "rejected": [{"record_id", "code", "reason"}, ...],
     "server_time": float (Unix seconds),
     "checkpoint": {"seq", "hash"} (the device's audit checkpoint the gateway now
                   holds; absent while it holds none), "sig"}

Changes item, signed on its own so it can be re-verified from storage::

    {"item_id", "kind", "subject", "issued_at" (ISO-8601), "data": {...}, "sig"}

Changes page (sealed inside a ``changes`` envelope)::

    {"cursor", "next_cursor", "items": [item, ...], "server_time"}

``next_cursor`` equals ``cursor`` when there is nothing new; the kiosk applies
a page and stores ``next_cursor`` in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.wire.encoding import b64d, b64e, canonical_json, parse_json, sign, verify
from sync.wire.errors import BAD_ACK, BAD_ITEM, BAD_ITEM_SIGNATURE, BAD_SIGNATURE, MalformedError

ACK_DOMAIN = b"JX-ACK-1"
ITEM_DOMAIN = b"JX-ITEM-1"


def _unsigned(obj: Mapping[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in obj.items() if k != "sig"})


@dataclass(frozen=True)
class Rejection:
    record_id: str
    code: str
    reason: str


@dataclass(frozen=True)
class Ack:
    device_id: str
    batch_id: str
    accepted: list[str]
    rejected: list[Rejection]
    server_time: float
    checkpoint: tuple[int, str] | None = None


def make_ack(signer: Ed25519PrivateKey, *, device_id: str, batch_id: str,
             accepted: Iterable[str], rejected: Iterable[Rejection],
             server_time: float, checkpoint: tuple[int, str] | None = None) -> dict[str, Any]:
    ack: dict[str, Any] = {
        "type": "ack", "v": 1, "device_id": device_id, "batch_id": batch_id,
        "accepted": list(accepted),
        "rejected": [{"record_id": r.record_id, "code": r.code, "reason": r.reason}
                     for r in rejected],
        "server_time": server_time,
    }
    if checkpoint is not None:
        ack["checkpoint"] = {"seq": checkpoint[0], "hash": checkpoint[1]}
    ack["sig"] = b64e(sign(signer, ACK_DOMAIN, _unsigned(ack)))
    return ack


def verify_ack(data: bytes | Mapping[str, Any], platform: Ed25519PublicKey, *,
               device_id: str | None = None, batch_id: str | None = None) -> Ack:
    """Check an acknowledgement's shape and platform signature, and that it answers this batch."""
    obj = parse_json(data, what="the acknowledgement", code=BAD_ACK) if isinstance(
        data, bytes | str) else data
    if not isinstance(obj, Mapping) or obj.get("type") != "ack":
        raise MalformedError("the acknowledgement is not an ack object", code=BAD_ACK)
    sig = b64d(obj.get("sig"), what="the acknowledgement signature", length=64, code=BAD_ACK)
    verify(platform, sig, ACK_DOMAIN, _unsigned(obj), what="the acknowledgement",
           code=BAD_SIGNATURE)
    accepted, rejected = obj.get("accepted"), obj.get("rejected")
    if (not isinstance(accepted, list) or not all(isinstance(a, str) for a in accepted)
            or not isinstance(rejected, list)
            or not all(isinstance(r, Mapping) and all(isinstance(r.get(k), str)
                                                      for k in ("record_id", "code", "reason"))
                       for r in rejected)
            or not isinstance(obj.get("server_time"), int | float)):
        raise MalformedError("the acknowledgement lists are malformed", code=BAD_ACK)
    held = obj.get("checkpoint")
    checkpoint: tuple[int, str] | None = None
    if held is not None:
        if (not isinstance(held, Mapping) or not isinstance(held.get("seq"), int)
                or isinstance(held.get("seq"), bool) or not isinstance(held.get("hash"), str)):
            raise MalformedError("the acknowledgement's checkpoint is malformed", code=BAD_ACK)
        checkpoint = (held["seq"], held["hash"])
    if device_id is not None and obj.get("device_id") != device_id:
        raise MalformedError("the acknowledgement is for another device", code=BAD_ACK)
    if batch_id is not None and obj.get("batch_id") != batch_id:
        raise MalformedError("the acknowledgement answers another batch", code=BAD_ACK)
    return Ack(str(obj.get("device_id")), str(obj.get("batch_id")), list(accepted),
               [Rejection(r["record_id"], r["code"], r["reason"]) for r in rejected],
               float(obj["server_time"]), checkpoint)


@dataclass(frozen=True)
class Item:
    """A verified changes item."""

    item_id: str
    kind: str
    subject: str
    issued_at: str
    data: dict[str, Any]
    sig: str

    def to_dict(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "kind": self.kind, "subject": self.subject,
                "issued_at": self.issued_at, "data": self.data, "sig": self.sig}


def make_item(signer: Ed25519PrivateKey, *, item_id: str, kind: str, subject: str,
              issued_at: str, data: Mapping[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"item_id": item_id, "kind": kind, "subject": subject,
                            "issued_at": issued_at, "data": dict(data)}
    item["sig"] = b64e(sign(signer, ITEM_DOMAIN, _unsigned(item)))
    return item


def verify_item(item: Any, platform: Ed25519PublicKey) -> Item:
    """Check one item against the pinned platform key; raises ``MalformedError(bad_item)`` or
    ``SignatureError(bad_item_signature)``. Safe to call again later on a stored item."""
    if not isinstance(item, Mapping):
        raise MalformedError("a changes item must be a JSON object", code=BAD_ITEM)
    for name in ("item_id", "kind", "subject", "issued_at"):
        if not isinstance(item.get(name), str):
            raise MalformedError(f"changes item field {name!r} is missing or not a string",
                                 code=BAD_ITEM)
    if not isinstance(item.get("data"), Mapping):
        raise MalformedError("changes item field 'data' must be an object", code=BAD_ITEM)
    extra = set(item) - {"item_id", "kind", "subject", "issued_at", "data", "sig"}
    if extra:
        raise MalformedError(f"unexpected changes item fields: {', '.join(sorted(extra))}",
                             code=BAD_ITEM)
    sig = b64d(item.get("sig"), what="the item signature", length=64, code=BAD_ITEM)
    verify(platform, sig, ITEM_DOMAIN, _unsigned(item),
           what=f"changes item {item['item_id']}", code=BAD_ITEM_SIGNATURE)
    return Item(item["item_id"], item["kind"], item["subject"], item["issued_at"],
                dict(item["data"]), item["sig"])


def make_page(*, cursor: str, next_cursor: str, items: list[Mapping[str, Any]],
              server_time: float) -> dict[str, Any]:
    return {"cursor": cursor, "next_cursor": next_cursor, "items": [dict(i) for i in items],
            "server_time": server_time}
