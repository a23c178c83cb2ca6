"""The starvation attack of issue 12, against the real gateway process on 127.0.0.1.

The gateway runs with its open-file limit lowered to 256 (soft and hard, so it
cannot raise it): more than 256 idle and one-byte-a-second connections, from
several loopback addresses, then reach past the limit in a second instead of
the 1,100 the attack needed at the common 1,024. Bounds stated by the issue:
a real kiosk's sync completes within SYNC_BOUND seconds of the attack ending,
and SIGTERM stops the gateway within 5 s while it is attacked.

The kiosk's sync after the attack runs on both engines (on PostgreSQL the gateway's pool needs
descriptors of its own for its connections to the server); the other tests are about connections
and descriptors before any request reaches the database, and run on SQLite.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gateway_harness import ENGINES, GatewayProcess

from sync.wire import kinds

ROOT = Path(__file__).resolve().parents[2]
FD_LIMIT = 256
ATTACK_SOCKETS = 320
ATTACK_ADDRESSES = [f"127.0.0.{n}" for n in range(2, 10)]
ATTACK_SECONDS = 4.0
# Below the cap derived from 256 descriptors (192), so that the attack reaches it within its
# first second whatever the kernel's accept timing; the derived cap is checked on its own.
MAX_CONNECTIONS = 100
# Seconds from the attack's end to a completed `kiosk sync --once`, the process's start included.
SYNC_BOUND = 15.0
SHUTDOWN_BOUND = 5.0
LOG_BOUND = 20_000  # bytes the gateway may log over a whole attack (it logged ~2 MB/s before)
HEAD = b"GET /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


class Attacker:
    """Silent and one-byte-a-second connections, reopened as the gateway drops them."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.slots: list[socket.socket | None] = [None] * ATTACK_SOCKETS
        self.stop = threading.Event()

    def _open(self, i: int) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.bind((ATTACK_ADDRESSES[i % len(ATTACK_ADDRESSES)], 0))
        s.connect_ex(("127.0.0.1", self.port))
        self.slots[i] = s

    def _close(self, i: int) -> None:
        s = self.slots[i]
        if s is not None:
            s.close()
        self.slots[i] = None

    def run(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        sent = [0] * ATTACK_SOCKETS
        while time.monotonic() < deadline and not self.stop.is_set():
            for i, s in enumerate(self.slots):
                if s is None:
                    self._open(i)
                    continue
                try:
                    if i % 2:
                        s.send(HEAD[sent[i] % len(HEAD):][:1])
                        sent[i] += 1
                    elif s.recv(1, socket.MSG_PEEK) == b"":
                        self._close(i)
                except BlockingIOError:
                    pass
                except OSError:
                    self._close(i)
                    sent[i] = 0
            self.stop.wait(1.0)

    def close(self) -> None:
        for i in range(ATTACK_SOCKETS):
            self._close(i)

    def __enter__(self) -> Attacker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.close()


def turned_away(log: str, reason: str) -> int:
    """Connections the gateway reports it refused or dropped for ``reason``."""
    return sum(int(n) for n in re.findall(rf"(\d+) {reason}", log))


def open_descriptors(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


@pytest.fixture
def attacked(tmp_path: Path, new_db: Callable[[], str | Path]) -> Iterator[GatewayProcess]:
    gw = GatewayProcess(new_db(), fd_limit=FD_LIMIT, stderr=tmp_path / "gateway.log",
                        serve_args=("--max-connections", str(MAX_CONNECTIONS), "--header-timeout", "2",
                                    "--body-timeout", "2", "--report-every", "0.5"))
    gw.start()
    yield gw
    gw.kill()


def _kiosk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "KIOSK_HOME": str(home)})


def _enrolled_kiosk_with_records(data_dir: Path, gw: GatewayProcess, n: int) -> None:
    from kiosk.config import load_config
    from kiosk.store import Store
    from kiosk.vault import Vault
    from sync.enroll import EnrollTarget
    from sync.enroll import enroll as enroll_kiosk
    from sync.transport import RequestsTransport

    offer = gw.token()
    config = load_config(data_dir)
    transport = RequestsTransport()
    enroll_kiosk(config, transport, EnrollTarget(offer["url"], offer["token"], offer["fingerprint"],
                                                 offer["service_point"]))
    transport.close()
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store, \
            store.unit_of_work("test") as uow:
        uow.log("test.handover", "starvation")
        for i in range(n):
            uow.push("handover.ready", f"U{i:06d}", {"i": i})


@ENGINES
def test_kiosk_syncs_after_an_attack_past_the_descriptor_limit(attacked, data_dir, tmp_path):
    _enrolled_kiosk_with_records(data_dir, attacked, 25)
    assert attacked.proc is not None
    pid = attacked.proc.pid
    with Attacker(attacked.port) as attacker:
        runner = threading.Thread(target=attacker.run, args=(ATTACK_SECONDS,))
        runner.start()
        peak_fds = 0
        while runner.is_alive():
            peak_fds = max(peak_fds, open_descriptors(pid))
            time.sleep(0.1)
        runner.join()
        assert attacked.proc.poll() is None, "the gateway died under the attack"
        assert peak_fds < FD_LIMIT, "the gateway ran out of descriptors"
    ended = time.monotonic()
    done = _kiosk(data_dir, "sync", "--once", "--json")
    took = time.monotonic() - ended
    log = (tmp_path / "gateway.log").read_text("utf-8")
    assert done.returncode == 0, f"{done.stderr}\n--- gateway log ---\n{log[-3000:]}"
    result = json.loads(done.stdout)
    assert result["accepted"] == 25 and result["errors"] == [], result
    assert took < SYNC_BOUND, f"the sync took {took:.1f} s after the attack ended"
    # The cap was reached (the rest of the attack waited in the kernel's backlog, costing the
    # gateway no descriptor) and the slow heads were dropped.
    assert turned_away(log, "over the connection cap") > 0, log[-3000:]
    assert turned_away(log, "request head not complete in time") > 0, log[-3000:]
    assert "Too many open files" not in log
    assert len(log.encode()) < LOG_BOUND


