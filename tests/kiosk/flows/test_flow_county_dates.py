"""Business dates are county dates: at 07:00 and 23:30 in Jia County (23:00 and 15:30 UTC)
a contract, a reconciliation, the supervision report and a certificate number's year show the
county's day, never the UTC day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.config import Config, load_config, merge
from kiosk.services import contracts, payments
from kiosk.services.context import Context
from kiosk.services.reconciliation import reconcile
from kiosk.services.simulate import simulate
from kiosk.services.supervision import supervision_report
from kiosk.store import Store

from .conftest import Kiosk

UTC = dt.timezone.utc
# (UTC instant, the county's day then): 07:00 on 1 Dec is still 30 Nov in UTC; 23:30 on 1 Dec is 15:30 UTC.
MOMENTS = [
    pytest.param(dt.datetime(2026, 11, 30, 23, 0, tzinfo=UTC), dt.date(2026, 12, 1), id="07:00"),
    pytest.param(dt.datetime(2026, 12, 1, 15, 30, tzinfo=UTC), dt.date(2026, 12, 1), id="23:30"),
]


def at(site: Kiosk, moment: dt.datetime) -> None:
    """Move both clocks: the flows' and the store's (which stamps signed_at and the audit log)."""
    site.clock.now = moment
    site.store.clock = lambda: site.clock.now.isoformat(timespec="microseconds")


@pytest.mark.parametrize(("moment", "day"), MOMENTS)
def test_the_context_gives_the_county_day(site: Kiosk, moment: dt.datetime, day: dt.date) -> None:
    at(site, moment)
    assert site.ctx.today() == day
    local = site.ctx.local_now()
    assert local.date() == day and local.utcoffset() == dt.timedelta(hours=8)
    assert local == moment, "the same instant, on the county's wall clock"


@pytest.mark.parametrize(("moment", "day"), MOMENTS)
def test_contract_is_dated_the_county_day(site: Kiosk, single: str, moment: dt.datetime,
                                          day: dt.date) -> None:
    at(site, moment)
    contract = contracts.draft(site.ctx, site.staff, single)
    assert f"签订日期：{day.isoformat()}" in contracts.content(site.store, contract)


@pytest.mark.parametrize(("moment", "day"), MOMENTS)
def test_payment_belongs_to_the_county_day_and_declares_on_it(site: Kiosk, single: str,
                                                              moment: dt.datetime, day: dt.date) -> None:
    at(site, moment)
    order = site.pay(single)
    audit = site.store.read("SELECT detail FROM audit WHERE action = 'payment.order'")[0]["detail"]
    assert f'"declared_on":"{day.isoformat()}"' in audit
    expected = sum(r["amount_fen"] for r in site.store.read(
        "SELECT amount_fen FROM payment_items WHERE order_id = ?", (order,)))
    on_day = reconcile(site.ctx, day)
    day_before = reconcile(site.ctx, day - dt.timedelta(days=1))
    assert on_day["date"] == day.isoformat()
    assert sum(p["confirmed_fen"] for p in on_day["payees"].values()) == expected
    assert sum(p["confirmed_fen"] for p in day_before["payees"].values()) == 0


@pytest.mark.parametrize(("moment", "day"), MOMENTS)
def test_report_day_is_the_county_day(site: Kiosk, moment: dt.datetime, day: dt.date) -> None:
    at(site, moment)
    report = supervision_report(site.ctx)
    assert report["day"] == day.isoformat()
    assert report["generated_at"] == moment.isoformat()


def test_certificate_year_is_the_county_year(store: Store, data_dir: Path) -> None:
    # 07:30 on New Year's Day 2027 in Jia County; UTC is still in 2026.
    moment = dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    store.clock = lambda: moment.isoformat(timespec="microseconds")
    simulate(Context(store, load_config(data_dir), clock=lambda: moment), 1)
    numbers = [r["certificate_no"] for r in store.read(
        "SELECT certificate_no FROM certificates WHERE training = 1")]
    assert numbers and all("(2027)" in n for n in numbers), numbers


def test_the_zone_comes_from_the_configuration(site: Kiosk) -> None:
    # A county elsewhere (here UTC itself) gets its own day from the same clock.
    config = Config(site.ctx.config.data_dir, merge({"county": {"time_zone": "UTC"}}, "test"))
    ctx = Context(site.store, config, clock=lambda: dt.datetime(2026, 11, 30, 23, 0, tzinfo=UTC))
    assert ctx.today() == dt.date(2026, 11, 30)
    assert payments.day_bounds(dt.date(2026, 12, 1), ctx.zone)[0].startswith("2026-12-01T00:00:00")
    assert payments.day_bounds(dt.date(2026, 12, 1))[0].startswith("2026-11-30T16:00:00")
