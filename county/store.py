"""The gateway's SQLite database: schema and connection settings.

One file (default; ``--db PATH``) in WAL mode with ``synchronous=FULL``, so an
acknowledged record is on disk before its ack leaves. The HTTP service and
the admin commands open it concurrently; writers wait up to the busy timeout.

Record payloads and item bodies hold personal data; they are sealed at rest
with a key kept away from the database (``county.at_rest``): queries use the SQL
functions ``seal()`` and ``unseal()`` that every connection gets.

Tables: ``tokens`` (enrollment, by SHA-256 of the token), ``devices``,
``nonces`` (recent request nonces per device), ``batches`` (one row per
device batch with its stored acknowledgement), ``records`` (every accepted
outbox record, once, with device and batch), ``duplicates`` (each resend of
an already stored record), ``rejections`` (refused records with code and
reason), ``items`` (signed changes items with their audience and cursor
``seq``), ``restrictions``, ``counters`` (certificate and receipt numbers),
``reset_authorisations`` and ``device_heads`` (kiosk resets, ``county.resets``),
``device_checkpoints`` (each device's acknowledged audit checkpoint, ``county.anchors``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from county import at_rest
from county.errors import GatewayStoreError

BUSY_TIMEOUT_MS = 15_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    service_point TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL,
    device_id TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY,
    service_point TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    sign_pub TEXT NOT NULL,
    kem_pub TEXT NOT NULL,
    enrolled_at REAL NOT NULL,
    revoked_at REAL,
    revoke_reason TEXT,
    last_seen REAL,
    last_health TEXT
);
CREATE TABLE IF NOT EXISTS nonces (
    device_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at REAL NOT NULL,
    PRIMARY KEY (device_id, nonce)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_seen ON nonces(seen_at);
CREATE TABLE IF NOT EXISTS batches (
    device_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    header TEXT NOT NULL,
    ack TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('http', 'import', 'plain')),
    received_at REAL NOT NULL,
    PRIMARY KEY (device_id, batch_id)
);
CREATE TABLE IF NOT EXISTS records (
    record_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    training INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    payload BLOB NOT NULL,
    digest TEXT NOT NULL,
    received_at REAL NOT NULL,
    state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'decided')),
    decided_at REAL
);
CREATE INDEX IF NOT EXISTS records_pending ON records(state, kind, received_at);
CREATE INDEX IF NOT EXISTS records_subject ON records(subject);
CREATE TABLE IF NOT EXISTS duplicates (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS rejections (
    device_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (device_id, record_id, digest)
);
CREATE TABLE IF NOT EXISTS items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    audience TEXT NOT NULL,
    answers TEXT,
    body BLOB NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_audience ON items(audience, seq);
CREATE INDEX IF NOT EXISTS items_subject ON items(kind, subject);
CREATE TABLE IF NOT EXISTS restrictions (
    uscc TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT,
    lifted_at TEXT
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reset_authorisations (
    item_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    technician TEXT NOT NULL,
    reason TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by_record TEXT,
    used_at REAL
);
CREATE TABLE IF NOT EXISTS device_heads (
    device_id TEXT PRIMARY KEY,
    audit_seq INTEGER NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS device_checkpoints (
    device_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    checkpoint TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    updated_at REAL NOT NULL
);
"""


def connect(path: Path, key_file: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the gateway database with its durability settings.

    The database file is created 0600 (SQLite gives its -wal and -shm files the database's mode), and
    an existing one readable by others is tightened: it holds device keys and sealed personal data.
    ``key_file`` is the storage key's path (``county.at_rest``; None for the default)."""
    path = Path(path)
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
        conn.executescript(SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise GatewayStoreError(f"cannot open the gateway database {path}: {exc}",
                                hint="is it a gateway database, and is the disk writable?") from None
    try:
        sealer = at_rest.load_or_create(path, key_file)
    except GatewayStoreError:
        conn.close()
        raise
    at_rest.install(conn, sealer)
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


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def next_counter(conn: sqlite3.Connection, name: str) -> int:
    """The next value of a named counter; call inside a transaction."""
    row = conn.execute("INSERT INTO counters (name, value) VALUES (?, 1) "
                       "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value",
                       (name,)).fetchone()
    return int(row[0])
