"""Enrollment over real HTTP: one-time tokens that expire, proof of key possession, pinning."""

from __future__ import annotations

import re
import time

import pytest
import requests
from gateway_harness import ENGINES, enroll, issue_token

from sync import wire
from sync.wire import kinds

pytestmark = ENGINES


def test_enroll_gives_device_id_and_pinned_platform_keys(gateway):
    token = issue_token(gateway.db, gateway.url, "郏县政务服务中心")
    device = enroll(gateway.url, token, fingerprint=gateway.fingerprint)
    assert device.device_id.startswith("d-")
    assert device.service_point == "郏县政务服务中心"
    assert device.platform.fingerprint() == gateway.fingerprint


def test_used_token_refused(gateway):
    token = issue_token(gateway.db, gateway.url)
    enroll(gateway.url, token)
    with pytest.raises(wire.EnrollmentError) as err:
        enroll(gateway.url, token)
    assert err.value.code == "token_used" and "already used" in str(err.value)


def test_retry_by_the_same_device_gets_the_same_answer(gateway):
    token, keys = issue_token(gateway.db, gateway.url), wire.KeyPair.generate()
    first = enroll(gateway.url, token, keys=keys)
    assert enroll(gateway.url, token, keys=keys).device_id == first.device_id


def test_expired_token_refused(gateway):
    token = issue_token(gateway.db, gateway.url, ttl_hours=24, at=time.time() - 25 * 3600)
    with pytest.raises(wire.EnrollmentError) as err:
        enroll(gateway.url, token)
    assert err.value.code == "token_expired"


def test_unknown_token_refused(gateway):
    with pytest.raises(wire.EnrollmentError) as err:
        enroll(gateway.url, "x" * 32)
    assert err.value.code == "token_unknown"


def test_proof_must_match_the_keys(gateway):
    token = issue_token(gateway.db, gateway.url)
    body = wire.enroll_request(token, wire.KeyPair.generate())
    body["keys"] = wire.KeyPair.generate().public.to_dict()
    resp = requests.post(gateway.url + kinds.PATH_ENROLL, json=body, timeout=10)
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "bad_signature"
    assert enroll(gateway.url, token).device_id  # the token was not spent


def test_a_label_with_a_nul_character_is_refused(gateway):
    """PostgreSQL's text cannot hold NUL: refused as a malformed request on either engine, not a 500."""
    token = issue_token(gateway.db, gateway.url)
    body = wire.enroll_request(token, wire.KeyPair.generate(), label="kiosk\x001")
    resp = requests.post(gateway.url + kinds.PATH_ENROLL, json=body, timeout=10)
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "bad_enrollment"
    assert "NUL" in resp.json()["error"]["message"]
    assert enroll(gateway.url, token).device_id  # the token was not spent


def test_wrong_fingerprint_is_refused_by_the_device(gateway):
    token = issue_token(gateway.db, gateway.url)
    with pytest.raises(wire.EnrollmentError) as err:
        enroll(gateway.url, token, fingerprint="0" * 64)
    assert err.value.code == "fingerprint_mismatch"


@pytest.mark.parametrize("body", [b"[]", b'{"token": 5}', b'{"token": "' + b"t" * 32 + b'"}'])
def test_malformed_enroll_requests(gateway, body):
    resp = requests.post(gateway.url + kinds.PATH_ENROLL, data=body, timeout=10)
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] in {"bad_enrollment", "bad_request"}


def test_tokens_can_be_typed_on_a_command_line(gateway):
    # A base64 token starts with "-" once in 64 and then reads as an option to `kiosk enroll --token`.
    tokens = [issue_token(gateway.db, gateway.url) for _ in range(200)]
    assert len(set(tokens)) == 200
    assert not [t for t in tokens if not re.fullmatch(r"[0-9a-f]{48}", t)]
