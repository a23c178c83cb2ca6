"""The kiosk's local store: one SQLite file (WAL, foreign keys, FULL sync),
opened through sqlite-utils, migrated at open, changed only by units of work."""

from __future__ import annotations

import contextlib
import datetime as _dt
import hmac
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# sqlite-utils imports numpy when it is installed, only to store numpy scalars. The kiosk stores
# none, and numpy (there for OpenCV, which still imports it when a camera is used) would add a
# quarter of a second to the start of every command and of the sync agent.
_hide_numpy = "numpy" not in sys.modules
if _hide_numpy:
    sys.modules["numpy"] = None  # type: ignore[assignment]
try:
    from sqlite_utils import Database
finally:
    if _hide_numpy:
        del sys.modules["numpy"]

from kiosk import audit, filemodes
from kiosk.errors import StoreError, VaultError
from kiosk.store import failures, integrity, upgrade
from kiosk.store.connection import BUSY_TIMEOUT_MS, connect
from kiosk.store.failures import store_failure
from kiosk.store.migrations import migrations
from kiosk.store.outbox import CONTEXT as OUTBOX_CONTEXT
from kiosk.store.unit_of_work import UnitOfWork
from kiosk.vault import Vault

__all__ = ["BUSY_TIMEOUT_MS", "Store", "UnitOfWork", "utc_now"]

# The database files (device, inode) this process has checked at start: each process checks
# once, not at every open of the store.
_checked: set[tuple[int, int]] = set()


# Ciphertexts that prove a key on a database written before it kept a key check value.
_KEY_SAMPLES: tuple[tuple[str, str, str], ...] = (
    ("staff", "name_enc", "staff.name"),
    ("buyers", "name_enc", "buyers.name"),
    ("outbox", "payload_enc", OUTBOX_CONTEXT),
)


def _private_file(path: Path) -> bool:
    """Create the database file owner-only (SQLite gives its -wal and -shm files the same mode),
    and take group and other access away from one made before that rule; True if created."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        filemodes.fix_file(path)
        return True
    if filemodes.too_open(path, path.stat().st_mode):
        filemodes.fix_file(path)
    return False


def _remove_if_empty(path: Path) -> None:
    """Take back the empty file a failed first open made, so that it is not later taken for a
    lost database."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")


