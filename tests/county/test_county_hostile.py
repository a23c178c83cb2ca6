"""Hostile input over real HTTP: each refused with its code and nothing stored."""

from __future__ import annotations

import json
import socket
import time
from typing import Any

import pytest
import requests
from gateway_harness import ENGINES, SignedClient, record

from sync import wire
from sync.wire import kinds
from sync.wire.encoding import canonical_json

pytestmark = ENGINES

MAX_BODY = 256 * 1024  # the module gateway's --max-body (tests/county/conftest.py)


def stored_records(admin) -> int:
    return admin.status()["records"]


def _refused(resp: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"] and isinstance(body["server_time"], float)
    assert kinds.H_SERVER_TIME.lower() in {k.lower() for k in resp.headers}
    return body


def _envelope(client: SignedClient, batch_id: str = "b-1") -> bytes:
    return client.seal([record(f"{batch_id}-r1"), record(f"{batch_id}-r2", seq=2)], batch_id)


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x40]) + data[at + 1:]


def test_valid_batch_is_accepted(client, admin):
    before = stored_records(admin)
    ack = client.ack(_envelope(client, "ok"), "ok")
    assert ack.accepted == ["ok-r1", "ok-r2"] and ack.rejected == []
    assert stored_records(admin) == before + 2


def test_tampered_ciphertext(client, admin):
    env = _envelope(client)
    header_len = len(wire.parse_envelope(env).header_bytes)
    before = stored_records(admin)
    _refused(client.post_batch(_flip(env, 13 + header_len + 50)), 401, "bad_signature")
    assert stored_records(admin) == before


def test_tampered_header_resigned_fails_decryption(client, admin):
    parsed = wire.parse_envelope(_envelope(client))
    forged = wire.pack(canonical_json(dict(parsed.header, count=2, batch_id="other")),
                       parsed.ciphertext, client.device.keys.sign)
    before = stored_records(admin)
    _refused(client.post_batch(forged), 400, "decrypt_failed")
    assert stored_records(admin) == before


def test_tampered_envelope_signature(client, admin):
    env = _envelope(client)
    before = stored_records(admin)
    _refused(client.post_batch(_flip(env, len(env) - 3)), 401, "bad_signature")
    assert stored_records(admin) == before


def test_envelope_signed_by_another_devices_key(client, new_device, admin):
    other = new_device()
    env = wire.seal_batch([record("x-r1")], device_id=client.device.device_id, batch_id="x",
                          audit_head=None, signer=other.keys.sign,
                          recipient=client.device.platform.kem)
    before = stored_records(admin)
    _refused(client.post_batch(env), 401, "bad_signature")
    assert stored_records(admin) == before


def test_request_signed_by_another_key(client, admin):
    before = stored_records(admin)
    _refused(client.post_batch(_envelope(client), signer=wire.KeyPair.generate().sign),
             401, "bad_signature")
    assert stored_records(admin) == before


def test_batch_naming_another_device(client, new_device, admin):
    other = SignedClient(client.url, new_device())
    env = _envelope(other)
    before = stored_records(admin)
    _refused(client.post_batch(env), 403, "device_mismatch")
    assert stored_records(admin) == before


def test_replayed_request(client, admin):
    env = _envelope(client, "replay")
    headers = client.headers("POST", kinds.PATH_BATCHES, env)
    first = client.send("POST", kinds.PATH_BATCHES, env, headers=headers)
    assert first.status_code == 200
    count = stored_records(admin)
    _refused(client.send("POST", kinds.PATH_BATCHES, env, headers=headers), 409, "replayed_nonce")
    assert stored_records(admin) == count


@pytest.mark.parametrize("skew", [-400, 400])
def test_stale_timestamp(client, admin, skew):
    before = stored_records(admin)
    body = _refused(client.post_batch(_envelope(client), now=time.time() + skew), 401,
                    "stale_timestamp")
    assert abs(body["server_time"] - time.time()) < 60
    assert stored_records(admin) == before


def test_unknown_device(client, admin):
    before = stored_records(admin)
    _refused(client.post_batch(_envelope(client), device_id="d-nobody"), 401, "unknown_device")
    assert stored_records(admin) == before


def test_revoked_device(gateway, new_device, admin):
    victim = SignedClient(gateway.url, new_device())
    gateway.cli("revoke", "--device", victim.device.device_id)
    before = stored_records(admin)
    _refused(victim.post_batch(_envelope(victim, "rev")), 403, "revoked_device")
    _refused(victim.send("GET", kinds.PATH_CHANGES), 403, "revoked_device")
    assert stored_records(admin) == before


def test_unknown_suite(client, admin):
    parsed = wire.parse_envelope(_envelope(client))
    forged = wire.pack(canonical_json(dict(parsed.header, suite=kinds.SUITE_RESERVED_HYBRID)),
                       parsed.ciphertext, client.device.keys.sign)
    before = stored_records(admin)
    body = _refused(client.post_batch(forged), 400, "unknown_suite")
    assert kinds.SUITE_RESERVED_HYBRID in body["error"]["message"]
    assert stored_records(admin) == before


