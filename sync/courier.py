"""The sync layer as the touchscreen's courier (``kiosk.app.decommissioning.Courier``): one cycle now,
or the pending records sealed onto removable media, for a technician decommissioning the kiosk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.app.decommissioning import Drained
from kiosk.config import Config
from kiosk.identity import load_identity
from kiosk.store import Store
from sync.agent import Agent
from sync.client import GatewayClient
from sync.export import export_pending
from sync.lock import AgentLock
from sync.transport import RequestsTransport, Transport


class GatewayCourier:
    """``sync_once`` holds the agent's lock for its cycle: while the sync agent runs, it is refused
    (``AgentLocked``), since two pushers at once would send every batch twice."""

    def __init__(self, transport: Callable[[], Transport] = RequestsTransport) -> None:
        self._transport = transport

    def sync_once(self, config: Config, store: Store) -> Drained:
        identity = load_identity(config.key_dir)
        url = str(config["sync"]["gateway_url"] or identity.enrollment.gateway_url)
        transport = self._transport()
        try:
            with AgentLock(config.data_dir):
                result = Agent(store, config, GatewayClient(identity, url, transport)).cycle()
        finally:
            transport.close()
        return Drained(pushed=result.push.pushed, accepted=result.push.accepted, rejected=result.push.rejected,
                       errors=tuple(dict.fromkeys(error["code"] for error in result.errors)))

    def export(self, config: Config, store: Store, folder: Path) -> tuple[list[str], int]:
        result = export_pending(store, load_identity(config.key_dir), folder,
                                batch_max=int(config["sync"]["batch_max_records"]))
        return result.files, result.records
