"""The signature summaries the gateway keeps: those in the records that carry them.

A ``contract.signed`` record (subject: the contract id) and a ``handover.delivered`` record (subject:
the unit code) list in ``payload.signatures`` each signature on the document(s): the buyer's id on the
device, the document's and the signature bundle's SHA-256, the device's signature over them, when it
was signed, and how the signer was identified (``sync/wire/kinds.py`` describes the fields). The
gateway stores those payloads as given, sealed like every record (``records.payload``); this module
reads them back for ``county-gateway signatures``. A record from a kiosk older than
``identified_by`` (or one whose summary is malformed) is shown as it is, its method ``None``: the
platform does not know how that signer was identified, and the command says so instead of guessing.
"""

from __future__ import annotations

import json
from typing import Any

from county.store import Conn
from sync.wire import kinds

SIGNED_KINDS = (kinds.CONTRACT_SIGNED, kinds.HANDOVER_DELIVERED)
# What a kiosk sends in identified_by (kiosk.services.presence.identification).
METHODS = frozenset({"card", "staff"})


def summaries(conn: Conn, *, subject: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """The stored records that carry signatures (of ``kind``, about ``subject`` when given), oldest first,
    each with its signatures."""
    wanted = [kind] if kind else list(SIGNED_KINDS)
    query = (f"SELECT record_id, device_id, kind, subject, training, received_at, payload FROM records "
             f"WHERE kind IN ({', '.join('?' for _ in wanted)})")
    params: list[Any] = list(wanted)
    if subject is not None:
        query, params = query + " AND subject = ?", params + [subject]
    rows = conn.execute(query + " ORDER BY received_at, record_id", params).fetchall()
    return [{"record_id": r["record_id"], "device_id": r["device_id"], "kind": r["kind"],
             "subject": r["subject"], "training": bool(r["training"]),
             "signatures": _signatures(json.loads(conn.unseal(r["payload"], "records.payload")))}
            for r in rows]


def _signatures(payload: Any) -> list[dict[str, Any]]:
    listed = payload.get("signatures") if isinstance(payload, dict) else None
    if not isinstance(listed, list):
        return []
    shown = []
    for entry in listed:
        if not isinstance(entry, dict):
            continue
        method = entry.get("identified_by")
        at = entry.get("identified_at")
        shown.append({"buyer": entry.get("buyer"), "doc_sha256": entry.get("doc_sha256"),
                      "bundle_sha256": entry.get("bundle_sha256"), "signed_at": entry.get("signed_at"),
                      "identified_by": method if method in METHODS else None,
                      "identified_at": at if method == "card" and isinstance(at, str) else None})
    return shown


def describe(signature: dict[str, Any]) -> str:
    """One line for the text output: who signed which document, and how they were identified."""
    method = signature["identified_by"]
    how = {"card": f"ID card read at the self-service terminal at {signature['identified_at']}",
           "staff": "identified by staff at the counter",
           None: "identification not stated (a kiosk older than identified_by)"}[method]
    doc = str(signature["doc_sha256"] or "?")[:16]
    return f"buyer {signature['buyer']}  document {doc}…  signed {signature['signed_at']}  {how}"
