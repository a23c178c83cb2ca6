"""Roster changes made at a terminal (``staff.member_added``) over real HTTP, on both engines: the
gateway takes a supervisor's addition into the service point's roster and sends it to that service
point; it refuses, record by record and with the reason, a non-supervisor, a service point it holds
no roster for, a number already on the roster and a malformed payload, and stores none of them; the
platform's later publication wins for the members it names and leaves the others alone."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from gateway_harness import ENGINES, SQLITE, Device, GatewayProcess, SignedClient, enroll, issue_token, record

from county import roster
from county.cli import main as cli_main
from county.errors import AdminError
from county.service import Gateway
from county.store import transaction
from sync import wire
from sync.wire import kinds

# Only PostgreSQL takes two batches at once: SQLite's one connection under a lock takes them in turn.
POSTGRESQL = pytest.mark.parametrize("engine", ["postgresql"], indirect=True, scope="module")
# A race is lost when the first copy commits before the second looks (measured: 20 of 80 without the fix
# below); all eight lost is about one run in 65,000.
RACES = 8

PIN_A = "scrypt$16384$8$1$c2FsdA$YWFhYQ"
PIN_B = "scrypt$16384$8$1$c2FsdA$YmJiYg"


def member(staff_id: str, role: str = "staff", **extra: Any) -> dict[str, Any]:
    return {"id": staff_id, "name": "测试员", "role": role, "cert_no": f"JX-{staff_id}",
            "cert_expires": "2030-01-01", **extra}


def added(record_id: str, subject: str, by: str, *, seq: int = 1, **override: Any) -> dict[str, Any]:
    payload = {"staff_id": subject, "name": "李新", "role": "staff", "cert_no": "JXDJ-2026-0100",
               "cert_expires": "2027-01-31", "by": by, **override}
    return record(record_id, kinds.STAFF_MEMBER_ADDED, subject, seq=seq, payload=payload)


def publish(admin: Gateway, service_point: str, staff: list[dict[str, Any]]) -> dict[str, Any]:
    with admin.locked() as conn, transaction(conn):
        return roster.publish(conn, admin.keys, service_point=service_point, data={"staff": staff},
                              now=admin.clock())


def held(admin: Gateway, service_point: str) -> dict[str, dict[str, Any]]:
    with admin.locked() as conn:
        return {e["id"]: e for e in roster.entries(conn, service_point)}


def rosters(client: SignedClient) -> list[list[dict[str, Any]]]:
    return [item.data["staff"] for item in client.all_items() if item.kind == kinds.STAFF_ROSTER]


@ENGINES
def test_a_supervisors_addition_joins_the_roster_and_reaches_the_service_point(
        gateway: GatewayProcess, admin: Gateway, new_device: Callable[..., Device]) -> None:
    publish(admin, "sp-r1", [member("S001", "supervisor", pin_hash=PIN_A), member("S002", pin_hash=PIN_A)])
    own = new_device("sp-r1")
    kiosk = SignedClient(gateway.url, own)
    other = SignedClient(gateway.url, new_device("sp-r1"))
    elsewhere = SignedClient(gateway.url, new_device("sp-r9"))
    ack = kiosk.ack(kiosk.seal([added("rst-1", "S010", "S001")], "rst-b1"), "rst-b1")
    assert ack.accepted == ["rst-1"] and ack.rejected == []

    entry = held(admin, "sp-r1")["S010"]
    assert (entry["origin"], entry["role"], entry["cert_expires"]) == ("terminal", "staff", "2027-01-31")
    for device in (kiosk, other):
        first, second = rosters(device)
        assert {m["id"]: "pin_hash" in m for m in first} == {"S001": True, "S002": True}
        assert second == [{"id": "S010", "name": "李新", "role": "staff", "cert_no": "JXDJ-2026-0100",
                           "cert_expires": "2027-01-31", "active": True, "origin": "terminal",
                           "version": 3}], "the member alone, without a PIN"
    assert rosters(elsewhere) == [], "another service point's kiosks never see this roster"

    # A resend is the same record: accepted again, the roster and the feed unchanged.
    again = kiosk.ack(kiosk.seal([added("rst-1", "S010", "S001")], "rst-b2"), "rst-b2")
    assert again.accepted == ["rst-1"] and len(rosters(other)) == 2
    # On PostgreSQL two copies can pass the stored-record check together; the second then waits on the
    # roster's lock and finds the entry the first made: the record's own entry, not a clash.
    with admin.locked() as conn, transaction(conn):
        roster.take_addition(conn, admin.keys, device_id=own.device_id, record=added("rst-1", "S010", "S001"),
                             now=admin.clock())
    assert len(rosters(other)) == 2
    with admin.locked() as conn:
        state = conn.execute("SELECT state FROM records WHERE record_id = 'rst-1'").fetchone()[0]
        kept = [bytes(r[0]) for r in conn.execute("SELECT entry FROM roster WHERE service_point = 'sp-r1'")]
    assert state == "decided"
    assert len(kept) == 3 and not any("李新".encode() in e or b"scrypt$" in e for e in kept), "sealed at rest"


def at_once(sends: list[Callable[[], wire.Ack]]) -> list[wire.Ack]:
    """Run ``sends`` in threads of their own, released together."""
    start = threading.Barrier(len(sends))

    def go(send: Callable[[], wire.Ack]) -> wire.Ack:
        start.wait()
        return send()

    with ThreadPoolExecutor(len(sends)) as pool:
        return list(pool.map(go, sends))


@POSTGRESQL
def test_one_addition_sent_twice_at_once_makes_one_entry_and_a_duplicate(
        gateway: GatewayProcess, admin: Gateway, new_device: Callable[..., Device]) -> None:
    """The same batch of one ``staff.member_added`` posted twice at the same moment, over HTTP, by a kiosk
    re-enrolled with its keys under a new device id: it resends its outbox while the copy sent under its
    old id is still being taken. Copies from one device id wait on that device's row and find the first
    stored (test_county_batches); these do not, so both pass the stored-record check, and the second waits
    on the roster's lock and finds the entry the first made."""
    publish(admin, "sp-r7", [member("S001", "supervisor")])
    device = new_device("sp-r7")
    again = enroll(gateway.url, issue_token(gateway.db, gateway.url, "sp-r7"), keys=device.keys,
                   fingerprint=gateway.fingerprint)
    clients = [SignedClient(gateway.url, device), SignedClient(gateway.url, again)]
    for n in range(RACES):
        rid, batch_id = f"race-{n}", f"race-b{n}"
        batch = [added(rid, f"S{100 + n}", "S001", seq=n + 1)]
        sends = [(client, client.seal(batch, batch_id)) for client in clients]
        acks = at_once([lambda c=c, e=e: c.ack(e, batch_id) for c, e in sends])
        assert [(a.accepted, a.rejected) for a in acks] == [([rid], [])] * 2, f"race {n}"
    with admin.locked() as conn:
        made = {r[0]: r[1] for r in conn.execute(
            "SELECT staff_id, record_id FROM roster WHERE service_point = 'sp-r7' AND origin = 'terminal'")}
        copies = [r[0] for r in conn.execute(
            "SELECT record_id FROM duplicates WHERE record_id LIKE 'race-%' ORDER BY record_id")]
        refused = conn.execute("SELECT count(*) FROM rejections WHERE record_id LIKE 'race-%'").fetchone()[0]
    assert made == {f"S{100 + n}": f"race-{n}" for n in range(RACES)}
    assert copies == sorted(made.values()), "each second copy is a duplicate"
    assert refused == 0
    sent = [m["id"] for staff in rosters(clients[0])[1:] for m in staff]
    assert sorted(sent) == sorted(made), "each member reaches the service point once"


