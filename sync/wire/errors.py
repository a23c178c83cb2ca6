"""The wire protocol's exception tree and its stable error codes.

Every refusal on either side of the protocol is a ``WireError`` with a
``code`` from ``CODES`` (a stable string both ends agree on), a person-facing
message, an optional hint saying what to do, and the HTTP status the gateway
answers with. ``error_body`` / ``error_from_body`` carry one over HTTP so the
agent gets back the same subclass the gateway raised.

Messages never contain personal data: they name fields, ids and sizes only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

UNKNOWN_DEVICE = "unknown_device"
REVOKED_DEVICE = "revoked_device"
DEVICE_MISMATCH = "device_mismatch"
STALE_TIMESTAMP = "stale_timestamp"
REPLAYED_NONCE = "replayed_nonce"
BODY_TOO_LARGE = "body_too_large"
BAD_HEADERS = "bad_headers"
BAD_SIGNATURE = "bad_signature"
BODY_MISMATCH = "body_mismatch"
BAD_ENVELOPE = "bad_envelope"
UNSUPPORTED_VERSION = "unsupported_version"
UNKNOWN_SUITE = "unknown_suite"
DECRYPT_FAILED = "decrypt_failed"
MALFORMED_JSON = "malformed_json"
BAD_REQUEST = "bad_request"
BAD_ITEM = "bad_item"
BAD_ITEM_SIGNATURE = "bad_item_signature"
BAD_ACK = "bad_ack"
BAD_ENROLLMENT = "bad_enrollment"
TOKEN_UNKNOWN = "token_unknown"
TOKEN_USED = "token_used"
TOKEN_EXPIRED = "token_expired"
FINGERPRINT_MISMATCH = "fingerprint_mismatch"
CONFLICT = "conflict"
AUDIT_REWOUND = "audit_rewound"
AUDIT_DIVERGED = "audit_diverged"
BAD_CHECKPOINT = "bad_checkpoint"
INVALID_RECORD = "invalid_record"
# Record-level refusals of a roster change made at a terminal (``staff.member_added``): the supervisor
# named is not one of that service point's on the platform's roster, the platform holds no roster for
# the device's service point, or the staff number is already on it.
NOT_PERMITTED = "not_permitted"
UNKNOWN_SERVICE_POINT = "unknown_service_point"
STAFF_EXISTS = "staff_exists"
NOT_FOUND = "not_found"
RATE_LIMITED = "rate_limited"
SERVER_ERROR = "server_error"

# Gateway HTTP status per code. Record-level codes (``RECORD_CODES``)
# travel inside an acknowledgement, not as an HTTP status, but keep one for
# completeness.
HTTP_STATUS: dict[str, int] = {
    UNKNOWN_DEVICE: 401,
    REVOKED_DEVICE: 403,
    DEVICE_MISMATCH: 403,
    STALE_TIMESTAMP: 401,
    REPLAYED_NONCE: 409,
    BODY_TOO_LARGE: 413,
    BAD_HEADERS: 400,
    BAD_SIGNATURE: 401,
    BODY_MISMATCH: 400,
    BAD_ENVELOPE: 400,
    UNSUPPORTED_VERSION: 400,
    UNKNOWN_SUITE: 400,
    DECRYPT_FAILED: 400,
    MALFORMED_JSON: 400,
    BAD_REQUEST: 400,
    BAD_ITEM: 400,
    BAD_ITEM_SIGNATURE: 400,
    BAD_ACK: 400,
    BAD_ENROLLMENT: 400,
    TOKEN_UNKNOWN: 404,
    TOKEN_USED: 410,
    TOKEN_EXPIRED: 410,
    FINGERPRINT_MISMATCH: 400,
    CONFLICT: 409,
    AUDIT_REWOUND: 409,
    AUDIT_DIVERGED: 409,
    BAD_CHECKPOINT: 400,
    INVALID_RECORD: 422,
    NOT_PERMITTED: 403,
    UNKNOWN_SERVICE_POINT: 404,
    STAFF_EXISTS: 409,
    NOT_FOUND: 404,
    RATE_LIMITED: 429,
    SERVER_ERROR: 500,
}

CODES: frozenset[str] = frozenset(HTTP_STATUS)
# Codes that only travel inside an acknowledgement, one per rejected record.
RECORD_CODES: frozenset[str] = frozenset({CONFLICT, INVALID_RECORD, NOT_PERMITTED, UNKNOWN_SERVICE_POINT,
                                          STAFF_EXISTS})


class WireError(Exception):
    """Base of every protocol refusal. ``str(err)`` is the person-facing message."""

    code: str = BAD_REQUEST

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.hint = hint

    @property
    def http_status(self) -> int:
        return HTTP_STATUS.get(self.code, 400)

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message


class MalformedError(WireError):
    """Bytes or JSON that do not have the documented shape (truncated, bad magic, missing field)."""

    code = BAD_ENVELOPE


class UnsupportedVersion(MalformedError):
    code = UNSUPPORTED_VERSION


class UnknownSuite(MalformedError):
    code = UNKNOWN_SUITE


class SignatureError(WireError):
    """An Ed25519 signature does not verify (tampering, or the wrong key)."""

    code = BAD_SIGNATURE


class DecryptError(WireError):
    """HPKE opening failed: tampered ciphertext or header, or sealed to another key."""

    code = DECRYPT_FAILED


class RequestRefused(WireError):
    """The request's authentication is refused (device, clock, nonce, size, headers)."""

    code = BAD_HEADERS


