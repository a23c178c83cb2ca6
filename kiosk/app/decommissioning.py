"""Decommissioning from the touchscreen: hand the outbox on, then revoke and wipe (``kiosk.decommission``).

The outbox goes to the county one of two ways before the data key may be wiped: a sync cycle
that empties it (``Kiosk.drain_outbox``), or sealed batch files on a USB stick for the gateway's
import (``Kiosk.export_outbox``). The core neither speaks HTTP nor seals batches: the composition
root hands ``open_kiosk`` a ``Courier`` (``sync.courier.GatewayCourier``). An export counts for
``Kiosk.decommission`` only while it still holds every pending record: one written after it
(a staff member still working) asks for a new export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk.config import Config
from kiosk.errors import ConfigError
from kiosk.store import Store


@dataclass(frozen=True)
class Drained:
    """One sync cycle's answer: what it pushed, and the error codes of feeds that failed."""

    pushed: int
    accepted: int
    rejected: int
    errors: tuple[str, ...]


@dataclass(frozen=True)
class Exported:
    """Pending records written for sneakernet: the batch files, how many records, the newest one's seq."""

    folder: Path
    files: tuple[str, ...]
    records: int
    last_seq: int


@dataclass(frozen=True)
class DecommissionView:
    """What the technician needs to decide: is the kiosk enrolled, what the county has not seen yet,
    and whether the last export still holds all of it (``handed_on``: the key may be wiped). A training
    data directory (``training``) is never decommissioned."""

    training: bool
    enrolled: bool
    device_id: str
    pending: int
    quarantined: int
    exported: Exported | None
    handed_on: bool


class Courier(Protocol):
    """Hands pending records to the county (``sync.courier.GatewayCourier``).

    ``sync_once`` runs one push-and-pull cycle and raises the sync errors (``KioskError``
    subclasses: ``AgentLocked`` while the sync agent runs one itself, ``TrustBroken``...);
    ``export`` writes every pending record as sealed batch files into ``folder``.
    """

    def sync_once(self, config: Config, store: Store) -> Drained: ...

    def export(self, config: Config, store: Store, folder: Path) -> tuple[list[str], int]: ...


class NoCourier(ConfigError):
    code = "no_courier"
