"""CreditView on real data: a restriction pulled from the platform, its units with a supervisor's
override, a lifted restriction, and the violations recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from kiosk.rules.county_time import county_date
from kiosk.services import credit
from kiosk.views.credit import credit_view

USCC = "91410425MA4KJX3T7R"


def test_restrictions_units_overrides_and_violations(site: Any) -> None:
    empty = credit_view(site.ctx)
    assert empty.restrictions == () and empty.violations == ()
    assert [(d.uscc, d.restricted) for d in empty.developers] == [(USCC, False)]
    site.pull("restriction.set", USCC, {"reason": "拖欠农民工工资", "since": "2026-11-01", "until": "2027-05-01"})
    view = credit_view(site.ctx)
    (row,) = view.restrictions
    assert (row.developer_name, row.reason, row.since, row.until, row.in_force) == (
        "郏县龙城置业有限公司", "拖欠农民工工资", dt.date(2026, 11, 1), dt.date(2027, 5, 1), True)
    assert row.units and all(u.override_by is None for u in row.units)
    assert view.developers[0].restricted
    unit = row.units[0].unit_code
    credit.override(site.ctx, site.supervisor, unit, "购房人已全额付款，准予交付")
    credit.record_violation(site.ctx, site.staff, USCC, "late_handover", "逾期三个月交房", unit_code=unit)
    view = credit_view(site.ctx)
    first = view.restrictions[0].units[0]
    assert (first.unit_code, first.override_by, first.override_reason) == (
        unit, site.supervisor.label, "购房人已全额付款，准予交付")
    assert all(u.override_by is None for u in view.restrictions[0].units[1:])
    (violation,) = view.violations
    assert (violation.kind_label, violation.note, violation.developer_name, violation.recorded_by) == (
        "逾期交房", "逾期三个月交房", "郏县龙城置业有限公司", site.staff.label)
    assert ("contract_breach", "合同违约") in view.kinds
    site.pull("restriction.lifted", USCC, {"reason": "已整改", "since": "2026-11-01"})
    lifted = credit_view(site.ctx).restrictions[0]
    assert not lifted.in_force and lifted.lifted_at is not None
    assert lifted.lifted_on == county_date(dt.datetime.fromisoformat(lifted.lifted_at))
    assert lifted.until == dt.date(2027, 5, 1), "the end date it was published with stays"
    assert dataclasses.is_dataclass(lifted) and not credit_view(site.ctx).developers[0].restricted


def test_a_restriction_lifted_late_in_the_utc_evening_ended_on_the_next_county_day(
        site: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    site.pull("restriction.set", USCC, {"reason": "拖欠农民工工资", "since": "2026-11-01"})
    assert credit_view(site.ctx).restrictions[0].lifted_on is None
    # The store stamps what it writes: 17:30 UTC is 01:30 the next morning in Jia County.
    monkeypatch.setattr(site.ctx.store, "clock", lambda: "2026-11-30T17:30:00.000000+00:00")
    site.pull("restriction.lifted", USCC, {"reason": "已整改", "since": "2026-11-01"})
    (row,) = credit_view(site.ctx).restrictions
    assert (row.lifted_on, row.until, row.in_force) == (dt.date(2026, 12, 1), None, False)
