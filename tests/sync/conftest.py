"""Fixtures of the sync tests: a live gateway and a kiosk enrolled with it.

The gateway runs on SQLite unless a test runs over both engines (``pytestmark = ENGINES`` or
``@ENGINES``, tests/gateway_harness.py); then it runs once with the gateway on SQLite and once on
PostgreSQL. Unlike tests/county, every test gets a gateway of its own on a new database (``new_db``:
a file, or a new database in the run's one throwaway cluster, about 0.2 s): these tests count what
one kiosk left at the gateway.

Which tests run on both. The suite is near its CI time budget, and these tests pay mostly for kiosk
processes, which cost the same on either engine. So PostgreSQL gets the tests whose outcome the
gateway's storage decides, from the kiosk's side, and that the suites of tests/county (all on both
engines) do not already reach:

- records pushed, stored once, approved and pulled back through the cursor; a conflicting resend;
  an import sent again online (test_sync_e2e); a whole case (test_sync_full_case); clock offset,
  split batches and health reports (test_sync_protocol);
- the gateway SIGKILLed and restarted while the agent drains (test_sync_faults); the agent SIGKILLed
  at random points (test_sync_kill: 16 kill points on each engine, 32 on SQLite alone before).

With the gateway on SQLite only: faults on the wire, answers altered after the gateway sent them
(test_sync_hostile), the agent's polite stop, resets and the audit anchor through the kiosk's
command line (test_sync_reset, test_sync_audit_anchor: a dozen kiosk processes a test; the
gateway's side of them runs on both engines in test_county_resets and test_county_anchors),
enrollment refused at the kiosk or its token's and revocation's gateway side (both engines in
test_county_enroll and test_county_hostile), systemd notifications (test_sync_notify). The
test_wire_* modules and test_sync_units start no gateway."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync_gateway import LiveGateway  # noqa: E402


@pytest.fixture
def gateway(new_db: Callable[[], str | Path]) -> Iterator[LiveGateway]:
    live = LiveGateway(new_db()).start()
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

