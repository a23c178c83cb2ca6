"""Request signing: every device request carries five headers.

==================  ==========================================================
header              value
==================  ==========================================================
X-JX-Device         the device id issued at enrollment
X-JX-Timestamp      Unix seconds, decimal integer, device clock + tracked offset
X-JX-Nonce          16 random bytes, base64url (fresh per request, even retries)
X-JX-Body-SHA256    lowercase hex SHA-256 of the exact body bytes (of b"" for GET)
X-JX-Signature      base64url Ed25519 signature by the device signing key
==================  ==========================================================

The signature covers, under domain ``JX-REQ-1``, the lines::

    METHOD\\ntarget\\ndevice\\ntimestamp\\nnonce\\nbody_sha256

where ``target`` is the path plus ``?query`` when there is a query, exactly as
sent on the request line (e.g. ``/v1/changes?cursor=42``).

The gateway checks in this order, each with its own code: headers present and
well-formed (bad_headers), device known (unknown_device) and not revoked
(revoked_device), timestamp within ±window of its clock (stale_timestamp),
signature (bad_signature), body size (body_too_large), body hash
(body_mismatch), nonce unseen (replayed_nonce). Every answer carries
``X-JX-Server-Time`` so the device can track its clock offset.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.wire.encoding import b64d, b64e, sha256_hex, sign, verify
from sync.wire.errors import (
    BAD_HEADERS, BAD_SIGNATURE, BODY_MISMATCH, STALE_TIMESTAMP, RequestRefused,
)
from sync.wire.kinds import H_BODY_SHA256, H_DEVICE, H_NONCE, H_SIGNATURE, H_TIMESTAMP

DEFAULT_WINDOW_SECONDS = 300
DOMAIN = b"JX-REQ-1"
# What the gateway accepts in each header; the OpenAPI document declares the same patterns.
NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
BODY_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
DEVICE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"[A-Za-z0-9_-]{86}(==)?")


@dataclass(frozen=True)
class RequestAuth:
    """The parsed authentication headers of one request."""

    device_id: str
    timestamp: int
    nonce: str
    body_sha256: str
    signature: bytes


def signed_text(method: str, target: str, device_id: str, timestamp: int, nonce: str,
                 body_sha256: str) -> bytes:
    """The canonical request: what the signature covers after the domain line."""
    return "\n".join((method.upper(), target, device_id, str(timestamp), nonce,
                      body_sha256)).encode("utf-8")


def sign_request(signer: Ed25519PrivateKey, *, device_id: str, method: str, target: str,
                 body: bytes = b"", now: float | None = None,
                 nonce: str | None = None) -> dict[str, str]:
    """The five headers for one request. ``now`` is the device's best estimate of server time."""
    ts = int(time.time() if now is None else now)
    nonce = nonce or b64e(os.urandom(16))
    digest = sha256_hex(body)
    sig = sign(signer, DOMAIN, signed_text(method, target, device_id, ts, nonce, digest))
    return {H_DEVICE: device_id, H_TIMESTAMP: str(ts), H_NONCE: nonce, H_BODY_SHA256: digest,
            H_SIGNATURE: b64e(sig)}


def parse_request_headers(headers: Mapping[str, str]) -> RequestAuth:
    """Read the five headers (names case-insensitive) or raise ``RequestRefused(bad_headers)``."""
    lower = {k.lower(): v for k, v in headers.items()}

    def get(name: str) -> str:
        value = lower.get(name.lower())
        if value is None:
            raise RequestRefused(f"the request lacks the {name} header", code=BAD_HEADERS,
                                 hint="requests must be signed by an enrolled device")
        if not value.strip():
            raise RequestRefused(f"the request has an empty {name} header", code=BAD_HEADERS,
                                 hint="sign the request: every signing header needs its value")
        return value

    device_id = get(H_DEVICE)
    if not DEVICE_ID.fullmatch(device_id):
        raise RequestRefused(f"{H_DEVICE} is not a device id", code=BAD_HEADERS)
    raw_ts = get(H_TIMESTAMP)
    if not TIMESTAMP.fullmatch(raw_ts):
        raise RequestRefused(f"{H_TIMESTAMP} must be Unix seconds as a decimal integer",
                             code=BAD_HEADERS)
    nonce = get(H_NONCE)
    if not NONCE.fullmatch(nonce):
        raise RequestRefused(f"{H_NONCE} must be 16-64 base64url characters", code=BAD_HEADERS)
    digest = get(H_BODY_SHA256)
    if not BODY_SHA256.fullmatch(digest):
        raise RequestRefused(f"{H_BODY_SHA256} must be 64 hex digits", code=BAD_HEADERS)
    raw_sig = get(H_SIGNATURE)
    if not SIGNATURE.fullmatch(raw_sig):
        raise RequestRefused(f"{H_SIGNATURE} must be the 64-byte signature in base64url (86 characters)",
                             code=BAD_HEADERS)
    sig = b64d(raw_sig, what=H_SIGNATURE, length=64, code=BAD_HEADERS)
    return RequestAuth(device_id, int(raw_ts), nonce, digest.lower(), sig)


def check_timestamp(auth: RequestAuth, *, window: float = DEFAULT_WINDOW_SECONDS,
                    clock: Callable[[], float] = time.time) -> None:
    """Raise ``RequestRefused(stale_timestamp)`` when the request time is outside ±window."""
    skew = auth.timestamp - clock()
    if abs(skew) > window:
        raise RequestRefused(f"the request timestamp is {abs(skew):.0f} s "
                             f"{'ahead of' if skew > 0 else 'behind'} the gateway clock "
                             f"(allowed ±{window:.0f} s)", code=STALE_TIMESTAMP,
                             hint="correct the clock offset from X-JX-Server-Time and retry")


def check_signature(auth: RequestAuth, *, method: str, target: str,
                    device: Ed25519PublicKey) -> None:
    """Raise ``SignatureError(bad_signature)`` unless the device key signed these headers."""
    verify(device, auth.signature, DOMAIN,
           signed_text(method, target, auth.device_id, auth.timestamp, auth.nonce,
                        auth.body_sha256), what="the request", code=BAD_SIGNATURE)


def check_body(auth: RequestAuth, body_sha256: str) -> None:
    """Raise ``RequestRefused(body_mismatch)`` when the received body is not the signed one."""
    if body_sha256.lower() != auth.body_sha256:
        raise RequestRefused("the request body does not match its signed SHA-256",
                             code=BODY_MISMATCH, hint="the body was altered or cut short; resend")


def verify_request(headers: Mapping[str, str], *, method: str, target: str, body: bytes,
                   device: Ed25519PublicKey, window: float = DEFAULT_WINDOW_SECONDS,
                   clock: Callable[[], float] = time.time) -> RequestAuth:
    """All checks that need no server state (not device status, not nonce reuse)."""
    auth = parse_request_headers(headers)
    check_timestamp(auth, window=window, clock=clock)
    check_signature(auth, method=method, target=target, device=device)
    check_body(auth, sha256_hex(body))
    return auth
