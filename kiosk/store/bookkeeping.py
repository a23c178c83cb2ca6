"""Short transactions for the programs' own bookkeeping tables (sync state, a simulation's progress):
rows that say how a program is getting on, not audited state, so they change outside any unit of work
(``kiosk.store.unit_of_work`` requires an audit entry for every change it makes)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


@contextlib.contextmanager
def bookkeeping(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One short BEGIN IMMEDIATE transaction outside any unit of work, for tables that keep the
    programs' own bookkeeping (sync state, a simulation's progress) rather than audited state."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
