"""The platform's own key pair, made on first use of a database.

Kept beside the database as ``<db file name>.platform-key.json`` (mode 0600):
the private keys never enter the database, so a copied database alone cannot
sign approvals or open batches. The file is created atomically (written to a
temporary name, then linked into place) so a concurrent first use by the
service and an admin command ends with one key.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from county.errors import GatewayStoreError
from sync.wire import KeyPair, WireError


def key_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".platform-key.json")


def load_or_create(db: Path) -> KeyPair:
    path = key_path(db)
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
