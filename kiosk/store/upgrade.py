"""Upgrading the schema without ever leaving a half-upgraded database.

One process upgrades at a time (a lock file beside the database); the others wait,
then find nothing left to do. The upgrading process first copies the database to a
snapshot (``VACUUM INTO`` a new owner-only file), fsyncs it, checks it in full and
checks it holds the same migrations, and only then renames it into place (atomic;
the directory is fsynced too). It then takes the write lock and, if no other
process wrote since the snapshot (``PRAGMA data_version``), runs ALL pending
migrations in ONE transaction: a process killed at any step leaves the database as
it was (SQLite drops the uncommitted WAL frames).

When a migration fails, the transaction is rolled back, the snapshot is copied back
over the database (through the backup API, so other connections stay coherent) and
the open is refused, naming the step. The snapshot is deleted once the upgrade is
committed; one left behind by a process killed mid-upgrade is replaced by the next
upgrade or deleted by the next open that finds nothing pending.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from kiosk import filemodes
from kiosk.errors import MigrationError, StoreError
from kiosk.store import failures, integrity
from kiosk.store.failures import store_failure

SNAPSHOT_SUFFIX = ".pre-upgrade"
SNAPSHOT_ATTEMPTS = 3


def snapshot_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SNAPSHOT_SUFFIX)


def applied_names(conn: sqlite3.Connection, migration_set: str) -> list[str]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                        (Migrations.migrations_table,)).fetchone():
        return []
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {Migrations.migrations_table} WHERE migration_set = ? ORDER BY rowid",
        (migration_set,))]


def upgrade(db: Database, db_path: Path, migrations: Migrations) -> list[str]:
    """Apply ``migrations``' pending steps all or nothing; the names applied."""
    if not migrations.pending(db):
        discard_snapshot(db_path)
        return []
    with _upgrade_lock(db_path):
        for _ in range(SNAPSHOT_ATTEMPTS):
            done = _upgrade_once(db, db_path, migrations)
            if done is not None:
                return done
    raise StoreError(f"the database {db_path} kept changing while its snapshot before upgrading "
                     "was taken", code=failures.BUSY,
                     hint="stop the kiosk's other processes (the app, the sync agent), then start again")


@contextlib.contextmanager
def _upgrade_lock(db_path: Path) -> Iterator[None]:
    """One upgrading process at a time; the others wait, then find nothing left to do."""
    folder = integrity.sessions_dir(db_path)
    try:
        if not folder.is_dir():
            filemodes.make_private_dir(folder)
        handle = open(folder / "upgrade.lock", "ab")  # noqa: SIM115 - closed below
        filemodes.fix_file(folder / "upgrade.lock")
    except OSError as exc:
        raise store_failure(exc, db_path, "cannot take the upgrade lock beside") from exc
    with handle:
        integrity.lock_file(handle, wait=True)
        yield


def _upgrade_once(db: Database, db_path: Path, migrations: Migrations) -> list[str] | None:
    """One attempt; None when another process wrote between the snapshot and the write lock."""
    conn = db.conn
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        discard_snapshot(db_path)
        return []
    before = applied_names(conn, migrations.name)
    # data_version moves when another connection commits: equal before the snapshot and
    # under the write lock means the snapshot is exactly what the upgrade starts from.
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    snapshot = take_snapshot(conn, db_path, before, migrations.name) if before else None
    conn.execute("BEGIN IMMEDIATE")
    if conn.execute("PRAGMA data_version").fetchone()[0] != version:
        conn.execute("ROLLBACK")
        return None
    step = ""
    try:
        migrations.apply(db)
    except BaseException as exc:
        if conn.in_transaction:
            # Read before the rollback: the steps done so far are recorded in this transaction.
            step = _failed_step(conn, migrations)
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if not isinstance(exc, Exception):
            raise
        restored = _restore_after_failure(conn, snapshot, migrations.name)
        raise MigrationError(
            f"upgrading {db_path} failed at {step or 'a migration'}: {exc}; {restored}",
            hint="this version of the kiosk cannot run on this database: reinstall the previous "
                 "release, and give a technician the message and 'kiosk diagnostics --out FILE.zip'"
        ) from exc
    conn.execute("COMMIT")
    discard_snapshot(db_path)
    return pending


def _failed_step(conn: sqlite3.Connection, migrations: Migrations) -> str:
    done = set(applied_names(conn, migrations.name))
    for m in migrations._migrations:
        if m.name not in done:
            return m.name
    return "the last step"


def take_snapshot(conn: sqlite3.Connection, db_path: Path, names: list[str], migration_set: str) -> Path:
    """A verified copy of the database as ``conn`` sees it, published atomically."""
    final = snapshot_path(db_path)
    # Under the upgrade lock no other process is making one: these are left by a killed run.
    for leftover in final.parent.glob(final.name + ".*.tmp"):
        leftover.unlink(missing_ok=True)
    tmp = final.with_name(final.name + f".{os.getpid()}.tmp")
    try:
        _copy(conn, tmp)
        _verify(tmp, names, migration_set)
        _publish(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


def _copy(conn: sqlite3.Connection, tmp: Path) -> None:
    # Owner-only from the first byte (VACUUM INTO accepts an empty file): the copy holds the
    # same (encrypted) personal data.
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    filemodes.fix_file(tmp)
    conn.execute("VACUUM INTO ?", (str(tmp),))
    _fsync(tmp)


def _verify(tmp: Path, names: list[str], migration_set: str) -> None:
    check = sqlite3.connect(f"{tmp.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = integrity.check(check, full=True)
        copied = applied_names(check, migration_set)
    finally:
        check.close()
    if problems or copied != names:
        why = "; ".join(problems[:3]) if problems else "its migrations differ from the database's"
        raise MigrationError(f"the snapshot taken before upgrading failed its check ({why})",
                             hint="nothing was changed; check the disk that holds the data directory")


def _publish(tmp: Path, final: Path) -> None:
    os.replace(tmp, final)
    _fsync_dir(final.parent)


def discard_snapshot(db_path: Path) -> None:
    snapshot_path(db_path).unlink(missing_ok=True)


def _restore_after_failure(conn: sqlite3.Connection, snap: Path | None, migration_set: str) -> str:
    """Copy the snapshot back over the database; the sentence that says what state it is in."""
    if snap is None:
        # A new database (nothing to protect, no snapshot): the rollback left it empty.
        return "the failed step was rolled back"
    source = sqlite3.connect(f"{snap.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(conn)
    finally:
        source.close()
    problems = integrity.check(conn, full=False)
    names_now = applied_names(conn, migration_set)
    if problems:
        return (f"restoring the snapshot {snap} did not pass the quick check ({problems[0]}); "
                "keep both files for the technician")
    return (f"the database was restored from the snapshot taken before the upgrade ({snap}, kept) "
            f"and is at its old schema ({names_now[-1] if names_now else 'empty'})")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory to fsync it; NTFS journals the rename
    _fsync(path)