@ENGINES
def test_refused_changes_are_answered_with_their_reason_and_not_stored(
        gateway: GatewayProcess, admin: Gateway, new_device: Callable[..., Device]) -> None:
    publish(admin, "sp-r2", [member("S001", "supervisor"), member("S002"),
                             member("S003", "supervisor", active=False),
                             member("S004", "supervisor", cert_expires="2020-12-31")])
    with admin.locked() as conn, transaction(conn):
        # A supervisor a terminal added before terminals were limited to staff: never one for ``by``.
        roster._keep(conn, "sp-r2", member("S030", "supervisor"), version=roster._lock(conn, "sp-r2"),
                     origin=roster.TERMINAL, record_id="old-1", now=admin.clock())
    kiosk = SignedClient(gateway.url, new_device("sp-r2"))
    batch = [added("rfs-1", "S010", "S002", seq=1),
             added("rfs-2", "S011", "S003", seq=2),
             added("rfs-3", "S012", "S004", seq=3),
             added("rfs-4", "S002", "S001", seq=4),
             added("rfs-5", "S013", "S001", seq=5, pin_hash=PIN_A),
             added("rfs-6", "S014", "S001", seq=6, role="boss"),
             added("rfs-7", "S015", "S001", seq=7, cert_expires="soon"),
             added("rfs-8", "S016", "S001", seq=8, staff_id="S099"),
             added("rfs-9", "S017", "S001", seq=9),
             added("rfs-10", "S018", "S001", seq=10, role="supervisor"),
             added("rfs-11", "S019", "S030", seq=11)]
    ack = kiosk.ack(kiosk.seal(batch, "rfs-b1"), "rfs-b1")
    codes = {r.record_id: (r.code, r.reason) for r in ack.rejected}
    assert ack.accepted == ["rfs-9"], "one bad record never holds back a good one"
    assert {rid: code for rid, (code, _) in codes.items()} == {
        "rfs-1": "not_permitted", "rfs-2": "not_permitted", "rfs-3": "not_permitted",
        "rfs-4": "staff_exists", "rfs-5": "invalid_record", "rfs-6": "invalid_record",
        "rfs-7": "invalid_record", "rfs-8": "invalid_record", "rfs-10": "not_permitted", "rfs-11": "not_permitted"}
    assert "a terminal adds staff only, not supervisor" in codes["rfs-10"][1]
    assert "S030 is not an active, certified supervisor the platform put on the roster" in codes["rfs-11"][1]
    assert "S002 is not an active, certified supervisor" in codes["rfs-1"][1]
    assert "already on the platform's roster" in codes["rfs-4"][1]
    assert "pin_hash" in codes["rfs-5"][1] and "PIN never leaves" in codes["rfs-5"][1]
    assert "role" in codes["rfs-6"][1] and "cert_expires" in codes["rfs-7"][1]
    assert "subject" in codes["rfs-8"][1]
    assert sorted(held(admin, "sp-r2")) == ["S001", "S002", "S003", "S004", "S017", "S030"]
    with admin.locked() as conn:
        stored = {r[0] for r in conn.execute("SELECT record_id FROM records WHERE record_id LIKE 'rfs-%'")}
        noted = {r[0] for r in conn.execute("SELECT record_id FROM rejections WHERE record_id LIKE 'rfs-%'")}
    assert stored == {"rfs-9"} and noted == set(codes)

    lone = SignedClient(gateway.url, new_device("sp-r3"))
    ack = lone.ack(lone.seal([added("unk-1", "S010", "S001")], "unk-b1"), "unk-b1")
    assert [(r.code, "no staff roster for service point sp-r3" in r.reason) for r in ack.rejected] == [
        ("unknown_service_point", True)]
    # A training record of the kind is only stored: training never changes a real roster.
    ack = lone.ack(lone.seal([record("trn-1", kinds.STAFF_MEMBER_ADDED, "S010", payload={}, training=True)],
                             "trn-b1"), "trn-b1")
    assert ack.accepted == ["trn-1"] and held(admin, "sp-r3") == {}


