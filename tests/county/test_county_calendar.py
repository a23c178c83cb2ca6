"""Certificate, filing and receipt years and a restriction's first day are county dates: at 07:30 on
1 January in Jia County the UTC date is still 31 December of the year before."""

from __future__ import annotations

import datetime as dt

from sync.wire.calendar import CHINA, county_date_of

NEW_YEAR_MORNING = dt.datetime(2027, 1, 1, 7, 30, tzinfo=CHINA).timestamp()


def test_the_county_date_is_not_the_utc_date_before_eight() -> None:
    assert dt.datetime.fromtimestamp(NEW_YEAR_MORNING, dt.UTC).date() == dt.date(2026, 12, 31)
    assert county_date_of(NEW_YEAR_MORNING) == dt.date(2027, 1, 1)
