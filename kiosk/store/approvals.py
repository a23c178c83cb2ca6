"""Owner of the ``approvals`` table: every item pulled from the platform (or made up
locally in training), kept verbatim and encrypted with its signature, and whether
it was applied or refused by the flows.

The sync agent keeps each verified item with ``keep`` in the unit of work that
applies it; the simulator keeps its training items the same way (they carry no
signature). The handover re-reads applied items with ``applied_items`` to verify
their signature again before a certificate is handed over.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from kiosk.errors import StoreError
from sync import wire

if TYPE_CHECKING:
    from kiosk.store import Store
    from kiosk.store.unit_of_work import UnitOfWork

CONTEXT: Final = "approvals.body"

APPLIED: Final = "applied"
REJECTED: Final = "rejected"


def keep(uow: UnitOfWork, item: Mapping[str, Any], *, error: str | None = None) -> None:
    """Store ``item`` as received (``error`` set when the flows refused it); a later copy of the same
    item replaces the earlier one. An item without ``sig`` (a training item) is kept unsigned."""
    sig = item.get("sig")
    signature = b"" if sig is None else wire.b64d(sig, what="the item signature", length=64, code="bad_item")
    uow.execute("INSERT OR REPLACE INTO approvals (item_id, kind, subject, body_enc, signature, issued_at, "
                "received_at, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item["item_id"], item["kind"], item["subject"],
                 uow.vault.encrypt(wire.canonical_json(dict(item)), CONTEXT), signature, item["issued_at"],
                 uow.at, APPLIED if error is None else REJECTED, error))


def is_applied(uow: UnitOfWork, item_id: str) -> bool:
    """Whether this item was already applied (so a page fetched again does not apply it twice)."""
    row = uow.execute("SELECT status FROM approvals WHERE item_id = ?", (item_id,)).fetchone()
    return row is not None and row[0] == APPLIED


def _decode(store: Store, blob: bytes, item_id: str) -> dict[str, Any]:
    hint = "restore the database from backup, or ask the county platform to issue the item again"
    try:
        parsed = wire.parse_json(store.vault.decrypt_bytes(blob, CONTEXT) or b"", what=f"stored approval {item_id}")
    except wire.WireError as exc:
        raise StoreError(f"the stored approval {item_id} is damaged: {exc.message}", hint=hint) from None
    if not isinstance(parsed, dict):
        raise StoreError(f"the stored approval {item_id} is damaged: not a JSON object", hint=hint)
    return parsed


def stored_item(store: Store, item_id: str) -> dict[str, Any] | None:
    """An item as received (decrypted), or None when this kiosk has never received it."""
    row = store.conn.execute("SELECT body_enc FROM approvals WHERE item_id = ?", (item_id,)).fetchone()
    return None if row is None else _decode(store, row[0], item_id)


def applied_items(store: Store, kind: str, subject: str) -> list[dict[str, Any]]:
    """The applied items of one kind about one subject, oldest first, as received."""
    rows = store.conn.execute("SELECT item_id, body_enc FROM approvals WHERE kind = ? AND subject = ? "
                              "AND status = ? ORDER BY received_at, item_id", (kind, subject, APPLIED)).fetchall()
    return [_decode(store, blob, item_id) for item_id, blob in rows]
