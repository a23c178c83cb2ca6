"""Starvation benchmark: idle and one-byte-a-second connections against the real gateway.

Prints one JSON object. The gateway (``county-gateway serve``) runs in its own
process on 127.0.0.1 with its descriptor limit lowered to ``--fd-limit`` (soft
and hard, so it cannot raise it), the way the common 1,024 limit was exhausted
in the attack of issue 12, only smaller so the run takes seconds. The attacker
opens ``--sockets`` connections from several loopback addresses (127.0.0.2…),
half of them silent and half sending one byte of a request head per second,
and reopens any the gateway drops, for ``--attack`` seconds. Then:

- ``recover_s``: from the moment every attacking socket is closed to the first
  signed ``GET /v1/changes`` of an enrolled device that is answered 200;
- ``shutdown_s``: a second attack of the same shape, SIGTERM in the middle of
  it, until the process has exited (SIGKILL after ``--give-up`` seconds,
  reported as ``killed``);
- ``log_bytes_per_s``: what the gateway wrote to stderr during the attacks.

``--baseline-root`` measures another checkout first (e.g. the code before the
fix) in the same run and adds ratios; ``--serve-arg`` passes flags to this
tree's ``serve`` only. A recovery slower than ``--give-up`` is ``null``.

    python bench/gateway_starvation.py [--baseline-root ../before] [--fd-limit 1024 --sockets 1100]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sync import wire  # noqa: E402
from sync.wire import kinds  # noqa: E402

HEAD = b"GET /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def start_gateway(root: Path, db: Path, fd_limit: int, extra: list[str],
                  stderr_path: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    def lower_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (fd_limit, fd_limit))

    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(root)}
    with stderr_path.open("ab") as err:
        proc = subprocess.Popen([sys.executable, "-m", "county.cli", "serve", "--db", str(db),
                                 "--host", "127.0.0.1", "--port", "0", *extra], cwd=root, env=env,
                                stdout=subprocess.PIPE, stderr=err, text=True, preexec_fn=lower_limit)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise SystemExit(f"the gateway did not start (exit {proc.wait()}); see {stderr_path}")
    return proc, json.loads(line)


def enroll(root: Path, db: Path, url: str) -> tuple[str, wire.KeyPair]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-m", "county.cli", "token", "--db", str(db), "--url", url,
                           "--service-point", "bench", "--json"], cwd=root, env=env,
                          capture_output=True, text=True, check=True)
    token = json.loads(done.stdout)["token"]
    keys = wire.KeyPair.generate()
    resp = requests.post(url + kinds.PATH_ENROLL, json=wire.enroll_request(token, keys), timeout=10)
    resp.raise_for_status()
    return str(resp.json()["device_id"]), keys


def probe(url: str, device_id: str, keys: wire.KeyPair) -> bool:
    """One signed pull on a fresh connection; True when the gateway answered it."""
    headers = wire.sign_request(keys.sign, device_id=device_id, method="GET",
                                target=kinds.PATH_CHANGES, body=b"")
    try:
        resp = requests.get(url + kinds.PATH_CHANGES, headers={**headers, "Connection": "close"},
                            timeout=2)
    except requests.RequestException:
        return False
    return resp.status_code == 200


class Attacker:
    """Silent and trickling connections from 127.0.0.2… , reopened when the gateway drops them."""

    def __init__(self, port: int, sockets: int, addresses: int) -> None:
        self.port = port
        self.slots: list[socket.socket | None] = [None] * sockets
        self.sources = [f"127.0.0.{2 + i}" for i in range(addresses)]
        self.stop = threading.Event()
        self.opened = 0
        self.refused = 0

    def _open(self, i: int) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(1.0)
        try:
            s.bind((self.sources[i % len(self.sources)], 0))
            s.connect(("127.0.0.1", self.port))
        except OSError:
            self.refused += 1
            s.close()
            return
        s.setblocking(False)
        self.slots[i] = s
        self.opened += 1

    def run(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        sent = [0] * len(self.slots)
        while time.monotonic() < deadline and not self.stop.is_set():
            for i, s in enumerate(self.slots):
                if s is None:
                    self._open(i)
                    continue
                if i % 2:
                    try:
                        s.send(HEAD[sent[i] % len(HEAD):][:1])
                        sent[i] += 1
                    except OSError:
                        s.close()
                        self.slots[i] = None
                        sent[i] = 0
                        self.refused += 1
                else:
                    try:
                        if s.recv(1, socket.MSG_PEEK) == b"":
                            raise ConnectionResetError
                    except BlockingIOError:
                        pass
                    except OSError:
                        s.close()
                        self.slots[i] = None
                        self.refused += 1
            self.stop.wait(1.0)

    def close(self) -> None:
        for s in self.slots:
            if s is not None:
                s.close()
        self.slots = [None] * len(self.slots)


def measure(root: Path, args: argparse.Namespace, serve_args: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-starve-") as tmp:
        db, log = Path(tmp) / "county.sqlite", Path(tmp) / "gateway.log"
        proc, info = start_gateway(root, db, args.fd_limit, serve_args, log)
        url = info["url"]
        port = int(url.rsplit(":", 1)[1])
        device_id, keys = enroll(root, db, url)
        assert probe(url, device_id, keys), "the gateway does not answer before the attack"

        attacker = Attacker(port, args.sockets, args.addresses)
        attacker.run(args.attack)
        during = probe(url, device_id, keys)
        attacker.close()
        ended = time.monotonic()
        recovered = None
        while time.monotonic() - ended < args.give_up:
            if probe(url, device_id, keys):
                recovered = time.monotonic() - ended
                break
            time.sleep(0.1)

        second = Attacker(port, args.sockets, args.addresses)
        thread = threading.Thread(target=second.run, args=(args.attack * 2,))
        thread.start()
        time.sleep(args.attack)
        proc.send_signal(signal.SIGTERM)
        term = time.monotonic()
        killed = False
        try:
            proc.wait(timeout=args.give_up)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            killed = True
        shutdown = time.monotonic() - term
        second.stop.set()
        thread.join()
        second.close()
        log_bytes = log.stat().st_size
    return {
        "root": str(root), "serve_args": serve_args,
        "answered_during_attack": during,
        "recover_s": None if recovered is None else round(recovered, 2),
        "shutdown_s": round(shutdown, 2), "killed": killed,
        "attack_connections_opened": attacker.opened + second.opened,
        "attack_connections_dropped_or_refused": attacker.refused + second.refused,
        "log_bytes": log_bytes,
        "log_bytes_per_s": round(log_bytes / (args.attack * 2), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose gateway runs")
    parser.add_argument("--baseline-root", type=Path,
                        help="also measure this checkout (e.g. the code before the fix), first, "
                             "and give ratios")
    parser.add_argument("--fd-limit", type=int, default=256)
    parser.add_argument("--sockets", type=int, default=320)
    parser.add_argument("--addresses", type=int, default=8, help="attacking loopback addresses")
    parser.add_argument("--attack", type=float, default=6.0, help="seconds each attack lasts")
    parser.add_argument("--give-up", type=float, default=30.0, help="seconds before SIGKILL")
    parser.add_argument("--serve-arg", action="append", default=[],
                        help="extra serve flag for --root only")
    args = parser.parse_args()
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="bench-starve-config-"))
    result: dict[str, Any] = {"fd_limit": args.fd_limit, "sockets": args.sockets,
                              "addresses": args.addresses, "attack_s": args.attack,
                              "give_up_s": args.give_up}
    if args.baseline_root is not None:
        result["baseline"] = measure(args.baseline_root.resolve(), args, [])
    result["this"] = this = measure(args.root.resolve(), args, args.serve_arg)
    if args.baseline_root is not None:
        base = result["baseline"]
        result["shutdown_ratio"] = round(this["shutdown_s"] / base["shutdown_s"], 3)
        if this["recover_s"] is not None and base["recover_s"]:
            result["recover_ratio"] = round(this["recover_s"] / base["recover_s"], 3)
        result["log_ratio"] = round(this["log_bytes"] / max(1, base["log_bytes"]), 6)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
