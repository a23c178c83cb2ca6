"""The SQLite engine of the gateway store: the embedded default.

One file (``--db PATH``) in WAL mode with ``synchronous=FULL``, so an
acknowledged record is on disk before its ack leaves. One process owns one
connection, shared by its threads under a lock; the HTTP service and the
admin commands open the file concurrently and writers wait up to the busy
timeout. Every transaction is ``BEGIN IMMEDIATE``: writers take the file's
one write lock at the start, which orders them (so ``for_update`` and
``serialise_items`` have nothing to add).

The connection also gets the SQL functions ``seal(text, context)`` and
``unseal(blob, context)``, for operators inspecting a database with the key
at hand; the gateway itself seals through ``Conn.seal``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from county import at_rest, migrations, platform_keys
from county.errors import GatewayStoreError
from county.store import SQLITE, Conn, Result, Store

BUSY_TIMEOUT_MS = 15_000


class SQLiteConn(Conn):
    engine = SQLITE
    for_update = ""

    def __init__(self, conn: sqlite3.Connection, sealer: at_rest.Sealer) -> None:
        self.raw = conn
        self.sealer = sealer
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        return self.raw.execute(sql, params)

    def returning_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> list[Any]:
        return [got[0] for row in rows for got in self.raw.execute(sql, tuple(row)).fetchall()]

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.raw.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; a nested call is a savepoint."""
        name = f"sp{self._depth}"
        self.raw.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            self.raw.execute("ROLLBACK" if self._depth == 0 else f"ROLLBACK TO {name}")
            if self._depth:
                self.raw.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        self.raw.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")

    def serialise_items(self) -> None:
        return None


class SQLiteStore(Store):
    engine = SQLITE

    def __init__(self, path: Path, *, key_file: Path | None = None,
                 platform_key: Path | None = None) -> None:
        self.path = path
        self.location = str(path)
        self.platform_key = platform_key or platform_keys.key_path(path)
        raw = connect(path)
        try:
            sealer = at_rest.load_or_create(path, key_file)
        except GatewayStoreError:
            raw.close()
            raise
        at_rest.install(raw, sealer)
        self.conn = SQLiteConn(raw, sealer)
        self._lock = threading.Lock()
        try:
            migrations.upgrade(self.conn)
        except sqlite3.DatabaseError as exc:
            raw.close()
            raise GatewayStoreError(f"cannot upgrade the gateway database {path}: {exc}",
                                    hint="is it a gateway database, and is the disk writable?") from None

    @contextmanager
    def session(self, timeout: float | None = None) -> Iterator[Conn]:
        if not self._lock.acquire(timeout=-1 if timeout is None else timeout):
            raise GatewayStoreError(f"the gateway database {self.path} stayed busy for {timeout:g} s",
                                    hint="the gateway is overloaded; retry later")
        try:
            yield self.conn
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self.conn.raw.close()


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database file with its durability settings.

    The file is created 0600 (SQLite gives its -wal and -shm files the database's mode), and an
    existing one readable by others is tightened: it holds device keys and sealed personal data."""
    if not path.parent.is_dir():
        raise GatewayStoreError(f"the directory of the gateway database does not exist: {path.parent}",
                                hint="create it or pass another --db")
    _private(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        raise GatewayStoreError(f"cannot open the gateway database {path}: {exc}",
                                hint="is it a gateway database, and is the disk writable?") from None
    return conn


def _private(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if name.exists() and name.stat().st_mode & 0o077:
                name.chmod(0o600)
    except OSError as exc:
        raise GatewayStoreError(f"cannot open the gateway database {path}: {exc.strerror}",
                                hint="the database directory must be writable by the gateway's user") from None
