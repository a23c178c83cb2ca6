"""The change feed: what changed in the store since a cursor, from any process.

The cursor is the audit sequence: every state change, the kiosk's own and the
sync agent's (an approval pulled, a payment confirmed, a restriction set, an
outbox acknowledgement), appends an audit entry, and writers take the
database lock before they number an entry, so entries become visible in
sequence order and ``seq > cursor`` never skips one.

One thing changes without an audit entry: the agent's own bookkeeping in
``sync_state`` (last attempt, last success, last error, failures, halted; the
status bar's "last sync"). The cursor therefore also carries a fingerprint of
each feed's row, and a feed whose row changed is reported as the change
``("sync", feed)``. The outbox backlog needs nothing extra: new records come
with their command's entry and acknowledgements with a ``sync.ack`` entry.

Cost of a poll: one range query on the audit table's primary key, plus one
read of ``sync_state`` (a row per feed); measured at well under a millisecond
on a store with a million audit entries (see the tests), so polling every
500 ms is cheap.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.app.outcome import Change, unit_of
from kiosk.store.connection import connect
from kiosk.store.failures import store_failure
from kiosk.store import sync_state

SYNC = "sync"
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class ChangeCursor:
    """Where a reader stands: the last audit entry seen and each sync feed's fingerprint."""

    seq: int
    sync: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ChangeBatch:
    """The changes after a cursor, oldest first, and the cursor to ask with next.

    ``more`` is True when the batch stopped at its limit: ask again at once.
    """

    cursor: ChangeCursor
    changes: tuple[Change, ...] = ()
    more: bool = False

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(kind, subject) of every change, in order."""
        return [c.pair for c in self.changes]

    def touches(self, subject: str) -> bool:
        """True when a change names ``subject`` as its subject or its unit."""
        return any(subject in (c.subject, c.unit) for c in self.changes)


def sync_fingerprints(conn: sqlite3.Connection) -> tuple[tuple[str, str], ...]:
    return tuple((str(row[0]), hashlib.blake2b(repr(row[1:]).encode(), digest_size=8).hexdigest())
                 for row in sync_state.rows(conn))


def current_cursor(conn: sqlite3.Connection) -> ChangeCursor:
    """The cursor at the present state: a later ``changes_since`` reports only what comes after."""
    row = conn.execute("SELECT max(seq) FROM audit").fetchone()
    return ChangeCursor(int(row[0] or 0), sync_fingerprints(conn))


def changes_since(conn: sqlite3.Connection, cursor: ChangeCursor, *, limit: int = DEFAULT_LIMIT) -> ChangeBatch:
    """Audit entries after ``cursor.seq`` (at most ``limit``), then the sync feeds whose row changed."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    rows = conn.execute("SELECT seq, action, subject, detail FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
                        (cursor.seq, limit + 1)).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [Change(str(kind), str(subject), int(seq), unit_of(str(kind), str(subject), str(detail)))
               for seq, kind, subject, detail in rows]
    prints = sync_fingerprints(conn)
    before = dict(cursor.sync)
    changes.extend(Change(SYNC, feed) for feed, mark in prints if before.get(feed) != mark)
    seq = int(rows[-1][0]) if rows else cursor.seq
    return ChangeBatch(ChangeCursor(seq, prints), tuple(changes), more)


class ChangeFeed:
    """A read-only connection of its own to the kiosk's database, for polling.

    It never writes and never waits for the worker thread's connection, so the
    GUI thread may poll it (one thread at a time; a lock keeps two callers apart).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self._conn = connect(self.path, read_only=True)
            self._conn.execute("SELECT 1 FROM audit LIMIT 1").fetchall()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise store_failure(exc, self.path, "cannot read changes from the database") from exc
        self._lock = threading.Lock()

    def cursor(self) -> ChangeCursor:
        with self._lock:
            return current_cursor(self._conn)

    def since(self, cursor: ChangeCursor, *, limit: int = DEFAULT_LIMIT) -> ChangeBatch:
        with self._lock:
            return changes_since(self._conn, cursor, limit=limit)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
