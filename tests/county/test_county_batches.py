"""Idempotent storage over real HTTP: resends, conflicts, invalid records next to good ones."""

from __future__ import annotations

import json

import requests
from gateway_harness import ENGINES, SignedClient, record

from sync import wire
from sync.wire import kinds

pytestmark = ENGINES


def test_resent_batch_gets_the_same_ack_and_no_new_rows(client, admin):
    env = client.seal([record("same-1"), record("same-2", seq=2)], "same")
    first = client.post_batch(env)
    before = admin.status()
    second = client.post_batch(env)
    resealed = client.post_batch(client.seal([record("same-1"), record("same-2", seq=2)], "same"))
    assert first.status_code == second.status_code == resealed.status_code == 200
    assert first.content == second.content == resealed.content
    after = admin.status()
    assert after["records"] == before["records"]
    assert after["duplicates"] == before["duplicates"] + 4
    with admin.locked() as conn:
        assert conn.execute("SELECT COUNT(*) FROM records WHERE record_id LIKE 'same-%'"
                            ).fetchone()[0] == 2


def test_same_records_in_another_batch_are_accepted_once(client, admin):
    client.ack(client.seal([record("move-1")], "first"), "first")
    before = admin.status()
    ack = client.ack(client.seal([record("move-1"), record("move-2", seq=2)], "second"), "second")
    assert ack.accepted == ["move-1", "move-2"] and ack.rejected == []
    after = admin.status()
    assert after["records"] == before["records"] + 1
    assert after["duplicates"] == before["duplicates"] + 1


def test_record_id_reused_with_other_content_is_a_conflict(client, admin):
    client.ack(client.seal([record("reuse-1", payload={"v": 1})], "c1"), "c1")
    ack = client.ack(client.seal([record("reuse-1", payload={"v": 2}), record("reuse-2", seq=2)],
                                 "c2"), "c2")
    assert ack.accepted == ["reuse-2"]
    assert [(r.record_id, r.code) for r in ack.rejected] == [("reuse-1", "conflict")]
    assert "other content" in ack.rejected[0].reason
    with admin.locked() as conn:
        sealed = conn.execute("SELECT payload FROM records WHERE record_id = 'reuse-1'").fetchone()[0]
        assert json.loads(conn.unseal(sealed, "records.payload")) == {"v": 1}


def test_invalid_records_rejected_the_rest_accepted(client, admin):
    good = record("mixed-ok")
    bad_kind = dict(record("mixed-bad-kind", seq=2), kind="Not A Kind")
    bad_payload = dict(record("mixed-bad-payload", seq=3), payload="text")
    before = admin.status()
    ack = client.ack(client.seal([good, bad_kind, bad_payload], "mixed"), "mixed")
    assert ack.accepted == ["mixed-ok"]
    assert {(r.record_id, r.code) for r in ack.rejected} == {
        ("mixed-bad-kind", "invalid_record"), ("mixed-bad-payload", "invalid_record")}
    assert all(r.reason for r in ack.rejected)
    after = admin.status()
    assert after["records"] == before["records"] + 1
    assert after["rejected"] == before["rejected"] + 2


def test_records_are_stored_with_device_and_batch(client, admin):
    client.ack(client.seal([record("where-1", kinds.PAYMENT_ORDER, "order-9",
                                   payload={"items": [{"payee": "tax", "amount_fen": 100}]},
                                   training=True)], "where"), "where")
    with admin.locked() as conn:
        row = conn.execute("SELECT * FROM records WHERE record_id = 'where-1'").fetchone()
        header = json.loads(conn.execute("SELECT header FROM batches WHERE batch_id = 'where'"
                                         ).fetchone()[0])
    assert (row["device_id"], row["batch_id"], row["kind"], row["subject"], row["training"]) == (
        client.device.device_id, "where", kinds.PAYMENT_ORDER, "order-9", 1)
    assert header["audit_head"] == {"seq": 1, "hash": "0" * 64}


def test_ack_is_signed_by_the_pinned_platform_key(client):
    resp = client.post_batch(client.seal([record("signed-1")], "signed"))
    wire.verify_ack(resp.content, client.device.platform.sign, batch_id="signed")
    forged = resp.json()
    forged["accepted"] = []
    try:
        wire.verify_ack(forged, client.device.platform.sign)
    except wire.SignatureError as exc:
        assert exc.code == "bad_signature"
    else:
        raise AssertionError("an altered ack verified")


def test_empty_batch_is_acknowledged(client):
    ack = client.ack(client.seal([], "empty"), "empty")
    assert ack.accepted == [] and ack.rejected == []


def test_two_devices_same_batch_id_do_not_collide(gateway, new_device, admin):
    a, b = SignedClient(gateway.url, new_device()), SignedClient(gateway.url, new_device())
    assert a.ack(a.seal([record("dev-a-1")], "shared"), "shared").accepted == ["dev-a-1"]
    assert b.ack(b.seal([record("dev-b-1")], "shared"), "shared").accepted == ["dev-b-1"]


def test_the_production_gateway_has_no_plain_baseline(client, gateway):
    """The unsigned baseline lives in the benchmark's own server (bench/plain_gateway.py) only."""
    body = json.dumps({"device_id": client.device.device_id, "batch_id": "plain",
                       "records": [record("plain-1")]}).encode()
    assert client.session.post(client.url + "/v1/bench/plain-batches", data=body,
                               timeout=10).status_code == 404
    refused = gateway.cli("serve", "--port", "0", "--plain-baseline", check=False)
    assert refused.returncode == 2 and "unrecognized arguments: --plain-baseline" in refused.stderr


def test_concurrent_sends_of_one_batch_store_it_once(gateway, new_device, admin):
    from concurrent.futures import ThreadPoolExecutor

    c = SignedClient(gateway.url, new_device())
    env = c.seal([record(f"conc-{i}", seq=i + 1) for i in range(20)], "conc")
    before = admin.status()["records"]

    def send(_: int) -> bytes:
        session = requests.Session()
        resp = session.post(c.url + kinds.PATH_BATCHES, data=env,
                            headers=c.headers("POST", kinds.PATH_BATCHES, env), timeout=30)
        assert resp.status_code == 200, resp.text
        return resp.content

    with ThreadPoolExecutor(6) as pool:
        answers = set(pool.map(send, range(6)))
    assert len(answers) == 1
    assert admin.status()["records"] == before + 20
