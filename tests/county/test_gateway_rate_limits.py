"""Rate limits of the real gateway over HTTP: 429 with Retry-After per device and per address,
the kiosk agent waiting as told, and enrollment-token guessing limited per address and logged.

The limits are kept in the gateway process and answer before the database is asked anything (a
refused enrollment never reaches its token), so the gateway runs on SQLite here; what it stores runs
on both engines in the other gateway suites."""

from __future__ import annotations

import http.client
import io
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from gateway_harness import GatewayProcess, SignedClient, enroll, issue_token

from county.log_limit import RepeatLimiter
from sync import wire
from sync.wire import kinds


def _throttled(resp: requests.Response) -> int:
    """The Retry-After of a 429 answer, after checking the rest of its shape."""
    assert resp.status_code == 429, resp.text
    assert resp.json()["error"]["code"] == "rate_limited"
    assert isinstance(resp.json()["server_time"], float)
    assert kinds.H_SERVER_TIME.lower() in {k.lower() for k in resp.headers}
    retry_after = int(resp.headers["Retry-After"])
    assert retry_after >= 1
    return retry_after


def _until_throttled(send: Callable[[], requests.Response], most: int = 60) -> list[requests.Response]:
    """Answers up to and with the first 429 (the bucket refills while a slow machine sends)."""
    answers = []
    for _ in range(most):
        answers.append(send())
        if answers[-1].status_code == 429:
            break
    return answers


@pytest.fixture
def slow_gateway(tmp_path: Path) -> Iterator[GatewayProcess]:
    """One request a second per device (bursts of 10), 3 failed enrollments per address."""
    with GatewayProcess(tmp_path / "county.sqlite", stderr=tmp_path / "gateway.log",
                        serve_args=("--device-rate", "1", "--enroll-failures", "3")) as gw:
        yield gw


def _client(gw: GatewayProcess) -> SignedClient:
    return SignedClient(gw.url, enroll(gw.url, issue_token(gw.db, gw.url), fingerprint=gw.fingerprint))


def test_a_device_over_its_rate_gets_429_with_retry_after(slow_gateway):
    client, other = _client(slow_gateway), _client(slow_gateway)
    answers = _until_throttled(lambda: client.send("GET", kinds.PATH_CHANGES))
    assert len(answers) > 10 and {r.status_code for r in answers[:-1]} == {200}
    assert _throttled(answers[-1]) == 1
    assert other.send("GET", kinds.PATH_CHANGES).status_code == 200
    time.sleep(1.1)
    assert client.send("GET", kinds.PATH_CHANGES).status_code == 200


def test_forged_requests_do_not_spend_a_devices_allowance(slow_gateway):
    client = _client(slow_gateway)
    forger = wire.KeyPair.generate().sign
    for _ in range(15):
        resp = client.send("GET", kinds.PATH_CHANGES, signer=forger)
        assert resp.status_code == 401 and resp.json()["error"]["code"] == "bad_signature"
    assert client.send("GET", kinds.PATH_CHANGES).status_code == 200


def test_the_kiosk_agent_waits_as_the_gateway_says(slow_gateway, data_dir):
    from kiosk.config import load_config
    from kiosk.identity import load_identity
    from kiosk.store import Store
    from kiosk.vault import Vault
    from sync.agent import Agent
    from sync.client import GatewayClient
    from sync.enroll import EnrollTarget
    from sync.enroll import enroll as enroll_kiosk
    from sync.transport import RequestsTransport

    offer = slow_gateway.token()
    config = load_config(data_dir)
    transport = RequestsTransport()
    enroll_kiosk(config, transport, EnrollTarget(offer["url"], offer["token"], offer["fingerprint"],
                                                 offer["service_point"]))
    client = GatewayClient(load_identity(config.key_dir), slow_gateway.url, transport)
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
        agent = Agent(store, config, client)
        for _ in range(30):
            result = agent.cycle()
            if result.errors:
                break
        assert [e["code"] for e in result.errors] == ["rate_limited"], result.errors
        assert result.retry_after >= 1
        assert agent.next_delay(result) >= result.retry_after
        time.sleep(result.retry_after)
        assert agent.cycle().errors == []
    transport.close()


