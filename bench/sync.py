"""Sync benchmark: drain handover records from a kiosk to a county gateway on loopback.

Prints one JSON object. The gateway is the real one, served by the benchmark's
own ``bench/plain_gateway.py`` (the production app plus the baseline route) in
its own process, on 127.0.0.1, committing every batch
with ``synchronous=FULL``; the kiosk side settles every acknowledgement in
one ``synchronous=FULL`` transaction. Two drains of the same shape run in the
same process against the same server:

- ``plain``: the baseline, one JSON POST per batch of ``{device_id, batch_id,
  records}`` to ``/v1/bench/plain-batches`` (no compression, no HPKE, no
  request signature, no ack signature check), stored through the same
  idempotent intake;
- ``sealed``: the real agent path (``sync.push.push_all``): zstd, HPKE to the
  platform key, signed header and request, signed ack verified.

The baseline runs first, so the sealed drain writes into the larger tables.
Each record is a handover; every tenth carries a 20 KB signature image
(random bytes, base64). ``wire_bytes`` counts HTTP request and response
bodies plus header lines as sent; ``compressed_plaintext_bytes`` is the
records of each sealed batch as canonical JSON compressed with zstd level 3,
the size the envelope would have with no cryptography at all.

    .venv/bin/python bench/sync.py [--records 10000] [--image-every 10] [--image-bytes 20480]

Targets (issue 4): >= 1,000 records/s sealed end to end; sealed time <= 1.25x
plain; wire bytes <= 1.1x the compressed plaintext.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import zstandard

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.config import load_config  # noqa: E402
from kiosk.identity import load_identity  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.vault import Vault, create_key_file  # noqa: E402
from kiosk.store.outbox import counts as outbox_counts  # noqa: E402
from sync import outbox, wire  # noqa: E402
from sync.client import GatewayClient  # noqa: E402
from sync.enroll import EnrollTarget, enroll  # noqa: E402
from sync.push import batch_id_for, push_all, wire_records  # noqa: E402
from sync.transport import RequestsTransport, Response  # noqa: E402

from bench.plain_gateway import PLAIN_PATH  # noqa: E402



class CountingTransport(RequestsTransport):
    """The default transport, counting what crosses the loopback."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.received = 0

    def request(self, method: str, url: str, *, headers: Mapping[str, str],
                body: bytes | None = None) -> Response:
        resp = super().request(method, url, headers=headers, body=body)
        self.sent += len(method) + len(url) + 11 + _header_bytes(headers) + len(body or b"")
        self.received += 17 + _header_bytes(resp.headers) + len(resp.body)
        return resp


def _header_bytes(headers: Mapping[str, str]) -> int:
    return sum(len(k) + len(v) + 4 for k, v in headers.items()) + 2


def start_gateway(db: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "plain_gateway.py"), "--db", str(db),
                             "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise SystemExit(f"the gateway did not start (exit {proc.wait()})")
    return proc, json.loads(line)


def issue_token(db: Path, url: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "county.cli", "token", "--db", str(db), "--url", url,
                           "--service-point", "bench", "--json"], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return dict(json.loads(done.stdout))


def fill(store: Store, n: int, *, image_every: int, image_bytes: int, tag: str) -> None:
    """``n`` handover records through units of work of 500, the way the handover flow writes them."""
    done = 0
    while done < n:
        with store.unit_of_work("bench") as uow:
            uow.log("bench.handover", f"{tag}-{done}")
            for i in range(done, min(n, done + 500)):
                payload: dict[str, Any] = {
                    "unit_code": f"410425001001GB00001F{i:08d}"[:28],
                    "project_id": "P-2026-018", "handover_at": uow.at,
                    "buyers": [{"position": 1, "role": "owner", "id_masked": "410425********1234"}],
                    "checklist": {"keys": True, "meters": {"water": 123.4, "power": 5678.9}, "defects": []},
                    "staff": "S001", "certificate_no": f"豫(2026)郏县不动产权第{i:07d}号",
                }
                if i % image_every == 0:
                    payload["signature_png_b64"] = base64.b64encode(os.urandom(image_bytes)).decode("ascii")
                uow.push("handover.ready", payload["unit_code"], payload)
            done = min(n, done + 500)


