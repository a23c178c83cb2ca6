"""The county's calendar, shared by both ends: business dates (the year in a certificate, filing or
receipt number, a restriction's first day) are dates in the county's time zone, never UTC dates.

Between 00:00 and 08:00 China time the UTC date is still yesterday; on 1 January it is still last year.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

CHINA_TIME_ZONE = "Asia/Shanghai"
CHINA = ZoneInfo(CHINA_TIME_ZONE)


def county_date_of(timestamp: float) -> dt.date:
    """The county date of a Unix time."""
    return dt.datetime.fromtimestamp(timestamp, CHINA).date()
