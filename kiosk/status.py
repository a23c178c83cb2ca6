"""What `kiosk status` and the UI's status bar read: state kept as tables."""

from __future__ import annotations

from typing import Any

from kiosk import audit
from kiosk.store import Store


def store_summary(store: Store) -> dict[str, Any]:
    conn = store.conn
    counts = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    feeds = {row["feed"]: {k: v for k, v in row.items() if k != "feed"}
             for row in store.read("SELECT * FROM sync_state ORDER BY feed")}
    seq, head = audit.head(conn)
    applied = store.applied_migrations()
    return {
        "schema": applied[-1] if applied else None,
        "outbox_pending": int(counts.get("pending", 0)),
        "outbox_acked": int(counts.get("acked", 0)),
        "quarantined": int(conn.execute(
            "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL").fetchone()[0]),
        "audit_entries": seq,
        "audit_head": head,
        "feeds": feeds,
    }
