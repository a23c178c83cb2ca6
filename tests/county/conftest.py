"""Fixtures for gateway tests: one real gateway subprocess per test module, fresh
enrolled devices per test (tokens issued in-process on the same database)."""

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
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GatewayProcess]:
    with GatewayProcess(tmp_path_factory.mktemp("gw") / "gateway.db", max_body=MAX_BODY) as gw:
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