@ENGINES
def test_the_platforms_later_publication_wins_for_whom_it_names(
        gateway: GatewayProcess, admin: Gateway, new_device: Callable[..., Device]) -> None:
    publish(admin, "sp-r4", [member("S001", "supervisor", pin_hash=PIN_A), member("S002", pin_hash=PIN_A)])
    kiosk = SignedClient(gateway.url, new_device("sp-r4"))
    kiosk.ack(kiosk.seal([added("win-1", "S010", "S001")], "win-b1"), "win-b1")

    same = publish(admin, "sp-r4", [member("S001", "supervisor"), member("S002", pin_hash=PIN_A)])
    assert same["data"] == {"staff": []}, "republishing the same roster changes nobody"
    renewed = publish(admin, "sp-r4", [member("S002", cert_expires="2031-06-30")])
    assert [(m["id"], m["cert_expires"], "pin_hash" in m) for m in renewed["data"]["staff"]] == [
        ("S002", "2031-06-30", False)], "a renewal sends no PIN, so a PIN reset at a kiosk stays"
    new_pin = publish(admin, "sp-r4", [member("S002", cert_expires="2031-06-30", pin_hash=PIN_B)])
    assert new_pin["data"]["staff"][0]["pin_hash"] == PIN_B
    taken = publish(admin, "sp-r4", [member("S010", "supervisor")])
    versions = [m["version"] for item in (renewed, new_pin, taken) for m in item["data"]["staff"]]
    assert versions == sorted(versions) and len(set(versions)) == 3
    entries = held(admin, "sp-r4")
    assert (entries["S010"]["origin"], entries["S010"]["role"]) == ("platform", "supervisor")
    assert sorted(entries) == ["S001", "S002", "S010"], "members it does not name stay"
    ack = kiosk.ack(kiosk.seal([added("win-2", "S010", "S001", seq=2)], "win-b2"), "win-b2")
    assert [r.code for r in ack.rejected] == ["staff_exists"], "a terminal never overwrites the platform"


