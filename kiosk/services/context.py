"""What every flow needs: the store, the configuration, a clock and the device key.

Flows are plain functions ``flow(ctx, actor, ...)``; each opens its own unit
of work, so a flow step is all-or-nothing. The clock is injectable so tests
can move time (certificate expiry, lockouts, reconciliation days).

The clock gives instants; every business date (contract, report, certificate
year, the day a payment order is declared) is ``today()``, the date in the
county's time zone (``[county] time_zone``), never the UTC date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from kiosk.config import Config
from kiosk.identity import DeviceKeys, ensure_device_keys
from kiosk.rules.county_time import county_zone, local_time
from kiosk.store import Store

__all__: list[str] = []


def utc_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Context:
    store: Store
    config: Config
    clock: Callable[[], dt.datetime] = field(default=utc_clock)

    def now(self) -> dt.datetime:
        """The current instant (UTC)."""
        return self.clock()

    @cached_property
    def zone(self) -> dt.tzinfo:
        """The county's time zone, from ``[county] time_zone``."""
        return county_zone(str(self.config["county"]["time_zone"]))

    def local_now(self) -> dt.datetime:
        """The current wall-clock time in the county."""
        return local_time(self.clock(), self.zone)

    def today(self) -> dt.date:
        """The business date: today in the county."""
        return self.local_now().date()

    @cached_property
    def device_keys(self) -> DeviceKeys:
        """The device's keys, made on first use (enrollment keeps them)."""
        return ensure_device_keys(self.config.key_dir)

    def device_sign(self, data: bytes) -> bytes:
        """Ed25519 signature of ``data`` by this device."""
        return self.device_keys.sign.sign(data)
