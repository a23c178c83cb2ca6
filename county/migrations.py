"""The gateway's schema as named migrations, recorded in ``gateway_migrations``.

Each migration is a function of a ``Conn`` that speaks to either engine;
where their DDL differs (SQLite's ``REAL``/``BLOB``/``AUTOINCREMENT`` against
PostgreSQL's ``double precision``/``bytea``/identity) it says both.
``upgrade`` applies the ones a database lacks, in order, each in the same
transaction as the row that records it. Never edit one that has shipped: add
a new one.

``m001_initial`` is the schema gateways had before migrations were recorded,
written with ``IF NOT EXISTS``: on such a database it changes nothing and is
only recorded. PostgreSQL gateways starting together take an advisory lock so
one of them migrates and the others find it done.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from county.store import POSTGRESQL, Conn

# Any constant both sides agree on; it names the gateway's migration lock among advisory locks.
MIGRATION_LOCK = 0x4A58_0001

_TABLES = """
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
)
"""


def _postgres(ddl: str) -> str:
    """The SQLite DDL above in PostgreSQL's types: every integer 64-bit, row ids as identities."""
    return (ddl.replace("seq INTEGER PRIMARY KEY AUTOINCREMENT", "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
               .replace("id INTEGER PRIMARY KEY", "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
               .replace(" INTEGER", " BIGINT").replace(" REAL", " DOUBLE PRECISION")
               .replace(" BLOB", " BYTEA").replace(") WITHOUT ROWID", ")"))


def _script(conn: Conn, ddl: str) -> None:
    for statement in ddl.split(";"):
        if statement.strip():
            conn.execute(statement)


def m001_initial(conn: Conn) -> None:
    _script(conn, _postgres(_TABLES) if conn.engine == POSTGRESQL else _TABLES)


def m002_settings(conn: Conn) -> None:
    """Settings every gateway process on the database must agree on (the platform key)."""
    conn.execute("CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


def m003_metric_counts(conn: Conn) -> None:
    """What each gateway process counts in memory (batch latencies, refused requests), summed across
    processes and restarts (``county.metrics``)."""
    kind = "DOUBLE PRECISION" if conn.engine == POSTGRESQL else "REAL"
    conn.execute(f"CREATE TABLE metric_counts (name TEXT PRIMARY KEY, value {kind} NOT NULL)")


def m004_staff_roster(conn: Conn) -> None:
    """Each service point's staff roster (``county.roster``): the platform's entries and the members
    added at a terminal, each entry sealed (names, card numbers, the platform's PIN hashes) with the
    version of its last change."""
    ddl = """CREATE TABLE roster (
        service_point TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        entry BLOB NOT NULL,
        version INTEGER NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('platform', 'terminal')),
        record_id TEXT,
        updated_at REAL NOT NULL,
        PRIMARY KEY (service_point, staff_id)
    )"""
    conn.execute(_postgres(ddl) if conn.engine == POSTGRESQL else ddl)


MIGRATIONS: tuple[Callable[[Conn], None], ...] = (m001_initial, m002_settings, m003_metric_counts,
                                                  m004_staff_roster)


def names() -> list[str]:
    return [m.__name__ for m in MIGRATIONS]


def applied(conn: Conn) -> list[str]:
    """The migrations recorded in the database, in the order they were applied."""
    return [str(r[0]) for r in conn.execute("SELECT name FROM gateway_migrations ORDER BY applied_at, name")]


def pending(conn: Conn) -> list[str]:
    done = set(applied(conn))
    return [name for name in names() if name not in done]


def upgrade(conn: Conn, *, clock: Callable[[], float] = time.time) -> list[str]:
    """Apply what ``conn``'s database lacks; returns the names applied (none when current)."""
    done: list[str] = []
    with conn.transaction():
        if conn.engine == POSTGRESQL:
            conn.execute(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        kind = "DOUBLE PRECISION" if conn.engine == POSTGRESQL else "REAL"
        conn.execute(f"CREATE TABLE IF NOT EXISTS gateway_migrations (name TEXT PRIMARY KEY, "
                     f"applied_at {kind} NOT NULL)")
        have = set(applied(conn))
        for migration in MIGRATIONS:
            if migration.__name__ in have:
                continue
            migration(conn)
            conn.execute("INSERT INTO gateway_migrations (name, applied_at) VALUES (?, ?)",
                         (migration.__name__, clock()))
            done.append(migration.__name__)
    return done