def compressed_plaintext(store: Store, batch: int) -> tuple[int, int]:
    """(plain bytes, zstd-3 bytes) of the pending records, batch by batch as the agent sends them."""
    zc = zstandard.ZstdCompressor(level=3)
    plain = packed = 0
    after = 0
    while records := outbox.pending(store, batch, after_seq=after):
        body = wire.canonical_json({"records": wire_records(records)})
        plain += len(body)
        packed += len(zc.compress(body))
        after = records[-1].seq
    return plain, packed


def drain_plain(store: Store, transport: CountingTransport, url: str, device_id: str, batch: int) -> int:
    """The baseline drain: same reading and settling, no protocol cryptography."""
    drained = 0
    while records := outbox.pending(store, batch):
        batch_id = batch_id_for(records)
        body = wire.canonical_json({"device_id": device_id, "batch_id": batch_id,
                                    "records": wire_records(records)})
        resp = transport.request("POST", url + PLAIN_PATH, headers={"Content-Type": "application/json"},
                                 body=body)
        if resp.status != 200:
            raise SystemExit(f"plain batch refused: HTTP {resp.status} {resp.body[:200]!r}")
        ack = json.loads(resp.body)
        outbox.settle(store, batch_id=batch_id, accepted=ack["accepted"],
                      rejected=[outbox.Rejection(r["record_id"], r["code"], r["reason"]) for r in ack["rejected"]])
        drained += len(records)
    return drained


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--image-every", type=int, default=10)
    parser.add_argument("--image-bytes", type=int, default=20 * 1024)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        work = Path(tmp)
        gw_db = work / "county.sqlite"
        proc, info = start_gateway(gw_db)
        try:
            home = work / "kiosk"
            home.mkdir()
            config = load_config(home)
            create_key_file(config.key_dir)
            offer = issue_token(gw_db, info["url"])
            setup = RequestsTransport()
            enroll(config, setup, EnrollTarget(info["url"], offer["token"], offer["fingerprint"], "bench"))
            setup.close()
            identity = load_identity(config.key_dir)
            batch = int(config["sync"]["batch_max_records"])
            store = Store(config.db_path, Vault.from_key_dir(config.key_dir))

            fill(store, args.records, image_every=args.image_every, image_bytes=args.image_bytes, tag="plain")
            plain_transport = CountingTransport()
            t0 = time.perf_counter()
            plain_n = drain_plain(store, plain_transport, info["url"], identity.device_id, batch)
            plain_s = time.perf_counter() - t0

            fill(store, args.records, image_every=args.image_every, image_bytes=args.image_bytes, tag="sealed")
            plaintext, compressed = compressed_plaintext(store, batch)
            sealed_transport = CountingTransport()
            client = GatewayClient(identity, info["url"], sealed_transport)
            t0 = time.perf_counter()
            result = push_all(client, store, batch_max=batch)
            sealed_s = time.perf_counter() - t0
            left = outbox_counts(store)["pending"]
            store.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        status = json.loads(subprocess.run(
            [sys.executable, "-m", "county.cli", "status", "--db", str(gw_db), "--json"], cwd=ROOT,
            capture_output=True, text=True, check=True).stdout)

    sealed_wire = sealed_transport.sent + sealed_transport.received
    plain_wire = plain_transport.sent + plain_transport.received
    rate = result.accepted / sealed_s
    overhead = sealed_s / plain_s
    wire_ratio = sealed_wire / compressed
    print(json.dumps({
        "benchmark": "sync drain, kiosk -> county gateway on 127.0.0.1",
        "records": args.records,
        "image_records": len(range(0, args.records, args.image_every)),
        "batch_max_records": batch,
        "sealed": {"seconds": round(sealed_s, 3), "records_per_s": round(rate, 1),
                   "accepted": result.accepted, "batches": result.batches, "left_pending": left,
                   "wire_bytes": sealed_wire, "request_bytes": sealed_transport.sent,
                   "response_bytes": sealed_transport.received},
        "plain": {"seconds": round(plain_s, 3), "records_per_s": round(plain_n / plain_s, 1),
                  "wire_bytes": plain_wire},
        "plaintext_bytes": plaintext,
        "compressed_plaintext_bytes": compressed,
        "gateway_status": status,
        "crypto_overhead_ratio": round(overhead, 3),
        "wire_vs_compressed_ratio": round(wire_ratio, 3),
        "targets": {"records_per_s>=1000": rate >= 1000, "crypto_overhead<=1.25": overhead <= 1.25,
                    "wire<=1.1x_compressed": wire_ratio <= 1.1},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
