"""The kiosk's local store: one SQLite file (WAL, foreign keys, FULL sync),
opened through sqlite-utils, migrated at open, changed only by units of work."""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.errors import MigrationError, StoreError
from kiosk.store.migrations import migrations
from kiosk.store.unit_of_work import UnitOfWork
from kiosk.vault import Vault

__all__ = ["Store", "UnitOfWork", "utc_now"]

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 64 * 1024


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")


class Store:
    """An open kiosk database plus the vault that protects its personal fields."""

    def __init__(self, path: Path | str, vault: Vault, *, clock: Callable[[], str] = utc_now,
                 migrate: bool = True) -> None:
        self.path = Path(path)
        self.vault = vault
        self.clock = clock
        try:
            # check_same_thread=False: the UI's task runner owns the connection
            # on one worker thread, not the thread that opened it.
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            # A kiosk has memory to spare; a 64 MiB page cache keeps the indexes of a
            # million-unit store in memory instead of re-reading pages on every write.
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}",
                             hint="check the file and its permissions, or restore it from backup") from exc
        if str(mode).lower() != "wal":
            raise StoreError(f"the database {self.path} could not be switched to WAL mode ({mode})")
        self.conn = conn
        self.db = Database(conn)
        self._recorders: list[list[int]] = []
        if migrate:
            self.migrate()

    def migrate(self) -> list[str]:
        """Apply pending migrations; each runs in its own transaction."""
        pending = [m.name for m in migrations.pending(self.db)]
        try:
            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise MigrationError(f"upgrading {self.path} failed: {exc}",
                                 hint="the failed step was rolled back; report this to a technician") from exc
        return pending

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def pending_migrations(self) -> list[str]:
        return [m.name for m in migrations.pending(self.db)]

    @contextlib.contextmanager
    def unit_of_work(self, actor: str) -> Iterator[UnitOfWork]:
        """One all-or-nothing change; see ``kiosk.store.unit_of_work``."""
        if self.conn.in_transaction:
            raise StoreError("units of work cannot be nested",
                             hint="do the whole change inside the outer unit of work")
        self.conn.execute("BEGIN IMMEDIATE")
        before = self.conn.total_changes
        uow = UnitOfWork(self.conn, self.vault, actor, self.clock)
        try:
            yield uow
            if self.conn.total_changes != before and not uow.audit_seqs:
                raise StoreError("a change was made without its audit entry",
                                 hint="call log() in every unit of work that changes state")
            self.conn.execute("COMMIT")
            for seqs in self._recorders:
                seqs.extend(uow.audit_seqs)
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def recording(self) -> Iterator[list[int]]:
        """The audit sequence numbers of every unit of work this store commits inside the block.

        The application facade reports a command's changes from them; entries other
        processes (the sync agent) write meanwhile are not in the list.
        """
        seqs: list[int] = []
        self._recorders.append(seqs)
        try:
            yield seqs
        finally:
            self._recorders.remove(seqs)

    def read(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description or ()]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

