"""What every flow needs: the store, the configuration, a clock and the device key.

Flows are plain functions ``flow(ctx, actor, ...)``; each opens its own unit
of work, so a flow step is all-or-nothing. The clock is injectable so tests
can move time (certificate expiry, lockouts, reconciliation days).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from kiosk.config import Config
from kiosk.identity import DeviceKeys, ensure_device_keys
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
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()

    @cached_property
    def device_keys(self) -> DeviceKeys:
        """The device's keys, made on first use (enrollment keeps them)."""
        return ensure_device_keys(self.config.key_dir)

    def device_sign(self, data: bytes) -> bytes:
        """Ed25519 signature of ``data`` by this device."""
        return self.device_keys.sign.sign(data)
