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


@migrations()
def m004_flows(db: Database) -> None:
    """The service-point flows: acceptance, contracts, signatures, payments, handovers,
    certificates and their paper stock, mailing, credit restrictions and print jobs."""
    _run(db, """
    ALTER TABLE projects ADD COLUMN first_registration TEXT NOT NULL DEFAULT 'open';
    ALTER TABLE projects ADD COLUMN accepted_at TEXT;
    ALTER TABLE units ADD COLUMN keys_ready INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE acceptances (
        project_id TEXT NOT NULL REFERENCES projects(id),
        item TEXT NOT NULL,
        document_no TEXT,
        qr_text TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (project_id, item)
    );
    CREATE TABLE contracts (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        content_enc BLOB NOT NULL,
        doc_hash TEXT NOT NULL,
        price_fen INTEGER NOT NULL,
        supersedes TEXT REFERENCES contracts(id),
        reason TEXT,
        filing_no TEXT,
        bundle_hash TEXT,
        device_sig BLOB,
        training INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        signed_at TEXT,
        filed_at TEXT,
        UNIQUE (unit_code, version)
    );
    CREATE TABLE signatures (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        document_id TEXT NOT NULL,
        buyer_id INTEGER NOT NULL REFERENCES buyers(id),
        doc_hash TEXT NOT NULL,
        strokes_enc BLOB NOT NULL,
        bundle_hash TEXT NOT NULL,
        device_sig BLOB NOT NULL,
        signed_at TEXT NOT NULL,
        UNIQUE (document, document_id, buyer_id)
    );
    CREATE TABLE payment_orders (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        payment_code TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        total_fen INTEGER NOT NULL,
        rule_version TEXT NOT NULL,
        training INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        closed_at TEXT
    );
    CREATE INDEX payment_orders_unit ON payment_orders(unit_code);
    CREATE TABLE payment_items (
        order_id TEXT NOT NULL REFERENCES payment_orders(id),
        payee TEXT NOT NULL,
        name TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        estimate INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        channel_serial TEXT,
        receipt_no TEXT,
        confirmed_at TEXT,
        refunded_at TEXT,
        PRIMARY KEY (order_id, payee)
    );
    CREATE TABLE payment_events (
        event_id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL,
        payee TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        result TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE certificates (
        unit_code TEXT PRIMARY KEY REFERENCES units(code),
        certificate_no TEXT NOT NULL UNIQUE,
        serial TEXT UNIQUE,
        e_cert_token TEXT,
        state TEXT NOT NULL,
        training INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL,
        bound_at TEXT,
        delivered_at TEXT
    );
    CREATE TABLE certificate_stock (
        serial TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('on_hand', 'used', 'voided')),
        unit_code TEXT,
        reason TEXT,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE handovers (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        state TEXT NOT NULL,
        present TEXT NOT NULL DEFAULT '[]',
        agent_index BLOB,
        agent_masked TEXT,
        authorisation_no TEXT,
        represented TEXT NOT NULL DEFAULT '[]',
        override_id INTEGER,
        training INTEGER NOT NULL DEFAULT 0,
        started_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        delivered_at TEXT
    );
    CREATE UNIQUE INDEX handovers_one_live_per_unit ON handovers(unit_code) WHERE state != 'cancelled';
    CREATE TABLE mail_requests (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        state TEXT NOT NULL,
        recipient_enc BLOB NOT NULL,
        phone_enc BLOB NOT NULL,
        address_enc BLOB NOT NULL,
        requested_by TEXT NOT NULL,
        identified_by TEXT NOT NULL,
        tracking_no TEXT,
        carrier TEXT,
        training INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE restrictions (
        uscc TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT,
        lifted_at TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        uscc TEXT NOT NULL,
        unit_code TEXT NOT NULL REFERENCES units(code),
        supervisor TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE violations (
        id INTEGER PRIMARY KEY,
        uscc TEXT NOT NULL,
        kind TEXT NOT NULL,
        note TEXT NOT NULL,
        unit_code TEXT,
        recorded_by TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'printed', 'failed')),
        body_enc BLOB NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        reprints INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX print_jobs_state ON print_jobs(state)
    """)


@migrations()
def m005_developer_address(db: Database) -> None:
    """The developer's registered address, printed on contracts as the seller's domicile."""
    _run(db, "ALTER TABLE developers ADD COLUMN address TEXT NOT NULL DEFAULT ''")


@migrations()
def m006_sync_halted(db: Database) -> None:
    """Per feed: whether the agent stopped because trust is broken (revoked device, bad
    signature, fingerprint mismatch), so every reader sees it without knowing sync's error codes."""
    _run(db, "ALTER TABLE sync_state ADD COLUMN halted INTEGER NOT NULL DEFAULT 0")


