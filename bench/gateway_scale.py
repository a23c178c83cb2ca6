"""Province scale: many kiosks pushing to the county gateway at once, SQLite with one worker against
PostgreSQL with two, in the same run. Prints one JSON object.

Each simulated kiosk is its own enrolled device (its own Ed25519 and X25519 keys, enrolled over
HTTP with a one-time token) and pushes with the agent's client code: ``sync.wire.seal_batch``
(zstd, HPKE to the platform key, signed header), ``sync.client.GatewayClient`` (signed requests,
server-time tracking, error classification) and ``sync.wire.verify_ack`` (the platform's signature
and the records answered). A retryable failure (network, 5xx, 429) is sent again with a fresh
nonce after a short backoff, as the agent does, and counted.

The kiosks run in ``--client-processes`` processes of ``--threads`` threads each, on the same
machine as the gateway and its database. Batches are sealed before the clock starts, so the
figures are the gateway's: from the first request to the last verified acknowledgement. For each
engine the cost curve runs the first N kiosks for every N of ``--curve``, each kiosk sending
``--records`` new records in batches of ``--batch-records``. After every point the gateway's
database is read: ``stored`` must equal the records sent (none lost) and the sum of the kiosks'
acknowledged counts (none duplicated: every record id stored once).

The gateways run with the request-rate limits off (``--address-rate 0 --device-rate 0``): every
simulated kiosk comes from 127.0.0.1, which a real province never does. PostgreSQL is a throwaway
cluster (``tests/pg_cluster.py``) with its durability on (fsync, synchronous commit), as SQLite's
``synchronous=FULL`` is; the CPU seconds of the gateway processes, of the PostgreSQL server and of
the kiosk processes, and how busy the machine's CPUs were, show what limits each engine here.

    python bench/gateway_scale.py [--kiosks 500] [--records 100] [--batch-records 100]
                                  [--curve 50,100,250,500] [--client-processes 2] [--threads 16]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import requests  # noqa: E402

from county.service import Gateway  # noqa: E402
from kiosk.identity import DeviceKeys, Enrollment, Identity  # noqa: E402
from sync import wire  # noqa: E402
from sync.client import GatewayClient  # noqa: E402
from sync.errors import Retryable  # noqa: E402
from sync.transport import RequestsTransport  # noqa: E402
from sync.wire import kinds  # noqa: E402

ENGINES = (("sqlite", 1), ("postgresql", 2))


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of one live process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            todo += [int(p) for p in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            pass
    return found


def busy_jiffies() -> tuple[int, int]:
    """(busy, total) CPU time of the whole machine so far."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


class GatewayServer:
    def __init__(self, db: str, workers: int, work: Path) -> None:
        self.db = db
        # Keys away from the database's directory, as the gateway insists.
        keys = work / "keys"
        keys.mkdir()
        self.keys = {"key_file": keys / "storage.key", "platform_key": keys / "platform-key.json"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "county.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", "0",
             "--workers", str(workers), "--address-rate", "0", "--device-rate", "0",
             "--key-file", str(self.keys["key_file"]), "--platform-key", str(self.keys["platform_key"])],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"the gateway on {db} did not start (exit {self.proc.wait()})")
        info = json.loads(line)
        self.url, self.fingerprint = info["url"], info["fingerprint"]

    def admin(self) -> Gateway:
        return Gateway(self.db, key_file=self.keys["key_file"], platform_key=self.keys["platform_key"])

    def cpu(self) -> float:
        return sum(cpu_seconds(p) for p in tree(self.proc.pid))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)


def enroll_kiosks(server: GatewayServer, n: int) -> list[dict[str, Any]]:
    admin = server.admin()
    try:
        tokens = [admin.issue_token(url=server.url, service_point=f"sp-{i % 20}").token for i in range(n)]
    finally:
        admin.close()
    session = requests.Session()

    def one(token: str) -> dict[str, Any]:
        keys = wire.KeyPair.generate()
        resp = session.post(server.url + kinds.PATH_ENROLL, json=wire.enroll_request(token, keys), timeout=30)
        got = wire.parse_enroll_response(resp.json(), expected_fingerprint=server.fingerprint)
        return {"device_id": got.device_id, "service_point": got.service_point, "keys": keys.to_private_dict(),
                "platform": got.platform.to_dict()}

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, tokens))


