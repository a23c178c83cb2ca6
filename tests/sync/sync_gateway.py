"""A real county gateway (``county.app`` on uvicorn) on 127.0.0.1 inside the test process,
with the admin operations the sync tests need. Restartable on the same port and database, a SQLite
path or a PostgreSQL URL."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from county import issuing
from county.app import create_app
from county.service import Gateway
from county.store import transaction
from sync import wire


def listening_socket(port: int = 0) -> socket.socket:
    """Bound here and handed to uvicorn, so no other process can take the port in between."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


class LiveGateway:
    def __init__(self, db: Path | str, *, port: int | None = None, max_body: int | None = None) -> None:
        self.db = db
        self.max_body = max_body
        self.port = port or 0
        self.gw: Gateway | None = None
        self._server: uvicorn.Server | None = None
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def gateway(self) -> Gateway:
        assert self.gw is not None, "the gateway is stopped"
        return self.gw

    def start(self) -> "LiveGateway":
        self.gw = Gateway(self.db) if self.max_body is None else Gateway(self.db, max_body=self.max_body)
        config = uvicorn.Config(create_app(self.gw), host="127.0.0.1", port=self.port, log_level="critical",
                                lifespan="off")
        self._server = uvicorn.Server(config)
        self._socket = listening_socket(self.port)
        self.port = int(self._socket.getsockname()[1])
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]},
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"the test gateway did not start on port {self.port}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
        if self.gw is not None:
            self.gw.close()
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self.gw = self._socket = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def token(self, service_point: str = "SP-JX-01", *, ttl_hours: float = 24) -> wire.EnrollmentOffer:
        return self.gateway.issue_token(url=self.url, service_point=service_point, ttl_hours=ttl_hours)

    def status(self) -> dict[str, Any]:
        return self.gateway.status()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self.gateway.locked() as conn:
            return conn.execute(sql, params).fetchall()

    def approve(self, record_id: str) -> list[dict[str, Any]]:
        gw = self.gateway
        with gw.locked() as conn, transaction(conn):
            row = conn.execute("SELECT * FROM records WHERE record_id = ?", (record_id,)).fetchone()
            assert row is not None, f"the gateway holds no record {record_id}"
            return issuing.approve(conn, gw.keys, row, now=gw.clock())

    def issue_to(self, device_id: str, *, kind: str, subject: str, data: dict[str, Any]) -> dict[str, Any]:
        gw = self.gateway
        with gw.locked() as conn, transaction(conn):
            return issuing.issue(conn, gw.keys, kind=kind, subject=subject, data=data,
                                 audience=issuing.device_audience(device_id), now=gw.clock())

    def revoke(self, device_id: str, reason: str = "kiosk stolen") -> None:
        gw = self.gateway
        with gw.locked() as conn, transaction(conn):
            issuing.revoke(conn, gw.keys, device_id=device_id, reason=reason, now=gw.clock())
