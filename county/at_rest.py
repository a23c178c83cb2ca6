"""Personal data at rest in the gateway database.

Record payloads (names, phone numbers, addresses of buyers) and the bodies of
issued items (master data with ID numbers) are sealed with AES-256-GCM under
a key kept beside the database as ``<db file name>.storage-key`` (mode 0600),
never inside it. Every connection gets two SQL functions, ``seal(text,
context)`` and ``unseal(blob, context)``, so queries seal on the way in and
open on the way out without the rest of the gateway handling keys. The
context (the column) is the associated data: a sealed value moved to another
column does not open.
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


def key_path(db: Path) -> Path:
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


def load_or_create(db: Path) -> Sealer:
    """The database's sealer; the key is made atomically on first use (one key even under a race)."""
    path = key_path(db)
    if not path.exists():
        try:
            write_private_once(path, os.urandom(32))
        except OSError as exc:
            raise GatewayStoreError(f"cannot create the storage key {path}: {exc.strerror}",
                                    hint="the database directory must be writable") from None
    try:
        return Sealer(path.read_bytes())
    except OSError as exc:
        raise GatewayStoreError(f"the storage key {path} is unreadable: {exc.strerror}",
                                hint="restore it from backup; without it stored records cannot be read") from None


def install(conn: sqlite3.Connection, sealer: Sealer) -> None:
    conn.create_function("seal", 2, sealer.seal)
    conn.create_function("unseal", 2, sealer.unseal)
