"""What `kiosk status` and the UI read about the kiosk: state kept as tables and key files.

The sync agent writes ``sync_state`` (one row per feed), ``outbox`` and
``quarantine``; everything here only reads them, so the app learns the
agent's state without sharing any object with it.
"""

from __future__ import annotations

from typing import Any

from kiosk import audit
from kiosk.config import Config
from kiosk.identity import IdentityError, load_enrollment
from kiosk.kinds import FEEDS
from kiosk.offline import master_data_freshness
from kiosk.store import Store

FEED_COLUMNS = ("feed", "cursor", "last_attempt", "last_success", "last_error", "last_error_code",
                "last_error_at", "consecutive_failures", "items_refused", "halted")


def outbox_counts(store: Store) -> dict[str, int]:
    found = dict(store.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    return {state: int(found.get(state, 0)) for state in ("pending", "acked", "quarantined")}


def quarantined_open(store: Store) -> int:
    """Records the platform rejected that staff have not yet dealt with."""
    return int(store.conn.execute("SELECT count(*) FROM quarantine WHERE resolved_at IS NULL").fetchone()[0])


def feed_state(store: Store, feed: str) -> dict[str, Any]:
    cur = store.conn.execute(f"SELECT {', '.join(FEED_COLUMNS)} FROM sync_state WHERE feed = ?", (feed,))
    row = cur.fetchone()
    if row is None:
        return {**dict.fromkeys(FEED_COLUMNS), "feed": feed, "consecutive_failures": 0, "items_refused": 0,
                "halted": 0}
    return dict(zip(FEED_COLUMNS, row))


def feeds(store: Store) -> dict[str, dict[str, Any]]:
    return {feed: feed_state(store, feed) for feed in FEEDS}


def summary(store: Store, config: Config) -> dict[str, Any]:
    """Device, outbox backlog, quarantine, per-feed sync state, offline limits and the audit head."""
    device_id = gateway_url = enrollment_error = None
    try:
        enrollment = load_enrollment(config.key_dir)
        device_id, gateway_url = enrollment.device_id, enrollment.gateway_url
    except IdentityError as exc:
        enrollment_error = str(exc)
    state = feeds(store)
    counts = outbox_counts(store)
    halted = [f for f in state.values() if f["halted"]]
    seq, head = audit.head(store.conn)
    applied = store.applied_migrations()
    return {
        "device_id": device_id,
        "enrolled": device_id is not None,
        "enrollment_error": enrollment_error,
        "gateway_url": gateway_url,
        "outbox_pending": counts["pending"],
        "outbox_acked": counts["acked"],
        "quarantined": quarantined_open(store),
        "revoked": any(f["last_error_code"] == "revoked_device" for f in state.values()),
        "stopped": ({"feed": halted[0]["feed"], "code": halted[0]["last_error_code"],
                     "reason": halted[0]["last_error"]} if halted else None),
        "master_data": master_data_freshness(store.conn, config).as_dict(),
        "feeds": state,
        "schema": applied[-1] if applied else None,
        "audit_entries": seq,
        "audit_head": head,
    }
