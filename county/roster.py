"""Each service point's staff roster: what the platform publishes and what a terminal adds.

The platform is the source of the roster (``county-gateway publish --kind staff.roster``); a
supervisor at a terminal may add a colleague between two publications (a ``staff.member_added``
record). Both land in the ``roster`` table, one row per (service point, staff number), and every
change of a row takes the service point's next ``version``. What the kiosks of the service point
get is a ``staff.roster`` item listing only the entries that changed, so an item never undoes
what it does not name (a member added at one terminal, a PIN reset on another).

Who wins:

* the platform, for every member its publication names: it replaces the entry, including one a
  terminal added;
* a terminal only adds: a staff number already on the roster is refused (``staff_exists``), so an
  addition made offline never overwrites what the platform published meanwhile;
* a later item wins on the kiosk, which applies items in feed order.

PIN hashes. The platform's entries may carry one (the first PIN it gave the member); the item
carries it only when it changed, so republishing a roster, or renewing a certification, leaves a
PIN that a supervisor reset at a terminal alone. A terminal never sends one: a 6-digit PIN has a
million values, so its scrypt hash is as good as the PIN to whoever holds it, and only the terminal
where it is typed can stop guessing (its lockout). A member added at one terminal therefore logs in
there; another terminal of the service point knows them but asks a supervisor there to set a PIN.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from county.errors import AdminError
from county.issuing import issue, service_point_audience
from county.store import Conn, next_counter
from sync.wire import KeyPair, kinds
from sync.wire.calendar import county_date_of
from sync.wire.errors import INVALID_RECORD, NOT_PERMITTED, STAFF_EXISTS, UNKNOWN_SERVICE_POINT
from sync.wire.roster import MAX_TEXT, ROLES, STAFF_ID, TERMINAL_ROLES

PLATFORM, TERMINAL = "platform", "terminal"
# What a terminal's record may carry: the entry without a PIN, and who made it.
ADDED_FIELDS = frozenset({"staff_id", "name", "role", "cert_no", "cert_expires", "by"})


class Refusal(Exception):
    """A roster record the gateway does not take; ``code`` goes into the acknowledgement."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _text(value: Any, name: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT or "\x00" in value:
        raise ValueError(f"{where}: {name} must be a non-empty string of at most {MAX_TEXT} characters")
    return value


def _entry(member: Any, where: str) -> dict[str, Any]:
    """One roster entry as it is kept and sent; raises ValueError naming what is wrong."""
    if not isinstance(member, Mapping):
        raise ValueError(f"{where} must be an object")
    staff_id = member.get("id")
    if not isinstance(staff_id, str) or not STAFF_ID.fullmatch(staff_id):
        raise ValueError(f"{where}: id must be 2 to 16 capital letters and digits, beginning with a letter")
    where = f"roster entry {staff_id}"
    if member.get("role") not in ROLES:
        raise ValueError(f"{where}: role must be one of {', '.join(sorted(ROLES))}")
    entry: dict[str, Any] = {"id": staff_id, "role": member["role"],
                             "name": _text(member.get("name"), "name", where),
                             "cert_no": _text(member.get("cert_no"), "cert_no", where),
                             "active": member.get("active", True)}
    try:
        entry["cert_expires"] = dt.date.fromisoformat(str(member.get("cert_expires"))).isoformat()
    except ValueError:
        raise ValueError(f"{where}: cert_expires must be a date YYYY-MM-DD") from None
    if not isinstance(entry["active"], bool):
        raise ValueError(f"{where}: active must be true or false")
    if member.get("pin_hash") is not None:
        if not isinstance(member["pin_hash"], str) or not member["pin_hash"].startswith("scrypt$"):
            raise ValueError(f"{where}: pin_hash must be an scrypt hash (PINs are never sent in clear)")
        entry["pin_hash"] = member["pin_hash"]
    if member.get("id_number") is not None:
        entry["id_number"] = _text(member["id_number"], "id_number", where)
    return entry


