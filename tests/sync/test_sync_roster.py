"""Roster changes made on a kiosk reach the platform, from the kiosk's side, with a real gateway on
127.0.0.1 (SQLite: the gateway's storage of rosters runs on both engines in
tests/county/test_county_roster.py).

A member a supervisor adds on the kiosk survives the platform's next roster and reaches the service
point's other kiosk (without the PIN, which a supervisor there sets); a PIN reset on the kiosk
survives a roster that does not set a new one, and the platform's new PIN then wins; an addition the
platform refuses, or a malformed one, lands in quarantine with its reason and is not lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sync_gateway import LiveGateway
from sync_kiosk import fill_outbox, make_agent, open_store

from county import roster
from county.store import transaction
from kiosk.cli import main
from kiosk.config import load_config
from kiosk.errors import AuthError
from kiosk.services import staff
from kiosk.services.context import Context
from kiosk.store import Store
from kiosk.views.staff import StaffRow, staff_view
from sync.enroll import EnrollTarget, enroll
from sync.transport import RequestsTransport
from sync.wire import kinds

PIN = "246813"
SERVICE_POINT = "SP-JX-01"


def member(staff_id: str, role: str = "staff", **extra: Any) -> dict[str, Any]:
    return {"id": staff_id, "name": "测试员", "role": role, "cert_no": f"JX-{staff_id}",
            "cert_expires": "2030-01-01", **extra}


def publish(gateway: LiveGateway, *staff_list: dict[str, Any]) -> None:
    gw = gateway.gateway
    with gw.locked() as conn, transaction(conn):
        roster.publish(conn, gw.keys, service_point=SERVICE_POINT, data={"staff": list(staff_list)},
                       now=gw.clock())


def sync(data_dir: Path, store: Store) -> None:
    result = make_agent(data_dir, store).cycle()
    assert not result.errors, result.errors


def refused_login(ctx: Context, staff_id: str, pin: str) -> str:
    with pytest.raises(AuthError) as err:
        staff.login(ctx, staff_id, pin)
    return err.value.code


def row(ctx: Context, staff_id: str) -> StaffRow:
    return {r.staff_id: r for r in staff_view(ctx).rows}[staff_id]


def second_kiosk(tmp_path: Path, gateway: LiveGateway) -> Path:
    home = tmp_path / "second-kiosk"
    assert main(["init", "--data-dir", str(home)]) == 0
    offer = gateway.token(SERVICE_POINT)
    transport = RequestsTransport()
    enroll(load_config(home), transport, EnrollTarget(offer.url, offer.token, offer.fingerprint,
                                                      offer.service_point))
    transport.close()
    return home


def test_a_member_added_on_the_kiosk_survives_the_next_roster_and_reaches_the_other_kiosk(
        enrolled: Path, gateway: LiveGateway, tmp_path: Path) -> None:
    # The platform keeps the hashes it gave; a hash made anew (another salt) is a new PIN.
    first_pins = {"S001": staff.hash_pin(PIN), "S002": staff.hash_pin(PIN)}
    publish(gateway, member("S001", "supervisor", pin_hash=first_pins["S001"]),
            member("S002", pin_hash=first_pins["S002"]))
    store = open_store(enrolled)
    ctx = Context(store, load_config(enrolled))
    sync(enrolled, store)
    supervisor = staff.login(ctx, "S001", PIN)
    staff.add_member(ctx, supervisor, "S010", name="李新", role="staff", cert_no="JXDJ-2026-0100",
                     cert_expires=dt.date(2030, 6, 30), pin="135790")
    staff.reset_pin(ctx, supervisor, "S002", "777888")
    assert (row(ctx, "S010").addition, row(ctx, "S002").addition) == ("pending", None)
    sync(enrolled, store)
    assert (row(ctx, "S010").addition, row(ctx, "S010").refusal) == ("accepted", None)
    assert store.read("SELECT state FROM outbox WHERE kind = ?", (kinds.STAFF_MEMBER_ADDED,)) == [
        {"state": "acked"}]
    with gateway.gateway.locked() as conn:
        entry = {e["id"]: e for e in roster.entries(conn, SERVICE_POINT)}["S010"]
    assert (entry["origin"], entry["cert_expires"]) == ("terminal", "2030-06-30")

    # The platform's next roster renews S002 and does not name S010.
    publish(gateway, member("S001", "supervisor", pin_hash=first_pins["S001"]),
            member("S002", cert_expires="2031-12-31", pin_hash=first_pins["S002"]))
    sync(enrolled, store)
    assert staff.login(ctx, "S010", "135790") == staff.Actor("S010", "staff")
    assert staff.login(ctx, "S002", "777888") == staff.Actor("S002", "staff"), "the PIN reset here stays"
    assert store.read("SELECT cert_expires FROM staff WHERE id = 'S002'") == [{"cert_expires": "2031-12-31"}]

    other = second_kiosk(tmp_path, gateway)
    other_store = open_store(other)
    other_ctx = Context(other_store, load_config(other))
    sync(other, other_store)
    assert refused_login(other_ctx, "S010", "135790") == "pin_not_set", "the PIN stayed on the first kiosk"
    there = row(other_ctx, "S010")
    assert (there.pin_set, there.may_log_in, there.addition) == (False, False, None)
    staff.reset_pin(other_ctx, staff.login(other_ctx, "S001", PIN), "S010", "864200")
    assert staff.login(other_ctx, "S010", "864200") == staff.Actor("S010", "staff")
    other_store.close()

    # The platform sets S002 a new PIN: it wins over the one reset on the kiosk.
    publish(gateway, member("S002", cert_expires="2031-12-31", pin_hash=staff.hash_pin("999000")))
    sync(enrolled, store)
    assert refused_login(ctx, "S002", "777888") == "wrong_pin"
    assert staff.login(ctx, "S002", "999000") == staff.Actor("S002", "staff")
    store.close()


def test_additions_the_platform_refuses_are_quarantined_with_their_reason(
        enrolled: Path, gateway: LiveGateway) -> None:
    publish(gateway, member("S001", "supervisor", pin_hash=staff.hash_pin(PIN)), member("S002"))
    store = open_store(enrolled)
    ctx = Context(store, load_config(enrolled))
    with store.unit_of_work("test") as uow:
        # A supervisor only this kiosk knows: the platform never made them one.
        staff.add_staff(uow, "S700", name="本地主管", role="supervisor", cert_no="JX-S700",
                        cert_expires=dt.date(2030, 1, 1), pin=PIN)
    local = staff.login(ctx, "S700", PIN)
    staff.add_member(ctx, local, "S011", name="王五", role="staff", cert_no="JX-S011",
                     cert_expires=dt.date(2030, 1, 1), pin="135790")
    malformed = fill_outbox(store, 1, kind=kinds.STAFF_MEMBER_ADDED)[0]
    sync(enrolled, store)
    reasons = {r["subject"]: (r["code"], r["reason"]) for r in store.read(
        "SELECT o.subject, q.code, q.reason FROM quarantine q JOIN outbox o USING (record_id)")}
    assert reasons["S011"][0] == "not_permitted"
    assert "S700 is not an active, certified supervisor" in reasons["S011"][1]
    subject = store.read("SELECT subject FROM outbox WHERE record_id = ?", (malformed,))[0]["subject"]
    assert reasons[subject][0] == "invalid_record" and "unexpected payload fields" in reasons[subject][1]
    assert len(reasons) == 2, "both kept, in quarantine, not lost"
    refused = row(ctx, "S011")
    assert refused.addition == "refused" and refused.refusal is not None
    assert refused.refusal.startswith("not_permitted: S700")
    assert (refused.active, refused.may_log_in) == (False, False)
    assert refused_login(ctx, "S011", "135790") == "inactive_staff", "a refused addition is no account"
    assert store.read("SELECT actor, detail FROM audit WHERE action = 'staff.addition_refused' AND subject = 'S011'"
                      ) == [{"actor": "sync-agent", "detail": '{"code":"not_permitted","record_id":"%s"}' % store.read(
                          "SELECT record_id FROM outbox WHERE subject = 'S011'")[0]["record_id"]}]
    with gateway.gateway.locked() as conn:
        assert sorted(e["id"] for e in roster.entries(conn, SERVICE_POINT)) == ["S001", "S002"]
    store.close()


def test_a_number_given_twice_offline_never_carries_the_kiosks_pin_to_the_platforms_person(
        enrolled: Path, gateway: LiveGateway) -> None:
    publish(gateway, member("S001", "supervisor", pin_hash=staff.hash_pin(PIN)))
    store = open_store(enrolled)
    ctx = Context(store, load_config(enrolled))
    sync(enrolled, store)
    # Offline, the kiosk gives S050 to one person while the platform gives it to another, without a PIN.
    staff.add_member(ctx, staff.login(ctx, "S001", PIN), "S050", name="本地新人", role="staff", cert_no="JX-LOCAL",
                     cert_expires=dt.date(2030, 1, 1), pin="135790")
    publish(gateway, member("S050", cert_no="JX-PLATFORM"))
    sync(enrolled, store)
    assert store.read("SELECT code FROM quarantine") == [{"code": "staff_exists"}]
    assert refused_login(ctx, "S050", "135790") == "pin_not_set", "the local PIN is gone with its person"
    entry = row(ctx, "S050")
    assert (entry.cert_no, entry.active, entry.pin_set) == ("JX-PLATFORM", True, False)
    assert (entry.addition, entry.refusal) == (None, None), "the platform's entry is the member shown now"
    assert [r["action"] for r in store.read("SELECT action FROM audit WHERE subject = 'S050' ORDER BY seq")][-2:] == [
        "staff.addition_refused", "staff.replaced_by_roster"]
    # A PIN a supervisor then sets for the platform's person stays through the next roster.
    staff.reset_pin(ctx, staff.login(ctx, "S001", PIN), "S050", "864200")
    publish(gateway, member("S050", cert_no="JX-PLATFORM", cert_expires="2031-01-01"))
    sync(enrolled, store)
    assert staff.login(ctx, "S050", "864200") == staff.Actor("S050", "staff")
    store.close()