def _get_from(source: str, port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(source, 0))
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_an_address_over_its_rate_gets_429(tmp_path):
    with GatewayProcess(tmp_path / "county.sqlite", serve_args=("--address-rate", "1")) as gw:
        answers = _until_throttled(lambda: requests.get(gw.url + "/nothing", timeout=5))
        assert len(answers) > 10 and {r.status_code for r in answers[:-1]} == {404}
        assert _throttled(answers[-1]) == 1
        assert _get_from("127.0.0.2", gw.port, "/nothing") == 404


def _enroll_status(url: str, token: str, source: str = "127.0.0.1") -> requests.Response | int:
    body = json.dumps(wire.enroll_request(token, wire.KeyPair.generate())).encode()
    if source == "127.0.0.1":
        return requests.post(url + kinds.PATH_ENROLL, data=body,
                             headers={"Content-Type": "application/json"}, timeout=30)
    port = int(url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request("POST", kinds.PATH_ENROLL, body, {"Content-Type": "application/json"})
        return conn.getresponse().status
    finally:
        conn.close()


def test_enrollment_guessing_is_limited_per_address_and_logged(slow_gateway, tmp_path):
    guesses = [os.urandom(24).hex() for _ in range(3)]
    for guess in guesses:
        resp = _enroll_status(slow_gateway.url, guess)
        assert isinstance(resp, requests.Response) and resp.status_code == 404
    real = issue_token(slow_gateway.db, slow_gateway.url)
    refused = _enroll_status(slow_gateway.url, real)
    assert isinstance(refused, requests.Response)
    assert _throttled(refused) > 590  # until the first failure is 10 minutes old
    # The real token was not spent: from another address it enrolls.
    assert _enroll_status(slow_gateway.url, real, source="127.0.0.2") == 200
    slow_gateway.stop()
    log = (tmp_path / "gateway.log").read_text("utf-8")
    assert log.count("enrollment from 127.0.0.1 failed (token_unknown)") == 3
    assert "enrollment from 127.0.0.1 refused: 3 failed attempts" in log
    assert not any(g in log for g in [*guesses, real])


def test_the_kiosk_is_told_why_its_enrollment_is_refused(slow_gateway, data_dir):
    from kiosk.config import load_config
    from sync.enroll import EnrollTarget
    from sync.enroll import enroll as enroll_kiosk
    from sync.errors import EnrollmentRefused
    from sync.transport import RequestsTransport

    for _ in range(3):
        _enroll_status(slow_gateway.url, os.urandom(24).hex())
    transport = RequestsTransport()
    with pytest.raises(EnrollmentRefused, match="too many failed enrollment attempts") as refused:
        enroll_kiosk(load_config(data_dir), transport,
                     EnrollTarget(slow_gateway.url, issue_token(slow_gateway.db, slow_gateway.url),
                                  slow_gateway.fingerprint, "sp-1"))
    transport.close()
    assert refused.value.code == "rate_limited"


def test_repeated_log_lines_are_bounded():
    now = [0.0]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RepeatLimiter(burst=5, interval=60.0, clock=lambda: now[0]))
    logger = logging.getLogger("test.repeats")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for fd in range(1000):
            logger.error("socket.accept() out of system resource\nsocket fd=%d", fd)
        logger.error("another fault %s", "once")
        assert stream.getvalue().count("out of system resource") == 5
        assert "another fault once" in stream.getvalue()
        now[0] = 61.0
        logger.error("socket.accept() out of system resource\nsocket fd=%d", 7)
        assert "[995 more like this were not logged in the 60 s before]" in stream.getvalue()
    finally:
        logger.removeHandler(handler)


@pytest.mark.parametrize("flag, value, message", [
    ("--header-timeout", "0", "--header-timeout must be a positive number of seconds"),
    ("--body-timeout", "-1", "--body-timeout must be a positive number of seconds"),
    ("--device-rate", "-1", "--device-rate must be zero (off) or more requests a second"),
    ("--enroll-failures", "0", "--enroll-failures must be 1 or more"),
    ("--max-per-address", "0", "--max-per-address must be 1 or more"),
])
def test_serve_refuses_unusable_limits(tmp_path, flag, value, message):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "county.cli", "serve", "--db", str(tmp_path / "c.sqlite"),
                           "--port", "0", flag, value], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert message in done.stderr
