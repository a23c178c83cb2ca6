"""Personal data at rest in the gateway database.

Record payloads (names, phone numbers, addresses of buyers) and the bodies of
issued items (master data with ID numbers) are sealed with AES-256-GCM under
a storage key kept in the configuration directory, away from the data it
protects (a copy of the data directory must not carry its own key):
``--key-file PATH``, by default ``$XDG_CONFIG_HOME/jiaxian-county/storage.key``
(``~/.config/...``). It is made (mode 0600) on first use and refused when
anyone but its owner can read it. A key found beside a database (where older
versions kept it) is refused with the command that moves it. Values are
sealed in the gateway's process (``county.store.Conn.seal``/``unseal``), so
neither engine nor a PostgreSQL server ever sees the key or the plain text.
The context (the column) is the associated data: a sealed value moved to
another column does not open.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from county.errors import GatewayStoreError
from county.platform_keys import write_private_once

FORMAT = b"\x01"
NONCE = 12


KEY_DIR_NAME = "jiaxian-county"
KEY_FILE_NAME = "storage.key"


def default_key_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / KEY_DIR_NAME / KEY_FILE_NAME


def old_key_path(db: Path) -> Path:
    """Where versions before the key moved out of the data directory kept it."""
    return Path(db).with_name(Path(db).name + ".storage-key")


class Sealer:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise GatewayStoreError("the storage key must be 32 bytes", hint="restore the key file from backup")
        self._aead = AESGCM(key)

    def seal(self, text: str, context: str) -> bytes:
        nonce = os.urandom(NONCE)
        return FORMAT + nonce + self._aead.encrypt(nonce, text.encode("utf-8"), context.encode())

    def unseal(self, blob: bytes, context: str) -> str:
        if not isinstance(blob, bytes) or len(blob) < 1 + NONCE + 16 or blob[:1] != FORMAT:
            raise GatewayStoreError(f"a value in {context} is not sealed data",
                                    hint="the database was written by another gateway version or altered")
        try:
            return self._aead.decrypt(blob[1:1 + NONCE], blob[1 + NONCE:], context.encode()).decode("utf-8")
        except InvalidTag:
            raise GatewayStoreError(f"a value in {context} does not open with this storage key",
                                    hint="the key file does not belong to this database, or the row was altered") from None


def load_or_create(db: Path | None, key_file: Path | None = None) -> Sealer:
    """The database's sealer; the key is made atomically on first use (one key even under a race).
    ``db`` is the SQLite file, whose directory the key must stay out of; None for PostgreSQL."""
    path = Path(key_file) if key_file is not None else default_key_file()
    if db is not None:
        _away_from(path, Path(db))
    if not path.exists():
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_private_once(path, os.urandom(32))
        except OSError as exc:
            raise GatewayStoreError(f"cannot create the storage key {path}: {exc.strerror}",
                                    hint="its directory must be writable, or pass --key-file") from None
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            raise GatewayStoreError(f"the storage key {path} can be read by others (mode {mode & 0o777:o})",
                                    hint=f"chmod 600 {path}, then check who may have copied it")
        return Sealer(path.read_bytes())
    except OSError as exc:
        raise GatewayStoreError(f"the storage key {path} is unreadable: {exc.strerror}",
                                hint="restore it from backup; without it stored records cannot be read") from None


def _away_from(path: Path, db: Path) -> None:
    beside = old_key_path(db)
    if beside.exists():
        raise GatewayStoreError(f"the storage key {beside} sits beside the database it protects",
                                hint=f"move it out of the data directory: mv {beside} {path} "
                                     "(or pass --key-file with where you put it)")
    if path.parent == db.resolve().parent or path.parent == db.parent:
        raise GatewayStoreError(f"the storage key {path} is in the database's own directory",
                                hint="keep it in the configuration directory (the default) or another "
                                     "directory the data's backups do not copy")


def install(conn: sqlite3.Connection, sealer: Sealer) -> None:
    """SQL functions ``seal(text, context)`` and ``unseal(blob, context)`` on a SQLite connection,
    for an operator reading a database with its key at hand."""
    conn.create_function("seal", 2, sealer.seal)
    conn.create_function("unseal", 2, sealer.unseal)