def test_the_connection_cap_is_derived_from_the_descriptor_limit(tmp_path):
    with GatewayProcess(tmp_path / "county.sqlite", fd_limit=FD_LIMIT) as gw:
        assert gw.info["descriptor_limit"] == FD_LIMIT
        assert gw.info["max_connections"] == FD_LIMIT - 64
    done = subprocess.run([sys.executable, "-m", "county.cli", "serve", "--db", str(tmp_path / "x.sqlite"),
                           "--port", "0", "--max-connections", "250"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, preexec_fn=_lower_fd_limit)
    assert done.returncode == 1
    assert "--max-connections must be between 1 and 192" in done.stderr


def test_the_soft_descriptor_limit_is_raised_to_the_hard_one(tmp_path):
    import resource

    def soft_256_hard_512() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 512))

    proc = subprocess.Popen([sys.executable, "-m", "county.cli", "serve", "--db", str(tmp_path / "c.sqlite"),
                             "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            preexec_fn=soft_256_hard_512)
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert info["descriptor_limit"] == 512 and info["max_connections"] == 512 - 64
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=SHUTDOWN_BOUND)
        assert proc.stdout is not None
        proc.stdout.close()


def test_one_address_cannot_take_every_connection(tmp_path):
    import requests

    log = tmp_path / "gateway.log"
    with GatewayProcess(tmp_path / "county.sqlite", stderr=log,
                        serve_args=("--max-per-address", "5", "--report-every", "0.2")) as gw:
        held = []
        for _ in range(10):
            s = socket.socket()
            s.bind(("127.0.0.2", 0))
            s.connect(("127.0.0.1", gw.port))
            held.append(s)
        try:
            time.sleep(0.5)
            reset = 0
            for s in held:
                s.settimeout(0.5)
                try:
                    reset += s.recv(1) == b""
                except ConnectionResetError:
                    reset += 1
                except TimeoutError:
                    pass
            assert reset == 5
            assert requests.get(gw.url + kinds.PATH_CHANGES, timeout=5).status_code == 400
        finally:
            for s in held:
                s.close()
        time.sleep(0.5)
    assert "over the per-address cap (most from 127.0.0.2: " in log.read_text("utf-8")


def _lower_fd_limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_NOFILE, (FD_LIMIT, FD_LIMIT))


def test_sigterm_stops_the_gateway_under_attack(attacked, tmp_path):
    assert attacked.proc is not None
    with Attacker(attacked.port) as attacker:
        runner = threading.Thread(target=attacker.run, args=(ATTACK_SECONDS + SHUTDOWN_BOUND,))
        runner.start()
        time.sleep(ATTACK_SECONDS)
        log = (tmp_path / "gateway.log").read_text("utf-8")
        assert turned_away(log, "over the connection cap") > 0, "the attack never filled the gateway"
        attacked.proc.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        try:
            attacked.proc.wait(timeout=SHUTDOWN_BOUND)
        finally:
            attacker.stop.set()
            runner.join()
        assert time.monotonic() - sent < SHUTDOWN_BOUND
    assert len((tmp_path / "gateway.log").read_bytes()) < LOG_BOUND


def _closed_within(sock: socket.socket, seconds: float, *, drip: bool) -> float | None:
    """Seconds until the gateway closed ``sock`` (dripping one byte a second if asked), or None."""
    sock.settimeout(1.0)
    start = time.monotonic()
    sent = 0
    while time.monotonic() - start < seconds:
        try:
            if drip:
                sock.send(HEAD[sent:sent + 1])
                sent += 1
            if sock.recv(1) == b"":
                return time.monotonic() - start
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - start
    return None


@pytest.mark.parametrize("drip", [False, True], ids=["silent", "one-byte-a-second"])
def test_slow_or_silent_connection_is_dropped(attacked, drip):
    with socket.create_connection(("127.0.0.1", attacked.port)) as sock:
        closed = _closed_within(sock, 10.0, drip=drip)
    assert closed is not None, "the gateway kept the connection 10 s past its 2 s header timeout"
    assert closed > 1.5, "dropped before its header timeout"


def test_a_slow_body_is_dropped(attacked):
    with socket.create_connection(("127.0.0.1", attacked.port)) as sock:
        sock.sendall(b"POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000\r\n\r\n")
        closed = _closed_within(sock, 10.0, drip=True)
    assert closed is not None, "the gateway kept a dripping body 10 s past its 2 s body timeout"
    assert closed > 1.5, "dropped before its body timeout"


def test_docs_are_off_unless_asked(attacked, tmp_path):
    import requests

    for path in ("/docs", "/redoc", "/openapi.json"):
        assert requests.get(attacked.url + path, timeout=5).status_code == 404
    with GatewayProcess(tmp_path / "docs.sqlite", serve_args=("--docs",)) as gw:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert requests.get(gw.url + path, timeout=5).status_code == 200
    done = subprocess.run([sys.executable, "-m", "county.cli", "openapi"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert kinds.PATH_BATCHES in json.loads(done.stdout)["paths"]