def _held(conn: Conn, service_point: str) -> dict[str, dict[str, Any]]:
    rows = conn.execute("SELECT staff_id, entry FROM roster WHERE service_point = ?", (service_point,))
    return {str(r["staff_id"]): json.loads(conn.unseal(r["entry"], "roster.entry")) for r in rows}


def _lock(conn: Conn, service_point: str) -> int:
    """The service point's next roster version. Taking it locks the counter's row until the transaction
    ends, so a service point's roster changes one at a time however many gateway processes take batches:
    two kiosks adding the same staff number at once get one ``staff_exists``, never two acceptances."""
    return next_counter(conn, f"roster:{service_point}")


def _origin(conn: Conn, service_point: str, staff_id: str) -> str | None:
    row = conn.execute("SELECT origin FROM roster WHERE service_point = ? AND staff_id = ?",
                       (service_point, staff_id)).fetchone()
    return None if row is None else str(row["origin"])


def _record_of(conn: Conn, service_point: str, staff_id: str) -> str | None:
    row = conn.execute("SELECT record_id FROM roster WHERE service_point = ? AND staff_id = ?",
                       (service_point, staff_id)).fetchone()
    return None if row is None or row["record_id"] is None else str(row["record_id"])


def _keep(conn: Conn, service_point: str, entry: dict[str, Any], *, version: int, origin: str,
          record_id: str | None, now: float) -> None:
    conn.execute("INSERT INTO roster (service_point, staff_id, entry, version, origin, record_id, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_point, staff_id) DO UPDATE SET "
                 "entry = excluded.entry, version = excluded.version, origin = excluded.origin, "
                 "record_id = excluded.record_id, updated_at = excluded.updated_at",
                 (service_point, entry["id"], conn.seal(json.dumps(entry, ensure_ascii=False, sort_keys=True),
                                                        "roster.entry"),
                  version, origin, record_id, now))


def publish(conn: Conn, keys: KeyPair, *, service_point: str, data: Any, now: float) -> dict[str, Any]:
    """The platform's roster for ``service_point``: every entry it names replaces the one held; the
    item sent lists the entries that changed (call inside a transaction)."""
    if not service_point:
        raise AdminError("a staff roster belongs to one service point", hint="give --service-point")
    staff = data.get("staff") if isinstance(data, Mapping) else None
    if not isinstance(staff, list):
        raise AdminError("--data must be {\"staff\": [entry, ...]}")
    try:
        entries = [_entry(member, f"roster entry #{n}") for n, member in enumerate(staff)]
    except ValueError as exc:
        raise AdminError(str(exc), hint="see sync/wire/kinds.py for the roster entry's fields") from None
    if len({e["id"] for e in entries}) != len(entries):
        raise AdminError("the roster names a staff number twice")
    unused: int | None = _lock(conn, service_point)
    held = _held(conn, service_point)
    changed = []
    for entry in entries:
        before = held.get(entry["id"])
        if before is not None:
            if "pin_hash" not in entry and "pin_hash" in before:
                entry["pin_hash"] = before["pin_hash"]
            if entry == before:
                continue
        version, unused = unused or _lock(conn, service_point), None
        _keep(conn, service_point, entry, version=version, origin=PLATFORM, record_id=None, now=now)
        sent = {**entry, "version": version, "origin": PLATFORM}
        if before is not None and before.get("pin_hash") == entry.get("pin_hash"):
            sent.pop("pin_hash", None)
        changed.append(sent)
    return issue(conn, keys, kind=kinds.STAFF_ROSTER, subject=service_point, data={"staff": changed},
                 audience=service_point_audience(service_point), now=now)


