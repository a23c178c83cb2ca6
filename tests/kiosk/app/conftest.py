"""A kiosk opened through the application facade, on a data directory made by `kiosk init`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The gateway harness lives at the top of tests/.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.app import Kiosk, open_kiosk
from kiosk.config import load_config
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.staff import Actor

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)
INSTALLER = Actor("installer", "system")
STAFF = Actor("S001", "staff")


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def kiosk(data_dir: Path, clock: Clock) -> Iterator[Kiosk]:
    with open_kiosk(load_config(data_dir), clock=clock) as opened:
        yield opened


@pytest.fixture
def stocked(kiosk: Kiosk) -> Kiosk:
    """The sample projects, units, buyers, staff and certificate stock, as real data."""
    kiosk.run(install_samples, INSTALLER, load_samples(), training=False)
    return kiosk


def audit_rows(kiosk: Kiosk, after: int = 0) -> list[tuple[int, str, str]]:
    return [(r["seq"], r["action"], r["subject"])
            for r in kiosk.store.read("SELECT seq, action, subject FROM audit WHERE seq > ? ORDER BY seq", (after,))]