class Store:
    """An open kiosk database plus the vault that protects its personal fields."""

    def __init__(self, path: Path | str, vault: Vault, *, clock: Callable[[], str] = utc_now,
                 migrate: bool = True) -> None:
        self.path = Path(path)
        self.vault = vault
        self.clock = clock
        # Set by ``open_store`` on an enrolled kiosk: units of work then sign audit checkpoints.
        self.checkpoint_signer: audit.CheckpointSigner | None = None
        # Set when this open found that a process ended with the store open (see
        # ``kiosk.store.integrity``) and so ran the full integrity check.
        self.unclean_shutdown: list[str] = []
        self.upgraded: list[str] = []
        self._session: integrity.Session | None = None
        created = False
        try:
            created = _private_file(self.path)
            conn = connect(self.path)
        except (sqlite3.Error, UnicodeDecodeError, OSError) as exc:
            if created:
                _remove_if_empty(self.path)
            raise store_failure(exc, self.path, "cannot open the database") from exc
        self.conn = conn
        try:
            opened = self.path.stat()
            self._file = (opened.st_dev, opened.st_ino)
            self._session = integrity.Session.begin(self.path)
            self.unclean_shutdown = self._session.unclean
            self._check_at_start()
            self._recorders: list[list[int]] = []
            self.db = Database(conn)
            if migrate:
                self.upgraded = self.migrate()
            self._check_key()
        except BaseException as exc:
            self.close()
            if created:
                _remove_if_empty(self.path)
            if isinstance(exc, (sqlite3.Error, UnicodeDecodeError, OSError)):
                raise store_failure(exc, self.path, "cannot open the database") from exc
            raise

    def _check_at_start(self) -> None:
        """The quick check once per process, the full one after an unclean end; a damaged
        database is refused before anything reads or writes it."""
        full = bool(self.unclean_shutdown)
        if not full and self._file in _checked:
            return
        problems = integrity.check(self.conn, full=full)
        if problems:
            raise integrity.refuse_damaged(self.path, problems, full=full)
        _checked.add(self._file)

    def ensure_present(self) -> None:
        """Refuse to go on when the file this store opened was deleted, replaced or emptied
        under it: a long-running process (the sync agent) would otherwise keep writing to, and
        sending from, a database no other process can see."""
        try:
            now = self.path.stat()
        except FileNotFoundError:
            now = None
        if now is None or (now.st_dev, now.st_ino) != self._file or now.st_size == 0:
            what = "deleted" if now is None else "replaced or emptied"
            raise StoreError(f"the kiosk database {self.path} was {what} while this process had it open",
                             code=failures.DATABASE_LOST,
                             hint="stop the kiosk's processes, then restore kiosk.sqlite from backup or "
                                  "reset the kiosk ('kiosk init --reset'); nothing more is written or sent")

    def migrate(self) -> list[str]:
        """Apply pending migrations, all in one transaction behind a verified snapshot
        (``kiosk.store.upgrade``); the names applied."""
        try:
            return upgrade.upgrade(self.db, self.path, migrations)
        except sqlite3.DatabaseError as exc:
            raise store_failure(exc, self.path, "cannot upgrade the database") from exc

    def _check_key(self) -> None:
        """Refuse a data key that is not the one this database was written with.

        The first open after the key check table exists (a new kiosk, or an upgrade) proves the
        key on a stored ciphertext when there is one, then keeps the key's check value."""
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'key_check'").fetchone():
            return
        row = self.conn.execute("SELECT value FROM key_check WHERE id = 1").fetchone()
        if row is not None:
            if not hmac.compare_digest(bytes(row[0]), self.vault.key_check_value()):
                raise VaultError(f"the data key does not belong to the database {self.path}",
                                 code="wrong_key",
                                 hint="restore this kiosk's own keys/data.key from backup; "
                                      "another kiosk's key cannot read this data")
            return
        for table, column, context in _KEY_SAMPLES:
            sample = self.conn.execute(f"SELECT {column} FROM {table} LIMIT 1").fetchone()
            if sample is not None:
                try:
                    self.vault.decrypt_bytes(sample[0], context)
                except VaultError as exc:
                    raise VaultError(f"the data key does not decrypt the data in {self.path}",
                                     code="wrong_key",
                                     hint="restore this kiosk's own keys/data.key from backup") from exc
                break
        with self.conn:
            self.conn.execute("INSERT INTO key_check (id, value, made_at) VALUES (1, ?, ?)",
                              (self.vault.key_check_value(), self.clock()))

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def pending_migrations(self) -> list[str]:
        return [m.name for m in migrations.pending(self.db)]

    @contextlib.contextmanager
    def unit_of_work(self, actor: str) -> Iterator[UnitOfWork]:
        """One all-or-nothing change; see ``kiosk.store.unit_of_work``."""
        if self.conn.in_transaction:
            raise StoreError("units of work cannot be nested",
                             hint="do the whole change inside the outer unit of work")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_failure(exc, self.path, f"a change by {actor} failed on the database") from exc
        before = self.conn.total_changes
        uow = UnitOfWork(self.conn, self.vault, actor, self.clock)
        try:
            yield uow
            if self.conn.total_changes != before and not uow.audit_seqs:
                raise StoreError("a change was made without its audit entry",
                                 hint="call log() in every unit of work that changes state")
            if self.checkpoint_signer is not None and uow.audit_seqs:
                audit.boundary_checkpoint(self.conn, self.checkpoint_signer, uow.at)
            self.conn.execute("COMMIT")
            for seqs in self._recorders:
                seqs.extend(uow.audit_seqs)
        except BaseException as exc:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, (sqlite3.Error, UnicodeDecodeError)):
                raise store_failure(exc, self.path, f"a change by {actor} failed on the database") from exc
            raise

    @contextlib.contextmanager
    def recording(self) -> Iterator[list[int]]:
        """The audit sequence numbers of every unit of work this store commits inside the block.

        The application facade reports a command's changes from them; entries other
        processes (the sync agent) write meanwhile are not in the list.
        """
        seqs: list[int] = []
        self._recorders.append(seqs)
        try:
            yield seqs
        finally:
            self._recorders.remove(seqs)

    def read(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            cur = self.conn.execute(sql, params)
            cols = [d[0] for d in cur.description or ()]
            return [dict(zip(cols, row)) for row in cur.fetchall()]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and failures.classify(exc) == failures.FAILED:
                raise  # a mistake in the query, not a store failure
            raise store_failure(exc, self.path, "cannot read the database") from exc

    def close(self) -> None:
        self.conn.close()
        if self._session is not None:
            self._session.end()
            self._session = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

