"""The agent killed at random moments (SIGKILL), and stopped politely (SIGTERM): nothing lost,
nothing stored twice. `kiosk sync` runs as a real child process against a real gateway process, on
each engine (``@ENGINES``): every resend after a kill is the gateway's to recognise as a duplicate.
Each engine gets 16 random kill points of its own (the SQLite run alone had 32 before). The polite
stop, which ends between batches, runs with the gateway on SQLite."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.audit import verify
from sync_kiosk import ROOT, enroll_at, fill_outbox, open_store

from county.service import Gateway
from gateway_harness import ENGINES, GatewayProcess
from kiosk.store.outbox import counts as outbox_counts

KILLS = 16


@pytest.fixture
def live(data_dir: Path, new_db: Callable[[], str | Path]):  # noqa: ANN201
    (data_dir / "kiosk.toml").write_text("[sync]\nbatch_max_records = 15\ninterval_seconds = 1\n")
    gw = GatewayProcess(new_db())
    gw.start()
    enroll_at(data_dir, gw, "sp-kill")
    yield gw
    gw.stop()


def _agent(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())",
                             "sync", *args], cwd=ROOT, env={**os.environ, "KIOSK_HOME": str(data_dir)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _gateway_records(gw: GatewayProcess) -> list[str]:
    """Every stored record id, read as an admin command reads the database the gateway serves."""
    admin = Gateway(gw.db)
    try:
        with admin.locked() as conn:
            return [r[0] for r in conn.execute("SELECT record_id FROM records").fetchall()]
    finally:
        admin.close()


@ENGINES
def test_sigkill_at_random_points_loses_and_duplicates_nothing(data_dir: Path, live: GatewayProcess,
                                                               engine: str) -> None:
    # Other kill points on each engine: together as many as one engine had alone.
    rng = random.Random(f"20261128-{engine}")
    store = open_store(data_dir)
    ids: list[str] = []
    killed_busy = 0
    for round_no in range(KILLS):
        ids += fill_outbox(store, 25, start=round_no * 25)
        agent = _agent(data_dir, "--once")
        time.sleep(rng.uniform(0.05, 0.7))
        if agent.poll() is None:
            killed_busy += 1
        agent.kill()
        agent.communicate(timeout=10)
    final = _agent(data_dir, "--once", "--json")
    out, err = final.communicate(timeout=60)
    assert final.returncode == 0, err
    stored = _gateway_records(live)
    assert len(stored) == len(set(stored)) == len(ids) == KILLS * 25
    assert set(stored) == set(ids)
    assert outbox_counts(store) == {"pending": 0, "acked": len(ids), "quarantined": 0}
    assert live.cli_json("status")["records"] == len(ids)
    assert verify(store.conn).ok
    assert killed_busy >= KILLS // 2, "most kills should land while the agent is working"
    store.close()


def test_sigterm_finishes_the_batch_in_flight_then_exits(data_dir: Path, live: GatewayProcess) -> None:
    store = open_store(data_dir)
    fill_outbox(store, 600)
    agent = _agent(data_dir)
    deadline = time.monotonic() + 20
    while outbox_counts(store)["acked"] < 30 and time.monotonic() < deadline:
        time.sleep(0.02)
    agent.send_signal(signal.SIGTERM)
    _, err = agent.communicate(timeout=20)
    assert agent.returncode == 0, err
    acked = {r["record_id"] for r in store.read("SELECT record_id FROM outbox WHERE state = 'acked'")}
    assert acked and outbox_counts(store)["pending"] > 0, "the agent should have stopped mid-drain"
    assert set(_gateway_records(live)) == acked, "every record the gateway took must be settled locally"
    store.close()
