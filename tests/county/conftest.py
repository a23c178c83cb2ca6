"""Fixtures for gateway tests: one real gateway subprocess per test module, fresh
enrolled devices per test (tokens issued in-process on the same database).

The gateway runs on SQLite unless a module runs over both engines with
``pytestmark = ENGINES`` (``gateway_harness``): then each of its tests runs once on SQLite and once
on PostgreSQL (a new database in the run's throwaway cluster, ``pg_cluster``)."""

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
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="module")
def new_db(engine: str, request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str | Path]:
    """Makes a new, empty gateway database of ``engine``: a SQLite path or a PostgreSQL URL."""
    def make() -> str | Path:
        if engine == "postgresql":
            return str(request.getfixturevalue("pg_cluster").create_database())
        return tmp_path_factory.mktemp("gw") / "gateway.db"
    return make


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
