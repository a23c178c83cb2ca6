"""Idempotent storage over real HTTP: resends, conflicts, invalid records next to good ones; the
readiness probe and the metrics that count them."""

from __future__ import annotations

import json

import requests
from gateway_harness import ENGINES, GatewayProcess, SignedClient, record
from privacy_needles import PEOPLE, id_number

from county import migrations
from county.service import Gateway
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


def test_a_nul_character_makes_an_invalid_record_on_either_engine(client, admin):
    """NUL is no character of a subject, a time or a record id, and PostgreSQL's text cannot hold it:
    found by the protocol suite on PostgreSQL, where it was a 500 for the whole batch. Such a record
    is refused by its id, or by its place when the id itself is unusable; the rest are stored, and
    the batch sent again is answered the same."""
    good = record("nul-ok")
    in_subject = dict(record("nul-subject", seq=2), subject="unit\x001")
    in_time = dict(record("nul-time", seq=3), created_at="2026-11-28T04:00:00\x00Z")
    in_id = dict(record("nul-id", seq=4), record_id="nul\x00id")
    before = admin.status()
    envelope = client.seal([good, in_subject, in_time, in_id], "nul")
    ack = client.ack(envelope, "nul")
    assert ack.accepted == ["nul-ok"]
    assert [(r.record_id, r.code) for r in ack.rejected] == [
        ("nul-subject", "invalid_record"), ("nul-time", "invalid_record"), ("#3", "invalid_record")]
    assert "NUL" in ack.rejected[0].reason and "NUL" in ack.rejected[1].reason
    assert client.post_batch(envelope).content == client.post_batch(envelope).content
    after = admin.status()
    assert (after["records"], after["rejected"]) == (before["records"] + 1, before["rejected"] + 3)


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


def test_one_record_id_twice_in_a_batch_is_stored_once(client, admin):
    """The first occurrence is stored; a later one with the same content is a duplicate, with other
    content a conflict; a record already stored before is compared with what was stored."""
    client.ack(client.seal([record("twice-old")], "twice-0"), "twice-0")
    before = admin.status()
    batch = [record("twice-1", seq=1), record("twice-1", seq=2), record("twice-2", seq=3),
             record("twice-2", seq=4, payload={"other": True}), record("twice-old", seq=5),
             record("twice-old", seq=6, payload={"changed": 1})]
    ack = client.ack(client.seal(batch, "twice"), "twice")
    assert ack.accepted == ["twice-1", "twice-1", "twice-2", "twice-old"]
    assert [(r.record_id, r.code) for r in ack.rejected] == [("twice-2", "conflict"), ("twice-old", "conflict")]
    after = admin.status()
    assert after["records"] == before["records"] + 2
    assert after["duplicates"] == before["duplicates"] + 2


# Health and metrics share this module's gateway: a GET /v1/health readiness probe beside the signed
# POST /v1/health heartbeat, and /metrics counting what the batches above and below stored (deltas).
# A provoked 5xx and metrics across several workers: tests/county/test_gateway_workers.py.


def metrics(url: str) -> dict[str, float]:
    resp = requests.get(url + "/metrics", timeout=10)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert float(resp.headers[kinds.H_SERVER_TIME]) > 0
    samples = {}
    for line in resp.text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            samples[name] = float(value)
    return samples


def test_health_says_ready_and_the_signed_heartbeat_is_untouched(gateway: GatewayProcess, client: SignedClient,
                                                                 engine: str) -> None:
    resp = requests.get(gateway.url + kinds.PATH_HEALTH, timeout=10)
    assert resp.status_code == 200 and float(resp.headers[kinds.H_SERVER_TIME]) > 0
    body = resp.json()
    assert body["ok"] is True and body["engine"] == engine and body["database"] == "reachable"
    assert body["migrations"] == {"known": len(migrations.names()), "pending": []}
    beat = client.send("POST", kinds.PATH_HEALTH, b'{"printer": "ok"}')
    assert beat.status_code == 200 and beat.json()["ok"] is True
    unsigned = requests.post(gateway.url + kinds.PATH_HEALTH, json={"printer": "ok"}, timeout=10)
    assert unsigned.status_code == 400 and unsigned.json()["error"]["code"] == "bad_headers"


def test_health_names_a_migration_the_database_lacks(gateway: GatewayProcess, admin: Gateway) -> None:
    with admin.locked() as conn, conn.transaction():
        conn.execute("DELETE FROM gateway_migrations WHERE name = 'm003_metric_counts'")
    try:
        resp = requests.get(gateway.url + kinds.PATH_HEALTH, timeout=10)
        assert resp.status_code == 503 and float(resp.headers[kinds.H_SERVER_TIME]) > 0
        body = resp.json()
        assert body["ok"] is False and body["database"] == "reachable"
        assert body["migrations"]["pending"] == ["m003_metric_counts"]
        assert "m003_metric_counts" in body["problem"] and "restart" in body["problem"]
    finally:
        with admin.locked() as conn, conn.transaction():
            conn.execute("INSERT INTO gateway_migrations (name, applied_at) VALUES ('m003_metric_counts', 0)")
    assert requests.get(gateway.url + kinds.PATH_HEALTH, timeout=10).status_code == 200


def test_metrics_count_what_was_stored_resent_rejected_and_refused(gateway: GatewayProcess,
                                                                   client: SignedClient) -> None:
    name, prefix, phone, address = PEOPLE[0]
    person = {"name": name, "id_number": id_number(prefix, "001"), "phone": phone, "address": address}
    before = metrics(gateway.url)
    good = [record(f"m-{i}", seq=i + 1, payload={"buyer": person}) for i in range(3)]
    envelope = client.seal([*good, dict(record("m-bad", seq=4), kind="Not A Kind")], "m-1")
    ack = client.ack(envelope, "m-1")
    assert len(ack.accepted) == 3 and [r.code for r in ack.rejected] == ["invalid_record"]
    client.ack(envelope, "m-1")
    conflict = client.ack(client.seal([record("m-0", seq=9, payload={"other": 1})], "m-2"), "m-2")
    assert [r.code for r in conflict.rejected] == ["conflict"]
    forged = client.post_batch(envelope, signer=wire.KeyPair.generate().sign)
    assert forged.status_code == 401
    after = metrics(gateway.url)

    def grew(sample: str) -> float:
        return after.get(sample, 0.0) - before.get(sample, 0.0)

    assert grew("jx_gateway_records_accepted_total") == 3
    assert grew("jx_gateway_duplicates_total") == 4
    assert grew('jx_gateway_records_rejected_total{code="invalid_record"}') == 1
    assert grew('jx_gateway_records_rejected_total{code="conflict"}') == 1
    assert grew('jx_gateway_requests_refused_total{code="bad_signature"}') == 1
    assert grew("jx_gateway_batch_seconds_count") == 3
    assert grew('jx_gateway_batch_seconds_bucket{le="+Inf"}') == 3
    assert grew("jx_gateway_batch_seconds_sum") > 0
    buckets = [v for k, v in after.items() if k.startswith("jx_gateway_batch_seconds_bucket")]
    assert buckets == sorted(buckets)
    assert after["jx_gateway_devices_seen_last_hour"] >= 1
    assert after["jx_gateway_devices_enrolled"] >= after["jx_gateway_devices_seen_last_hour"]
    text = requests.get(gateway.url + "/metrics", timeout=10).text
    for secret in (*person.values(), person["id_number"][:17], client.device.device_id, "m-0"):
        assert secret not in text
