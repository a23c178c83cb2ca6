"""`login` takes the lockout rule from ``[security]`` in kiosk.toml, not from its own defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.errors import AuthError
from kiosk.services import staff
from kiosk.services.context import Context
from kiosk.store import Store

PIN = "246813"
START = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


def context(store: Store, data_dir: Path, clock: Clock, security: str) -> Context:
    (data_dir / "kiosk.toml").write_text(f"[security]\n{security}\n", encoding="utf-8")
    with store.unit_of_work("test") as uow:
        staff.add_staff(uow, "S700", name="测试员", role="staff", cert_no="JX-700",
                        cert_expires=dt.date(2030, 1, 1), pin=PIN)
    return Context(store, load_config(data_dir), clock=clock)


def wrong(ctx: Context) -> AuthError:
    with pytest.raises(AuthError) as err:
        staff.login(ctx, "S700", "000000")
    return err.value


def test_two_failures_lock_for_three_minutes(store: Store, data_dir: Path) -> None:
    clock = Clock()
    ctx = context(store, data_dir, clock, "pin_max_failures = 2\nlockout_minutes = 3")
    first = wrong(ctx)
    assert first.code == "wrong_pin" and "1 tries left" in str(first)
    second = wrong(ctx)
    assert second.code == "locked_out" and "until 2026-11-30 09:03" in str(second), "county wall clock"
    locked = store.read("SELECT locked_until FROM staff WHERE id = 'S700'")[0]["locked_until"]
    assert dt.datetime.fromisoformat(locked) == START + dt.timedelta(minutes=3)
    clock.now = START + dt.timedelta(minutes=2, seconds=59)
    with pytest.raises(AuthError) as err:
        staff.login(ctx, "S700", PIN)
    assert err.value.code == "locked_out", "the right PIN does not open a locked account"
    clock.now = START + dt.timedelta(minutes=3, seconds=1)
    assert staff.login(ctx, "S700", PIN).label == "staff:S700"


def test_a_larger_limit_allows_more_tries(store: Store, data_dir: Path) -> None:
    ctx = context(store, data_dir, Clock(), "pin_max_failures = 8\nlockout_minutes = 60")
    for left in range(7, 0, -1):
        err = wrong(ctx)
        assert err.code == "wrong_pin" and f"{left} tries left" in str(err)
    assert wrong(ctx).code == "locked_out"
    locked = store.read("SELECT locked_until FROM staff WHERE id = 'S700'")[0]["locked_until"]
    assert dt.datetime.fromisoformat(locked) == START + dt.timedelta(minutes=60)


def test_supervisor_login_admits_only_a_supervisor(store: Store, data_dir: Path) -> None:
    ctx = context(store, data_dir, Clock(), "pin_max_failures = 2\nlockout_minutes = 3")
    with store.unit_of_work("test") as uow:
        staff.add_staff(uow, "S701", name="主管甲", role="supervisor", cert_no="JX-701",
                        cert_expires=dt.date(2030, 1, 1), pin=PIN)
    assert staff.supervisor_login(ctx, "S701", PIN).label == "supervisor:S701"
    with pytest.raises(AuthError) as err:
        staff.supervisor_login(ctx, "S700", PIN)
    assert err.value.code == "not_permitted" and "not a supervisor" in str(err.value)
    with pytest.raises(AuthError) as err:
        staff.supervisor_login(ctx, "S701", "000000")
    assert err.value.code == "wrong_pin", "a wrong PIN is refused before the role is even read"
    with pytest.raises(AuthError) as err:
        staff.supervisor_login(ctx, "S701", "000000")
    assert err.value.code == "locked_out", "and counts towards the lockout as at the login screen"