@migrations()
def m007_registration_request(db: Database) -> None:
    """When the kiosk asked the registration office for the unit's transfer registration."""
    _run(db, "ALTER TABLE units ADD COLUMN registration_requested_at TEXT")


@migrations()
def m008_uscc_flag(db: Database) -> None:
    """Developers and restrictions the platform signed with a credit code whose check character
    fails (real early codes do): kept as the platform sent them, and flagged for staff."""
    _run(db, """
    ALTER TABLE developers ADD COLUMN uscc_check_failed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE restrictions ADD COLUMN uscc_check_failed INTEGER NOT NULL DEFAULT 0
    """)


@migrations()
def m009_key_check(db: Database) -> None:
    """The data key's check value (``Vault.key_check_value``), one row, written at the first open
    with the key, so that a wrong key is refused when the database is opened, not at the first
    decryption."""
    _run(db, """
    CREATE TABLE key_check (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value BLOB NOT NULL,
        made_at TEXT NOT NULL
    )
    """)


@migrations()
def m010_evaluations(db: Database) -> None:
    """The buyer's 好差评 evaluation of a delivered handover (kiosk.services.evaluations)."""
    _run(db, """
    CREATE TABLE evaluations (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        handover_id TEXT NOT NULL UNIQUE REFERENCES handovers(id),
        level TEXT NOT NULL,
        reason_enc BLOB,
        training INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )
    """)


@migrations()
def m011_certificate_register(db: Database) -> None:
    """The register's entries for the certificate page (权利类型, 权利性质, 用途, 使用期限, 共有情况,
    权利其他状况, 登记日期) as the registration office recorded them, sent with ``registration.recorded``
    (JSON; no personal data)."""
    _run(db, "ALTER TABLE certificates ADD COLUMN register_json TEXT")


@migrations()
def m012_simulation_progress(db: Database) -> None:
    """The training unit a `kiosk simulate` run is working on, so a run that was killed half way
    is resumed by the next one (kiosk.services.simulate)."""
    _run(db, """
    CREATE TABLE simulation_progress (
        unit_code TEXT PRIMARY KEY REFERENCES units(code),
        n INTEGER NOT NULL,
        started_at TEXT NOT NULL
    )
    """)


@migrations()
def m013_audit_checkpoints(db: Database) -> None:
    """The device's signed checkpoints of its audit chain (``kiosk.audit``): each the signed JSON
    (``sync.wire.checkpoints``) linking to the one before it; ``ack`` is the platform-signed
    acknowledgement that named it as the checkpoint the county holds (the last such row is the
    last acknowledged checkpoint)."""
    _run(db, """
    CREATE TABLE audit_checkpoints (
        seq INTEGER PRIMARY KEY,
        hash TEXT NOT NULL,
        prev_seq INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        signed TEXT NOT NULL,
        acked_at TEXT,
        ack TEXT
    )
    """)


@migrations()
def m014_staff_id_card(db: Database) -> None:
    """The keyed digest (``Vault.blind_index``) of each staff member's ID number, so the counter
    knows the staff member by their ID card (the PIN is still asked); never the number itself.
    NULL for staff whose card the roster does not carry."""
    _run(db, """
    ALTER TABLE staff ADD COLUMN id_index BLOB;
    CREATE UNIQUE INDEX staff_id_index ON staff(id_index)
    """)


@migrations()
def m015_signature_identification(db: Database) -> None:
    """How each signer was identified, which the platform receives with the signature summary
    (``kiosk.services.signatures``): ``card`` (their ID card read at the self-service terminal at
    ``identified_at``) or ``staff`` (a staff member took the signature at the counter). Earlier
    signatures get it from their ``signature.record`` audit entry (one per signature: a document's
    buyer signs it once), read in one pass over the audit; a self-service signature made before the
    card was required keeps NULL (not known)."""
    _run(db, """
    ALTER TABLE signatures ADD COLUMN identified_by TEXT CHECK (identified_by IN ('card', 'staff'));
    ALTER TABLE signatures ADD COLUMN identified_at TEXT;
    UPDATE signatures SET identified_by = r.method, identified_at = r.at
    FROM (
        SELECT subject, buyer,
               CASE WHEN card THEN 'card' WHEN actor NOT LIKE 'system:%' THEN 'staff' END AS method,
               CASE WHEN card THEN json_extract(detail, '$.identified_at') END AS at
        FROM (SELECT subject, actor, detail, json_extract(detail, '$.buyer') AS buyer,
                     actor = 'system:self-service' AND json_extract(detail, '$.identified_by') = 'card' AS card
              FROM audit WHERE action = 'signature.record')
    ) AS r
    WHERE r.subject = signatures.document || ':' || signatures.document_id AND r.buyer = signatures.buyer_id
    """)
