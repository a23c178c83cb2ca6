"""Field-level encryption of personal data and the keyed blind index.

One 32-byte master key lives in ``<data dir>/keys/data.key`` (mode 0600),
never in the database. Subkeys are derived from it with HKDF-SHA256, each with
its own label: one for AES-256-GCM field encryption, one for the HMAC-SHA256
blind index and one for the HMAC-SHA256 seals of records the kiosk hands out and
later checks (``seal``: a presence proof), so that knowing index values or seals
tells nothing about ciphertexts or each other.

Ciphertext layout: ``0x01 | nonce (12) | AES-GCM ciphertext+tag``. The
associated data is the field's context (for example ``buyers.id_number``) so a
ciphertext cannot be moved into another column unnoticed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kiosk import filemodes
from kiosk.errors import VaultError

KEY_FILE = "data.key"
_FORMAT = b"\x01"
_NONCE = 12


def _derive(master: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(master)


def create_key_file(key_dir: Path) -> Path:
    """Make a new master key; refuses to overwrite an existing one (data would be lost)."""
    filemodes.make_private_dir(key_dir)
    path = key_dir / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        filemodes.fix_file(path)
    except FileExistsError as exc:
        raise VaultError(f"a data key already exists at {path}",
                         hint="it protects the existing data; move it away only if the data is gone") from exc
    with os.fdopen(fd, "wb") as fh:
        fh.write(os.urandom(32))
        fh.flush()
        os.fsync(fh.fileno())
    return path


class Vault:
    """Encrypts and decrypts personal fields; computes blind-index values."""

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != 32:
            raise VaultError("the data key must be 32 bytes", hint="the key file is damaged")
        self._aead = AESGCM(_derive(master_key, b"jiaxian-kiosk field encryption v1"))
        self._index_key = _derive(master_key, b"jiaxian-kiosk blind index v1")
        self._seal_key = _derive(master_key, b"jiaxian-kiosk record seal v1")
        self._check = _derive(master_key, b"jiaxian-kiosk key check v1")

    def key_check_value(self) -> bytes:
        """A value that identifies this key without revealing it or its other subkeys; the
        database keeps it so that opening with another key is refused at once."""
        return self._check

    @classmethod
    def from_key_dir(cls, key_dir: Path) -> "Vault":
        path = key_dir / KEY_FILE
        try:
            mode = path.stat().st_mode
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise VaultError(f"no data key at {path}",
                             hint="run 'kiosk init' for a new kiosk, or restore the key from backup") from exc
        if filemodes.too_open(path, mode):
            raise VaultError(f"the data key {path} is readable by other users",
                             hint=f"run: chmod 600 {path}")
        return cls(data)

    def encrypt(self, value: str | bytes | None, context: str) -> bytes | None:
        if value is None:
            return None
        raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
        nonce = os.urandom(_NONCE)
        return _FORMAT + nonce + self._aead.encrypt(nonce, raw, context.encode())

    def decrypt_bytes(self, blob: bytes | None, context: str) -> bytes | None:
        if blob is None:
            return None
        if len(blob) < 1 + _NONCE + 16 or blob[:1] != _FORMAT:
            raise VaultError(f"damaged ciphertext in {context}", hint="restore the record from backup")
        try:
            return self._aead.decrypt(blob[1:1 + _NONCE], blob[1 + _NONCE:], context.encode())
        except InvalidTag as exc:
            raise VaultError(f"ciphertext in {context} does not match the data key",
                             hint="wrong key file, or the record was altered") from exc

    def decrypt(self, blob: bytes | None, context: str) -> str | None:
        raw = self.decrypt_bytes(blob, context)
        return None if raw is None else raw.decode("utf-8")

    def blind_index(self, value: str, context: str = "id_number") -> bytes:
        """A keyed, deterministic 16-byte tag for equality lookups without the clear value."""
        mac = hmac.new(self._index_key, context.encode() + b"\x00" + value.encode("utf-8"), hashlib.sha256)
        return mac.digest()[:16]

    def seal(self, record: str, context: str) -> bytes:
        """The 32-byte HMAC-SHA256 of ``record`` under the seal subkey: only this kiosk's key makes it,
        so a record that comes back with it is one this kiosk made (compare with ``hmac.compare_digest``)."""
        return hmac.new(self._seal_key, context.encode() + b"\x00" + record.encode("utf-8"), hashlib.sha256).digest()
