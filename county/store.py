"""The gateway's storage: one interface, two engines.

``open_store(db)`` picks the engine from ``--db``: a path is a SQLite file
(``county.store_sqlite``, the embedded default: one process, one connection
behind a lock); ``postgresql://USER@HOST:PORT/DBNAME`` is PostgreSQL
(``county.store_pg``: a connection pool, any number of workers and hosts on
one database). Both give the rest of the gateway the same ``Conn``:

* ``execute`` / ``executemany`` with ``?`` placeholders and the SQL both
  engines speak (``INSERT … ON CONFLICT``, ``RETURNING``); rows are read by
  column name or position;
* ``transaction()``: a unit of work, committed whole or rolled back;
* ``seal`` / ``unseal``: personal data is sealed in this process
  (``county.at_rest``) before it reaches either engine, so the storage key
  never enters a database or its server;
* ``for_update`` and ``serialise_items()``: the two places where SQLite's one
  writer at a time gave an order for free and PostgreSQL must be told
  (batches of one device one after another; items numbered in commit order).

The schema is built by named migrations recorded in the database
(``county.migrations``). Tables: ``tokens`` (enrollment, by SHA-256 of the
token), ``devices``, ``nonces`` (recent request nonces per device),
``batches`` (one row per device batch with its stored acknowledgement),
``records`` (every accepted outbox record, once, with device and batch),
``duplicates`` (each resend of an already stored record), ``rejections``
(refused records with code and reason), ``items`` (signed changes items with
their audience and cursor ``seq``), ``restrictions``, ``counters``
(certificate and receipt numbers), ``reset_authorisations`` and
``device_heads`` (kiosk resets, ``county.resets``), ``device_checkpoints``
(each device's acknowledged audit checkpoint, ``county.anchors``),
``settings`` (the platform key's fingerprint), ``metric_counts`` (``county.metrics``) and
``gateway_migrations``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from county.at_rest import Sealer

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
URL_SCHEMES = ("postgresql://", "postgres://")


class Row(Protocol):
    """A result row: ``row["column"]`` or ``row[0]``."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> list[str]: ...


class Result(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(ABC):
    """One connection of either engine, used by one thread at a time."""

    engine: str
    for_update: str
    sealer: Sealer

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def returning_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> list[Any]:
        """Run ``sql`` (ending in ``RETURNING x``) once per row, in order; the ``x`` of every row the
        statements returned. PostgreSQL sends them all before reading any answer (one round trip)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Conn]: ...

    @abstractmethod
    def serialise_items(self) -> None:
        """Inside a transaction that adds items: hold every other such transaction until this one
        ends, so item numbers become visible in order and a reader's cursor never passes a gap."""

    def seal(self, text: str, context: str) -> bytes:
        return self.sealer.seal(text, context)

    def unseal(self, blob: bytes, context: str) -> str:
        return self.sealer.unseal(bytes(blob), context)


class Store(ABC):
    """An open gateway database of either engine."""

    engine: str
    location: str
    platform_key: Path

    @abstractmethod
    def session(self, timeout: float | None = None) -> AbstractContextManager[Conn]:
        """A connection for one unit of work (SQLite: the one connection, under its lock); waiting
        longer than ``timeout`` seconds (default: the engine's) for one is a ``GatewayStoreError``."""

    @abstractmethod
    def close(self) -> None: ...


def is_url(db: str | Path) -> bool:
    return str(db).startswith(URL_SCHEMES)


def open_store(db: str | Path, *, key_file: Path | None = None, platform_key: Path | None = None,
               pool_size: int | None = None) -> Store:
    """Open (creating and migrating as needed) the gateway database named by ``--db``."""
    if is_url(db):
        from county import store_pg

        return store_pg.PostgresStore(str(db), key_file=key_file, platform_key=platform_key,
                                      pool_size=pool_size)
    from county import store_sqlite

    return store_sqlite.SQLiteStore(Path(db), key_file=key_file, platform_key=platform_key)


@contextmanager
def transaction(conn: Conn) -> Iterator[Conn]:
    """A unit of work on ``conn``, rolled back on any exception."""
    with conn.transaction():
        yield conn


def next_counter(conn: Conn, name: str) -> int:
    """The next value of a named counter; call inside a transaction."""
    row = conn.execute("INSERT INTO counters (name, value) VALUES (?, 1) "
                       "ON CONFLICT(name) DO UPDATE SET value = counters.value + 1 RETURNING value",
                       (name,)).fetchone()
    return int(row[0])
