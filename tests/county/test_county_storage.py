"""The gateway's storage on both engines: migrations, the pinned platform key, the PostgreSQL URL
rules, and exactly-once enforced by the database when two gateway processes share it."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from gateway_harness import ENGINES, GatewayProcess, SignedClient, enroll, issue_token, record

from county import at_rest, issuing, migrations
from county.errors import GatewayStoreError
from county.service import Device, Gateway
from county.store import transaction
from sync import wire
from sync.wire import kinds

BEFORE_MIGRATIONS = Path(__file__).resolve().parents[1] / "fixtures" / "county-gateway-before-migrations.sql"


@ENGINES
def test_a_new_database_records_every_migration_once(new_db):
    db = new_db()
    gw = Gateway(db)
    try:
        with gw.locked() as conn:
            assert migrations.applied(conn) == migrations.names() == ["m001_initial", "m002_settings",
                                                                    "m003_metric_counts", "m004_staff_roster"]
            assert migrations.pending(conn) == []
            assert migrations.upgrade(conn) == []
    finally:
        gw.close()
    again = Gateway(db)
    try:
        with again.locked() as conn:
            assert migrations.applied(conn) == migrations.names()
    finally:
        again.close()


@ENGINES
def test_a_database_missing_a_later_migration_gets_only_that_one(new_db):
    db = new_db()
    Gateway(db).close()
    gw = Gateway(db)
    try:
        with gw.locked() as conn, conn.transaction():
            conn.execute("DROP TABLE roster")
            conn.execute("DELETE FROM gateway_migrations WHERE name = 'm004_staff_roster'")
        with gw.locked() as conn:
            assert migrations.pending(conn) == ["m004_staff_roster"]
            assert migrations.upgrade(conn) == ["m004_staff_roster"]
            assert migrations.applied(conn) == migrations.names()
    finally:
        gw.close()


@ENGINES
def test_another_platform_key_is_refused(new_db, tmp_path):
    db = new_db()
    first = Gateway(db)
    fingerprint = first.keys.public.fingerprint()
    first.close()
    with pytest.raises(GatewayStoreError, match="not the key this database was set up with") as refused:
        Gateway(db, platform_key=tmp_path / "another-host-key.json")
    assert fingerprint[:16] in str(refused.value) and "copy the platform key" in str(refused.value)


@ENGINES
def test_two_gateway_processes_on_one_database_store_each_record_once(new_db):
    """Both processes take the same batches at the same time: only the database can keep them once."""
    db = new_db()
    with GatewayProcess(db) as a, GatewayProcess(db) as b:
        assert a.fingerprint == b.fingerprint
        device = enroll(a.url, issue_token(db, a.url), fingerprint=a.fingerprint)
        client = SignedClient(a.url, device)
        first = client.seal([record(f"both-{i}", seq=i + 1) for i in range(20)], "both-1")
        second = client.seal([record(f"both-{i}", seq=i + 1) for i in range(25)], "both-2")

        def send(job: tuple[str, bytes]) -> tuple[int, bytes]:
            url, envelope = job
            resp = requests.post(url + kinds.PATH_BATCHES, data=envelope, timeout=30,
                                 headers=client.headers("POST", kinds.PATH_BATCHES, envelope))
            return resp.status_code, resp.content

        jobs = [(gw.url, env) for env in (first, second) for gw in (a, b) for _ in range(3)]
        with ThreadPoolExecutor(len(jobs)) as pool:
            answers = list(pool.map(send, jobs))
        assert {status for status, _ in answers} == {200}, answers
        for (_, envelope), (_, body) in zip(jobs, answers, strict=True):
            batch = "both-1" if envelope is first else "both-2"
            ack = wire.verify_ack(body, device.platform.sign, device_id=device.device_id, batch_id=batch)
            assert len(ack.accepted) == (20 if batch == "both-1" else 25) and ack.rejected == []
        status = a.cli_json("status")
        assert status["records"] == 25
        assert status["duplicates"] == 6 * 20 + 6 * 25 - 25


def test_todays_sqlite_database_is_upgraded_in_place(tmp_path):
    """A gateway database from before recorded migrations (only SQLite ones existed) keeps its rows
    and gets the ledger."""
    db = tmp_path / "old-gateway.db"
    conn = sqlite3.connect(db)
    conn.executescript(BEFORE_MIGRATIONS.read_text("utf-8"))
    keys = wire.KeyPair.generate().public.to_dict()
    conn.execute("INSERT INTO devices (device_id, service_point, sign_pub, kem_pub, enrolled_at) "
                 "VALUES ('d-0123456789abcdef', 'sp-1', ?, ?, 1.0)", (keys["sign"], keys["kem"]))
    sealed = at_rest.load_or_create(db).seal(json.dumps({"holders": [{"name": "张三"}]}), "records.payload")
    conn.execute("INSERT INTO records (record_id, device_id, batch_id, seq, kind, subject, training, created_at, "
                 "payload, digest, received_at) VALUES ('old-1', 'd-0123456789abcdef', 'b-old', 1, ?, "
                 "'410425001001GB00001F00010002', 0, '2026-11-01T00:00:00Z', ?, 'x', 1.0)",
                 (kinds.REGISTRATION_REQUESTED, sealed))
    conn.commit()
    conn.close()
    gw = GatewayProcess(db)
    done = gw.cli_json("approve", "--record", "old-1")
    assert [i["kind"] for i in done["approved"][0]["items"]] == [kinds.REGISTRATION_RECORDED]
    assert done["approved"][0]["items"][0]["data"]["register"]["ownership"] == "单独所有"
    status = gw.cli_json("status")
    assert (status["devices"], status["records"]) == (1, 1)
    with sqlite3.connect(db) as check:
        assert [r[0] for r in check.execute("SELECT name FROM gateway_migrations ORDER BY name")] == \
            migrations.names()


def test_a_password_in_the_url_is_refused_and_never_repeated():
    with pytest.raises(GatewayStoreError, match="PGPASSWORD") as refused:
        Gateway("postgresql://county:hunter2-secret@127.0.0.1:1/gateway")
    assert "hunter2" not in str(refused.value)


def test_an_unreachable_server_is_named_with_the_reason():
    with socket_closed_port() as port, pytest.raises(GatewayStoreError) as refused:
        Gateway(f"postgresql://county@127.0.0.1:{port}/gateway")
    assert f"127.0.0.1:{port}/gateway" in str(refused.value) and "refused" in str(refused.value).lower()


class socket_closed_port:  # noqa: N801 (a context manager read as a phrase)
    """A loopback port nothing listens on, held bound (not listening) so no one else takes it."""

    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        return int(self.sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


@ENGINES
def test_a_reader_paging_during_parallel_publishing_misses_no_item(new_db):
    """Publishers hold their transactions open a moment after numbering an item, so a later
    number could commit first; the reader pages from its cursor the whole time and must still get
    every item once (county.issuing: items are numbered in commit order)."""
    gw = Gateway(new_db(), pool_size=6)
    try:
        token = gw.issue_token(url="http://127.0.0.1:1", service_point="sp").token
        keys = wire.KeyPair.generate()
        device = gw.enroll(wire.canonical_json(wire.enroll_request(token, keys)))["device_id"]
        reader = Device(device, "sp", keys.public)
        publishing = threading.Event()
        publishing.set()

        def publish(worker: int) -> list[str]:
            ids = []
            for n in range(15):
                with gw.locked() as conn, transaction(conn):
                    item = issuing.publish(conn, gw.keys, kind=kinds.CONFIG, subject=f"w{worker}-{n}",
                                           data={"n": n}, service_point=None, now=gw.clock())
                    time.sleep(0.004 * ((worker + n) % 3))
                ids.append(item["item_id"])
            return ids

        def read() -> list[str]:
            seen, cursor = [], "0"
            while True:
                last_pass = not publishing.is_set()
                page = wire.open_changes(gw.changes(reader, cursor), device_id=device,
                                         sender=gw.keys.public.sign, recipient=keys.kem)
                seen += [i["item_id"] for i in page.items]
                cursor = page.next_cursor
                if last_pass and not page.items:
                    return seen

        with ThreadPoolExecutor(5) as pool:
            reading = pool.submit(read)
            published = [i for ids in pool.map(publish, range(4)) for i in ids]
            publishing.clear()
            seen = reading.result(timeout=60)
        assert len(seen) == len(set(seen)) == 60
        assert set(seen) == set(published)
    finally:
        gw.close()
