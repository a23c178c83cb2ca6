"""Schema migrations as named functions, recorded in ``_sqlite_migrations``.

Never edit a migration that has shipped: add a new one. ``tests/fixtures/db``
keeps a database file made at each released schema and a test upgrades it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("kiosk")


def _run(db: Database, script: str) -> None:
    """Execute statements one by one: ``executescript`` would commit the
    migration's transaction half-way and break its all-or-nothing guarantee."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_core(db: Database) -> None:
    """Master data, staff, audit chain, outbox and sync-control tables."""
    _run(db, """
    CREATE TABLE developers (
        uscc TEXT PRIMARY KEY CHECK (length(uscc) = 18),
        name TEXT NOT NULL,
        training INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        developer_uscc TEXT NOT NULL REFERENCES developers(uscc),
        service_point TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        eligible INTEGER NOT NULL DEFAULT 0,
        training INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE units (
        code TEXT PRIMARY KEY CHECK (length(code) = 28),
        project_id TEXT NOT NULL REFERENCES projects(id),
        building TEXT NOT NULL,
        room TEXT NOT NULL,
        area_centi_m2 INTEGER NOT NULL CHECK (area_centi_m2 > 0),
        use TEXT NOT NULL CHECK (use IN ('residential', 'non-residential')),
        price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
        state TEXT NOT NULL DEFAULT 'registered',
        training INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX units_project ON units(project_id);
    CREATE TABLE buyers (
        id INTEGER PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'co-owner')),
        name_enc BLOB NOT NULL,
        id_number_enc BLOB NOT NULL,
        id_index BLOB NOT NULL,
        id_masked TEXT NOT NULL,
        phone_enc BLOB,
        address_enc BLOB,
        home TEXT NOT NULL DEFAULT 'first' CHECK (home IN ('first', 'second', 'other')),
        training INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        UNIQUE (unit_code, position)
    );
    CREATE INDEX buyers_id_index ON buyers(id_index);
    CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name_enc BLOB NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'technician')),
        cert_no TEXT NOT NULL,
        cert_expires TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        payload_enc BLOB NOT NULL,
        training INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'quarantined')),
        audit_seq INTEGER NOT NULL REFERENCES audit(seq),
        created_at TEXT NOT NULL,
        acked_at TEXT
    );
    CREATE INDEX outbox_pending ON outbox(state, seq);
    CREATE TABLE sync_state (
        feed TEXT PRIMARY KEY,
        cursor TEXT,
        last_attempt TEXT,
        last_success TEXT,
        last_error TEXT,
        last_error_at TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE quarantine (
        record_id TEXT PRIMARY KEY REFERENCES outbox(record_id),
        kind TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        resolved_at TEXT
    );
    """)


@migrations()
def m002_approvals(db: Database) -> None:
    """Signed items pulled from the platform, kept verbatim (encrypted) with their signature."""
    _run(db, """
    CREATE TABLE approvals (
        item_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        body_enc BLOB NOT NULL,
        signature BLOB NOT NULL,
        issued_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
        error TEXT
    );
    CREATE INDEX approvals_subject ON approvals(kind, subject)
    """)


@migrations()
def m003_sync_error_code(db: Database) -> None:
    """Per feed: the stable code of the last error (so status can say "revoked" without parsing
    text) and how many pulled items were refused because their own signature failed."""
    _run(db, """
    ALTER TABLE sync_state ADD COLUMN last_error_code TEXT;
    ALTER TABLE sync_state ADD COLUMN items_refused INTEGER NOT NULL DEFAULT 0
    """)
