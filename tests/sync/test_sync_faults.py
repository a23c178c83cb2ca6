"""Faults on the way: a misbehaving TCP proxy, 5xx bursts, backoff and resume, gateway restarts.

The gateway killed and restarted while the agent drains runs on both engines (``@ENGINES``): what
was committed before the kill must come back as duplicates, never twice. The faults on the wire
(the proxy's) run with the gateway on SQLite: they end before or after the gateway's storage, and
an answer lost after a commit is the restart test's case too."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import load_config
from sync.enroll import EnrollTarget, enroll
from sync.schedule import Backoff
from sync.transport import RequestsTransport
from sync_faultproxy import FaultProxy
from sync_gateway import LiveGateway
from sync_kiosk import fill_outbox, make_agent, open_store

from gateway_harness import ENGINES, GatewayProcess
from kiosk.store import sync_state as state
from kiosk.store.outbox import counts as outbox_counts
from kiosk.store.sync_state import feed_state

RETRYABLE = {"network", "server_error", "rate_limited"}


@pytest.fixture
def proxy(gateway: LiveGateway):  # noqa: ANN201
    p = FaultProxy(gateway.port, cut=200, delay=0.3)
    yield p
    p.close()


def _stored(gateway: LiveGateway) -> list[str]:
    return [r[0] for r in gateway.query("SELECT record_id FROM records")]


@pytest.mark.parametrize("fault", ["drop", "reset", "truncate", "http503", "http429", "blackhole"])
def test_each_fault_is_retryable_and_the_next_cycle_delivers_once(enrolled: Path, gateway: LiveGateway,
                                                                  proxy: FaultProxy, fault: str) -> None:
    store = open_store(enrolled)
    ids = fill_outbox(store, 6)
    agent = make_agent(enrolled, store, url=proxy.url,
                       transport=RequestsTransport(connect_timeout=1, read_timeout=1))
    proxy.mode = fault
    failed = agent.cycle()
    assert failed.errors and {e["code"] for e in failed.errors} <= RETRYABLE, failed.errors
    assert all(e["message"] for e in failed.errors)
    assert outbox_counts(store)["pending"] == 6, "nothing may be marked without a verified ack"
    push = feed_state(store, state.PUSH)
    assert push["consecutive_failures"] == 1 and push["last_error"]
    proxy.mode = "pass"
    ok = agent.cycle()
    assert ok.errors == [] and ok.push.accepted == 6
    assert sorted(_stored(gateway)) == sorted(ids)
    assert feed_state(store, state.PUSH)["consecutive_failures"] == 0
    store.close()


def test_a_slow_link_delivers_without_errors(enrolled: Path, gateway: LiveGateway, proxy: FaultProxy) -> None:
    store = open_store(enrolled)
    fill_outbox(store, 3)
    proxy.mode = "delay"
    result = make_agent(enrolled, store, url=proxy.url).cycle()
    assert result.errors == [] and result.push.accepted == 3
    store.close()


def test_backoff_is_capped_jittered_and_sync_resumes_when_the_network_returns(
        enrolled: Path, gateway: LiveGateway, proxy: FaultProxy) -> None:
    store = open_store(enrolled)
    ids = fill_outbox(store, 5)
    stop = threading.Event()
    delays: list[float] = []
    interval = float(load_config(enrolled)["sync"]["interval_seconds"])

    def fake_sleep(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) == 6:
            proxy.mode = "pass"
        if seconds == interval:
            stop.set()

    agent = make_agent(enrolled, store, url=proxy.url, stop=stop, sleep=fake_sleep,
                       backoff=Backoff(base=1.0, cap=8.0, rng=random.Random(5)))
    proxy.mode = "http503"
    assert agent.run() == 0
    ceilings = [1, 2, 4, 8, 8, 8]
    assert len(delays) == 7 and delays[-1] == interval
    for delay, ceiling in zip(delays, ceilings):
        assert ceiling / 2 <= delay <= ceiling
    assert len({round(d - c / 2, 9) / c for d, c in zip(delays[2:6], ceilings[2:6])}) > 1, "jitter expected"
    assert sorted(_stored(gateway)) == sorted(ids)
    assert feed_state(store, state.PUSH)["consecutive_failures"] == 0
    store.close()


@ENGINES
def test_gateway_restarts_and_crashes_lose_and_duplicate_nothing(data_dir: Path,
                                                                  new_db: Callable[[], str | Path]) -> None:
    (data_dir / "kiosk.toml").write_text("[sync]\nbatch_max_records = 20\n")
    gw = GatewayProcess(new_db())
    gw.start()
    try:
        offer = gw.token("sp-restart")
        transport = RequestsTransport(connect_timeout=1, read_timeout=5)
        enroll(load_config(data_dir), transport,
               EnrollTarget(offer["url"], offer["token"], offer["fingerprint"], offer["service_point"]))
        store = open_store(data_dir)
        ids = fill_outbox(store, 10)
        assert make_agent(data_dir, store, transport=transport).cycle().push.accepted == 10

        gw.stop()
        ids += fill_outbox(store, 10, start=10)
        down = make_agent(data_dir, store, transport=transport).cycle()
        assert {e["code"] for e in down.errors} == {"network"}
        assert "failed" in down.errors[0]["message"]
        gw.start()
        assert make_agent(data_dir, store, transport=transport).cycle().push.accepted == 10

        # Now crash the gateway (SIGKILL) while the agent is draining, and bring it back.
        ids += fill_outbox(store, 400, start=20)
        stop = threading.Event()
        agent_store = open_store(data_dir)
        agent = make_agent(data_dir, agent_store, transport=transport, stop=stop,
                           backoff=Backoff(base=0.05, cap=0.2), sleep=lambda d: stop.wait(min(d, 0.2)))
        runner = threading.Thread(target=agent.run)
        runner.start()
        time.sleep(0.15)
        gw.kill()
        time.sleep(0.4)
        gw.start()
        deadline = time.monotonic() + 30
        while outbox_counts(store)["pending"] and time.monotonic() < deadline:
            time.sleep(0.1)
        stop.set()
        runner.join(30)
        assert outbox_counts(store)["pending"] == 0
        status = gw.cli_json("status")
        assert status["records"] == len(ids) == 420
        agent_store.close()
        store.close()
    finally:
        gw.stop()


def test_kiosk_sync_gateway_flag_overrides_the_enrolled_address(enrolled: Path, gateway: LiveGateway,
                                                                proxy: FaultProxy) -> None:
    from sync_kiosk import kiosk

    store = open_store(enrolled)
    ids = fill_outbox(store, 4)
    proxy.mode = "drop"
    down = kiosk(enrolled, "sync", "--once", "--json", "--gateway", proxy.url)
    assert down.returncode == 1 and json.loads(down.stdout)["errors"][0]["code"] == "network"
    assert proxy.connections >= 1
    proxy.mode = "pass"
    up = kiosk(enrolled, "sync", "--once", "--json", "--gateway", proxy.url)
    assert up.returncode == 0 and json.loads(up.stdout)["accepted"] == 4
    assert sorted(_stored(gateway)) == sorted(ids)
    store.close()
