"""Enrollment: the QR offer, the request and the answer.

QR text (compact JSON, UTF-8)::

    {"jx":"enroll","v":1,"url":GATEWAY_URL,"token":TOKEN,"fp":PLATFORM_FINGERPRINT,"sp":SERVICE_POINT}

``fp`` is the full 64-hex fingerprint of the platform keys; the device checks
the keys it receives against it before storing anything.

``POST /v1/enroll`` (unsigned: the device has no id yet) body::

    {"token", "keys": {"sign", "kem"}, "label", "proof"}

``proof`` is the new device key's Ed25519 signature (domain ``JX-ENROLL-1``)
over the canonical JSON of ``{"token", "keys", "label"}``: possession of the
private key. Answer (200)::

    {"device_id", "service_point", "platform": {"sign", "kem"}, "fingerprint", "server_time"}

A token is single-use and expires (default 24 h): token_unknown (404),
token_used (410), token_expired (410).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sync.wire.encoding import b64d, b64e, canonical_json, parse_json, sign, verify
from sync.wire.errors import BAD_ENROLLMENT, BAD_SIGNATURE, EnrollmentError, MalformedError
from sync.wire.keys import KeyPair, PublicKeys

DOMAIN = b"JX-ENROLL-1"
_FP = re.compile(r"[0-9a-f]{64}")
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
MAX_LABEL = 128


@dataclass(frozen=True)
class EnrollmentOffer:
    """What the enrollment QR carries."""

    url: str
    token: str
    fingerprint: str
    service_point: str

    def to_qr_text(self) -> str:
        return canonical_json({"jx": "enroll", "v": 1, "url": self.url, "token": self.token,
                               "fp": self.fingerprint, "sp": self.service_point}).decode("utf-8")

    @classmethod
    def parse(cls, text: str | bytes) -> EnrollmentOffer:
        """Read a scanned QR text or raise ``EnrollmentError(bad_enrollment)``."""
        try:
            obj = parse_json(text, what="the enrollment code", code=BAD_ENROLLMENT)
        except MalformedError as exc:
            raise EnrollmentError(exc.message, code=BAD_ENROLLMENT,
                                  hint="scan the enrollment QR printed by county-gateway token"
                                  ) from None
        if not isinstance(obj, dict) or obj.get("jx") != "enroll" or obj.get("v") != 1:
            raise EnrollmentError("this QR code is not a kiosk enrollment code",
                                  code=BAD_ENROLLMENT)
        url, token, fp, sp = (obj.get(k) for k in ("url", "token", "fp", "sp"))
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise EnrollmentError("the enrollment code's gateway URL is missing or not http(s)",
                                  code=BAD_ENROLLMENT)
        if not isinstance(token, str) or not TOKEN.fullmatch(token):
            raise EnrollmentError("the enrollment code's token is malformed", code=BAD_ENROLLMENT)
        if not isinstance(fp, str) or not _FP.fullmatch(fp):
            raise EnrollmentError("the enrollment code's platform fingerprint is malformed",
                                  code=BAD_ENROLLMENT)
        if not isinstance(sp, str) or not sp:
            raise EnrollmentError("the enrollment code names no service point",
                                  code=BAD_ENROLLMENT)
        return cls(url.rstrip("/"), token, fp, sp)


def enroll_request(token: str, keys: KeyPair, *, label: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"token": token, "keys": keys.public.to_dict(), "label": label}
    body["proof"] = b64e(sign(keys.sign, DOMAIN, canonical_json(body)))
    return body


@dataclass(frozen=True)
class EnrollRequest:
    token: str
    keys: PublicKeys
    label: str


def verify_enroll_request(body: Any) -> EnrollRequest:
    """Check shape and proof of possession; the token's validity is the gateway's business."""
    if not isinstance(body, Mapping):
        raise EnrollmentError("the enrollment request must be a JSON object", code=BAD_ENROLLMENT)
    token, label = body.get("token"), body.get("label", "")
    if not isinstance(token, str) or not TOKEN.fullmatch(token):
        raise EnrollmentError("the enrollment token is missing or malformed", code=BAD_ENROLLMENT)
    # A PostgreSQL gateway's text cannot hold NUL, and no label needs it.
    if not isinstance(label, str) or len(label) > MAX_LABEL or "\x00" in label:
        raise EnrollmentError(f"the device label must be a string of at most {MAX_LABEL} characters, "
                              "without NUL", code=BAD_ENROLLMENT)
    keys = PublicKeys.from_dict(body.get("keys"), code=BAD_ENROLLMENT)
    proof = b64d(body.get("proof"), what="the enrollment proof", length=64, code=BAD_ENROLLMENT)
    unsigned = {"token": token, "keys": body.get("keys"), "label": label}
    verify(keys.sign, proof, DOMAIN, canonical_json(unsigned), what="the enrollment request",
           code=BAD_SIGNATURE)
    return EnrollRequest(token, keys, label)


@dataclass(frozen=True)
class Enrollment:
    """The gateway's answer, platform keys checked against the pinned fingerprint if any."""

    device_id: str
    service_point: str
    platform: PublicKeys
    server_time: float


def enroll_response(*, device_id: str, service_point: str, platform: PublicKeys,
                    server_time: float) -> dict[str, Any]:
    return {"device_id": device_id, "service_point": service_point,
            "platform": platform.to_dict(), "fingerprint": platform.fingerprint(),
            "server_time": server_time}


def parse_enroll_response(body: Any, *, expected_fingerprint: str | None) -> Enrollment:
    if not isinstance(body, Mapping) or not isinstance(body.get("device_id"), str) \
            or not isinstance(body.get("service_point"), str) \
            or not isinstance(body.get("server_time"), int | float):
        raise EnrollmentError("the gateway's enrollment answer is malformed", code=BAD_ENROLLMENT)
    platform = PublicKeys.from_dict(body.get("platform"), code=BAD_ENROLLMENT)
    if expected_fingerprint is not None:
        platform.check_fingerprint(expected_fingerprint)
    return Enrollment(body["device_id"], body["service_point"], platform,
                      float(body["server_time"]))
