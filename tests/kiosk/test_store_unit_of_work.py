"""The store: WAL and pragmas, migrations recorded, and the unit of work's all-or-nothing rule."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk import audit
from kiosk.errors import StoreError
from kiosk.store import Store
from kiosk.store.outbox import CONTEXT as OUTBOX_CONTEXT

USCC = "91350100M000100Y43"


def counts(store: Store) -> tuple[int, int, int]:
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    return one("SELECT count(*) FROM developers"), one("SELECT count(*) FROM audit"), \
        one("SELECT count(*) FROM outbox")


def test_pragmas_and_migrations(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.applied_migrations()[:2] == ["m001_core", "m002_approvals"]
    assert store.pending_migrations() == []


def test_change_audit_and_outbox_commit_together(store: Store) -> None:
    with store.unit_of_work("staff:S001") as uow:
        uow.insert("developers", {"uscc": USCC, "name": "郏县安居置业有限公司", "updated_at": uow.at})
        seq = uow.log("developer.add", USCC, {"name": "郏县安居置业有限公司"})
        rid = uow.push("developer", USCC, {"uscc": USCC})
    assert counts(store) == (1, 1, 1)
    row = store.read("SELECT * FROM outbox")[0]
    assert row["record_id"] == rid and row["audit_seq"] == seq and row["state"] == "pending"
    assert store.vault.decrypt(row["payload_enc"], OUTBOX_CONTEXT) == '{"uscc":"91350100M000100Y43"}'
    assert audit.verify(store.conn).ok


def test_failure_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError, match="power cut"):
        with store.unit_of_work("staff:S001") as uow:
            uow.insert("developers", {"uscc": USCC, "name": "x", "updated_at": uow.at})
            uow.log("developer.add", USCC)
            uow.push("developer", USCC, {"uscc": USCC})
            raise RuntimeError("power cut")
    assert counts(store) == (0, 0, 0)
    assert not store.conn.in_transaction


def test_constraint_violation_rolls_back_everything(store: Store) -> None:
    with pytest.raises(StoreError) as err:
        with store.unit_of_work("staff:S001") as uow:
            uow.insert("developers", {"uscc": USCC, "name": "x", "updated_at": uow.at})
            uow.log("developer.add", USCC)
            uow.insert("projects", {"id": "P1", "name": "p", "developer_uscc": "NOPE",
                                    "updated_at": uow.at})
    assert err.value.code == "constraint" and isinstance(err.value.__cause__, sqlite3.IntegrityError)
    assert "FOREIGN KEY" in str(err.value) and err.value.hint
    assert counts(store) == (0, 0, 0)


def test_change_without_audit_entry_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="without its audit entry"):
        with store.unit_of_work("staff:S001") as uow:
            uow.insert("developers", {"uscc": USCC, "name": "x", "updated_at": uow.at})
    assert counts(store) == (0, 0, 0)


def test_outbox_record_needs_audit_entry_first(store: Store) -> None:
    with pytest.raises(StoreError, match="needs its audit entry"):
        with store.unit_of_work("staff:S001") as uow:
            uow.push("developer", USCC, {})
    assert counts(store) == (0, 0, 0)


def test_nested_units_of_work_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="cannot be nested"):
        with store.unit_of_work("a") as uow:
            uow.log("x", "y")
            with store.unit_of_work("b"):
                pass
    assert counts(store) == (0, 0, 0)


def test_read_only_unit_of_work_commits_quietly(store: Store) -> None:
    with store.unit_of_work("a") as uow:
        uow.execute("SELECT count(*) FROM units").fetchone()
    assert counts(store) == (0, 0, 0)


def test_two_connections_serialise_on_the_audit_chain(store: Store) -> None:
    other = Store(store.path, store.vault)
    try:
        for i in range(5):
            for s in (store, other):
                with s.unit_of_work("t") as uow:
                    uow.log("tick", str(i))
    finally:
        other.close()
    result = audit.verify(store.conn)
    assert result.ok and result.entries == 10


def test_unopenable_database_gives_clear_error(tmp_path, store: Store) -> None:
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(bad, store.vault)


def test_savepoint_undoes_only_its_part(store: Store) -> None:
    with store.unit_of_work("sync") as uow:
        uow.log("page", "p1")
        with pytest.raises(ValueError):
            with uow.savepoint():
                uow.insert("developers", {"uscc": USCC, "name": "x", "updated_at": uow.at})
                uow.log("developer.add", USCC)
                uow.push("developer", USCC, {})
                raise ValueError("refused item")
        with uow.savepoint():
            uow.log("item.applied", "i2")
    assert counts(store) == (0, 2, 0)
    assert [r["action"] for r in store.read("SELECT action FROM audit ORDER BY seq")] == ["page", "item.applied"]
    assert audit.verify(store.conn).ok