@SQLITE
def test_a_roster_publication_is_checked(gateway: GatewayProcess, admin: Gateway,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """What is published is checked before anything is kept (on SQLite: no storage is involved)."""
    for staff, words in [([member("s1")], "capital letters"), ([member("S001", "boss")], "role"),
                         ([member("S001", pin_hash="1234")], "scrypt"),
                         ([member("S001"), member("S001")], "twice")]:
        try:
            publish(admin, "sp-r5", staff)
        except AdminError as exc:
            assert words in str(exc)
        else:
            raise AssertionError(f"published {staff}")
    # The command line in this process (its own start costs a second and tells nothing more).
    def cli(*args: str) -> tuple[int, str, str]:
        code = cli_main([args[0], "--db", str(gateway.db), *args[1:]])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = cli("publish", "--kind", kinds.STAFF_ROSTER, "--subject", "sp-r5", "--service-point", "sp-r6",
                       "--data", '{"staff": []}')
    assert code == 1 and "subject is its service point" in err
    assert held(admin, "sp-r5") == {}
    code, out, _ = cli("publish", "--kind", kinds.STAFF_ROSTER, "--subject", "sp-r5", "--service-point", "sp-r5",
                       "--data", json.dumps({"staff": [member("S001", "supervisor", pin_hash=PIN_A,
                                                              id_number="11010519491231002X")]}), "--json")
    assert code == 0 and (json.loads(out)["kind"], json.loads(out)["subject"]) == (kinds.STAFF_ROSTER, "sp-r5")
    assert "scrypt$" not in out and "1231002X" not in out, "no PIN hash or card number on the terminal"
    code, out, _ = cli("roster", "--service-point", "sp-r5", "--json")
    assert json.loads(out)["staff"] == [{"id": "S001", "name": "测试员", "role": "supervisor", "cert_no": "JX-S001",
                               "cert_expires": "2030-01-01", "active": True, "version": 1, "origin": "platform"}]
    assert wire.errors.RECORD_CODES >= {"not_permitted", "unknown_service_point", "staff_exists"}
