"""The PostgreSQL engine of the gateway store: many workers and hosts on one database.

``--db postgresql://USER@HOST:PORT/DBNAME`` is a libpq URI; the password
comes from ``PGPASSWORD`` or ``~/.pgpass``, never from the command line (a URI
carrying one is refused, since command lines are visible to every user of the
host). Connections come from a pool (psycopg 3, ``psycopg_pool``), each in
autocommit mode outside ``transaction()``, at PostgreSQL's default isolation,
READ COMMITTED. What keeps that exactly-once is in the SQL the gateway runs:
unique keys and ``INSERT … ON CONFLICT`` for records, nonces and batches, a
row lock on the device for the length of one batch (``for_update``), and an
advisory lock that makes transactions adding items commit one after another
(``serialise_items``).

Engine errors are reported as ``GatewayStoreError`` without the server's
detail lines, which may quote row values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import RowMaker
from psycopg_pool import ConnectionPool, PoolTimeout

from county import at_rest, migrations
from county.errors import GatewayStoreError
from county.store import POSTGRESQL, Conn, Result, Store

DEFAULT_POOL_SIZE = 8
CONNECT_TIMEOUT = 10.0
# Names the item-numbering lock among advisory locks; any constant every gateway process shares.
ITEMS_LOCK = 0x4A58_0002
PLATFORM_KEY_NAME = "platform-key.json"


class PgRow:
    """A row read by column name or position, like ``sqlite3.Row``."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def pg_row(cursor: psycopg.Cursor[Any]) -> RowMaker[PgRow]:
    index = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: PgRow(index, values)


@lru_cache(maxsize=512)
def _dialect(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s``; a literal ``%`` doubled."""
    return sql.replace("%", "%%").replace("?", "%s")


def _fail(exc: psycopg.Error) -> GatewayStoreError:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return GatewayStoreError(f"database error: {first}", code="gateway_store",
                             hint="is PostgreSQL reachable and the gateway's schema current?")


class PostgresConn(Conn):
    engine = POSTGRESQL
    for_update = " FOR UPDATE"

    def __init__(self, conn: psycopg.Connection[PgRow], sealer: at_rest.Sealer) -> None:
        self.raw = conn
        self.sealer = sealer

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        try:
            return self.raw.execute(_dialect(sql), tuple(params))
        except psycopg.Error as exc:
            raise _fail(exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            with self.raw.cursor() as cur:
                cur.executemany(_dialect(sql), [tuple(r) for r in rows])
        except psycopg.Error as exc:
            raise _fail(exc) from None

    def returning_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> list[Any]:
        found: list[Any] = []
        params = [tuple(r) for r in rows]
        if not params:
            return found
        try:
            with self.raw.cursor() as cur:
                cur.executemany(_dialect(sql), params, returning=True)
                while True:
                    found += [got[0] for got in cur.fetchall()]
                    if not cur.nextset():
                        return found
        except psycopg.Error as exc:
            raise _fail(exc) from None

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        try:
            with self.raw.transaction():
                yield self
        except psycopg.Error as exc:
            raise _fail(exc) from None

    def serialise_items(self) -> None:
        self.execute(f"SELECT pg_advisory_xact_lock({ITEMS_LOCK})")


class PostgresStore(Store):
    engine = POSTGRESQL

    def __init__(self, url: str, *, key_file: Path | None = None, platform_key: Path | None = None,
                 pool_size: int | None = None) -> None:
        self.location = display(url)
        self.platform_key = platform_key or at_rest.default_key_file().with_name(PLATFORM_KEY_NAME)
        self.sealer = at_rest.load_or_create(None, key_file)
        info = conninfo(url)
        # The first connection is made alone: a pool would retry a refused one until its timeout
        # and then say only that it timed out, where the operator needs the server's reason.
        try:
            first = psycopg.Connection[PgRow].connect(info, autocommit=True, row_factory=pg_row,
                                                      connect_timeout=int(CONNECT_TIMEOUT))
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise GatewayStoreError(f"cannot connect to PostgreSQL at {self.location}: {reason}",
                                    hint="is the server running, the database created, and the password "
                                         "in PGPASSWORD or ~/.pgpass?") from None
        with first:
            migrations.upgrade(PostgresConn(first, self.sealer))
        self.pool: ConnectionPool[psycopg.Connection[PgRow]] = ConnectionPool(
            info, min_size=1, max_size=pool_size or DEFAULT_POOL_SIZE, open=False, name="county",
            kwargs={"autocommit": True, "row_factory": pg_row, "application_name": application_name()},
            timeout=CONNECT_TIMEOUT,
            connection_class=psycopg.Connection[PgRow])
        try:
            self.pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except PoolTimeout:
            self.pool.close()
            raise GatewayStoreError(f"cannot connect to PostgreSQL at {self.location} within "
                                    f"{CONNECT_TIMEOUT:g} s", hint="is the server overloaded?") from None

    @contextmanager
    def session(self, timeout: float | None = None) -> Iterator[Conn]:
        wait = CONNECT_TIMEOUT if timeout is None else timeout
        try:
            with self.pool.connection(timeout=wait) as raw:
                yield PostgresConn(raw, self.sealer)
        except PoolTimeout:
            raise GatewayStoreError(f"no database connection free at {self.location} within "
                                    f"{wait:g} s", hint="the database is overloaded or down; retry later") from None

    def close(self) -> None:
        self.pool.close()


def application_name() -> str:
    """How this process's connections show in ``pg_stat_activity``: which gateway worker holds what."""
    return f"county-gateway/{os.getpid()}"


_PASSWORD = re.compile(r"(^|&)password=", re.IGNORECASE)


def conninfo(url: str) -> str:
    """``url`` checked: a PostgreSQL URI naming a database and carrying no password."""
    parts = urlsplit(url)
    if parts.password is not None or _PASSWORD.search(parts.query):
        raise GatewayStoreError("the --db URI carries a password, which any user of this host can read "
                                "on the command line", hint="remove it; put it in PGPASSWORD or ~/.pgpass")
    if not parts.path.strip("/"):
        raise GatewayStoreError(f"the --db URI {display(url)} names no database",
                                hint="postgresql://USER@HOST:PORT/DBNAME")
    return url


def display(url: str) -> str:
    """``url`` without any password, for messages and the serve line."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, parts.query, parts.fragment))
