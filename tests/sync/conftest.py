"""Fixtures of the sync tests: a live gateway and a kiosk enrolled with it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync_gateway import LiveGateway  # noqa: E402


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[LiveGateway]:
    live = LiveGateway(tmp_path / "county.sqlite").start()
    yield live
    live.stop()


@pytest.fixture
def enrolled(data_dir: Path, gateway: LiveGateway) -> Path:
    """A kiosk data directory enrolled with ``gateway``."""
    from kiosk.config import load_config
    from sync.enroll import EnrollTarget, enroll
    from sync.transport import RequestsTransport

    offer = gateway.token()
    transport = RequestsTransport()
    enroll(load_config(data_dir), transport,
           EnrollTarget(offer.url, offer.token, offer.fingerprint, offer.service_point))
    transport.close()
    return data_dir

