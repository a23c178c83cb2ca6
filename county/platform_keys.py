"""The platform's own key pair, made on first use of a database.

Kept in a file (mode 0600), never in the database, so a copied database alone
cannot sign approvals or open batches: beside a SQLite database as
``<db file name>.platform-key.json``; for PostgreSQL in the configuration
directory (``platform-key.json`` beside the storage key) and copied to every
gateway host, or wherever ``--platform-key`` says. The file is created
atomically (written to a temporary name, then linked into place) so a
concurrent first use by the service and an admin command ends with one key.

The database records the key's fingerprint (``pin``): a host that made its
own key instead of getting the first host's copy is refused, since kiosks
pinned the first one and would refuse every answer signed with another.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from typing import TYPE_CHECKING

from county.errors import GatewayStoreError
from sync.wire import KeyPair, WireError

if TYPE_CHECKING:
    from county.store import Conn

FINGERPRINT = "platform_fingerprint"


def key_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".platform-key.json")


def load_or_create(path: Path) -> KeyPair:
    if not path.exists():
        try:
            _create(path)
        except OSError as exc:
            raise GatewayStoreError(f"cannot create the platform key file {path}: {exc.strerror}",
                                    hint="the database directory must be writable") from None
    try:
        return KeyPair.from_private_dict(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, WireError) as exc:
        raise GatewayStoreError(f"the platform key file {path} is unreadable: {exc}",
                                hint="restore it from backup; without it enrolled devices "
                                     "cannot be served") from None


def pin(conn: Conn, keys: KeyPair, path: Path) -> None:
    """Record the key's fingerprint in a database that has none; refuse a key it does not name."""
    mine = keys.public.fingerprint()
    with conn.transaction():
        conn.execute("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
                     (FINGERPRINT, mine))
        held = str(conn.execute("SELECT value FROM settings WHERE name = ?", (FINGERPRINT,)).fetchone()[0])
    if held != mine:
        raise GatewayStoreError(f"the platform key {path} (fingerprint {mine[:16]}…) is not the key this "
                                f"database was set up with ({held[:16]}…)",
                                hint="copy the platform key file from the gateway host that first served "
                                     "this database, or pass --platform-key with its path")


def _create(path: Path) -> None:
    write_private_once(path, json.dumps(KeyPair.generate().to_private_dict()).encode("utf-8"))


def write_private_once(path: Path, data: bytes) -> None:
    """Create ``path`` (mode 0600) with ``data`` unless it exists. Written to a temporary name,
    then linked into place, so concurrent first uses end with one file, whole."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
