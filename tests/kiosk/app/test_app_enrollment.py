"""The facade's enrollment steps without a screen: what a code must look like, who may pin a key, and
that nothing is pinned without a gateway or over an existing enrollment (the gateway path itself:
tests/ui/technician/test_enroll.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import open_kiosk
from kiosk.app.enrollment import AlreadyEnrolled, NoGateway, PendingEnrollment, read_code, typed_code
from kiosk.config import load_config
from kiosk.errors import AuthError, ValidationError
from kiosk.identity import Enrollment, b64, is_enrolled, load_enrollment
from kiosk.services.staff import Actor
from sync import wire

TECHNICIAN = Actor("T001", "technician")


def pending() -> PendingEnrollment:
    platform = wire.KeyPair.generate().public
    sign_raw, kem_raw = platform.raw()
    return PendingEnrollment(Enrollment(
        device_id="d-1", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.fingerprint(), enrolled_at="2026-11-30T12:00:00+00:00"), "first use")


def test_codes_scanned_and_typed() -> None:
    offer = wire.EnrollmentOffer("https://gw.example/", "t" * 24, "ab" * 32, "JX-SP01")
    code = read_code(offer.to_qr_text())
    assert (code.url, code.token, code.fingerprint, code.service_point, code.scanned) == \
        ("https://gw.example", "t" * 24, "ab" * 32, "JX-SP01", True)
    typed = typed_code("  https://gw.example:8443/ ", " " + "t" * 24)
    assert (typed.url, typed.token, typed.fingerprint, typed.scanned) == ("https://gw.example:8443", "t" * 24,
                                                                          None, False)
    with pytest.raises(ValidationError) as bad:
        read_code('{"jx": "pay", "v": 1}')
    assert bad.value.code == "bad_enrollment"
    for url, token, field in (("gw.example", "t" * 24, "url"), ("https://", "t" * 24, "url"),
                              ("https://gw.example", "short", "token"), ("https://gw.example", "t t" * 8, "token")):
        with pytest.raises(ValidationError) as bad:
            typed_code(url, token)
        assert bad.value.field == field, (url, token)


def test_only_a_technician_pins_and_never_over_an_enrollment(data_dir: Path) -> None:
    config = load_config(data_dir)
    with open_kiosk(config) as kiosk:
        with pytest.raises(NoGateway):
            kiosk.request_enrollment(typed_code("http://127.0.0.1:9", "t" * 24))
        with pytest.raises(AuthError):
            kiosk.confirm_enrollment(Actor("S001", "staff"), pending())
        assert not is_enrolled(config.key_dir) and kiosk.enrollment() is None
        first = pending()
        assert kiosk.confirm_enrollment(TECHNICIAN, first) == first.record
        assert kiosk.enrollment() == first.record
        with pytest.raises(AlreadyEnrolled):
            kiosk.confirm_enrollment(TECHNICIAN, pending())
        with pytest.raises(AlreadyEnrolled):
            kiosk.request_enrollment(typed_code("http://127.0.0.1:9", "t" * 24))
        assert load_enrollment(config.key_dir) == first.record
        assert kiosk.store.conn.execute("SELECT actor, subject FROM audit WHERE action = 'device.enrolled'"
                                        ).fetchall() == [("technician:T001", "d-1")]
