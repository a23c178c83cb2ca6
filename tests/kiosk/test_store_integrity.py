"""The store's start-up checks and safe upgrades (kiosk.store.connection, .integrity, .upgrade):
one connection policy, the quick check at every start and the full one after an unclean end,
and an upgrade killed at any step leaving the database fully old or fully new."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app.changes import ChangeFeed
from kiosk.errors import StoreError
from kiosk.store import Store, integrity
from kiosk.store.connection import BUSY_TIMEOUT_MS, policy_of
from kiosk.store.migrations import migrations
from kiosk.vault import Vault

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
FIXTURE_KEY = bytes(range(32))
CHILD = Path(__file__).resolve().parent / "store_upgrade_child.py"
ROOT = Path(__file__).resolve().parents[2]
ALL = [m.name for m in migrations._migrations]


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _fixture(tmp_path: Path) -> Path:
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(FIXTURES / "kiosk-m001.sqlite", db)
    return db


def _schema(db: Path) -> tuple[list[str], list[tuple[str, str]], int]:
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert integrity.check(raw, full=True) == []
        names = [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        schema = sorted((r[0], r[1] or "") for r in raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE name != '_sqlite_migrations'"))
        buyers = raw.execute("SELECT count(*) FROM buyers").fetchone()[0]
    finally:
        raw.close()
    return names, schema, buyers


def test_every_connection_to_the_store_follows_the_one_policy(data_dir: Path) -> None:
    db = data_dir / "kiosk.sqlite"
    with Store(db, Vault.from_key_dir(data_dir / "keys")) as store:
        assert policy_of(store.conn) == {"journal_mode": "wal", "synchronous": "FULL",
                                         "busy_timeout_ms": BUSY_TIMEOUT_MS, "foreign_keys": True}
        feed = ChangeFeed(db)
        try:
            # The app's change feed reads through its own read-only connection, same waits.
            got = policy_of(feed._conn)
            assert got["busy_timeout_ms"] == BUSY_TIMEOUT_MS and got["journal_mode"] == "wal"
        finally:
            feed.close()


def test_a_clean_close_leaves_no_marker_and_a_killed_process_is_seen_at_next_start(data_dir: Path) -> None:
    db = data_dir / "kiosk.sqlite"
    vault = Vault.from_key_dir(data_dir / "keys")
    with Store(db, vault) as store:
        assert store.unclean_shutdown == []
        assert len(list(integrity.sessions_dir(db).glob("open-*"))) == 1
    assert list(integrity.sessions_dir(db).glob("open-*")) == []
    with Store(db, vault) as store:
        assert store.unclean_shutdown == []

    script = ("import os, pathlib, signal, sys; from kiosk.store import Store; from kiosk.vault import Vault; "
              "s = Store(sys.argv[1], Vault.from_key_dir(pathlib.Path(sys.argv[2]))); print('open', flush=True); "
              "sys.stdin.readline(); os.kill(os.getpid(), signal.SIGKILL)")
    child = subprocess.Popen([sys.executable, "-c", script, str(db), str(data_dir / "keys")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_child_env())
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "open"
        # While its owner lives, a marker is not stale: opening beside it is a clean start.
        with Store(db, vault) as store:
            assert store.unclean_shutdown == []
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    with Store(db, vault) as store:
        assert len(store.unclean_shutdown) == 1  # and so the full integrity check ran
    with Store(db, vault) as store:
        assert store.unclean_shutdown == []  # seen once, then cleared


def test_a_damaged_page_is_refused_at_start_by_the_quick_check(tmp_path: Path) -> None:
    db = _fixture(tmp_path)
    with Store(db, Vault(FIXTURE_KEY)):
        pass
    raw = sqlite3.connect(db)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'buyers'").fetchone()[0]
    raw.close()
    with open(db, "r+b") as fh:  # a torn write: the buyers table's page header is garbage
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 8)
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from kiosk.store import Store; from kiosk.vault import Vault; "
         "Store(sys.argv[1], Vault(bytes(range(32))))", str(db)],
        capture_output=True, text=True, env=_child_env(), timeout=120)
    assert child.returncode != 0
    assert "StoreError" in child.stderr and "failed its quick check at start" in child.stderr
    assert "restore kiosk.sqlite from the latest backup" in child.stderr


def test_the_snapshot_is_owner_only_and_goes_once_the_upgrade_is_committed(tmp_path: Path) -> None:
    db = _fixture(tmp_path)
    stale = tmp_path / "kiosk.sqlite.pre-upgrade"
    stale.write_bytes(b"left by a run killed after its commit")
    with Store(db, Vault(FIXTURE_KEY)) as store:
        assert store.upgraded == ALL[1:]
    assert not stale.exists()
    assert list(tmp_path.glob("*.tmp")) == []
    assert (db.stat().st_mode & 0o077) == 0


def test_an_upgrade_killed_at_every_step_leaves_the_store_fully_old_or_fully_new(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    pristine = _fixture(tmp_path / "old")
    old = _schema(pristine)
    assert old[0] == ["m001_core"]
    done = tmp_path / "new"
    done.mkdir()
    finished = shutil.copy(pristine, done / "kiosk.sqlite")
    control = subprocess.run([sys.executable, str(CHILD), str(finished), "999"], capture_output=True,
                             text=True, env=_child_env(), timeout=120)
    assert control.returncode == 0, control.stderr
    steps = control.stdout.split("\n")[:-2]
    assert steps[:3] == ["snapshot copied", "snapshot verified", "snapshot published"]
    assert steps[3:-1] == [f"{name} done" for name in ALL[1:]] and steps[-1] == "committed"
    new = _schema(Path(finished))
    assert new[0] == ALL and new[2] == old[2]

    # One real process per kill point, all at once (each only waits for its own step).
    runs = []
    for kill_at in range(1, len(steps) + 1):
        run = tmp_path / f"kill{kill_at}"
        run.mkdir()
        db = Path(shutil.copy(pristine, run / "kiosk.sqlite"))
        runs.append((kill_at, db, subprocess.Popen([sys.executable, str(CHILD), str(db), str(kill_at)],
                                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                                   env=_child_env())))
    outcomes = []
    for kill_at, db, child in runs:
        out, err = child.communicate(timeout=180)
        assert child.returncode == -signal.SIGKILL, err
        assert out.split("\n")[-2] == steps[kill_at - 1]
        now = _schema(db)
        assert now in (old, new), f"killed after {steps[kill_at - 1]!r}: a half-upgraded store"
        outcomes.append("new" if now == new else "old")
        with Store(db, Vault(FIXTURE_KEY)) as store:
            assert store.unclean_shutdown  # the killed process's marker: the full check ran
            assert store.applied_migrations() == ALL
        assert _schema(db) == new
        assert [p.name for p in db.parent.iterdir() if "pre-upgrade" in p.name] == []
    # Every kill before the commit leaves it old; the one after it, new.
    assert outcomes == ["old"] * (len(steps) - 1) + ["new"]


def test_an_index_out_of_step_with_its_table_is_found_by_the_full_check_after_an_unclean_end(
        tmp_path: Path) -> None:
    db = _fixture(tmp_path)
    with Store(db, Vault(FIXTURE_KEY)):
        pass
    raw = sqlite3.connect(db)
    # An index that no longer matches its table: readable pages with wrong contents, which the
    # quick check does not read and ordinary queries would silently trust.
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute("UPDATE sqlite_master SET sql = replace(sql, 'buyers(id_index)', 'buyers(unit_code)') "
                "WHERE name = 'buyers_id_index'")
    raw.commit()
    raw.close()
    check = sqlite3.connect(db)
    assert integrity.check(check, full=False) == [] and integrity.check(check, full=True) != []
    check.close()
    # The marker of a process that died with the store open (nobody holds its lock).
    (integrity.sessions_dir(db) / "open-dead").write_text("1\n")
    with pytest.raises(StoreError, match="failed its full integrity check at start") as caught:
        Store(db, Vault(FIXTURE_KEY))
    assert caught.value.code == "damaged"
