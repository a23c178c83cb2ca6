"""The device's identity: its own key pairs and the platform it is enrolled with.

Everything lives in the key directory (``Config.key_dir``, mode 0700), never in
the database, so a copied database file cannot speak for the device:

- ``device_sign.key``  Ed25519 private key (raw 32 bytes, mode 0600), signs requests and batch headers;
- ``device_kem.key``   X25519 private key (raw 32 bytes, mode 0600), opens pages sealed to the device;
- ``enrollment.json``  (mode 0600) the device id the platform assigned, the gateway URL, the service
  point, the platform's pinned public keys and their fingerprint (SHA-256 of sign || kem, the
  form the enrollment QR carries; checked again on every load).

The keys are made once (``ensure_device_keys``); enrolling again with a new
token keeps them, so a re-enrolled device keeps its signatures verifiable.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from kiosk import filemodes
from kiosk.errors import KioskError
from sync import wire

SIGN_KEY_FILE = "device_sign.key"
KEM_KEY_FILE = "device_kem.key"
ENROLLMENT_FILE = "enrollment.json"


class IdentityError(KioskError):
    """The device keys or the enrollment record are missing, unreadable or exposed."""

    code = "identity"


class NotEnrolled(IdentityError):
    code = "not_enrolled"


def b64(raw: bytes) -> str:
    """base64url without padding, the form the wire protocol uses for keys."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def unb64(text: str, what: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text.encode("ascii") + b"=" * (-len(text) % 4))
    except (ValueError, UnicodeEncodeError) as exc:
        raise IdentityError(f"{what} is not valid base64", hint="enroll the device again") from exc


@dataclass(frozen=True)
class DeviceKeys:
    sign: Ed25519PrivateKey
    kem: X25519PrivateKey

    @property
    def sign_public(self) -> bytes:
        return self.sign.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def kem_public(self) -> bytes:
        return self.kem.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Enrollment:
    """What the platform told the device at enrollment; public keys are raw bytes in base64url."""

    device_id: str
    gateway_url: str
    service_point: str
    platform_sign_public: str
    platform_kem_public: str
    fingerprint: str
    enrolled_at: str

    def platform_sign_key(self) -> Ed25519PublicKey:
        raw = unb64(self.platform_sign_public, "the pinned platform signing key")
        try:
            return Ed25519PublicKey.from_public_bytes(raw)
        except ValueError as exc:
            raise IdentityError("the pinned platform signing key is damaged",
                                hint="enroll the device again") from exc

    def platform_kem_key(self) -> X25519PublicKey:
        raw = unb64(self.platform_kem_public, "the pinned platform encryption key")
        try:
            return X25519PublicKey.from_public_bytes(raw)
        except ValueError as exc:
            raise IdentityError("the pinned platform encryption key is damaged",
                                hint="enroll the device again") from exc


@dataclass(frozen=True)
class Identity:
    keys: DeviceKeys
    enrollment: Enrollment

    @property
    def device_id(self) -> str:
        return self.enrollment.device_id


def _secure_dir(key_dir: Path) -> None:
    filemodes.make_private_dir(key_dir)


def _read_private(path: Path, what: str) -> bytes:
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise NotEnrolled(f"this kiosk has no {what} ({path} is missing)",
                          hint="run 'kiosk enroll' with a token from the county platform") from exc
    except OSError as exc:
        raise IdentityError(f"cannot read the {what} {path}: {exc.strerror}",
                            hint="check the key directory's owner and permissions") from exc
    if filemodes.too_open(path, mode):
        raise IdentityError(f"the {what} {path} is readable by other users", hint=f"run: chmod 600 {path}")
    return data


def load_device_keys(key_dir: Path) -> DeviceKeys:
    sign_raw = _read_private(key_dir / SIGN_KEY_FILE, "device signing key")
    kem_raw = _read_private(key_dir / KEM_KEY_FILE, "device encryption key")
    if len(sign_raw) != 32 or len(kem_raw) != 32:
        raise IdentityError(f"a device key file in {key_dir} is damaged (expected 32 raw bytes)",
                            hint="the device must be enrolled again as a new device")
    return DeviceKeys(Ed25519PrivateKey.from_private_bytes(sign_raw),
                      X25519PrivateKey.from_private_bytes(kem_raw))


def ensure_device_keys(key_dir: Path) -> DeviceKeys:
    """Load the device keys, making them first if this device has none."""
    sign_path, kem_path = key_dir / SIGN_KEY_FILE, key_dir / KEM_KEY_FILE
    if sign_path.exists() != kem_path.exists():
        raise IdentityError(f"only one of the two device key files exists in {key_dir}",
                            hint="restore the other from backup, or remove both and enroll as a new device")
    if not sign_path.exists():
        _secure_dir(key_dir)
        sign, kem = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
        filemodes.write_atomic(sign_path, sign.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
        filemodes.write_atomic(kem_path, kem.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
    return load_device_keys(key_dir)


def save_enrollment(key_dir: Path, enrollment: Enrollment) -> Path:
    _secure_dir(key_dir)
    path = key_dir / ENROLLMENT_FILE
    filemodes.write_atomic(path, json.dumps(asdict(enrollment), indent=2, sort_keys=True).encode("utf-8"))
    return path


def load_enrollment(key_dir: Path) -> Enrollment:
    path = key_dir / ENROLLMENT_FILE
    raw = _read_private(path, "enrollment record")
    try:
        data = json.loads(raw.decode("utf-8"))
        enrollment = Enrollment(**{k: str(data[k]) for k in Enrollment.__dataclass_fields__})
    except (ValueError, KeyError, TypeError) as exc:
        raise IdentityError(f"the enrollment record {path} is damaged: {exc}",
                            hint="run 'kiosk enroll' again with a new token") from exc
    raw = unb64(enrollment.platform_sign_public, "the pinned platform signing key") + \
        unb64(enrollment.platform_kem_public, "the pinned platform encryption key")
    if not hmac.compare_digest(hashlib.sha256(raw).hexdigest(), enrollment.fingerprint.lower()):
        raise IdentityError(f"the pinned platform keys in {path} do not match their fingerprint",
                            hint="the enrollment record was altered; run 'kiosk enroll' again with a new token")
    enrollment.platform_sign_key()
    enrollment.platform_kem_key()
    return enrollment


def is_enrolled(key_dir: Path) -> bool:
    return (key_dir / ENROLLMENT_FILE).exists()


def load_identity(key_dir: Path) -> Identity:
    """The device keys plus the enrollment; NotEnrolled says to run 'kiosk enroll'."""
    enrollment = load_enrollment(key_dir)
    return Identity(load_device_keys(key_dir), enrollment)


def platform_signed(item: Mapping[str, Any], enrollment: Enrollment) -> bool:
    """True when ``item`` carries a valid signature of the platform this kiosk is enrolled with."""
    try:
        wire.verify_item(item, enrollment.platform_sign_key())
    except wire.WireError:
        return False
    return True


def audit_keys(key_dir: Path) -> tuple[Ed25519PublicKey | None, Ed25519PublicKey | None]:
    """The device's public signing key and the pinned platform key, which check the audit
    checkpoints and the county's acknowledgements of them; None for one that cannot be loaded."""
    try:
        device: Ed25519PublicKey | None = load_device_keys(key_dir).sign.public_key()
    except IdentityError:
        device = None
    try:
        platform: Ed25519PublicKey | None = load_enrollment(key_dir).platform_sign_key()
    except IdentityError:
        platform = None
    return device, platform
