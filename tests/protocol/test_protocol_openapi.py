"""Schemathesis against a real gateway on 127.0.0.1: every request the OpenAPI document allows is
accepted (200), no answer is a server error, and every answer matches what the document declares.

What no schema can make valid is supplied by hooks, as a real kiosk would: every signed request is
signed with an enrolled test device over the exact bytes sent; an envelope body comes from a
registered strategy for its media type (generated records sealed to the platform key, the audit head
growing); an enrollment gets a fresh one-time token, a new key pair and its proof. Everything else
(cursors, labels, extra fields, health reports, record contents) is what Schemathesis generates.
Fixed seed and bounded examples keep it reproducible and within seconds.

The requests run against the gateway on each engine (``@ENGINES``): what one engine stores, the
other may refuse (on PostgreSQL this suite found a NUL character in a record's subject answered with
a 500 for the whole batch, where SQLite stored it). The checks of the document itself need no gateway.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_headers_conformance, response_schema_conformance,
    status_code_conformance,
)

from county.app import create_app
from gateway_harness import ENGINES, Device, GatewayProcess, enroll, issue_token
from sync import wire
from sync.wire import kinds

EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]
SCHEMA = schemathesis.openapi.from_dict(create_app().openapi())


class Kiosk:
    """The test device the hooks sign with; set once the gateway runs."""

    device: Device | None = None
    audit = itertools.count(1)


def _records() -> st.SearchStrategy[list[dict[str, Any]]]:
    scalar = st.one_of(st.none(), st.booleans(), st.integers(-(2 ** 53), 2 ** 53), st.text(max_size=12),
                       st.floats(allow_nan=False, allow_infinity=False))
    record = st.builds(
        lambda rid, seq, kind, subject, training, payload: {
            "record_id": rid, "seq": seq, "kind": kind, "subject": subject, "training": training,
            "created_at": "2026-11-30T08:00:00Z", "payload": payload},
        st.from_regex(r"[A-Za-z0-9._:-]{1,40}", fullmatch=True), st.integers(0, 2 ** 31),
        st.sampled_from([kinds.HANDOVER_READY, kinds.ACCEPTANCE_RECORDED, kinds.VIOLATION_RECORDED]),
        st.text(max_size=40), st.booleans(), st.dictionaries(st.text(max_size=8), scalar, max_size=4))
    return st.lists(record, max_size=4, unique_by=lambda r: r["record_id"])


def _seal(records: list[dict[str, Any]]) -> bytes:
    device = Kiosk.device
    assert device is not None
    n = next(Kiosk.audit)
    # The audit head only grows, as on a real kiosk (a gateway refuses one that goes back).
    return wire.seal_batch(records, device_id=device.device_id, batch_id=f"fuzz-{n}",
                           audit_head={"seq": n, "hash": f"{n:064x}"}, signer=device.keys.sign,
                           recipient=device.platform.kem)


schemathesis.openapi.media_type(kinds.ENVELOPE_MEDIA_TYPE, _records().map(_seal))


@pytest.fixture(scope="module")
def gateway(new_db: Callable[[], str | Path]) -> Iterator[GatewayProcess]:
    with GatewayProcess(new_db()) as gw:
        Kiosk.device = enroll(gw.url, issue_token(gw.db, gw.url, "sp-fuzz"), fingerprint=gw.fingerprint)
        yield gw
    Kiosk.device = None


def _body_bytes(case: schemathesis.Case) -> bytes:
    if case.media_type == kinds.ENVELOPE_MEDIA_TYPE:
        assert isinstance(case.body, bytes)
        return case.body
    return json.dumps(case.body).encode("utf-8")


def _send(session: requests.Session, gw: GatewayProcess, case: schemathesis.Case) -> requests.Response:
    """Send ``case`` as a kiosk would: signed over the exact target and body it carries."""
    device = Kiosk.device
    assert device is not None
    method = case.method.upper()
    if case.path == kinds.PATH_ENROLL:
        keys = wire.KeyPair.generate()
        body = dict(case.body)
        token = issue_token(gw.db, gw.url, "sp-fuzz")
        signed = wire.enroll_request(token, keys, label=body.get("label", ""))
        body.update(token=token, keys=signed["keys"], proof=signed["proof"])
        case.body = body
        return session.post(gw.url + case.path, data=json.dumps(body).encode("utf-8"),
                            headers={"Content-Type": "application/json"}, timeout=30)
    target = case.path + (f"?{urlencode(case.query)}" if case.query else "")
    data = _body_bytes(case) if method != "GET" else b""
    headers = wire.sign_request(device.keys.sign, device_id=device.device_id, method=method, target=target,
                                body=data)
    case.headers = {**(case.headers or {}), **headers}
    if case.media_type:
        headers["Content-Type"] = case.media_type
    return session.request(method, gw.url + target, data=data or None, headers=headers, timeout=30)


@ENGINES
@pytest.mark.parametrize("path, method", [(kinds.PATH_ENROLL, "POST"), (kinds.PATH_BATCHES, "POST"),
                                          (kinds.PATH_CHANGES, "GET"), (kinds.PATH_HEALTH, "POST")])
def test_every_schema_valid_request_is_accepted_and_answered_as_declared(gateway, path, method):
    operation = SCHEMA[path][method]
    session = requests.Session()
    seen: list[int] = []

    @seed(20261130)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        resp = _send(session, gateway, case)
        case.validate_response(resp, checks=CHECKS)
        assert resp.status_code == 200, f"{method} {path} refused a schema-valid request: {resp.text}"
        seen.append(resp.status_code)

    run()
    assert len(seen) >= EXAMPLES // 2


DOC = create_app().openapi()


def _param(path: str, method: str, name: str) -> dict[str, Any]:
    params: list[dict[str, Any]] = DOC["paths"][path][method]["parameters"]
    return next(p["schema"] for p in params if p["name"] == name)


def _enroll_field(*names: str) -> dict[str, Any]:
    schema = DOC["paths"][kinds.PATH_ENROLL]["post"]["requestBody"]["content"]["application/json"]["schema"]
    for name in names:
        schema = schema["properties"][name]
    return schema


@pytest.mark.parametrize("schema, value", [
    *[(_param(kinds.PATH_BATCHES, "post", h), "") for h in (
        kinds.H_DEVICE, kinds.H_TIMESTAMP, kinds.H_NONCE, kinds.H_BODY_SHA256, kinds.H_SIGNATURE)],
    (_param(kinds.PATH_CHANGES, "get", kinds.H_SIGNATURE), "AAAA"),
    (_param(kinds.PATH_CHANGES, "get", kinds.H_SIGNATURE), "!" * 86),
    (_param(kinds.PATH_CHANGES, "get", "cursor"), "abc"),
    (_param(kinds.PATH_CHANGES, "get", "cursor"), "1" * 19),
    (_enroll_field("token"), ""), (_enroll_field("proof"), ""), (_enroll_field("keys", "sign"), ""),
    (_enroll_field("keys", "kem"), "A" * 42), (_enroll_field("label"), "kiosk\x001"),
], ids=lambda v: v if isinstance(v, str) and v else "x")
def test_values_the_server_refuses_are_outside_the_document(schema, value):
    """The kinds of request an earlier document allowed and the server refused: empty signing headers,
    empty enrollment fields, an arbitrary cursor."""
    assert re.search(schema["pattern"], value) is None


def test_server_refuses_what_the_patterns_exclude_and_takes_what_they_allow():
    device = wire.KeyPair.generate()
    headers = wire.sign_request(device.sign, device_id="d-1", method="GET", target="/v1/changes", now=1)
    for name, value in headers.items():
        assert re.search(_param(kinds.PATH_CHANGES, "get", name)["pattern"], value), name
    with pytest.raises(wire.RequestRefused, match="base64url"):
        wire.parse_request_headers(dict(headers, **{kinds.H_SIGNATURE: headers[kinds.H_SIGNATURE][:-2] + "!!"}))


def test_envelope_media_type_is_declared_with_its_magic():
    body = DOC["paths"][kinds.PATH_BATCHES]["post"]["requestBody"]["content"]
    assert list(body) == [kinds.ENVELOPE_MEDIA_TYPE]
    schema = body[kinds.ENVELOPE_MEDIA_TYPE]["schema"]
    assert bytes.fromhex(schema["x-magic"]) == wire.envelope.MAGIC + bytes([wire.envelope.LAYOUT_VERSION])
    assert DOC["info"]["version"] == "2"


def test_documented_error_codes_cover_every_code_the_gateway_answers():
    described = " ".join(r.get("description", "") for op in DOC["paths"].values() for o in op.values()
                         for r in o["responses"].values())
    # Codes only a kiosk raises (about what the gateway sent it), or carried inside an ack.
    kiosk_side = wire.errors.RECORD_CODES | {"not_found", "bad_item", "bad_item_signature", "bad_ack",
                                             "fingerprint_mismatch"}
    assert [code for code in sorted(wire.CODES - kiosk_side) if code not in described] == []
