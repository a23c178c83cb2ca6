"""Pull: signed, encrypted pages of changes from the gateway, applied page by page.

For each page: ``GET /v1/changes?cursor=``, verify the envelope against the
pinned platform key and open it with the device key, then in ONE unit of
work: verify every item's own signature, keep each verified item verbatim
(encrypted, with its signature) in ``approvals`` (``kiosk.store.approvals``), hand it to
``kiosk.services.inbound.apply``, and store the page's ``next_cursor``. A
crash before the commit leaves the cursor where it was and the page is
fetched again; an item already applied is not applied twice.

An item whose signature fails is never applied, never stored as trusted; it is
counted in ``sync_state.items_refused`` and named in the feed's last error.
An item the flows refuse (``FlowError``) is stored with status 'rejected' and
its error, and the rest of the page goes on. A ``device.revoked`` item for
this device stops the agent after the page is committed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from kiosk.errors import FlowError
from kiosk.services import inbound
from kiosk.store import Store, UnitOfWork, approvals
from kiosk.store import sync_state as state
from kiosk.store.bookkeeping import bookkeeping
from sync import wire
from sync.client import GatewayClient, bad_response
from sync.errors import BadResponse, DeviceRevoked
from sync.outbox import ACTOR


@dataclass
class PullResult:
    pages: int = 0
    pulled: int = 0
    applied: int = 0
    rejected: int = 0
    refused: int = 0
    refused_ids: list[str] = field(default_factory=list)
    revoked: str | None = None


def fetch(client: GatewayClient, cursor: str | None) -> wire.SealedPage:
    identity = client.identity
    resp = client.call("GET", wire.kinds.PATH_CHANGES, query={"cursor": cursor} if cursor else None)
    try:
        page = wire.open_changes(resp.body, device_id=identity.device_id,
                                 sender=identity.enrollment.platform_sign_key(), recipient=identity.keys.kem)
    except wire.WireError as exc:
        raise bad_response("the changes page", exc) from None
    if cursor and page.cursor != cursor:
        raise BadResponse(f"the gateway answered cursor {page.cursor!r} to a request for {cursor!r}",
                          hint="nothing was applied; the page is fetched again")
    client.learn_server_time(page.server_time)
    return page


def _apply_one(uow: UnitOfWork, item: wire.Item) -> str | None:
    """Apply inside a savepoint so a refused item leaves no partial change; returns the error."""
    try:
        with uow.savepoint():
            inbound.apply(uow, item.to_dict())
    except FlowError as exc:
        return f"{exc.code}: {exc}"
    return None


def apply_page(store: Store, client: GatewayClient, page: wire.SealedPage, result: PullResult) -> None:
    platform = client.identity.enrollment.platform_sign_key()
    verified: list[wire.Item] = []
    refused: list[str] = []
    for raw in page.items:
        try:
            verified.append(wire.verify_item(raw, platform))
        except wire.WireError as exc:
            item_id = raw.get("item_id") if isinstance(raw, dict) else None
            refused.append(f"{item_id if isinstance(item_id, str) else '?'} ({exc.code})")
    changed = bool(page.items) or page.next_cursor != page.cursor
    at = store.clock()
    if not changed:
        with bookkeeping(store.conn) as conn:
            state.record_success(conn, state.PULL, at, cursor=page.next_cursor)
        return
    with store.unit_of_work(ACTOR) as uow:
        uow.log("sync.pull", page.cursor, {"next_cursor": page.next_cursor, "items": len(page.items),
                                           "refused": len(refused)})
        for item in verified:
            if approvals.is_applied(uow, item.item_id):
                continue
            error = _apply_one(uow, item)
            approvals.keep(uow, item.to_dict(), error=error)
            if error is None:
                result.applied += 1
            else:
                result.rejected += 1
            if item.kind == wire.kinds.DEVICE_REVOKED and item.subject == client.identity.device_id:
                result.revoked = str(item.data.get("reason") or "revoked by the county platform")
        state.record_success(uow.conn, state.PULL, uow.at, cursor=page.next_cursor)
        if refused:
            state.record_refused_items(uow.conn, state.PULL, len(refused), uow.at,
                                       f"{len(refused)} pulled item(s) failed their signature check and "
                                       f"were not applied: {', '.join(refused[:10])}")
    result.pages += 1
    result.pulled += len(page.items)
    result.refused += len(refused)
    result.refused_ids.extend(refused)


def pull_all(client: GatewayClient, store: Store, *, stop: threading.Event | None = None,
             max_pages: int = 1000) -> PullResult:
    """Fetch and apply pages until the gateway has nothing new (or ``stop`` is set)."""
    result = PullResult()
    for _ in range(max_pages):
        if stop and stop.is_set():
            break
        page = fetch(client, state.cursor(store))
        apply_page(store, client, page, result)
        if result.revoked is not None:
            raise DeviceRevoked(f"the county platform revoked this device: {result.revoked}",
                                hint="syncing has stopped; contact the county platform administrator")
        if not page.items or page.next_cursor == page.cursor:
            break
    return result