def test_oversize_body_by_content_length(client, admin):
    big = b"\0" * (MAX_BODY + 1)
    before = stored_records(admin)
    _refused(client.post_batch(big), 413, "body_too_large")
    assert stored_records(admin) == before


def test_oversize_body_streamed_without_length(client, admin):
    big = b"\0" * (MAX_BODY + 4096)
    headers = client.headers("POST", kinds.PATH_BATCHES, big)

    def chunks():
        for i in range(0, len(big), 16384):
            yield big[i:i + 16384]

    resp = client.session.post(client.url + kinds.PATH_BATCHES, data=chunks(), headers=headers,
                               timeout=30)
    assert "content-length" not in {k.lower() for k in resp.request.headers}
    before = stored_records(admin)
    _refused(resp, 413, "body_too_large")
    assert stored_records(admin) == before


@pytest.mark.parametrize("cut", [2, 9, 100, -65, -1])
def test_truncated_envelope(client, admin, cut):
    env = _envelope(client, f"cut{cut}")
    before = stored_records(admin)
    _refused(client.post_batch(env[:cut]), 400, "bad_envelope")
    assert stored_records(admin) == before


def test_body_not_matching_signed_hash(client, admin):
    env = _envelope(client)
    headers = client.headers("POST", kinds.PATH_BATCHES, env)
    before = stored_records(admin)
    _refused(client.send("POST", kinds.PATH_BATCHES, env[:-1] + b"x", headers=headers), 400,
             "body_mismatch")
    assert stored_records(admin) == before


@pytest.mark.parametrize("drop", [kinds.H_SIGNATURE, kinds.H_NONCE, kinds.H_DEVICE])
def test_missing_auth_header(client, drop):
    env = _envelope(client)
    headers = {k: v for k, v in client.headers("POST", kinds.PATH_BATCHES, env).items()
               if k != drop}
    _refused(client.send("POST", kinds.PATH_BATCHES, env, headers=headers), 400, "bad_headers")


def test_empty_auth_header_is_named_as_empty(client):
    env = _envelope(client)
    headers = dict(client.headers("POST", kinds.PATH_BATCHES, env), **{kinds.H_DEVICE: ""})
    body = _refused(client.send("POST", kinds.PATH_BATCHES, env, headers=headers), 400, "bad_headers")
    assert body["error"]["message"] == f"the request has an empty {kinds.H_DEVICE} header"


def test_lone_surrogate_in_json_is_refused_not_a_server_error(client, gateway):
    """JSON may escape half a UTF-16 pair; such a string is not Unicode and cannot be stored or signed."""
    body = json.dumps(dict(wire.enroll_request("t" * 32, wire.KeyPair.generate()), label="\ud800")).encode()
    assert b"\\ud800" in body
    resp = requests.post(gateway.url + kinds.PATH_ENROLL, data=body, timeout=10)
    assert "lone UTF-16 surrogate" in _refused(resp, 400, "malformed_json")["error"]["message"]
    _refused(client.send("POST", kinds.PATH_HEALTH, b'{"note": "\\udfff"}'), 400, "malformed_json")
    ok = client.send("POST", kinds.PATH_HEALTH, b'{"note": "\\ud83d\\ude00"}')
    assert ok.status_code == 200, ok.text


def test_malformed_json_health_and_enroll(client, gateway):
    _refused(client.send("POST", kinds.PATH_HEALTH, b'{"cpu": 1,'), 400, "malformed_json")
    resp = requests.post(gateway.url + kinds.PATH_ENROLL, data=b"{nope", timeout=10)
    _refused(resp, 400, "malformed_json")


def test_bad_cursor(client):
    _refused(client.send("GET", kinds.PATH_CHANGES + "?cursor=abc"), 400, "bad_request")


def test_health_is_not_a_record(client, admin):
    before = admin.status()
    resp = client.send("POST", kinds.PATH_HEALTH, b'{"printer": "ok"}')
    assert resp.status_code == 200 and resp.json()["ok"] is True
    assert admin.status() == before


def test_connection_cut_mid_body_applies_nothing(client, admin):
    env = _envelope(client, "cutoff")
    headers = client.headers("POST", kinds.PATH_BATCHES, env)
    before = stored_records(admin)
    port = int(client.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        sock.sendall(f"POST {kinds.PATH_BATCHES} HTTP/1.1\r\nHost: gw\r\nContent-Length: "
                     f"{len(env)}\r\n{head}\r\n".encode() + env[:len(env) // 2])
    time.sleep(0.2)
    assert stored_records(admin) == before
    assert client.ack(env, "cutoff").accepted == ["cutoff-r1", "cutoff-r2"]
