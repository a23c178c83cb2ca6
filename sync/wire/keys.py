"""Device and platform key pairs: Ed25519 for signatures, X25519 for HPKE.

Public keys travel as raw 32-byte values in base64url (``{"sign": …, "kem": …}``).
A fingerprint is SHA-256 over ``sign_raw || kem_raw`` in lowercase hex (64
characters); the enrollment QR carries the full form, screens show the short
form (first 16 hex digits in groups of four).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from sync.wire.encoding import b64d, b64e
from sync.wire.errors import BAD_REQUEST, FINGERPRINT_MISMATCH, EnrollmentError, MalformedError

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NO_ENC = serialization.NoEncryption()


@dataclass(frozen=True)
class PublicKeys:
    """A party's two public keys."""

    sign: Ed25519PublicKey
    kem: X25519PublicKey

    def raw(self) -> tuple[bytes, bytes]:
        return self.sign.public_bytes(_RAW, _RAW_PUB), self.kem.public_bytes(_RAW, _RAW_PUB)

    def to_dict(self) -> dict[str, str]:
        sign_raw, kem_raw = self.raw()
        return {"sign": b64e(sign_raw), "kem": b64e(kem_raw)}

    @classmethod
    def from_dict(cls, data: Any, *, code: str = BAD_REQUEST) -> PublicKeys:
        if not isinstance(data, Mapping):
            raise MalformedError("public keys must be an object {sign, kem}", code=code)
        sign_raw = b64d(data.get("sign"), what="public key 'sign'", length=32, code=code)
        kem_raw = b64d(data.get("kem"), what="public key 'kem'", length=32, code=code)
        try:
            return cls(Ed25519PublicKey.from_public_bytes(sign_raw),
                       X25519PublicKey.from_public_bytes(kem_raw))
        except ValueError:
            raise MalformedError("public key bytes are not a valid curve point", code=code) from None

    def fingerprint(self) -> str:
        sign_raw, kem_raw = self.raw()
        return hashlib.sha256(sign_raw + kem_raw).hexdigest()

    def short_fingerprint(self) -> str:
        return short_form(self.fingerprint())

    def check_fingerprint(self, expected: str) -> None:
        """Raise ``EnrollmentError(fingerprint_mismatch)`` unless these keys are the pinned ones."""
        if not hmac.compare_digest(self.fingerprint(), expected.strip().lower()):
            raise EnrollmentError(
                f"the platform keys have fingerprint {self.short_fingerprint()}, "
                f"the enrollment code pins {short_form(expected)}", code=FINGERPRINT_MISMATCH,
                hint="this is not the county gateway the code was issued for; do not enroll")


def short_form(fingerprint: str) -> str:
    head = fingerprint.strip().lower()[:16]
    return "-".join(head[i:i + 4] for i in range(0, len(head), 4))


@dataclass(frozen=True)
class KeyPair:
    """A party's two private keys. Serialise with ``to_private_dict`` only into a 0600 key file."""

    sign: Ed25519PrivateKey
    kem: X25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(self.sign.public_key(), self.kem.public_key())

    def to_private_dict(self) -> dict[str, str]:
        return {"sign_private": b64e(self.sign.private_bytes(_RAW, _RAW_PRIV, _NO_ENC)),
                "kem_private": b64e(self.kem.private_bytes(_RAW, _RAW_PRIV, _NO_ENC))}

    @classmethod
    def from_private_dict(cls, data: Any, *, code: str = BAD_REQUEST) -> KeyPair:
        if not isinstance(data, Mapping):
            raise MalformedError("a key file must hold an object {sign_private, kem_private}",
                                 code=code)
        sign_raw = b64d(data.get("sign_private"), what="'sign_private'", length=32, code=code)
        kem_raw = b64d(data.get("kem_private"), what="'kem_private'", length=32, code=code)
        return cls(Ed25519PrivateKey.from_private_bytes(sign_raw),
                   X25519PrivateKey.from_private_bytes(kem_raw))
