"""The county's clock: every business date is a date in Jia County, not in UTC.

A contract signed at 07:00 in Jia County is signed that day, although UTC is
still on the day before. Stored times stay UTC instants; the county time zone
(``[county] time_zone``, default Asia/Shanghai: UTC+8 all year, no daylight
saving since 1991) only turns an instant into the day people see on paper:
contract date, reconciliation day, report day, certificate year, the date a
payment order is declared.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.errors import ConfigError
from sync.wire.calendar import CHINA_TIME_ZONE

__all__ = ["CHINA", "CHINA_TIME_ZONE", "county_date", "county_today", "county_zone", "day_bounds", "local_time"]


def county_zone(name: str = CHINA_TIME_ZONE, *, source: str = "configuration") -> dt.tzinfo:
    """The IANA time zone ``name``; a name the system does not know is a configuration error."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ConfigError(f"{source}: county.time_zone {name!r} is not a time zone this system knows",
                          code="config_time_zone",
                          hint=f"use an IANA name such as {CHINA_TIME_ZONE!r}") from exc


CHINA = county_zone()


def local_time(moment: dt.datetime, zone: dt.tzinfo = CHINA) -> dt.datetime:
    """``moment`` as wall-clock time in the county (a naive time is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(zone)


def county_date(moment: dt.datetime, zone: dt.tzinfo = CHINA) -> dt.date:
    """The day ``moment`` falls on in the county."""
    return local_time(moment, zone).date()


def county_today(zone: dt.tzinfo = CHINA) -> dt.date:
    """Today in the county, from the system clock (for callers without an injected clock)."""
    return county_date(dt.datetime.now(dt.timezone.utc), zone)


def day_bounds(day: dt.date, zone: dt.tzinfo = CHINA) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of ``day`` in the county as UTC instants."""
    start = dt.datetime.combine(day, dt.time(), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)
