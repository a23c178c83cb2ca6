"""Every release opens every older database: upgrade the fixture made at the first schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk import audit
from kiosk.errors import MigrationError
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
