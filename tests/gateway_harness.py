"""A real county gateway in a subprocess on 127.0.0.1, for any test that needs one.

    with GatewayProcess(tmp_path / "gw.db") as gw:     # or a postgresql:// URL
        offer = gw.token("sp-1")            # dict from `county-gateway token --json`
        device = enroll(gw.url, offer["token"], fingerprint=offer["fingerprint"])
        # or, without a subprocess: enroll(gw.url, issue_token(gw.db, gw.url, "sp-1"))
        client = SignedClient(gw.url, device)
        ack = client.post_batch(envelope_bytes)
        gw.restart()                        # same db, same port
        gw.cli("approve", "--subject", "X") # any admin command, --db added

``SignedClient`` signs requests with ``sync.wire`` exactly as the protocol
says, and lets a test override any header or the body to try hostile input.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from sync import wire
from sync.wire import kinds

ROOT = Path(__file__).resolve().parent.parent
# ``pytestmark = ENGINES`` runs a module's gateway tests on both engines (tests/county/conftest.py).
ENGINES = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True, scope="module")
# ``@SQLITE`` on a test of such a module that needs SQLite only: it shares the module's SQLite gateway
# (an unmarked test would get a gateway of its own).
SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True, scope="module")


class GatewayProcess:
    """``county-gateway serve`` on an ephemeral port; restartable on the same port and db."""

    def __init__(self, db: Path | str, *, auto_approve: float | None = None,
                 max_body: int | None = None,
                 serve_args: tuple[str, ...] = (), fd_limit: int | None = None,
                 stderr: Path | None = None) -> None:
        """``serve_args`` go to ``serve`` as they are; ``fd_limit`` lowers the process's soft and hard
        open-file limits; ``stderr`` collects what the gateway logs (appended across restarts)."""
        # A PostgreSQL URL stays a string (a Path would fold its "//").
        self.db: Path | str = db if str(db).startswith(("postgresql://", "postgres://")) else Path(db)
        self.serve_args = serve_args
        self.fd_limit = fd_limit
        self.stderr = stderr
        self.auto_approve = auto_approve
        self.max_body = max_body
        self.port = 0
        self.url = ""
        self.fingerprint = ""
        self.proc: subprocess.Popen[str] | None = None
        self.info: dict[str, Any] = {}

    def __enter__(self) -> GatewayProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, timeout: float = 30.0) -> str:
        args = [sys.executable, "-m", "county.cli", "serve", "--db", str(self.db),
                "--host", "127.0.0.1", "--port", str(self.port)]
        if self.auto_approve is not None:
            args += ["--auto-approve", str(self.auto_approve)]
        if self.max_body is not None:
            args += ["--max-body", str(self.max_body)]
        args += self.serve_args
        limit = self.fd_limit

        def lower_fd_limit() -> None:
            import resource

            resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

        err = self.stderr.open("ab") if self.stderr is not None else None
        try:
            self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True,
                                         env={**os.environ, "PYTHONUNBUFFERED": "1"},
                                         preexec_fn=lower_fd_limit if limit is not None else None)
        finally:
            if err is not None:
                err.close()
        assert self.proc.stdout is not None
        line = self._first_line(timeout)
        self.info = info = json.loads(line)
        self.url, self.fingerprint = info["url"], info["fingerprint"]
        self.port = int(self.url.rsplit(":", 1)[1])
        return self.url

    def _first_line(self, timeout: float) -> str:
        import selectors

        assert self.proc is not None and self.proc.stdout is not None
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            self.kill()
            raise RuntimeError(f"the gateway did not start within {timeout} s")
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait(timeout=5)
            raise RuntimeError(f"the gateway exited with {code} before listening")
        return line

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM and wait (graceful: requests in flight finish)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self._close()

    def kill(self) -> None:
        """SIGKILL: the gateway dies mid-whatever."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self._close()

    def _close(self) -> None:
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()
        self.proc = None

    def restart(self) -> str:
        self.stop()
        return self.start()

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``county-gateway <command> --db <this db> <args…>``."""
        cmd = [sys.executable, "-m", "county.cli", args[0], "--db", str(self.db), *args[1:]]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
        return done

    def cli_json(self, *args: str) -> dict[str, Any]:
        return json.loads(self.cli(*args, "--json").stdout)

    def token(self, service_point: str = "sp-1", *extra: str) -> dict[str, Any]:
        return self.cli_json("token", "--url", self.url, "--service-point", service_point, *extra)


def issue_token(db: Path | str, url: str, service_point: str = "sp-1", *, ttl_hours: float = 24,
                at: float | None = None) -> str:
    """A one-time enrollment token written straight into the gateway database (no subprocess);
    ``at`` back-dates it, e.g. to test expiry."""
    import time

    from county.service import Gateway

    gw = Gateway(db, clock=(lambda: at) if at is not None else time.time)
    try:
        return gw.issue_token(url=url, service_point=service_point, ttl_hours=ttl_hours).token
    finally:
        gw.close()


@dataclass(frozen=True)
class Device:
    device_id: str
    keys: wire.KeyPair
    platform: wire.PublicKeys
    service_point: str


def enroll(url: str, token: str, *, keys: wire.KeyPair | None = None,
           fingerprint: str | None = None) -> Device:
    keys = keys or wire.KeyPair.generate()
    resp = requests.post(url + kinds.PATH_ENROLL, json=wire.enroll_request(token, keys), timeout=10)
    if resp.status_code != 200:
        raise wire.error_from_body(resp.status_code, _json(resp))
    got = wire.parse_enroll_response(resp.json(), expected_fingerprint=fingerprint)
    return Device(got.device_id, keys, got.platform, got.service_point)


def _json(resp: requests.Response) -> Any:
    try:
        return resp.json()
    except ValueError:
        return None


class SignedClient:
    """Signed requests for one device; every part can be overridden for hostile tests."""

    def __init__(self, url: str, device: Device) -> None:
        self.url = url
        self.device = device
        self.session = requests.Session()
        self.audit_seq = 0

    def headers(self, method: str, target: str, body: bytes, **override: Any) -> dict[str, str]:
        signer = override.pop("signer", self.device.keys.sign)
        headers = wire.sign_request(signer, device_id=override.pop("device_id",
                                                                   self.device.device_id),
                                    method=method, target=target, body=body,
                                    now=override.pop("now", None), nonce=override.pop("nonce", None))
        headers.update(override)
        return headers

    def send(self, method: str, target: str, body: bytes = b"", *,
             headers: dict[str, str] | None = None, **override: Any) -> requests.Response:
        headers = headers if headers is not None else self.headers(method, target, body, **override)
        return self.session.request(method, self.url + target, data=body or None,
                                    headers=headers, timeout=30)

    def seal(self, records: list[dict[str, Any]], batch_id: str) -> bytes:
        # The audit head only grows, as on a real kiosk (the gateway refuses one that goes back).
        self.audit_seq += len(records)
        return wire.seal_batch(records, device_id=self.device.device_id, batch_id=batch_id,
                               audit_head={"seq": self.audit_seq, "hash": "0" * 64},
                               signer=self.device.keys.sign, recipient=self.device.platform.kem)

    def post_batch(self, envelope: bytes, **override: Any) -> requests.Response:
        return self.send("POST", kinds.PATH_BATCHES, envelope, **override)

    def ack(self, envelope: bytes, batch_id: str) -> wire.Ack:
        resp = self.post_batch(envelope)
        if resp.status_code != 200:
            raise wire.error_from_body(resp.status_code, _json(resp))
        return wire.verify_ack(resp.content, self.device.platform.sign,
                               device_id=self.device.device_id, batch_id=batch_id)

    def changes(self, cursor: str | None = None) -> wire.SealedPage:
        target = kinds.PATH_CHANGES + (f"?cursor={cursor}" if cursor is not None else "")
        resp = self.send("GET", target)
        if resp.status_code != 200:
            raise wire.error_from_body(resp.status_code, _json(resp))
        return wire.open_changes(resp.content, device_id=self.device.device_id,
                                 sender=self.device.platform.sign, recipient=self.device.keys.kem)

    def all_items(self) -> list[wire.Item]:
        items, cursor = [], None
        while True:
            page = self.changes(cursor)
            items += [wire.verify_item(i, self.device.platform.sign) for i in page.items]
            if page.next_cursor == page.cursor:
                return items
            cursor = page.next_cursor


def record(record_id: str, kind: str = kinds.HANDOVER_READY, subject: str = "unit-1", *,
           seq: int = 1, payload: dict[str, Any] | None = None,
           training: bool = False) -> dict[str, Any]:
    return wire.make_record(record_id=record_id, seq=seq, kind=kind, subject=subject,
                            training=training, created_at="2026-11-28T04:00:00Z",
                            payload=payload if payload is not None else {"n": record_id})
