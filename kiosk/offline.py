"""Offline limits (design section 5): how stale master data may get.

Master data (projects, units, restrictions, staff roster) arrives by the pull
feed, so its age is the time since the pull feed's last success in
``sync_state``. Past ``[sync] master_data_warn_hours`` staff are warned; past
``master_data_stop_hours`` new handovers stop, while delivering certificates
that are already approved keeps working (the flows enforce that split). A kiosk
that has never completed a pull has no trustworthy master data and is at "stop".
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from kiosk.config import Config
from kiosk.store import sync_state

Level = Literal["ok", "warn", "stop"]


@dataclass(frozen=True)
class Freshness:
    level: Level
    last_success: str | None
    age_hours: float | None
    warn_hours: int
    stop_hours: int
    reason: str

    @property
    def new_handovers_allowed(self) -> bool:
        return self.level != "stop"

    def as_dict(self) -> dict[str, Any]:
        return {"level": self.level, "last_success": self.last_success, "age_hours": self.age_hours,
                "warn_hours": self.warn_hours, "stop_hours": self.stop_hours, "reason": self.reason}


def assess(last_success: str | None, config: Config, now: _dt.datetime) -> Freshness:
    """Pure: classify master data last refreshed at ``last_success`` (ISO 8601, UTC) as of ``now``."""
    warn = int(config["sync"]["master_data_warn_hours"])
    stop = int(config["sync"]["master_data_stop_hours"])
    if not last_success:
        return Freshness("stop", None, None, warn, stop,
                         "master data has never been received from the county platform; "
                         "connect the kiosk and run a sync before new handovers")
    then = _dt.datetime.fromisoformat(last_success)
    if then.tzinfo is None:
        then = then.replace(tzinfo=_dt.timezone.utc)
    age = max(0.0, (now - then).total_seconds() / 3600)
    shown = round(age, 1)
    if age >= stop:
        return Freshness("stop", last_success, shown, warn, stop,
                         f"master data is {shown} h old (limit {stop} h): new handovers are stopped "
                         "until the kiosk syncs; approved certificates can still be delivered")
    if age >= warn:
        return Freshness("warn", last_success, shown, warn, stop,
                         f"master data is {shown} h old (warning at {warn} h, stop at {stop} h): "
                         "check the network connection")
    return Freshness("ok", last_success, shown, warn, stop, "master data is current")


def master_data_freshness(conn: sqlite3.Connection, config: Config,
                          now: _dt.datetime | None = None) -> Freshness:
    """Read the pull feed's last success from ``sync_state`` and classify it."""
    return assess(sync_state.last_success(conn, sync_state.PULL), config,
                  now or _dt.datetime.now(_dt.timezone.utc))
