"""The sync benchmark's own gateway: the production app plus a baseline route the product never has.

``POST /v1/bench/plain-batches`` takes unsigned, unencrypted JSON ``{device_id, batch_id, records}`` and
stores it through the gateway's one idempotent intake (``county.intake.store_batch``), so that
``bench/sync.py`` can measure what the protocol's cryptography costs against the same server. Every
other route is the production gateway's, unchanged.

    python bench/plain_gateway.py --db PATH [--port 0]

prints one JSON line ``{"url", "db", "fingerprint"}`` once it listens, then serves until SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
from fastapi import Request  # noqa: E402
from fastapi.responses import Response  # noqa: E402
from starlette.concurrency import run_in_threadpool  # noqa: E402

from county import intake  # noqa: E402
from county.app import create_app, read_body  # noqa: E402
from county.service import Gateway  # noqa: E402
from sync import wire  # noqa: E402
from sync.wire import errors as codes  # noqa: E402

PLAIN_PATH = "/v1/bench/plain-batches"


def receive_plain(gateway: Gateway, body: bytes) -> bytes:
    """An unsigned, unencrypted batch through the same storage path as a sealed one."""
    obj = wire.parse_json(body, what="the plain batch")
    if not isinstance(obj, dict) or not isinstance(obj.get("records"), list) \
            or not isinstance(obj.get("batch_id"), str) or not obj["batch_id"]:
        raise wire.MalformedError("a plain batch is {device_id, batch_id, records: [...]}", code=codes.BAD_REQUEST)
    with gateway.locked() as conn:
        row = conn.execute("SELECT * FROM devices WHERE device_id = ? AND revoked_at IS NULL",
                           (obj.get("device_id"),)).fetchone()
        if row is None:
            raise wire.RequestRefused("plain batches need an enrolled device id", code=codes.UNKNOWN_DEVICE)
        batch = wire.Batch({"type": "plain", "device_id": row["device_id"], "batch_id": obj["batch_id"],
                            "count": len(obj["records"])}, obj["records"])
        return intake.store_batch(conn, gateway.keys, batch, now=gateway.clock(), source="plain")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    gateway = Gateway(args.db)
    app = create_app(gateway)

    @app.post(PLAIN_PATH, include_in_schema=False)
    async def plain_batches(request: Request) -> Response:
        body = await read_body(request, gateway.max_body)
        return Response(await run_in_threadpool(receive_plain, gateway, body), media_type="application/json")

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(128)
    print(json.dumps({"url": f"http://127.0.0.1:{sock.getsockname()[1]}", "db": str(args.db),
                      "fingerprint": gateway.keys.public.fingerprint()}), flush=True)
    try:
        uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="warning", access_log=False)).run(
            sockets=[sock])
    finally:
        gateway.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
