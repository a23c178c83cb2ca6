"""Protocol behaviour of the agent against the real gateway: clock offset, oversize batches,
health reports, and that the agent's own activity never becomes an outbox record; with the gateway on
each engine."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.config import load_config
from kiosk.identity import load_identity
from sync.client import GatewayClient
from sync.agent import Agent
from sync.transport import RequestsTransport
from gateway_harness import ENGINES
from sync_gateway import LiveGateway
from sync_kiosk import fill_outbox, make_agent, open_store
from kiosk.store.outbox import counts as outbox_counts
from kiosk.store.sync_state import feeds

pytestmark = ENGINES


def test_a_kiosk_clock_an_hour_behind_is_corrected_from_server_time(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    ids = fill_outbox(store, 3)
    config = load_config(enrolled)
    identity = load_identity(config.key_dir)
    client = GatewayClient(identity, gateway.url, RequestsTransport(), clock=lambda: time.time() - 3600)
    result = Agent(store, config, client).cycle()
    assert result.errors == [] and result.push.accepted == 3
    assert 3590 < client.offset < 3610
    assert sorted(r[0] for r in gateway.query("SELECT record_id FROM records")) == sorted(ids)
    store.close()


def test_batches_over_the_gateway_limit_are_split_and_an_oversize_record_is_quarantined(
        data_dir: Path, new_db: Callable[[], str | Path]) -> None:
    from sync.enroll import EnrollTarget, enroll

    gateway = LiveGateway(new_db(), max_body=64 * 1024).start()
    try:
        offer = gateway.token()
        enroll(load_config(data_dir), RequestsTransport(),
               EnrollTarget(offer.url, offer.token, offer.fingerprint, offer.service_point))
        store = open_store(data_dir)
        image = {"signature_png_b64": base64.b64encode(os.urandom(20 * 1024)).decode()}
        ids = fill_outbox(store, 8, payload=image)
        huge = fill_outbox(store, 1, start=100,
                           payload={"scan": base64.b64encode(os.urandom(100 * 1024)).decode()})[0]
        after = fill_outbox(store, 2, start=200)
        result = make_agent(data_dir, store).cycle()
        assert result.errors == []
        assert (result.push.accepted, result.push.rejected) == (10, 1)
        assert result.push.batches > 2
        stored = {r[0] for r in gateway.query("SELECT record_id FROM records")}
        assert stored == set(ids) | set(after)
        row = store.read("SELECT code, reason FROM quarantine WHERE record_id = ?", (huge,))[0]
        assert row["code"] == "body_too_large" and "larger than the gateway accepts" in row["reason"]
        store.close()
    finally:
        gateway.stop()


def test_health_goes_by_its_endpoint_and_the_agent_writes_no_outbox_records(enrolled: Path,
                                                                           gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    fill_outbox(store, 2)
    agent = make_agent(enrolled, store)
    for _ in range(3):
        assert agent.cycle().errors == []
    assert outbox_counts(store) == {"pending": 0, "acked": 2, "quarantined": 0}
    assert store.read("SELECT count(*) AS n FROM outbox")[0]["n"] == 2
    health = gateway.query("SELECT last_health FROM devices")[0][0]
    assert json.loads(health)["outbox_pending"] == 0
    assert gateway.status()["records"] == 2
    feed_rows = feeds(store)
    assert feed_rows["push"]["last_success"] and feed_rows["pull"]["last_success"]
    assert feed_rows["push"]["last_attempt"] <= feed_rows["push"]["last_success"]
    store.close()
