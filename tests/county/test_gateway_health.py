"""``GET /v1/health`` (readiness), ``GET /metrics`` (Prometheus text) and the server time on a 5xx,
on both engines over real HTTP (a provoked 5xx: tests/county/test_gateway_workers.py). The signed
``POST /v1/health`` heartbeat of the protocol stays as it is."""

from __future__ import annotations

import requests
from gateway_harness import ENGINES, GatewayProcess, SignedClient, record
from privacy_needles import PEOPLE, id_number

from county import migrations
from county.service import Gateway
from sync import wire
from sync.wire import kinds

pytestmark = ENGINES


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
