"""The roster's upkeep on site: a supervisor adds a staff member, resets a PIN, unlocks an account;
staff may not, and each bad input is refused by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.errors import AuthError, KioskError
from kiosk.services import platform_items, staff
from kiosk.services.context import Context
from kiosk.store import Store, outbox
from kiosk.views.staff import staff_view

PIN = "246813"
NOW = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.timezone.utc)
SUPERVISOR = staff.Actor("S701", "supervisor")
CLERK = staff.Actor("S700", "staff")


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    (data_dir / "kiosk.toml").write_text("[security]\npin_max_failures = 2\nlockout_minutes = 30\n",
                                         encoding="utf-8")
    with store.unit_of_work("test") as uow:
        for actor in (SUPERVISOR, CLERK):
            staff.add_staff(uow, actor.id, name="测试员", role=actor.role, cert_no=f"JX-{actor.id}",  # type: ignore[arg-type]
                            cert_expires=dt.date(2030, 1, 1), pin=PIN)
    return Context(store, load_config(data_dir), clock=lambda: NOW)


def refused(call: object, *args: object, **kwargs: object) -> KioskError:
    with pytest.raises(KioskError) as err:
        call(*args, **kwargs)  # type: ignore[operator]
    return err.value


def test_a_supervisor_adds_a_member_who_can_log_in(ctx: Context, store: Store) -> None:
    staff.add_member(ctx, SUPERVISOR, "s010", name=" 李新 ", role="staff", cert_no="JXDJ-2026-0100",
                     cert_expires=dt.date(2027, 1, 31), pin="135790")
    assert staff.login(ctx, "S010", "135790") == staff.Actor("S010", "staff"), "the number is kept in capitals"
    row = store.read("SELECT name_enc, role, cert_no FROM staff WHERE id = 'S010'")[0]
    assert store.vault.decrypt(row["name_enc"], "staff.name") == "李新" and row["cert_no"] == "JXDJ-2026-0100"
    audit = store.read("SELECT actor, action FROM audit WHERE subject = 'S010'")
    assert [(a["actor"], a["action"]) for a in audit] == [("supervisor:S701", "staff.add"), ("staff:S010", "staff.login")]
    pending, _ = outbox.read_pending(store, 10)
    assert [(r.kind, r.subject, r.payload) for r in pending] == [("staff.member_added", "S010", {
        "staff_id": "S010", "name": "李新", "role": "staff", "cert_no": "JXDJ-2026-0100",
        "cert_expires": "2027-01-31", "by": "S701"})], "the member goes to the platform, the PIN does not"


@pytest.mark.parametrize(("fields", "code"), [
    ({"staff_id": "S700"}, "staff_exists"),
    ({"staff_id": "10"}, "bad_staff_id"),
    ({"staff_id": "S 1"}, "bad_staff_id"),
    ({"name": "  "}, "name_required"),
    ({"name": "李" * 65}, "too_long"),
    ({"cert_no": "J" * 65}, "too_long"),
    ({"cert_expires": dt.date(2026, 11, 29)}, "cert_already_expired"),
    ({"pin": "12345"}, "invalid"),
    ({"role": "boss"}, "role_not_allowed"),
    ({"role": "supervisor"}, "role_not_allowed"),
])
def test_bad_members_are_refused_by_name(ctx: Context, store: Store, fields: dict[str, object], code: str) -> None:
    member: dict[str, object] = {"staff_id": "S011", "name": "李新", "role": "staff", "cert_no": "JX-1",
                                 "cert_expires": dt.date(2027, 1, 1), "pin": "135790", **fields}
    staff_id = member.pop("staff_id")
    assert refused(staff.add_member, ctx, SUPERVISOR, staff_id, **member).code == code
    assert len(store.read("SELECT id FROM staff")) == 2 and outbox.counts(store)[outbox.PENDING] == 0


def test_only_a_supervisor_keeps_the_roster(ctx: Context) -> None:
    assert refused(staff.add_member, ctx, CLERK, "S012", name="李新", role="staff", cert_no="JX-1",
                   cert_expires=dt.date(2027, 1, 1), pin="135790").code == "not_permitted"
    assert refused(staff.reset_pin, ctx, CLERK, "S700", "999999").code == "not_permitted"
    assert refused(staff.unlock, ctx, CLERK, "S700").code == "not_permitted"


def test_a_training_session_leaves_the_real_roster_alone(ctx: Context, store: Store) -> None:
    trainee = staff.Actor(SUPERVISOR.id, "supervisor", training=True)
    assert refused(staff.add_member, ctx, trainee, "S012", name="李新", role="staff", cert_no="JX-1",
                   cert_expires=dt.date(2027, 1, 1), pin="135790").code == "training_roster"
    assert refused(staff.reset_pin, ctx, trainee, "S700", "999999").code == "training_roster"
    with pytest.raises(AuthError):
        staff.login(ctx, "S700", "000000")
    error = refused(staff.unlock, ctx, trainee, "S700")
    assert (error.code, error.hint) == ("training_roster", "end the training session and do it in a real one")
    assert len(store.read("SELECT id FROM staff")) == 2 and outbox.counts(store)[outbox.PENDING] == 0
    assert staff.login(ctx, "S700", PIN) == CLERK, "the real PIN stays"
    assert not store.read("SELECT 1 FROM audit WHERE action IN ('staff.add', 'staff.pin_reset', 'staff.unlock') "
                          "AND actor LIKE 'supervisor:%'")


def test_reset_pin_replaces_the_pin_and_ends_a_lock(ctx: Context) -> None:
    for _ in range(2):
        with pytest.raises(AuthError):
            staff.login(ctx, "S700", "000000")
    assert refused(staff.login, ctx, "S700", PIN).code == "locked_out"
    staff.reset_pin(ctx, SUPERVISOR, "S700", "777888")
    assert refused(staff.login, ctx, "S700", PIN).code == "wrong_pin", "the old PIN is gone"
    assert staff.login(ctx, "S700", "777888").id == "S700"
    assert refused(staff.reset_pin, ctx, SUPERVISOR, "S700", "12").code == "invalid"
    assert refused(staff.reset_pin, ctx, SUPERVISOR, "S999", "777888").code == "unknown_staff"


def test_unlock_ends_the_lock_and_refuses_an_account_not_locked(ctx: Context, store: Store) -> None:
    assert refused(staff.unlock, ctx, SUPERVISOR, "S700").code == "not_locked"
    for _ in range(2):
        with pytest.raises(AuthError):
            staff.login(ctx, "S700", "000000")
    staff.unlock(ctx, SUPERVISOR, "S700")
    assert staff.login(ctx, "S700", PIN).id == "S700"
    assert store.read("SELECT action FROM audit WHERE action = 'staff.unlock'")
    assert refused(staff.unlock, ctx, SUPERVISOR, "S999").code == "unknown_staff"


def test_the_commands_run_through_the_facade(data_dir: Path, ctx: Context) -> None:
    with open_kiosk(load_config(data_dir), clock=lambda: NOW) as kiosk:
        kiosk.run(staff.reset_pin, SUPERVISOR, "S700", "555666")
        assert kiosk.login("S700", "555666").value.id == "S700"


def test_an_entry_for_a_member_added_here_keeps_the_pin_only_for_the_same_person(ctx: Context, store: Store) -> None:
    """The addition is still pending (its acknowledgement lost) when the roster names the number."""
    for staff_id in ("S012", "S013"):
        staff.add_member(ctx, SUPERVISOR, staff_id, name="李新", role="staff", cert_no=f"JX-{staff_id}",
                         cert_expires=dt.date(2027, 1, 1), pin="135790")
    entries = [{"id": "S012", "name": "李新", "role": "staff", "cert_no": "JX-S012", "cert_expires": "2027-01-01",
                "origin": "terminal"},
               {"id": "S013", "name": "王芳", "role": "staff", "cert_no": "JX-9999", "cert_expires": "2027-01-01",
                "origin": "platform"}]
    with store.unit_of_work("sync-agent") as uow:
        platform_items.apply_staff_roster(uow, {"kind": "staff.roster", "subject": "SP-1", "training": False,
                                                "data": {"staff": entries}})
    assert staff.login(ctx, "S012", "135790") == staff.Actor("S012", "staff"), "its own addition echoed back"
    assert refused(staff.login, ctx, "S013", "135790").code == "pin_not_set", "another person: the PIN goes"
    # The roster's entries are the members now: a refusal of the additions arriving later leaves them be.
    with store.unit_of_work("sync-agent") as uow:
        for r in store.read("SELECT record_id FROM outbox WHERE subject IN ('S012', 'S013')"):
            staff.addition_refused(uow, r["record_id"], "staff_exists")
    assert staff.login(ctx, "S012", "135790") == staff.Actor("S012", "staff")
    assert [r.active for r in staff_view(ctx).rows if r.staff_id in ("S012", "S013")] == [True, True]
