"""Enrolling from the touchscreen: read the code, ask the gateway, pin only what the technician confirmed.

Three steps, so nothing is pinned that a person has not compared (design.md section 4, item 7):

1. ``read_code`` (a scanned enrollment QR) or ``typed_code`` (gateway address and token typed on
   screen) gives an ``EnrollmentCode``; a QR also carries the platform key fingerprint.
2. ``Kiosk.request_enrollment`` presents the token through the ``Enroller`` the composition root
   handed to ``open_kiosk`` (the core does not speak HTTP: ``sync.enroll.GatewayEnroller``). A
   gateway answering with keys other than the QR's fingerprint is refused there. The answer is a
   ``PendingEnrollment``: nothing is stored yet.
3. ``Kiosk.confirm_enrollment`` stores it once the technician confirmed the fingerprint shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.config import Config
from kiosk.errors import ConfigError, ValidationError
from kiosk.identity import Enrollment
from sync.wire.enrollment import TOKEN, EnrollmentOffer
from sync.wire.errors import EnrollmentError


@dataclass(frozen=True)
class EnrollmentCode:
    """Where to enroll and with which one-time token; ``fingerprint`` only when a QR gave it."""

    url: str
    token: str
    fingerprint: str | None
    service_point: str | None

    @property
    def scanned(self) -> bool:
        return self.fingerprint is not None


@dataclass(frozen=True)
class PendingEnrollment:
    """The gateway's answer, checked, waiting for the technician to confirm its fingerprint."""

    record: Enrollment
    pinned_from: str  # "qr": checked against the scanned code; "first use": the technician compares it

    @property
    def fingerprint(self) -> str:
        return self.record.fingerprint


class Enroller(Protocol):
    """Presents ``code`` to its gateway and returns the checked answer without storing it.

    Raises the sync errors (``KioskError`` subclasses): ``EnrollmentRefused`` with the gateway's
    code (``token_used``, ``token_expired``, ``token_unknown``), ``FingerprintMismatch``,
    ``NetworkError`` when the gateway cannot be reached, ``BadResponse``.
    """

    def __call__(self, config: Config, code: EnrollmentCode, *, force: bool = False) -> Enrollment: ...


class AlreadyEnrolled(ConfigError):
    code = "already_enrolled"


class NoGateway(ConfigError):
    code = "no_gateway"


def read_code(text: str) -> EnrollmentCode:
    """A scanned code's text; ``ValidationError(bad_enrollment)`` when it is no enrollment code."""
    try:
        offer = EnrollmentOffer.parse(text)
    except EnrollmentError as exc:
        raise ValidationError(f"the scanned code cannot be used: {exc.message}", field="code", code=exc.code,
                              hint="scan the enrollment QR the county platform issued for this service point"
                              ) from None
    return EnrollmentCode(offer.url, offer.token, offer.fingerprint, offer.service_point)


def typed_code(url: str, token: str) -> EnrollmentCode:
    """A gateway address and token typed on screen; ``ValidationError`` naming the field that is wrong."""
    url, token = url.strip(), token.strip()
    if not url.startswith(("http://", "https://")) or len(url) <= len("https://"):
        raise ValidationError("the gateway address must start with http:// or https://", field="url",
                              hint="type it as the county platform gave it, e.g. https://gateway.example:8443")
    if not TOKEN.fullmatch(token):
        raise ValidationError("the enrollment token is 16 to 128 letters, digits, - or _", field="token",
                              hint="type the token exactly as 'county-gateway token' printed it")
    return EnrollmentCode(url.rstrip("/"), token, None, None)
