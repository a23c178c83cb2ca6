"""Hostile and broken answers from the real gateway's path: each refused with a clear error,
nothing marked, nothing applied. The gateway's real answers are altered by a transport wrapper.

What is tested is the kiosk's refusal of bytes altered after the gateway sent them, which no storage
engine can change: the gateway runs on SQLite. Hostile input to the gateway itself runs on both
engines (tests/county/test_county_hostile.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.identity import load_identity
from sync import wire
from sync.errors import BadSignature, TrustBroken
from sync.transport import RequestsTransport, Response
from sync_gateway import LiveGateway
from sync_kiosk import fill_outbox, make_agent, open_store
from kiosk.store import sync_state as state
from kiosk.store.outbox import counts as outbox_counts
from kiosk.store.sync_state import feed_state

Tamper = Callable[[str, Response], Response]


class TamperingTransport(RequestsTransport):
    """Real HTTP to the real gateway; the answer to paths containing ``path`` is rewritten."""

    def __init__(self, path: str, tamper: Tamper) -> None:
        super().__init__()
        self.path = path
        self.tamper = tamper

    def request(self, method: str, url: str, *, headers: Mapping[str, str],
                body: bytes | None = None) -> Response:
        resp = super().request(method, url, headers=headers, body=body)
        if self.path in url and resp.status == 200:
            return self.tamper(url, resp)
        return resp


def _with_body(resp: Response, body: bytes) -> Response:
    return Response(resp.status, body, resp.headers)


def _reseal(gateway: LiveGateway, data_dir: Path, *, edit_items: Callable[[list], None] | None = None,
            signer=None, header_edit: Callable[[dict], None] | None = None) -> Tamper:  # noqa: ANN001
    """Open the real page with the device key, change it, seal it again."""
    device = load_identity(load_config(data_dir).key_dir)

    def tamper(url: str, resp: Response) -> Response:
        env = wire.parse_envelope(resp.body)
        page = env.decrypt(device.keys.kem)
        if edit_items:
            edit_items(page["items"])
        keys = gateway.gateway.keys
        header = dict(env.header)
        if header_edit:
            header_edit(header)
        body = wire.seal(header, page, recipient=device.keys.kem.public_key(), signer=signer or keys.sign)
        return _with_body(resp, body)
    return tamper


def _cycle(data_dir: Path, store, transport) -> tuple[object | None, object]:  # noqa: ANN001
    agent = make_agent(data_dir, store, transport=transport)
    try:
        return None, agent.cycle()
    except TrustBroken as exc:
        return exc, None


def test_tampered_ack_stops_sync_and_marks_nothing(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    fill_outbox(store, 4)

    def tamper(url: str, resp: Response) -> Response:
        ack = json.loads(resp.body)
        ack["rejected"].append({"record_id": ack["accepted"].pop(), "code": "conflict", "reason": "forged"})
        return _with_body(resp, json.dumps(ack).encode())

    exc, _ = _cycle(enrolled, store, TamperingTransport("/v1/batches", tamper))
    assert isinstance(exc, BadSignature) and "pinned platform key" in str(exc)
    assert outbox_counts(store) == {"pending": 4, "acked": 0, "quarantined": 0}
    assert feed_state(store, state.PUSH)["last_error_code"] == "bad_signature"
    exc, result = _cycle(enrolled, store, RequestsTransport())
    assert exc is None and result.push.accepted == 4
    store.close()


@pytest.mark.parametrize("cut", [0, 17, -1])
def test_malformed_or_truncated_ack_is_retryable_and_marks_nothing(enrolled: Path, gateway: LiveGateway,
                                                                   cut: int) -> None:
    store = open_store(enrolled)
    fill_outbox(store, 3)
    exc, result = _cycle(enrolled, store, TamperingTransport(
        "/v1/batches", lambda url, r: _with_body(r, r.body[:cut])))
    assert exc is None and result.errors[0]["code"] == "bad_response"
    assert "acknowledgement" in result.errors[0]["message"]
    assert outbox_counts(store)["pending"] == 3
    store.close()


def test_ack_for_another_batch_is_refused(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    fill_outbox(store, 2)

    def tamper(url: str, resp: Response) -> Response:
        ack = json.loads(resp.body)
        forged = wire.make_ack(gateway.gateway.keys.sign, device_id=ack["device_id"], batch_id="other",
                               accepted=ack["accepted"], rejected=[], server_time=ack["server_time"])
        return _with_body(resp, wire.canonical_json(forged))

    exc, result = _cycle(enrolled, store, TamperingTransport("/v1/batches", tamper))
    assert exc is None and "another batch" in result.errors[0]["message"]
    assert outbox_counts(store)["pending"] == 2
    store.close()


def _issue_notes(gateway: LiveGateway, data_dir: Path, n: int) -> list[dict]:
    device_id = load_identity(load_config(data_dir).key_dir).device_id
    return [gateway.issue_to(device_id, kind="test.hostile", subject=f"s{i}", data={"i": i}) for i in range(n)]


def test_page_signed_by_a_wrong_key_applies_nothing(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    _issue_notes(gateway, enrolled, 2)
    stranger = wire.KeyPair.generate().sign
    exc, _ = _cycle(enrolled, store, TamperingTransport("/v1/changes", _reseal(gateway, enrolled,
                                                                                signer=stranger)))
    assert isinstance(exc, BadSignature) and "changes page" in str(exc)
    assert store.read("SELECT count(*) AS n FROM approvals")[0]["n"] == 0
    assert state.cursor(store) is None
    store.close()


def test_item_with_a_bad_signature_is_never_applied_and_is_reported(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    items = _issue_notes(gateway, enrolled, 3)

    def forge(page_items: list) -> None:
        if page_items:
            page_items[1]["data"]["i"] = 999

    exc, result = _cycle(enrolled, store, TamperingTransport("/v1/changes", _reseal(gateway, enrolled,
                                                                                     edit_items=forge)))
    assert exc is None and result.pull.refused == 1 and result.pull.pulled == 3
    kept = {r["item_id"] for r in store.read("SELECT item_id FROM approvals")}
    assert kept == {items[0]["item_id"], items[2]["item_id"]}
    pull = feed_state(store, state.PULL)
    assert pull["items_refused"] == 1 and pull["last_error_code"] == "item_bad_signature"
    assert items[1]["item_id"] in pull["last_error"] and "not applied" in pull["last_error"]
    store.close()


@pytest.mark.parametrize("cut", [3, 40, -10])
def test_truncated_page_is_refused_and_applies_nothing(enrolled: Path, gateway: LiveGateway, cut: int) -> None:
    store = open_store(enrolled)
    _issue_notes(gateway, enrolled, 2)
    exc, result = _cycle(enrolled, store, TamperingTransport(
        "/v1/changes", lambda url, r: _with_body(r, r.body[:cut])))
    assert exc is None and result.errors[0]["code"] == "bad_response"
    assert "truncated" in result.errors[0]["message"] or "magic" in result.errors[0]["message"]
    assert store.read("SELECT count(*) AS n FROM approvals")[0]["n"] == 0 and state.cursor(store) is None
    exc, result = _cycle(enrolled, store, RequestsTransport())
    assert result.pull.pulled == 2
    store.close()


def test_page_with_an_unknown_suite_is_refused(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    _issue_notes(gateway, enrolled, 1)

    def tamper(url: str, resp: Response) -> Response:
        env = wire.parse_envelope(resp.body)
        header = dict(env.header, suite="SM2-SM3-SM4")
        return _with_body(resp, wire.pack(wire.canonical_json(header), env.ciphertext, gateway.gateway.keys.sign))

    exc, result = _cycle(enrolled, store, TamperingTransport("/v1/changes", tamper))
    assert exc is None and result.errors[0]["code"] == "unknown_suite"
    assert "SM2-SM3-SM4" in result.errors[0]["message"]
    assert store.read("SELECT count(*) AS n FROM approvals")[0]["n"] == 0
    store.close()


def test_page_for_another_device_is_refused(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    _issue_notes(gateway, enrolled, 1)
    tamper = _reseal(gateway, enrolled, header_edit=lambda h: h.update(device_id="d-someone-else"))
    exc, result = _cycle(enrolled, store, TamperingTransport("/v1/changes", tamper))
    assert exc is None and "another device" in result.errors[0]["message"]
    assert store.read("SELECT count(*) AS n FROM approvals")[0]["n"] == 0
    store.close()