def kiosk_records(tag: str, kiosk: int, n: int) -> list[dict[str, Any]]:
    return [wire.make_record(
        record_id=f"{tag}-{kiosk}-{i}", seq=i + 1, kind=kinds.HANDOVER_READY,
        subject=f"410425001001GB00001F{kiosk:04d}{i:04d}", training=False, created_at="2026-11-30T08:00:00Z",
        payload={"project_id": "P-2026-018", "buyers": [{"position": 1, "role": "owner",
                                                          "id_masked": "410425********1234"}],
                 "checklist": {"keys": True, "meters": {"water": 123.4, "power": 5678.9}, "defects": []},
                 "staff": "S001", "certificate_no": f"豫(2026)郏县不动产权第{kiosk:03d}{i:04d}号"})
        for i in range(n)]


def client_process(url: str, fingerprint: str, kiosks: list[tuple[int, dict[str, Any]]], args: dict[str, Any],
                   barrier: Barrier, results: Any) -> None:
    """One process of simulated kiosks: seal everything, wait for the start, push, report."""
    work: queue.SimpleQueue[tuple[Identity, wire.PublicKeys, list[tuple[str, bytes]]]] = queue.SimpleQueue()
    for index, k in kiosks:
        pair = wire.KeyPair.from_private_dict(k["keys"])
        platform = wire.PublicKeys.from_dict(k["platform"])
        identity = Identity(DeviceKeys(pair.sign, pair.kem), Enrollment(
            k["device_id"], url, k["service_point"], k["platform"]["sign"], k["platform"]["kem"], fingerprint,
            "2026-11-30T00:00:00Z"))
        records = kiosk_records(args["tag"], index, args["records"])
        step = args["batch_records"]
        batches = []
        for b, start in enumerate(range(0, len(records), step)):
            batch_id = f"{args['tag']}-{b}"
            # The audit head only grows, across batches and curve points, as on a real kiosk.
            head = {"seq": args["audit_base"] + b + 1, "hash": f"{args['audit_base'] + b + 1:064x}"}
            batches.append((batch_id, wire.seal_batch(records[start:start + step], device_id=k["device_id"],
                                                      batch_id=batch_id, audit_head=head, signer=pair.sign,
                                                      recipient=platform.kem)))
        work.put((identity, platform, batches))
    latencies: list[float] = []
    totals = {"acked": 0, "retries": 0, "failures": 0}
    lock = threading.Lock()

    def run() -> None:
        transport = RequestsTransport(read_timeout=120)
        while True:
            try:
                identity, platform, batches = work.get_nowait()
            except queue.Empty:
                break
            client = GatewayClient(identity, url, transport)
            for batch_id, envelope in batches:
                started = time.perf_counter()
                for attempt in range(8):
                    try:
                        resp = client.call("POST", kinds.PATH_BATCHES, body=envelope,
                                           content_type=kinds.ENVELOPE_MEDIA_TYPE)
                        ack = wire.verify_ack(resp.body, platform.sign, device_id=identity.device_id,
                                              batch_id=batch_id)
                        with lock:
                            latencies.append(time.perf_counter() - started)
                            totals["acked"] += len(ack.accepted)
                        break
                    except Retryable:
                        with lock:
                            totals["retries"] += 1
                        time.sleep(min(1.0, 0.05 * 2 ** attempt))
                else:
                    with lock:
                        totals["failures"] += 1
        transport.close()

    barrier.wait()
    cpu = sum(os.times()[:2])
    threads = [threading.Thread(target=run) for _ in range(args["threads"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put({"latencies": latencies, **totals, "finished": time.time(),
                 "cpu": sum(os.times()[:2]) - cpu})


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] if ordered else 0.0


def run_point(server: GatewayServer, kiosks: list[dict[str, Any]], args: argparse.Namespace, tag: str,
              audit_base: int, pg_pid: int | None) -> dict[str, Any]:
    # Spawned, not forked: this process has had threads (enrollment, the server's pipes), and a child
    # forked while one of them held a lock hung for good (seen once in a few dozen runs).
    ctx = multiprocessing.get_context("spawn")
    processes = max(1, min(args.client_processes, len(kiosks)))
    barrier = ctx.Barrier(processes + 1)
    results = ctx.Queue()
    shared = {"tag": tag, "records": args.records, "batch_records": args.batch_records, "threads": args.threads,
              "audit_base": audit_base}
    procs = [ctx.Process(target=client_process, args=(server.url, server.fingerprint,
                                                      list(enumerate(kiosks))[p::processes], shared, barrier,
                                                      results)) for p in range(processes)]
    for p in procs:
        p.start()
    gateway_cpu, pg_cpu = server.cpu(), sum(cpu_seconds(p) for p in tree(pg_pid)) if pg_pid else 0.0
    busy0, total0 = busy_jiffies()
    barrier.wait(timeout=600)
    started = time.time()
    reports = [results.get(timeout=900) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    busy1, total1 = busy_jiffies()
    seconds = max(r["finished"] for r in reports) - started
    latencies = [x for r in reports for x in r["latencies"]]
    acked = sum(r["acked"] for r in reports)
    admin = server.admin()
    try:
        with admin.locked() as conn:
            stored, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT record_id) FROM records "
                                            "WHERE record_id LIKE ?", (f"{tag}-%",)).fetchone()
    finally:
        admin.close()
    expected = len(kiosks) * args.records
    return {
        "kiosks": len(kiosks), "records": expected, "seconds": round(seconds, 3),
        "records_per_s": round(acked / seconds, 1), "batches": len(latencies),
        "p50_batch_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p99_batch_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "acked": acked, "stored": int(stored), "lost": expected - int(stored),
        "duplicated": int(stored) - int(distinct), "acked_equals_stored": acked == int(stored),
        "retries": sum(r["retries"] for r in reports), "failed_batches": sum(r["failures"] for r in reports),
        "cpu_seconds": {"gateway": round(server.cpu() - gateway_cpu, 1),
                        "postgresql": round(sum(cpu_seconds(p) for p in tree(pg_pid)) - pg_cpu, 1) if pg_pid else None,
                        "kiosks": round(sum(r["cpu"] for r in reports), 1)},
        "machine_cpu_busy": round((busy1 - busy0) / max(1, total1 - total0), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosks", type=int, default=500)
    parser.add_argument("--records", type=int, default=100, help="records each kiosk sends per curve point")
    parser.add_argument("--batch-records", type=int, default=100)
    parser.add_argument("--curve", default="50,100,250,500", help="kiosk counts, comma-separated")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=16, help="sending threads per client process")
    args = parser.parse_args()
    curve = sorted({min(args.kiosks, int(n)) for n in args.curve.split(",")} | {args.kiosks})

    from pg_cluster import PgCluster  # type: ignore[import-not-found]  # tests/, put on sys.path above

    result: dict[str, Any] = {
        "benchmark": "province scale: kiosks pushing sealed batches to the county gateway on 127.0.0.1",
        "kiosks": args.kiosks, "records_per_kiosk": args.records, "batch_records": args.batch_records,
        "client_processes": args.client_processes, "threads_per_process": args.threads,
        "cpus": os.cpu_count(), "engines": {}}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, PgCluster(durable=True) as cluster:
        pg_pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
        for engine, workers in ENGINES:
            work = Path(tmp) / engine
            work.mkdir()
            (work / "data").mkdir()
            db = cluster.create_database("scale") if engine == "postgresql" else str(work / "data" / "gateway.db")
            server = GatewayServer(db, workers, work)
            try:
                kiosks = enroll_kiosks(server, args.kiosks)
                points = [run_point(server, kiosks[:n], args, f"p{n}", audit_base=1000 * (i + 1),
                                    pg_pid=pg_pid if engine == "postgresql" else None)
                          for i, n in enumerate(curve)]
            finally:
                server.stop()
            result["engines"][f"{engine}_{workers}_worker{'s' if workers > 1 else ''}"] = {
                "engine": engine, "workers": workers, "curve": points, "at_full_scale": points[-1]}
    sqlite, pg = (result["engines"][k]["at_full_scale"] for k in ("sqlite_1_worker", "postgresql_2_workers"))
    result["postgresql_to_sqlite_records_per_s"] = round(pg["records_per_s"] / sqlite["records_per_s"], 3)
    result["all_within_one_minute"] = all(p["seconds"] <= 60 for p in (sqlite, pg))
    result["none_lost_or_duplicated"] = all(
        p["lost"] == 0 and p["duplicated"] == 0 and p["acked_equals_stored"] and p["failed_batches"] == 0
        for e in result["engines"].values() for p in e["curve"])
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["none_lost_or_duplicated"] else 1


if __name__ == "__main__":
    sys.exit(main())
