"""Owner of the ``sync_state`` table: one row per feed of the sync agent.

Feeds: ``push`` (outbox to platform) and ``pull`` (changes from platform). Each
row keeps the cursor, when it was last tried, last succeeded, and the last
error with its stable code and a reason a person can act on. The agent writes
these rows as bookkeeping of its own, in short transactions of their own
(``kiosk.store.bookkeeping``), never as audit entries or outbox records; the one exception
is a pull's cursor, which moves inside the unit of work that applies the page.
`kiosk status`, the offline limits and the UI read them here.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Final

from kiosk.store.bookkeeping import bookkeeping

if TYPE_CHECKING:
    from kiosk.store import Store

PUSH: Final = "push"
PULL: Final = "pull"
FEEDS: Final = (PUSH, PULL)

COLUMNS: Final = ("feed", "cursor", "last_attempt", "last_success", "last_error", "last_error_code",
                  "last_error_at", "consecutive_failures", "items_refused", "halted")

# A refused item stays the feed's last error after later successes (staff must see it) until
# another error replaces it; ``items_refused`` counts every one.
REFUSED_ITEM: Final = "item_bad_signature"

# This table's rows change in short transactions of their own (the agent's, and a test's set-up).
transaction = bookkeeping
_KEEP = "CASE WHEN last_error_code = '" + REFUSED_ITEM + "' THEN {0} ELSE NULL END"


def _ensure(conn: sqlite3.Connection, feed: str) -> None:
    conn.execute("INSERT OR IGNORE INTO sync_state (feed) VALUES (?)", (feed,))


def record_attempt(store: Store, feed: str, at: str) -> None:
    with bookkeeping(store.conn) as conn:
        _ensure(conn, feed)
        conn.execute("UPDATE sync_state SET last_attempt = ? WHERE feed = ?", (at, feed))


def record_success(conn: sqlite3.Connection, feed: str, at: str, cursor: str | None = None) -> None:
    """Inside the caller's transaction, so a pull's cursor moves with the items it applied."""
    _ensure(conn, feed)
    conn.execute(f"UPDATE sync_state SET cursor = coalesce(?, cursor), last_success = ?, "
                 f"last_error = {_KEEP.format('last_error')}, last_error_code = {_KEEP.format('last_error_code')}, "
                 f"last_error_at = {_KEEP.format('last_error_at')}, consecutive_failures = 0, halted = 0 "
                 "WHERE feed = ?",
                 (cursor, at, feed))


def record_failure(store: Store, feed: str, at: str, code: str, reason: str, *, halted: bool = False) -> int:
    """Keep the error and its code (``halted`` when trust is broken and the agent stops);
    returns the number of consecutive failures so far."""
    with bookkeeping(store.conn) as conn:
        _ensure(conn, feed)
        conn.execute("UPDATE sync_state SET last_error = ?, last_error_code = ?, last_error_at = ?, "
                     "consecutive_failures = consecutive_failures + 1, halted = ? WHERE feed = ?",
                     (reason, code, at, int(halted), feed))
        row = conn.execute("SELECT consecutive_failures FROM sync_state WHERE feed = ?", (feed,)).fetchone()
    return int(row[0])


def record_refused_items(conn: sqlite3.Connection, feed: str, count: int, at: str, reason: str) -> None:
    """Pulled items whose own signature failed: counted and kept as the feed's last error."""
    _ensure(conn, feed)
    conn.execute("UPDATE sync_state SET items_refused = items_refused + ?, last_error = ?, "
                 "last_error_code = ?, last_error_at = ? WHERE feed = ?",
                 (count, reason, REFUSED_ITEM, at, feed))


def cursor(store: Store, feed: str = PULL) -> str | None:
    row = store.conn.execute("SELECT cursor FROM sync_state WHERE feed = ?", (feed,)).fetchone()
    return None if row is None else row[0]


def last_success(conn: sqlite3.Connection, feed: str) -> str | None:
    """When the feed last succeeded (ISO time), or None if it never has."""
    row = conn.execute("SELECT last_success FROM sync_state WHERE feed = ?", (feed,)).fetchone()
    return None if row is None else row[0]


def feed_state(store: Store, feed: str) -> dict[str, Any]:
    """The feed's row as a dict of ``COLUMNS``; a feed never tried reads as all empty."""
    cur = store.conn.execute(f"SELECT {', '.join(COLUMNS)} FROM sync_state WHERE feed = ?", (feed,))
    row = cur.fetchone()
    if row is None:
        return {**dict.fromkeys(COLUMNS), "feed": feed, "consecutive_failures": 0, "items_refused": 0,
                "halted": 0}
    return dict(zip(COLUMNS, row))


def feeds(store: Store) -> dict[str, dict[str, Any]]:
    return {feed: feed_state(store, feed) for feed in FEEDS}


def rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Every feed's row, all columns in ``COLUMNS`` order, by feed: what the change feed fingerprints."""
    return conn.execute(f"SELECT {', '.join(COLUMNS)} FROM sync_state ORDER BY feed").fetchall()


def trust_broken(conn: sqlite3.Connection) -> tuple[str, str] | None:
    """(code, reason) of a feed the agent halted on (revoked device, bad platform signature), or None."""
    row = conn.execute("SELECT last_error_code, last_error FROM sync_state WHERE halted = 1 "
                       "ORDER BY feed LIMIT 1").fetchone()
    return None if row is None else (str(row[0] or "trust_broken"), str(row[1] or ""))
