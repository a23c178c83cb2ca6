"""Kiosk-side helpers of the sync tests: fill the outbox like a flow does, build an agent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.config import load_config
from kiosk.identity import load_identity
from kiosk.store import Store
from kiosk.vault import Vault
from sync.agent import Agent
from sync.client import GatewayClient
from sync.transport import RequestsTransport, Transport

ROOT = Path(__file__).resolve().parents[2]


def open_store(data_dir: Path) -> Store:
    config = load_config(data_dir)
    return Store(config.db_path, Vault.from_key_dir(config.key_dir))


def fill_outbox(store: Store, n: int, *, kind: str = "handover.ready", start: int = 0,
                payload: dict[str, Any] | None = None) -> list[str]:
    """``n`` records pushed through one unit of work, the way the flows do it."""
    with store.unit_of_work("test") as uow:
        uow.log("test.handover", f"batch-{start}")
        return [uow.push(kind, f"U{start + i:06d}", {"i": start + i, "note": "测试", **(payload or {})})
                for i in range(n)]


def make_agent(data_dir: Path, store: Store, *, url: str | None = None, transport: Transport | None = None,
               **kwargs: Any) -> Agent:
    config = load_config(data_dir)
    identity = load_identity(config.key_dir)
    client = GatewayClient(identity, url or identity.enrollment.gateway_url, transport or RequestsTransport())
    return Agent(store, config, client, **kwargs)


def kiosk(data_dir: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the real `kiosk` command line in a child process."""
    env = {**os.environ, "KIOSK_HOME": str(data_dir)}
    return subprocess.run([sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())",
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def enroll_at(data_dir: Path, gateway: Any, device: str) -> None:
    """Enroll the kiosk in ``data_dir`` with the real command line at a running gateway process
    (``gateway.url`` and ``gateway.token(device)``), the fingerprint given as a technician would."""
    offer = gateway.token(device)
    done = kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", offer["token"],
                 "--fingerprint", offer["fingerprint"])
    assert done.returncode == 0, done.stderr


def outbox_states(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
