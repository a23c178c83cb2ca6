"""Signed acknowledgements, items, enrollment payloads, keys and error round trips."""

from __future__ import annotations

import pytest

from sync import wire
from sync.wire import kinds


@pytest.fixture(scope="module")
def platform() -> wire.KeyPair:
    return wire.KeyPair.generate()


def _ack(platform: wire.KeyPair) -> dict:
    return wire.make_ack(platform.sign, device_id="d1", batch_id="b1", accepted=["r1", "r2"],
                         rejected=[wire.Rejection("r3", "conflict", "reused id")],
                         server_time=100.0)


def test_ack_verifies_and_binds_batch(platform):
    ack = wire.verify_ack(wire.canonical_json(_ack(platform)), platform.public.sign,
                          device_id="d1", batch_id="b1")
    assert ack.accepted == ["r1", "r2"]
    assert ack.rejected == [wire.Rejection("r3", "conflict", "reused id")]
    with pytest.raises(wire.MalformedError, match="another batch"):
        wire.verify_ack(_ack(platform), platform.public.sign, batch_id="b2")


def test_ack_tampered_or_wrong_key_refused(platform):
    forged = dict(_ack(platform), accepted=["r1", "r2", "r3"], rejected=[])
    with pytest.raises(wire.SignatureError):
        wire.verify_ack(forged, platform.public.sign)
    with pytest.raises(wire.SignatureError):
        wire.verify_ack(_ack(platform), wire.KeyPair.generate().public.sign)
    with pytest.raises(wire.MalformedError) as err:
        wire.verify_ack(b"{truncated", platform.public.sign)
    assert err.value.code == "bad_ack"


def _item(signer: wire.KeyPair) -> dict:
    return wire.make_item(signer.sign, item_id="7", kind=kinds.REGISTRATION_RECORDED,
                          subject="410425001001GB00001F00010001",
                          issued_at="2026-11-28T04:00:00Z",
                          data={"certificate_no": "豫(2026)郏县不动产权第0000001号",
                                "e_cert_token": "tok"})


def test_item_reverifies_from_storage(platform):
    stored = wire.canonical_json(_item(platform))
    item = wire.verify_item(wire.parse_json(stored, what="stored item"), platform.public.sign)
    assert item.data["certificate_no"].endswith("第0000001号")
    assert wire.verify_item(item.to_dict(), platform.public.sign) == item


def test_approval_signed_by_wrong_key_refused(platform):
    with pytest.raises(wire.SignatureError) as err:
        wire.verify_item(_item(wire.KeyPair.generate()), platform.public.sign)
    assert err.value.code == "bad_item_signature"


@pytest.mark.parametrize("change", [{"subject": "other"}, {"data": {"certificate_no": "x"}},
                                    {"kind": kinds.CONTRACT_FILED}])
def test_item_field_changed_refused(platform, change):
    with pytest.raises(wire.SignatureError):
        wire.verify_item(dict(_item(platform), **change), platform.public.sign)


@pytest.mark.parametrize("broken", [None, [], {"item_id": 1}, {"sig": "!!"}])
def test_malformed_item_refused(platform, broken):
    item = broken if not isinstance(broken, dict) else dict(_item(platform), **broken)
    with pytest.raises(wire.MalformedError) as err:
        wire.verify_item(item, platform.public.sign)
    assert err.value.code == "bad_item"


def test_keys_serialise_and_fingerprint(platform):
    pub = wire.PublicKeys.from_dict(platform.public.to_dict())
    assert pub.fingerprint() == platform.public.fingerprint()
    assert len(pub.fingerprint()) == 64 and len(pub.short_fingerprint()) == 19
    again = wire.KeyPair.from_private_dict(platform.to_private_dict())
    assert again.public.fingerprint() == platform.public.fingerprint()
    with pytest.raises(wire.MalformedError):
        wire.PublicKeys.from_dict({"sign": "AAAA", "kem": "AAAA"})
    with pytest.raises(wire.EnrollmentError) as err:
        pub.check_fingerprint(wire.KeyPair.generate().public.fingerprint())
    assert err.value.code == "fingerprint_mismatch"


def test_enrollment_offer_round_trip_and_garbage():
    offer = wire.EnrollmentOffer("http://127.0.0.1:8080", "t" * 32, "0" * 64, "郏县政务服务中心")
    assert wire.EnrollmentOffer.parse(offer.to_qr_text()) == offer
    for text in ("", "{}", "hello", '{"jx":"enroll","v":1,"url":"ftp://x","token":"' + "t" * 32
                 + '","fp":"' + "0" * 64 + '","sp":"a"}'):
        with pytest.raises(wire.EnrollmentError) as err:
            wire.EnrollmentOffer.parse(text)
        assert err.value.code == "bad_enrollment"


def test_enroll_request_proof(platform):
    device = wire.KeyPair.generate()
    body = wire.enroll_request("t" * 32, device, label="kiosk 1")
    req = wire.verify_enroll_request(body)
    assert req.keys.fingerprint() == device.public.fingerprint() and req.label == "kiosk 1"
    stolen = dict(body, keys=wire.KeyPair.generate().public.to_dict())
    with pytest.raises(wire.SignatureError):
        wire.verify_enroll_request(stolen)
    answer = wire.enroll_response(device_id="d1", service_point="sp", platform=platform.public,
                                  server_time=1.0)
    got = wire.parse_enroll_response(answer, expected_fingerprint=platform.public.fingerprint())
    assert got.device_id == "d1"
    with pytest.raises(wire.EnrollmentError):
        wire.parse_enroll_response(answer, expected_fingerprint="f" * 64)


def test_records_validation_and_digest():
    rec = wire.make_record(record_id="r1", seq=1, kind=kinds.PAYMENT_ORDER, subject="o1",
                           training=False, created_at="2026-11-28T04:00:00Z",
                           payload={"items": []})
    assert wire.record_digest(rec) == wire.record_digest(dict(rec, seq=99))
    assert wire.record_digest(rec) != wire.record_digest(dict(rec, payload={"items": [1]}))
    for bad, field in [({"record_id": "has space"}, "record_id"), ({"training": 1}, "training"),
                       ({"payload": []}, "payload"), ({"kind": "Bad Kind"}, "kind"),
                       ({"extra": 1}, "unexpected")]:
        with pytest.raises(wire.RecordRejected, match=field) as err:
            wire.validate_record(dict(rec, **bad))
        assert err.value.code == "invalid_record"


def test_error_body_round_trip_keeps_class_and_code():
    err = wire.RequestRefused("too old", code="stale_timestamp", hint="fix clock")
    body = wire.error_body(err, server_time=5.0)
    again = wire.error_from_body(err.http_status, body)
    assert type(again) is wire.RequestRefused and again.code == "stale_timestamp"
    assert again.hint == "fix clock" and err.http_status == 401
    assert wire.error_from_body(502, "<html>").code == "server_error"
    assert len(wire.CODES) == len(set(wire.CODES))
