"""Request signing: headers, clock window with an injected clock, tampering."""

from __future__ import annotations

import pytest

from sync import wire
from sync.wire import kinds


@pytest.fixture(scope="module")
def device() -> wire.KeyPair:
    return wire.KeyPair.generate()


def _headers(device: wire.KeyPair, body: bytes = b'{"a":1}', now: float = 1_000_000.0) -> dict:
    return wire.sign_request(device.sign, device_id="dev-1", method="post",
                             target="/v1/batches", body=body, now=now)


def test_signed_request_verifies(device):
    auth = wire.verify_request(_headers(device), method="POST", target="/v1/batches",
                               body=b'{"a":1}', device=device.public.sign,
                               clock=lambda: 1_000_000.0)
    assert auth.device_id == "dev-1" and len(auth.nonce) == 22


def test_fresh_nonce_each_time(device):
    assert _headers(device)[kinds.H_NONCE] != _headers(device)[kinds.H_NONCE]


@pytest.mark.parametrize("skew, ok", [(299, True), (-299, True), (301, False), (-301, False)])
def test_clock_window(device, skew, ok):
    headers = _headers(device, now=1_000_000.0 + skew)
    call = lambda: wire.verify_request(headers, method="POST", target="/v1/batches",  # noqa: E731
                                       body=b'{"a":1}', device=device.public.sign,
                                       clock=lambda: 1_000_000.0)
    if ok:
        call()
    else:
        with pytest.raises(wire.RequestRefused) as err:
            call()
        assert err.value.code == "stale_timestamp" and "gateway clock" in str(err.value)


@pytest.mark.parametrize("method, target", [("GET", "/v1/batches"), ("POST", "/v1/health"),
                                            ("POST", "/v1/batches?x=1")])
def test_signature_binds_method_and_target(device, method, target):
    with pytest.raises(wire.SignatureError):
        wire.verify_request(_headers(device), method=method, target=target, body=b'{"a":1}',
                            device=device.public.sign, clock=lambda: 1_000_000.0)


def test_other_key_and_altered_body(device):
    with pytest.raises(wire.SignatureError):
        wire.verify_request(_headers(device), method="POST", target="/v1/batches",
                            body=b'{"a":1}', device=wire.KeyPair.generate().public.sign,
                            clock=lambda: 1_000_000.0)
    with pytest.raises(wire.RequestRefused) as err:
        wire.verify_request(_headers(device), method="POST", target="/v1/batches",
                            body=b'{"a":2}', device=device.public.sign, clock=lambda: 1_000_000.0)
    assert err.value.code == "body_mismatch"


@pytest.mark.parametrize("name, value", [(kinds.H_DEVICE, ""), (kinds.H_TIMESTAMP, "-5"),
                                         (kinds.H_TIMESTAMP, "1e9"), (kinds.H_NONCE, "short"),
                                         (kinds.H_BODY_SHA256, "xyz"),
                                         (kinds.H_SIGNATURE, "AAAA")])
def test_malformed_headers(device, name, value):
    headers = dict(_headers(device), **{name: value})
    with pytest.raises(wire.WireError) as err:
        wire.parse_request_headers(headers)
    assert err.value.code == "bad_headers"


@pytest.mark.parametrize("name", [kinds.H_DEVICE, kinds.H_TIMESTAMP, kinds.H_NONCE, kinds.H_BODY_SHA256,
                                  kinds.H_SIGNATURE])
def test_missing_and_empty_headers_are_told_apart(device, name):
    without = {k: v for k, v in _headers(device).items() if k != name}
    with pytest.raises(wire.RequestRefused, match=f"lacks the {name} header"):
        wire.parse_request_headers(without)
    for empty in ("", "  "):
        with pytest.raises(wire.RequestRefused, match=f"has an empty {name} header") as err:
            wire.parse_request_headers(dict(_headers(device), **{name: empty}))
        assert err.value.code == "bad_headers"


def test_header_names_case_insensitive(device):
    lowered = {k.lower(): v for k, v in _headers(device).items()}
    assert wire.parse_request_headers(lowered).device_id == "dev-1"
