"""What `kiosk status` shows about sync, read from the key directory and the tables only."""

from __future__ import annotations

from typing import Any

from kiosk.config import Config
from kiosk.identity import IdentityError, load_enrollment
from kiosk.offline import master_data_freshness
from kiosk.store import Store
from sync import outbox, state
from sync.errors import BadSignature, DeviceRevoked, FingerprintMismatch, TrustBroken

TRUST_CODES = frozenset(c.code for c in (TrustBroken, BadSignature, DeviceRevoked, FingerprintMismatch))


def summary(store: Store, config: Config) -> dict[str, Any]:
    """``device_id``, ``enrolled``, ``outbox_pending``, ``quarantined``, ``revoked``, ``stopped``
    (the broken trust that stopped the agent, if any), ``master_data`` (offline limits) and
    ``feeds`` (per-feed state)."""
    device_id: str | None = None
    gateway_url: str | None = None
    enrollment_error: str | None = None
    try:
        enrollment = load_enrollment(config.key_dir)
        device_id, gateway_url = enrollment.device_id, enrollment.gateway_url
    except IdentityError as exc:
        enrollment_error = str(exc)
    feeds = state.all_feeds(store)
    counts = outbox.counts(store)
    return {
        "device_id": device_id,
        "enrolled": device_id is not None,
        "enrollment_error": enrollment_error,
        "gateway_url": gateway_url,
        "outbox_pending": counts["pending"],
        "outbox_acked": counts["acked"],
        "quarantined": outbox.quarantined_open(store),
        "revoked": any(f["last_error_code"] == "revoked_device" for f in feeds.values()),
        "stopped": _stopped(feeds),
        "master_data": master_data_freshness(store.conn, config).as_dict(),
        "feeds": feeds,
    }


def _stopped(feeds: dict[str, dict[str, Any]]) -> dict[str, str] | None:
    """The trust failure that stops the agent (it stays the feed's last error until a success)."""
    for name, feed in feeds.items():
        if feed["last_error_code"] in TRUST_CODES:
            return {"feed": name, "code": feed["last_error_code"], "reason": feed["last_error"]}
    return None
