"""Every release opens every older database: upgrade the fixture made at the first schema."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk import audit
from kiosk.errors import MigrationError
from kiosk.services.signatures import signature_summary
from kiosk.store import Store
from kiosk.store.migrations import migrations
from kiosk.vault import Vault

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
# The key the fixture databases were written with (test data only).
FIXTURE_KEY = bytes(range(32))


def test_fixture_at_first_schema_upgrades_and_keeps_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(FIXTURES / "kiosk-m001.sqlite", db)
    raw = sqlite3.connect(db)
    assert [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")] == ["m001_core"]
    before = raw.execute("SELECT count(*) FROM buyers").fetchone()[0]
    raw.close()
    assert before > 0

    with Store(db, Vault(FIXTURE_KEY)) as store:
        assert store.applied_migrations() == [m.name for m in migrations._migrations]
        assert store.read("SELECT count(*) AS n FROM buyers")[0]["n"] == before
        assert audit.verify(store.conn).ok
        from kiosk.masterdata import buyers_of_unit
        buyers = buyers_of_unit(store, store.read("SELECT unit_code FROM buyers LIMIT 1")[0]["unit_code"])
        assert buyers and buyers[0].name == "测试甲"
        with store.unit_of_work("test") as uow:
            uow.log("after.upgrade", "x")
        assert audit.verify(store.conn).ok


def test_failed_migration_restores_the_snapshot_and_refuses_to_start(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(FIXTURES / "kiosk-m001.sqlite", db)

    def broken(database) -> None:  # type: ignore[no-untyped-def]
        database.execute("CREATE TABLE half_done (x)")
        database.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(migrations, "_migrations",
                        [*migrations._migrations, migrations._Migration("m999_broken", broken)])
    with pytest.raises(MigrationError) as caught:
        Store(db, Vault(FIXTURE_KEY))
    message = str(caught.value)
    assert "failed at m999_broken" in message and "no such table: no_such_table" in message
    assert "restored from the snapshot" in message and "old schema (m001_core)" in message
    assert "reinstall the previous release" in (caught.value.hint or "")
    raw = sqlite3.connect(db)
    names = [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")]
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    # All or nothing: the good steps before the broken one are undone with it.
    assert names == ["m001_core"]
    assert "half_done" not in tables and "approvals" not in tables
    assert (tmp_path / "kiosk.sqlite.pre-upgrade").exists()  # kept for the technician

    monkeypatch.undo()
    with Store(db, Vault(FIXTURE_KEY)) as store:
        assert store.applied_migrations() == [m.name for m in migrations._migrations]
    assert not (tmp_path / "kiosk.sqlite.pre-upgrade").exists()


def test_signatures_of_the_released_schema_learn_how_their_signers_were_identified(tmp_path: Path) -> None:
    """m015 fills ``identified_by`` from each signature's audit entry: the card read at the terminal
    (with its time), staff at the counter, not known for a terminal signature made before the card was
    required; the platform receives that with a handover delivered after the upgrade."""
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(FIXTURES / "kiosk-m014.sqlite", db)
    raw = sqlite3.connect(db)
    assert [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")][-1] == "m014_staff_id_card"
    audited = {(subject, json.loads(detail)["buyer"]): (actor, json.loads(detail).get("identified_at"))
               for actor, subject, detail in raw.execute(
                   "SELECT actor, subject, detail FROM audit WHERE action = 'signature.record'")}
    raw.close()

    with Store(db, Vault(FIXTURE_KEY)) as store:
        rows = store.read("SELECT document, document_id, buyer_id, identified_by, identified_at FROM signatures")
        assert len(rows) == len(audited) == 7
        got = {(f"{r['document']}:{r['document_id']}", r["buyer_id"]): (r["identified_by"], r["identified_at"])
               for r in rows}
        # The fixture: a couple with their cards at the terminal, a couple at the terminal before the card was
        # required, a single buyer's contract and handover papers at the counter (README of the fixtures).
        expected = {key: ("card", read_at) if read_at else (None, None) if actor == "system:self-service"
                    else ("staff", None) for key, (actor, read_at) in audited.items()}
        assert got == expected
        assert sorted(method or "" for method, _ in got.values()) == ["", "", "card", "card"] + ["staff"] * 3
        assert all(at is not None for method, at in got.values() if method == "card")
        handover_id = next(r["document_id"] for r in rows if r["document"] == "handover.handover")
        with store.unit_of_work("test") as uow:
            summary = signature_summary(uow, "handover.handover", handover_id)
        assert [(s["identified_by"], s["identified_at"]) for s in summary] == [("staff", None)]
        assert audit.verify(store.conn).ok
