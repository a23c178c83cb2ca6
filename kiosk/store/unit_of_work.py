"""The one way to change state: a unit of work.

Inside ``Store.unit_of_work(actor)`` a caller writes its rows, then records
what it did with ``log`` (an audit entry) and, when the platform must hear of
it, ``push`` (an outbox record). Everything commits in one ``BEGIN
IMMEDIATE`` transaction with ``synchronous=FULL``, or nothing does. A unit of
work that changed rows but logged nothing is refused and rolled back, so no
state change can escape the audit chain.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from kiosk import audit
from kiosk.errors import FlowError, StoreError
from kiosk.store import outbox, sync_state
from kiosk.vault import Vault
from sync.wire import kinds

# Records a kiosk whose sync halted may still queue: the way back to a trusted state.
RECOVERY_KINDS = frozenset({kinds.KIOSK_RESET})


@functools.lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def new_record_id() -> str:
    """32 hex digits: the time in ns, then 64 random bits. Unique like a uuid4, but ids
    made later sort later, so the outbox's unique index grows at its end."""
    return f"{time.time_ns():016x}{os.urandom(8).hex()}"


class UnitOfWork:
    def __init__(self, conn: sqlite3.Connection, vault: Vault, actor: str,
                 now: Callable[[], str]) -> None:
        self.conn = conn
        self.vault = vault
        self.actor = actor
        self._now = now
        self._at: str | None = None
        self._head: tuple[int, str] | None = None
        self.audit_seqs: list[int] = []
        self.record_ids: list[str] = []

    @property
    def at(self) -> str:
        """One timestamp for everything this unit of work writes."""
        if self._at is None:
            self._at = self._now()
        return self._at

    @contextlib.contextmanager
    def savepoint(self) -> Iterator["UnitOfWork"]:
        """A part of this unit of work that is undone alone when it raises.

        The rows, audit entries and outbox records written inside are rolled
        back together and the exception goes on; the rest of the unit of work
        stays as it was (used to apply pulled items one by one).
        """
        mark = (self._head, len(self.audit_seqs), len(self.record_ids))
        name = f"sp_{uuid.uuid4().hex}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            self._head = mark[0]
            del self.audit_seqs[mark[1]:], self.record_ids[mark[2]:]
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def insert(self, table: str, row: dict[str, Any]) -> int:
        cur = self.conn.execute(_insert_sql(table, tuple(row)), tuple(row.values()))
        return int(cur.lastrowid or 0)

    def update(self, table: str, where: dict[str, Any], changes: dict[str, Any]) -> int:
        sets = ", ".join(f"{k} = ?" for k in changes)
        cond = " AND ".join(f"{k} = ?" for k in where)
        cur = self.conn.execute(f"UPDATE {table} SET {sets} WHERE {cond}",
                                (*changes.values(), *where.values()))
        return cur.rowcount

    def log(self, action: str, subject: str, detail: dict[str, Any] | None = None) -> int:
        """Append the audit entry for this change; returns its sequence number."""
        last_seq, last_hash = self._head if self._head else audit.head(self.conn)
        seq = last_seq + 1
        text = audit.detail_json(detail)
        digest = audit.entry_hash(last_hash, seq, self.at, self.actor, action, subject, text)
        self.conn.execute(
            "INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, self.at, self.actor, action, subject, text, last_hash, digest))
        self._head = (seq, digest)
        self.audit_seqs.append(seq)
        return seq

    def push(self, kind: str, subject: str, payload: dict[str, Any], *, training: bool = False,
             record_id: str | None = None) -> str:
        """Queue a record for the platform, tied to the latest audit entry of this unit of work."""
        if not self.audit_seqs:
            raise StoreError("an outbox record needs its audit entry first",
                             hint="call log() before push() in the same unit of work")
        if not training and kind not in RECOVERY_KINDS and (broken := sync_state.trust_broken(self.conn)):
            # A revoked or untrusted kiosk keeps its records but starts no new real ones: they could
            # never reach the platform, and a buyer would leave with a case the county does not know.
            # The technician's authorised reset is how trust comes back, so it is let through.
            code, reason = broken
            raise FlowError(f"this kiosk has stopped real work: the link to the county platform is broken "
                            f"({code}: {reason})", code="kiosk_halted",
                            hint="training still works; call a technician ('kiosk status' says why the "
                                 "sync stopped and what to do)")
        rid = record_id or new_record_id()
        outbox.insert(self.conn, self.vault, record_id=rid, kind=kind, subject=subject, payload=payload,
                      training=training, audit_seq=self.audit_seqs[-1], at=self.at)
        self.record_ids.append(rid)
        return rid