def _addition(record: Mapping[str, Any]) -> dict[str, Any]:
    payload = record["payload"]
    extra = set(payload) - ADDED_FIELDS
    if extra:
        raise ValueError(f"unexpected payload fields: {', '.join(sorted(extra))} (a PIN never leaves the "
                         "terminal)")
    if payload.get("staff_id") != record["subject"]:
        raise ValueError("payload staff_id must be the record's subject")
    by = payload.get("by")
    if not isinstance(by, str) or not STAFF_ID.fullmatch(by):
        raise ValueError("payload by must be the staff number of the supervisor who added the member")
    member = {k: payload.get(k) for k in ("role", "name", "cert_no", "cert_expires")}
    return _entry({**member, "id": payload.get("staff_id")}, "payload")


def take_addition(conn: Conn, keys: KeyPair, *, device_id: str, record: Mapping[str, Any],
                  now: float) -> None:
    """Add the member of a terminal's ``staff.member_added`` record to its device's service point's
    roster and send it to that service point; raises ``Refusal`` (nothing kept) when it may not."""
    try:
        entry = _addition(record)
    except ValueError as exc:
        raise Refusal(INVALID_RECORD, f"staff.member_added: {exc}") from None
    if entry["role"] not in TERMINAL_ROLES:
        raise Refusal(NOT_PERMITTED, f"a terminal adds {' or '.join(TERMINAL_ROLES)} only, not {entry['role']}; "
                                     "supervisors and technicians come with the platform's roster")
    device = conn.execute("SELECT service_point FROM devices WHERE device_id = ?", (device_id,)).fetchone()
    service_point = str(device["service_point"])
    version = _lock(conn, service_point)
    held = _held(conn, service_point)
    if not held:
        raise Refusal(UNKNOWN_SERVICE_POINT, f"the platform holds no staff roster for service point "
                                             f"{service_point}; it must publish one before a terminal adds staff")
    by = str(record["payload"]["by"])
    supervisor = held.get(by)
    if (supervisor is None or _origin(conn, service_point, by) != PLATFORM
            or supervisor["role"] != "supervisor" or not supervisor["active"]
            or dt.date.fromisoformat(supervisor["cert_expires"]) < county_date_of(now)):
        raise Refusal(NOT_PERMITTED, f"{by} is not an active, certified supervisor the platform put on the roster of "
                                     f"service point {service_point}; only such a supervisor adds staff")
    if entry["id"] in held:
        if _record_of(conn, service_point, entry["id"]) == str(record["record_id"]):
            # This very record made the entry (a resend that waited on the roster's lock while the first
            # copy was taken, which only a copy under another device id can do: a kiosk re-enrolled with its
            # keys; one device's batches wait on its row): it is answered as a duplicate, not refused as a
            # clash with itself.
            return
        raise Refusal(STAFF_EXISTS, f"staff number {entry['id']} is already on the platform's roster of service "
                                    f"point {service_point}; the platform's entry stands")
    _keep(conn, service_point, entry, version=version, origin=TERMINAL, record_id=str(record["record_id"]),
          now=now)
    issue(conn, keys, kind=kinds.STAFF_ROSTER, subject=service_point,
          data={"staff": [{**entry, "version": version, "origin": TERMINAL}]},
          audience=service_point_audience(service_point), now=now, answers=str(record["record_id"]))


def shown(entry: Mapping[str, Any]) -> dict[str, Any]:
    """An entry as an operator's command prints it: without the PIN hash or the ID card's number."""
    return {k: v for k, v in entry.items() if k not in ("pin_hash", "id_number")}


def entries(conn: Conn, service_point: str) -> list[dict[str, Any]]:
    """The roster held for ``service_point``, as ``shown`` (for operators)."""
    rows = conn.execute("SELECT entry, version, origin FROM roster WHERE service_point = ? ORDER BY staff_id",
                        (service_point,)).fetchall()
    return [{**shown(json.loads(conn.unseal(row["entry"], "roster.entry"))), "version": int(row["version"]),
             "origin": str(row["origin"])} for row in rows]
