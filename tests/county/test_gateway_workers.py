"""``serve --workers N`` on PostgreSQL: several processes on one socket, and one of them killed with
SIGKILL in the middle of a batch while the others serve.

The kiosk side is the agent's own client (``sync.client.GatewayClient`` over ``RequestsTransport``):
real signing, real clock handling, real error classification."""

from __future__ import annotations

import os
import re
import signal
import time
from contextlib import contextmanager
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from gateway_harness import GatewayProcess, SignedClient, enroll, issue_token, record

from county import cli, migrations, workers as supervision
from kiosk.identity import DeviceKeys, Enrollment, Identity
from sync import wire
from sync.client import GatewayClient
from sync.errors import Retryable
from sync.transport import RequestsTransport
from sync.wire import kinds


def children(pid: int) -> set[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return {int(p) for p in text.split()}


def gone(pid: int) -> bool:
    """The process has ended (a zombie waiting to be reaped has ended too)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def wait_for(what: str, probe: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = probe()
        if got:
            return got
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {timeout} s")


class Kiosk:
    """One enrolled device pushing through the agent's client code."""

    def __init__(self, gw: GatewayProcess) -> None:
        self.device = enroll(gw.url, issue_token(gw.db, gw.url), fingerprint=gw.fingerprint)
        keys, platform = self.device.keys, self.device.platform.to_dict()
        enrollment = Enrollment(self.device.device_id, gw.url, self.device.service_point, platform["sign"],
                                platform["kem"], gw.fingerprint, "2026-11-30T00:00:00Z")
        self.client = GatewayClient(Identity(DeviceKeys(keys.sign, keys.kem), enrollment), gw.url,
                                    RequestsTransport())
        self.audit_seq = 0

    def seal(self, records: list[dict[str, Any]], batch_id: str) -> bytes:
        self.audit_seq += len(records)
        return wire.seal_batch(records, device_id=self.device.device_id, batch_id=batch_id,
                               audit_head={"seq": self.audit_seq, "hash": "0" * 64},
                               signer=self.device.keys.sign, recipient=self.device.platform.kem)

    def push(self, envelope: bytes, batch_id: str) -> tuple[wire.Ack, bytes]:
        resp = self.client.call("POST", kinds.PATH_BATCHES, body=envelope,
                                content_type=kinds.ENVELOPE_MEDIA_TYPE)
        ack = wire.verify_ack(resp.body, self.device.platform.sign, device_id=self.device.device_id,
                              batch_id=batch_id)
        return ack, resp.body


@pytest.fixture(scope="module")
def db(pg_cluster: Any) -> str:
    url = str(pg_cluster.create_database())
    # The cluster's default is asynchronous commit; this database's sessions commit synchronously,
    # so a commit here waits for a synchronous standby whenever the cluster names one (below).
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{url.rsplit("/", 1)[1]}" SET synchronous_commit = on')
    return url


@contextmanager
def commits_held(pg_cluster: Any, db: str) -> Iterator[None]:
    """Every commit in ``db`` stops after it is written and before it is answered: the cluster waits
    for a synchronous standby that does not exist. Leaving releases them."""
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute("ALTER SYSTEM SET synchronous_standby_names = 'nobody'")
        admin.execute("SELECT pg_reload_conf()")
        try:
            # The setting reaches every server process a moment after the reload: a canary commit
            # seen waiting for the standby proves it has; cancelling its wait lets it finish.
            with psycopg.connect(db, autocommit=True) as canary, ThreadPoolExecutor(1) as pool:
                pid = canary.info.backend_pid
                for n in range(200):
                    done = pool.submit(canary.execute, f"CREATE TEMP TABLE canary_{n} (x int)")
                    if wait_for("the canary's commit", lambda: done.done() or bool(admin.execute(
                            "SELECT 1 FROM pg_stat_activity WHERE pid = %s AND wait_event = 'SyncRep'",
                            (pid,)).fetchone())):
                        if not done.done():
                            admin.execute("SELECT pg_cancel_backend(%s)", (pid,))
                            done.result(timeout=10)
                            break
                else:
                    raise AssertionError("commits were never held")
            yield
        finally:
            admin.execute("ALTER SYSTEM RESET synchronous_standby_names")
            admin.execute("SELECT pg_reload_conf()")


@pytest.fixture(scope="module")
def workers(db: str) -> Iterator[GatewayProcess]:
    with GatewayProcess(db, serve_args=("--workers", "2")) as gw:
        yield gw


def count(db: str, sql: str, *params: Any) -> int:
    with psycopg.connect(db) as conn:
        row = conn.execute(sql, params).fetchone()
        assert row is not None
        return int(row[0])


def test_several_workers_need_postgresql(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--db", str(tmp_path / "gw.db"), "--port", "0", "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert "--workers 2 needs PostgreSQL" in err and "run one worker on SQLite" in err
    assert cli.main(["serve", "--db", str(tmp_path / "gw.db"), "--port", "0", "--workers", "0"]) == 1
    assert "--workers must be between 1 and" in capsys.readouterr().err


def test_two_workers_share_one_socket_after_one_migration(workers: GatewayProcess, db: str) -> None:
    assert workers.proc is not None
    assert workers.info["workers"] == 2
    assert len(children(workers.proc.pid)) == 2
    # Ledger rows are written in the migrating transaction: one per migration, all by the parent.
    assert count(db, "SELECT COUNT(*) FROM gateway_migrations") == len(migrations.names())
    kiosk = Kiosk(workers)
    envelope = kiosk.seal([record(f"w-{i}", seq=i + 1) for i in range(5)], "w-1")
    ack, _ = kiosk.push(envelope, "w-1")
    assert sorted(ack.accepted) == sorted(f"w-{i}" for i in range(5))


def test_metrics_add_up_across_workers(workers: GatewayProcess, db: str) -> None:
    """Counts kept in the database are exact at once; each worker's batch latencies join them within
    its flush interval. No batch of this module was sent twice so far, so every answer is one row."""
    kiosks = [Kiosk(workers) for _ in range(4)]

    def push_three(n: int) -> list[wire.Ack]:
        # One kiosk's batches one after another, as its agent sends them (its audit head only grows).
        kiosk = kiosks[n]
        return [kiosk.push(kiosk.seal([record(f"mx-{n}-{b}-{i}", seq=i + 1) for i in range(10)], f"mx-{b}"),
                           f"mx-{b}")[0] for b in range(3)]

    with ThreadPoolExecutor(4) as pool:
        acks = [ack for three in pool.map(push_three, range(4)) for ack in three]
    assert len(acks) == 12 and all(len(ack.accepted) == 10 for ack in acks)

    def settled() -> dict[str, float] | None:
        got = {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
               for line in requests.get(workers.url + "/metrics", timeout=10).text.splitlines()
               if line and not line.startswith("#")}
        return got if got["jx_gateway_batch_seconds_count"] == count(db, "SELECT COUNT(*) FROM batches") else None

    seen = wait_for("every worker's latencies in /metrics", settled, timeout=15)
    assert seen["jx_gateway_records_accepted_total"] == count(db, "SELECT COUNT(*) FROM records")
    assert seen['jx_gateway_batch_seconds_bucket{le="+Inf"}'] == seen["jx_gateway_batch_seconds_count"]
    assert seen["jx_gateway_devices_seen_last_hour"] == count(db, "SELECT COUNT(*) FROM devices")


def test_a_worker_killed_mid_batch_loses_nothing_and_stores_nothing_twice(workers: GatewayProcess,
                                                                         db: str) -> None:
    assert workers.proc is not None
    victim, bystander = Kiosk(workers), Kiosk(workers)
    ids = [f"k-{i}" for i in range(100)]
    envelope = victim.seal([record(rid, seq=i + 1) for i, rid in enumerate(ids)], "k-1")
    with psycopg.connect(db) as hold, ThreadPoolExecutor(1) as pool:
        # The test holds the victim's device row, so its batch stops inside its transaction.
        hold.execute("SELECT 1 FROM devices WHERE device_id = %s FOR UPDATE", (victim.device.device_id,))
        in_flight = pool.submit(victim.push, envelope, "k-1")

        def stuck_worker() -> int | None:
            rows = hold.execute("SELECT application_name FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                "AND application_name LIKE 'county-gateway/%%'").fetchall()
            return int(rows[0][0].split("/")[1]) if rows else None

        worker = wait_for("the victim's batch waiting on its device row", stuck_worker)
        assert worker in children(workers.proc.pid)
        other, _ = bystander.push(bystander.seal([record("by-1")], "by-1"), "by-1")
        assert other.accepted == ["by-1"]
        os.kill(worker, signal.SIGKILL)
        hold.rollback()
        with pytest.raises(Retryable):
            in_flight.result(timeout=30)
    wait_for("the killed worker's session to end", lambda: count(
        db, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = %s", f"county-gateway/{worker}") == 0)
    assert count(db, "SELECT COUNT(*) FROM records WHERE device_id = %s", victim.device.device_id) == 0

    # The kiosk sends again (a fresh nonce): stored once; its answer lost, it sends once more and
    # the gateway acknowledges the same records again, byte for byte, as a duplicate.
    first, first_bytes = victim.push(envelope, "k-1")
    assert sorted(first.accepted) == sorted(ids) and first.rejected == []
    again, again_bytes = victim.push(envelope, "k-1")
    assert again_bytes == first_bytes
    device = victim.device.device_id
    assert count(db, "SELECT COUNT(*) FROM records WHERE device_id = %s", device) == 100
    assert count(db, "SELECT COUNT(DISTINCT record_id) FROM records WHERE device_id = %s", device) == 100
    assert count(db, "SELECT COUNT(*) FROM duplicates WHERE device_id = %s", device) == 100
    survivors = wait_for("a replacement worker", lambda: (lambda now: now if len(now) == 2 and worker not in now
                                                          else None)(children(workers.proc.pid)))
    assert worker not in survivors


def test_a_worker_killed_between_its_commit_and_its_answer_gets_the_resend_acknowledged_as_a_duplicate(
        workers: GatewayProcess, db: str, pg_cluster: Any) -> None:
    assert workers.proc is not None
    kiosk = Kiosk(workers)
    ids = [f"c-{i}" for i in range(50)]
    envelope = kiosk.seal([record(rid, seq=i + 1) for i, rid in enumerate(ids)], "c-1")
    with ThreadPoolExecutor(1) as pool:
        with commits_held(pg_cluster, db):
            in_flight = pool.submit(kiosk.push, envelope, "c-1")
            # The request commits twice: its nonce, then its batch. The first wait is let go.
            nonce = wait_for("the nonce's commit", lambda: next(iter(_activity(db, "SyncRep")), None))
            with psycopg.connect(db, autocommit=True) as admin:
                admin.execute("SELECT pg_cancel_backend(%s)", (nonce[1],))
            worker, _, _ = wait_for("the batch's commit waiting to be answered", lambda: next(
                (r for r in _activity(db, "SyncRep") if r[1:] != nonce[1:]), None))
            os.kill(worker, signal.SIGKILL)
        with pytest.raises(Retryable):
            in_flight.result(timeout=30)
    wait_for("the killed worker's session to end", lambda: count(
        db, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = %s", f"county-gateway/{worker}") == 0)
    device = kiosk.device.device_id
    # Committed though the kiosk never heard so: its resend is a duplicate, answered with the stored ack.
    assert count(db, "SELECT COUNT(*) FROM records WHERE device_id = %s", device) == 50
    ack, body = kiosk.push(envelope, "c-1")
    assert sorted(ack.accepted) == sorted(ids) and ack.rejected == []
    with psycopg.connect(db) as conn:
        stored = conn.execute("SELECT ack FROM batches WHERE device_id = %s AND batch_id = 'c-1'",
                              (device,)).fetchone()
    assert stored is not None and body == stored[0].encode()
    assert count(db, "SELECT COUNT(*) FROM records WHERE device_id = %s", device) == 50
    assert count(db, "SELECT COUNT(*) FROM duplicates WHERE device_id = %s", device) == 50


def _activity(db: str, wait_event: str) -> list[tuple[int, int, Any]]:
    """(worker pid, backend pid, transaction start) of the gateway sessions in ``wait_event``."""
    with psycopg.connect(db) as conn:
        rows = conn.execute("SELECT application_name, pid, xact_start FROM pg_stat_activity "
                            "WHERE wait_event = %s AND application_name LIKE 'county-gateway/%%'",
                            (wait_event,)).fetchall()
    return [(int(name.split("/")[1]), pid, start) for name, pid, start in rows]


def test_the_workers_stop_when_their_supervisor_is_killed(workers: GatewayProcess) -> None:
    """The last use of this module's gateway: SIGKILL to the parent leaves no worker serving."""
    assert workers.proc is not None
    pids = children(workers.proc.pid)
    assert len(pids) == 2
    workers.proc.kill()
    workers.proc.wait(timeout=10)

    wait_for("every worker to stop", lambda: all(gone(p) for p in pids))
    with pytest.raises(requests.ConnectionError):
        requests.get(workers.url + kinds.PATH_HEALTH, timeout=5)


def test_workers_that_keep_failing_at_their_start_stop_the_gateway(pg_cluster: Any, tmp_path: Path) -> None:
    """The supervisor's crash-loop guard. The database stops taking new connections under a running
    gateway (its workers keep theirs); one worker is killed, and each replacement fails at once: after
    ``QUICK_EXITS_ALLOWED`` quick exits in a row the supervisor stops the other worker too and exits
    with status 1, saying why, instead of forking replacements for ever."""
    db = str(pg_cluster.create_database())
    log = tmp_path / "gateway.log"
    gw = GatewayProcess(db, serve_args=("--workers", "2"), stderr=log)
    gw.start()
    try:
        assert gw.proc is not None
        first = children(gw.proc.pid)
        assert len(first) == 2
        name = db.rsplit("/", 1)[1]
        with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
            # Both workers hold their connections before the database closes its doors.
            wait_for("both workers connected", lambda: {f"county-gateway/{pid}" for pid in first} <= {
                r[0] for r in admin.execute("SELECT application_name FROM pg_stat_activity WHERE datname = %s",
                                            (name,))})
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        assert gw.proc.wait(timeout=60) == 1
    finally:
        gw.kill()
    text = log.read_text("utf-8")
    assert "Traceback" not in text, text
    failed = re.findall(r"gateway worker (\d) cannot serve: cannot connect to PostgreSQL at (\S+): (.*)", text)
    # The killed worker counts among the quick exits too when it had run less than QUICK_EXIT seconds.
    assert supervision.QUICK_EXITS_ALLOWED - 1 <= len(failed) <= supervision.QUICK_EXITS_ALLOWED, text
    killed = re.findall(rf"gateway worker (\d) \(pid {victim}\) was killed by SIGKILL; starting another", text)
    assert len(killed) == 1, text
    # Only the killed worker's replacements fail; the other went on serving until the guard stopped it.
    assert all(index == killed[0] and url == db and "not currently accepting connections" in reason
               for index, url, reason in failed), text
    # Every death but the last was replaced; the last stopped the gateway.
    assert text.count("; starting another") == len(failed)
    assert text.count(f"gateway workers keep exiting right after they start "
                      f"({supervision.QUICK_EXITS_ALLOWED} in a row): stopping the gateway") == 1
    assert all(gone(pid) for pid in first), "a worker outlived its supervisor"


def test_a_server_error_carries_the_server_time_and_health_says_unreachable(pg_cluster: Any) -> None:
    """A real 500: the gateway's database is dropped under it."""
    db = str(pg_cluster.create_database())
    with GatewayProcess(db) as gw:
        client = SignedClient(gw.url, enroll(gw.url, issue_token(db, gw.url), fingerprint=gw.fingerprint))
        client.ack(client.seal([record("e-1")], "e-1"), "e-1")
        with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{db.rsplit("/", 1)[1]}" WITH (FORCE)')
        failed = client.post_batch(client.seal([record("e-2", seq=2)], "e-2"))
        assert failed.status_code == 500
        assert re.fullmatch(r"[0-9]+\.[0-9]{3}", failed.headers[kinds.H_SERVER_TIME])
        assert failed.json()["error"]["code"] == "server_error"
        down = requests.get(gw.url + kinds.PATH_HEALTH, timeout=30)
        assert down.status_code == 503 and float(down.headers[kinds.H_SERVER_TIME]) > 0
        assert down.json()["database"] == "unreachable" and down.json()["ok"] is False
        gw.kill()
