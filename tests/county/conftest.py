"""Fixtures for gateway tests: one real gateway subprocess per test module, fresh
enrolled devices per test (tokens issued in-process on the same database).

The gateway runs on SQLite unless a module runs over both engines with
``pytestmark = ENGINES`` (``gateway_harness``): then each of its tests runs once on SQLite and once
on PostgreSQL (a new database in the run's throwaway cluster, ``pg_cluster``); ``engine`` and
``new_db`` come from tests/conftest.py. test_county_cli and test_gateway_starvation mark their tests
one by one (``@ENGINES``, ``@SQLITE``), and test_gateway_rate_limits runs on SQLite: their docstrings
say why. test_gateway_workers is PostgreSQL's alone (several workers need it)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway_harness import Device, GatewayProcess, SignedClient, enroll, issue_token  # noqa: E402

from county.service import Gateway  # noqa: E402

MAX_BODY = 256 * 1024


@pytest.fixture(scope="module")
def gateway_db(new_db: Callable[[], str | Path]) -> str | Path:
    return new_db()


@pytest.fixture(scope="module")
def gateway(gateway_db: str | Path) -> Iterator[GatewayProcess]:
    with GatewayProcess(gateway_db, max_body=MAX_BODY) as gw:
        yield gw


@pytest.fixture
def admin(gateway: GatewayProcess) -> Iterator[Gateway]:
    """The same database opened in-process, as an admin command would."""
    gw = Gateway(gateway.db)
    yield gw
    gw.close()


@pytest.fixture
def new_device(gateway: GatewayProcess) -> Callable[..., Device]:
    def make(service_point: str = "sp-1") -> Device:
        return enroll(gateway.url, issue_token(gateway.db, gateway.url, service_point),
                      fingerprint=gateway.fingerprint)
    return make


@pytest.fixture
def client(gateway: GatewayProcess, new_device: Callable[..., Device]) -> SignedClient:
    return SignedClient(gateway.url, new_device())
