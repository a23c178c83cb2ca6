"""Touchscreen signatures kept as data (ux.md, "Signatures").

A bundle is what the signing box records: strokes of points
``[x, y, t, p]`` (x and y normalised to the box, t in ms from a monotonic
clock, pressure 0 or 1), undo and clear events, the box size in mm, start and
end wall time, and the SHA-256 of the document signed. The bundle is checked,
hashed over its canonical JSON, signed with the device key, stored encrypted
and audited. Smoothing is for display only and never stored.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from kiosk.errors import ValidationError
from kiosk.services.context import Context
from kiosk.services.presence import identification
from kiosk.services.staff import Actor
from kiosk.store import UnitOfWork

__all__: list[str] = []

MIN_INK_WIDTH = 0.25  # confirm needs ink across a quarter of the box width
MAX_POINTS = 20_000
CONTEXT = "signatures.strokes"


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def document_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_bundle(bundle: dict[str, Any], doc_hash: str) -> None:
    """Refuse a bundle that is malformed, empty, too small, or for another document."""
    def bad(message: str) -> ValidationError:
        return ValidationError(f"signature: {message}", field="signature", code="bad_signature")

    if not isinstance(bundle, dict):
        raise bad("the signature data is not an object")
    if bundle.get("doc_sha256") != doc_hash:
        raise bad("it was made for another document; show the document again and sign it")
    box = bundle.get("box_mm")
    if not (isinstance(box, list) and len(box) == 2 and all(isinstance(v, (int, float)) and v > 0 for v in box)):
        raise bad("box_mm must be [width, height] in millimetres")
    strokes = bundle.get("strokes")
    if not isinstance(strokes, list) or not strokes:
        raise bad("there is no ink; please sign in the box")
    xs: list[float] = []
    total = 0
    for n, stroke in enumerate(strokes, start=1):
        if not isinstance(stroke, list) or not stroke:
            raise bad(f"stroke {n} is empty")
        last_t = None
        for point in stroke:
            if not (isinstance(point, list) and len(point) == 4
                    and all(isinstance(v, (int, float)) for v in point)):
                raise bad(f"stroke {n} has a point that is not [x, y, t, pressure]")
            x, y, t, p = point
            if not (0 <= x <= 1 and 0 <= y <= 1) or p not in (0, 1):
                raise bad(f"stroke {n} has a point outside the box or a pressure other than 0/1")
            if last_t is not None and t < last_t:
                raise bad(f"stroke {n} goes back in time")
            last_t = t
            xs.append(float(x))
        total += len(stroke)
    if total > MAX_POINTS:
        raise bad(f"too many points ({total}); the limit is {MAX_POINTS}")
    if max(xs) - min(xs) < MIN_INK_WIDTH:
        raise bad("the signature is too small: sign across at least a quarter of the box")
    for key in ("started_at", "ended_at"):
        if not isinstance(bundle.get(key), str):
            raise bad(f"{key} is missing")
    events = bundle.get("events", [])
    if not isinstance(events, list) or any(
            not isinstance(e, dict) or e.get("type") not in ("undo", "clear") for e in events):
        raise bad("events must be undo or clear entries")


def record_signature(ctx: Context, uow: UnitOfWork, actor: Actor, *, document: str, document_id: str,
                     buyer_id: int, bundle: dict[str, Any], doc_hash: str) -> str:
    """Validate, hash, device-sign, store encrypted and audit one signature taken by ``actor``, with how
    its signer was identified (``presence.identification``); returns its hash."""
    validate_bundle(bundle, doc_hash)
    method, identified_at = identification(actor, bundle)
    raw = canonical(bundle)
    bundle_hash = hashlib.sha256(raw).hexdigest()
    signature = ctx.device_sign(bytes.fromhex(bundle_hash) + bytes.fromhex(doc_hash))
    uow.insert("signatures", {
        "document": document, "document_id": document_id, "buyer_id": buyer_id,
        "doc_hash": doc_hash, "strokes_enc": uow.vault.encrypt(raw, CONTEXT),
        "bundle_hash": bundle_hash, "device_sig": signature, "signed_at": uow.at,
        "identified_by": method, "identified_at": identified_at})
    uow.log("signature.record", f"{document}:{document_id}",
            {"buyer": buyer_id, "doc_sha256": doc_hash, "bundle_sha256": bundle_hash,
             "strokes": len(bundle["strokes"]), "identified_by": method,
             **({"identified_at": identified_at} if identified_at else {})})
    return bundle_hash


def signature_summary(uow: UnitOfWork, document: str, document_id: str) -> list[dict[str, Any]]:
    """What the platform receives about the signatures on a document: hashes, device signature, and
    how each signer was identified (``identified_by`` ``card`` with ``identified_at``, the ID card read
    at the self-service terminal; ``staff`` with ``identified_at`` null; both null for a self-service
    signature made before this kiosk recorded it, migration m015)."""
    rows = uow.execute("SELECT buyer_id, doc_hash, bundle_hash, device_sig, signed_at, identified_by, "
                       "identified_at FROM signatures WHERE document = ? AND document_id = ? ORDER BY buyer_id",
                       (document, document_id)).fetchall()
    return [{"buyer": r[0], "doc_sha256": r[1], "bundle_sha256": r[2],
             "device_sig": base64.b64encode(r[3]).decode(), "signed_at": r[4],
             "identified_by": r[5], "identified_at": r[6]} for r in rows]


def sample_bundle(doc_hash: str, *, seed: int = 0, started_at: str = "2026-01-01T00:00:00+00:00",
                  ended_at: str = "2026-01-01T00:00:03+00:00") -> dict[str, Any]:
    """A recorded-looking two-stroke signature for simulations and training."""
    first = [[0.1 + 0.02 * i, 0.5 + 0.01 * ((i + seed) % 7), 15 * i, 1] for i in range(30)]
    second = [[0.3 + 0.01 * i, 0.3 + 0.015 * i, 600 + 12 * i, 1] for i in range(25)]
    return {"doc_sha256": doc_hash, "box_mm": [240, 90], "strokes": [first, second],
            "events": [], "started_at": started_at, "ended_at": ended_at}