class EnrollmentError(WireError):
    """An enrollment token or QR payload is unusable (unknown, used, expired, malformed)."""

    code = BAD_ENROLLMENT


class RecordRejected(WireError):
    """One record is refused (conflict, invalid); the rest of its batch still goes through."""

    code = INVALID_RECORD


_CLASS_FOR_CODE: dict[str, type[WireError]] = {
    UNKNOWN_DEVICE: RequestRefused,
    REVOKED_DEVICE: RequestRefused,
    DEVICE_MISMATCH: RequestRefused,
    STALE_TIMESTAMP: RequestRefused,
    REPLAYED_NONCE: RequestRefused,
    BODY_TOO_LARGE: RequestRefused,
    BAD_HEADERS: RequestRefused,
    BODY_MISMATCH: RequestRefused,
    BAD_SIGNATURE: SignatureError,
    BAD_ITEM_SIGNATURE: SignatureError,
    BAD_ENVELOPE: MalformedError,
    MALFORMED_JSON: MalformedError,
    BAD_ITEM: MalformedError,
    BAD_ACK: MalformedError,
    BAD_CHECKPOINT: MalformedError,
    AUDIT_DIVERGED: RequestRefused,
    UNSUPPORTED_VERSION: UnsupportedVersion,
    UNKNOWN_SUITE: UnknownSuite,
    DECRYPT_FAILED: DecryptError,
    BAD_ENROLLMENT: EnrollmentError,
    TOKEN_UNKNOWN: EnrollmentError,
    TOKEN_USED: EnrollmentError,
    TOKEN_EXPIRED: EnrollmentError,
    FINGERPRINT_MISMATCH: EnrollmentError,
    CONFLICT: RecordRejected,
    INVALID_RECORD: RecordRejected,
    NOT_PERMITTED: RecordRejected,
    UNKNOWN_SERVICE_POINT: RecordRejected,
    STAFF_EXISTS: RecordRejected,
}


def error_body(err: WireError, *, server_time: float | None = None) -> dict[str, Any]:
    """The JSON body the gateway answers a refusal with."""
    body: dict[str, Any] = {"error": {"code": err.code, "message": err.message}}
    if err.hint:
        body["error"]["hint"] = err.hint
    if server_time is not None:
        body["server_time"] = server_time
    return body


def error_from_body(status: int, body: Any) -> WireError:
    """Rebuild the gateway's refusal from an HTTP error answer (any body shape)."""
    detail = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(detail, Mapping) or not isinstance(detail.get("code"), str):
        return WireError(f"the gateway answered HTTP {status} without a protocol error body",
                         code=SERVER_ERROR if status >= 500 else BAD_REQUEST)
    code: str = detail["code"]
    raw_message = detail.get("message")
    message = raw_message if isinstance(raw_message, str) else code
    hint = detail.get("hint") if isinstance(detail.get("hint"), str) else None
    return _CLASS_FOR_CODE.get(code, WireError)(message, code=code, hint=hint)
