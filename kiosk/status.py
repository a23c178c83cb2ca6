"""What `kiosk status` and the UI read about the kiosk: state kept as tables and key files.

The sync agent writes ``sync_state`` (one row per feed), ``outbox`` and
``quarantine``; everything here only reads them, through the modules that own
them in ``kiosk.store``, so the app learns the agent's state without sharing
any object with it.
"""

from __future__ import annotations

from typing import Any

from kiosk import audit
from kiosk.config import Config
from kiosk.identity import IdentityError, load_enrollment
from kiosk.offline import master_data_freshness
from kiosk.store import Store, outbox, quarantine, sync_state


def summary(store: Store, config: Config) -> dict[str, Any]:
    """Device, outbox backlog, quarantine, per-feed sync state, offline limits and the audit head."""
    device_id = gateway_url = enrollment_error = None
    try:
        enrollment = load_enrollment(config.key_dir)
        device_id, gateway_url = enrollment.device_id, enrollment.gateway_url
    except IdentityError as exc:
        enrollment_error = str(exc)
    state = sync_state.feeds(store)
    counts = outbox.counts(store)
    halted = [f for f in state.values() if f["halted"]]
    seq, head = audit.head(store.conn)
    applied = store.applied_migrations()
    return {
        "device_id": device_id,
        "enrolled": device_id is not None,
        "enrollment_error": enrollment_error,
        "gateway_url": gateway_url,
        "outbox_pending": counts[outbox.PENDING],
        "outbox_acked": counts[outbox.ACKED],
        "quarantined": quarantine.count_open(store),
        "revoked": any(f["last_error_code"] == "revoked_device" for f in state.values()),
        "stopped": ({"feed": halted[0]["feed"], "code": halted[0]["last_error_code"],
                     "reason": halted[0]["last_error"]} if halted else None),
        "master_data": master_data_freshness(store.conn, config).as_dict(),
        "feeds": state,
        "schema": applied[-1] if applied else None,
        "audit_entries": seq,
        "audit_head": head,
    }
