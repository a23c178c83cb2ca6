"""Enrollment: make (or keep) the device keys, present a one-time token, pin the platform.

With an enrollment QR the platform fingerprint comes from the QR and the keys
the gateway answers with must match it, or nothing is stored. With
``--gateway URL --token T`` and no fingerprint the keys are pinned on first
use and their fingerprint is shown so a technician can compare it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kiosk import training
from kiosk.app.enrollment import EnrollmentCode
from kiosk.config import Config
from kiosk.identity import Enrollment, b64, ensure_device_keys, is_enrolled, save_enrollment
from sync import wire
from sync.errors import BadResponse, EnrollmentRefused, FingerprintMismatch
from sync.transport import RequestsTransport, Transport
from sync.wire import errors as codes


@dataclass(frozen=True)
class EnrollTarget:
    url: str
    token: str
    fingerprint: str | None
    service_point: str | None


def target_from_qr_text(text: str) -> EnrollTarget:
    try:
        offer = wire.EnrollmentOffer.parse(text)
    except wire.EnrollmentError as exc:
        raise EnrollmentRefused(f"the scanned code cannot be used: {exc.message}", code=exc.code,
                                hint=exc.hint) from None
    return EnrollTarget(offer.url, offer.token, offer.fingerprint, offer.service_point)


def enroll(config: Config, transport: Transport, target: EnrollTarget, *, label: str = "",
           force: bool = False) -> Enrollment:
    record = request_enrollment(config, transport, target, label=label, force=force)
    save_enrollment(config.key_dir, record)
    return record


def request_enrollment(config: Config, transport: Transport, target: EnrollTarget, *, label: str = "",
                       force: bool = False) -> Enrollment:
    """Present the token and check the gateway's answer; the enrollment to pin, not yet stored.

    The gateway has used the token up by the time this returns: a technician who then declines
    the fingerprint needs a new token.
    """
    training.refuse_sync(config, "enrolls with the county")
    if is_enrolled(config.key_dir) and not force:
        raise EnrollmentRefused(f"this kiosk is already enrolled (see {config.key_dir})",
                                hint="pass --force to enroll it again with a new token")
    keys = ensure_device_keys(config.key_dir)
    pair = wire.KeyPair(keys.sign, keys.kem)
    body = wire.canonical_json(wire.enroll_request(target.token, pair, label=label))
    url = target.url.rstrip("/")
    resp = transport.request("POST", url + wire.kinds.PATH_ENROLL,
                             headers={"Content-Type": "application/json"}, body=body)
    try:
        answer = wire.parse_json(resp.body, what="the gateway's enrollment answer")
    except wire.WireError as exc:
        raise BadResponse(f"enrollment at {url} failed: HTTP {resp.status}, {exc.message}",
                          hint="check the gateway address") from None
    if resp.status != 200:
        err = wire.error_from_body(resp.status, answer)
        hints = {codes.TOKEN_USED: "this token was already used; ask the county platform for a new one",
                 codes.TOKEN_EXPIRED: "this token has expired; ask the county platform for a new one",
                 codes.TOKEN_UNKNOWN: "the gateway does not know this token; check it, or ask for a new one"}
        raise EnrollmentRefused(f"enrollment refused by {url} ({err.code}): {err.message}", code=err.code,
                                hint=hints.get(err.code, err.hint))
    try:
        parsed = wire.parse_enroll_response(answer, expected_fingerprint=target.fingerprint)
    except wire.EnrollmentError as exc:
        if exc.code == codes.FINGERPRINT_MISMATCH:
            raise FingerprintMismatch(f"enrollment refused: {exc.message}", hint=exc.hint) from None
        raise BadResponse(f"enrollment at {url}: {exc.message}") from None
    except wire.WireError as exc:
        raise BadResponse(f"enrollment at {url}: {exc.message}") from None
    if target.service_point and parsed.service_point != target.service_point:
        raise EnrollmentRefused(f"the gateway enrolled this device at service point {parsed.service_point!r}, "
                                f"the code names {target.service_point!r}", hint="use the code issued for "
                                "this service point")
    sign_raw, kem_raw = parsed.platform.raw()
    record = Enrollment(device_id=parsed.device_id, gateway_url=url, service_point=parsed.service_point,
                        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
                        fingerprint=parsed.platform.fingerprint(),
                        enrolled_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    return record


class GatewayEnroller:
    """``kiosk.app.enrollment.Enroller`` over HTTP: the touchscreen's way to the gateway (its own
    connection per request, so a long-running app holds no socket between enrollments)."""

    def __init__(self, transport: Callable[[], Transport] = RequestsTransport) -> None:
        self._transport = transport

    def __call__(self, config: Config, code: EnrollmentCode, *, force: bool = False) -> Enrollment:
        transport = self._transport()
        try:
            return request_enrollment(config, transport, EnrollTarget(code.url, code.token, code.fingerprint,
                                                                      code.service_point), force=force)
        finally:
            transport.close()

