"""Issuing signed changes items: approvals of received records, payments,
restrictions, revocations and published master data.

Every item is signed with the platform key (``sync.wire.make_item``) and
stored with its audience: ``device:<id>`` (answers to that device's records,
its revocation), ``sp:<service point>`` (master data, roster, config) or
``all`` (the restriction list). Call these inside a ``store.transaction``:
the first item a transaction adds holds other item writers until it ends
(``Conn.serialise_items``), so ``seq`` values become visible in order and a
reader's cursor never skips an item that commits later.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from county.errors import AdminError
from county.store import Conn, Row, next_counter
from sync.wire import KeyPair, b64e, canonical_json, kinds, make_item
from sync.wire.calendar import CHINA, county_date_of

APPROVAL_ITEM = {
    kinds.FIRST_REGISTRATION_REQUESTED: kinds.FIRST_REGISTRATION_APPROVED,
    kinds.REGISTRATION_REQUESTED: kinds.REGISTRATION_RECORDED,
    kinds.HANDOVER_READY: kinds.REGISTRATION_RECORDED,
    kinds.CONTRACT_SIGNED: kinds.CONTRACT_FILED,
    kinds.MAIL_REQUESTED: kinds.MAIL_TRACKING,
}
AUTO_KINDS = frozenset(APPROVAL_ITEM) | {kinds.PAYMENT_ORDER}
PUBLISHABLE = frozenset({kinds.MASTER_DEVELOPER, kinds.MASTER_PROJECT, kinds.MASTER_UNIT,
                         kinds.MASTER_BUYER, kinds.STAFF_ROSTER, kinds.CONFIG})
USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ALL = "all"


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def device_audience(device_id: str) -> str:
    return f"device:{device_id}"


def service_point_audience(service_point: str) -> str:
    return f"sp:{service_point}"


def issue(conn: Conn, keys: KeyPair, *, kind: str, subject: str,
          data: Mapping[str, Any], audience: str, now: float,
          answers: str | None = None) -> dict[str, Any]:
    item = make_item(keys.sign, item_id=uuid.uuid4().hex, kind=kind, subject=subject,
                     issued_at=iso(now), data=data)
    conn.serialise_items()
    conn.execute("INSERT INTO items (item_id, kind, subject, audience, answers, body, issued_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (item["item_id"], kind, subject, audience, answers,
                  conn.seal(canonical_json(item).decode("utf-8"), "items.body"), item["issued_at"]))
    return item


def certificate_number(year: int, sequence: int) -> str:
    return f"豫({year})郏县不动产权第{sequence:07d}号"


def _registration_data(conn: Conn, unit: str, now: float, certificate_no: str | None,
                       serial: str | None, holders: int | None) -> dict[str, Any]:
    """One certificate per unit: a second request for the same unit gets the same numbers."""
    row = conn.execute("SELECT body FROM items WHERE kind = ? AND subject = ? ORDER BY seq LIMIT 1",
                       (kinds.REGISTRATION_RECORDED, unit)).fetchone()
    if row is not None and certificate_no is None:
        data = json.loads(conn.unseal(row["body"], "items.body"))["data"]
        return {k: data[k] for k in ("certificate_no", "serial", "e_cert_token", "register") if k in data}
    day = county_date_of(now)
    n = next_counter(conn, f"certificate:{day.year}")
    return {"certificate_no": certificate_no or certificate_number(day.year, n),
            "serial": serial or f"H41{day.year % 100:02d}{n:08d}",
            "e_cert_token": b64e(os.urandom(18)),
            "register": _register(holders, day)}


def _register(holders: int | None, day: date) -> dict[str, Any]:
    """The register's entries for the certificate page (sync/wire/kinds.py), as this reference platform
    records a commercial flat: a real registration office sends its own; the land grant's end date here is
    a stand-in (70 years, the residential maximum) because the protocol's master data does not carry it."""
    register: dict[str, Any] = {
        "right_type": "国有建设用地使用权/房屋所有权", "right_nature": "出让/市场化商品房",
        "use": "城镇住宅用地/住宅", "term": f"{day.year + 70}年12月31日止", "other": [],
        "registered_on": day.isoformat()}
    if holders is not None:
        register["ownership"] = "单独所有" if holders == 1 else "共同共有"
    return register


def _approval_data(conn: Conn, row: Row, now: float,
                   certificate_no: str | None, serial: str | None) -> dict[str, Any]:
    year = county_date_of(now).year
    kind = row["kind"]
    if kind == kinds.FIRST_REGISTRATION_REQUESTED:
        return {}
    if kind in (kinds.REGISTRATION_REQUESTED, kinds.HANDOVER_READY):
        return _registration_data(conn, row["subject"], now, certificate_no, serial, _holders(conn, row))
    if kind == kinds.CONTRACT_SIGNED:
        return {"filing_no": f"郏房备{year}{next_counter(conn, f'filing:{year}'):06d}"}
    return {"tracking_no": f"1{next_counter(conn, 'mail'):012d}", "carrier": "EMS"}


def approve(conn: Conn, keys: KeyPair, row: Row, *, now: float,
            certificate_no: str | None = None, serial: str | None = None) -> list[dict[str, Any]]:
    """Decide one received record: issue the matching item(s) to its device."""
    if row["state"] != "received":
        raise AdminError(f"record {row['record_id']} was already decided")
    if row["kind"] == kinds.PAYMENT_ORDER:
        return confirm_payment(conn, keys, row, now=now)
    item_kind = APPROVAL_ITEM.get(row["kind"])
    if item_kind is None:
        raise AdminError(f"records of kind {row['kind']} need no approval",
                         hint=f"approvable kinds: {', '.join(sorted(AUTO_KINDS))}")
    data = {"record_id": row["record_id"],
            **_approval_data(conn, row, now, certificate_no, serial)}
    if row["training"]:
        data["training"] = True
    item = issue(conn, keys, kind=item_kind, subject=row["subject"], data=data,
                 audience=device_audience(row["device_id"]), now=now, answers=row["record_id"])
    _decide(conn, row, now)
    return [item]


def _holders(conn: Conn, row: Row) -> int | None:
    """How many holders the request names; None when it names none (共有情况 is then not sent)."""
    payload = _payload(conn, row)
    holders = payload.get("holders") if isinstance(payload, dict) else None
    return len(holders) if isinstance(holders, list) and holders else None


def _payload(conn: Conn, row: Row) -> Any:
    blob = conn.execute("SELECT payload FROM records WHERE record_id = ?", (row["record_id"],)).fetchone()[0]
    return json.loads(conn.unseal(blob, "records.payload"))


def _order_lines(conn: Conn, row: Row) -> list[dict[str, Any]]:
    payload = _payload(conn, row)
    lines = payload.get("items") if isinstance(payload, dict) else None
    if not isinstance(lines, list) or not lines or not all(
            isinstance(x, dict) and isinstance(x.get("payee"), str)
            and isinstance(x.get("amount_fen"), int) and not isinstance(x.get("amount_fen"), bool)
            and x["amount_fen"] >= 0 for x in lines):
        raise AdminError(f"payment order record {row['record_id']} has no usable items "
                         "[{payee, amount_fen}]", hint="the kiosk must send them in the payload")
    return lines


def confirm_payment(conn: Conn, keys: KeyPair, row: Row, *,
                    now: float) -> list[dict[str, Any]]:
    """One ``payment.confirmed`` item per payee of the order."""
    if row["state"] != "received":
        raise AdminError(f"payment order {row['subject']} was already confirmed")
    year = county_date_of(now).year
    items = []
    for line in _order_lines(conn, row):
        n = next_counter(conn, f"receipt:{year}")
        data = {"record_id": row["record_id"], "payee": line["payee"],
                "amount_fen": line["amount_fen"],
                "channel_serial": f"CH{datetime.fromtimestamp(now, CHINA):%Y%m%d%H%M%S}{n:06d}",
                "receipt_no": f"41{year}{n:08d}"}
        if row["training"]:
            data["training"] = True
        items.append(issue(conn, keys, kind=kinds.PAYMENT_CONFIRMED, subject=row["subject"],
                           data=data, audience=device_audience(row["device_id"]), now=now,
                           answers=row["record_id"]))
    _decide(conn, row, now)
    return items


def refund_payment(conn: Conn, keys: KeyPair, order_id: str, *,
                   now: float) -> list[dict[str, Any]]:
    """Reverse every confirmation of an order: one ``payment.refunded`` per confirmed payee."""
    confirmed = conn.execute("SELECT body, audience FROM items "
                             "WHERE kind = ? AND subject = ? "
                             "ORDER BY seq", (kinds.PAYMENT_CONFIRMED, order_id)).fetchall()
    if not confirmed:
        raise AdminError(f"payment order {order_id} has no confirmed payment to refund")
    if conn.execute("SELECT 1 FROM items WHERE kind = ? AND subject = ?",
                    (kinds.PAYMENT_REFUNDED, order_id)).fetchone():
        raise AdminError(f"payment order {order_id} was already refunded")
    items = []
    for row in confirmed:
        data = json.loads(conn.unseal(row["body"], "items.body"))["data"]
        items.append(issue(conn, keys, kind=kinds.PAYMENT_REFUNDED, subject=order_id,
                           data={k: data[k] for k in ("payee", "amount_fen", "channel_serial",
                                                       "receipt_no")},
                           audience=row["audience"], now=now))
    return items


def _decide(conn: Conn, row: Row, now: float) -> None:
    conn.execute("UPDATE records SET state = 'decided', decided_at = ? WHERE record_id = ?",
                 (now, row["record_id"]))


def restrict(conn: Conn, keys: KeyPair, *, uscc: str, reason: str,
             until: str | None, lift: bool, now: float) -> dict[str, Any]:
    """Put a developer on the restriction list (or lift it) for every device."""
    uscc = uscc.strip().upper()
    if not USCC.fullmatch(uscc):
        raise AdminError(f"{uscc!r} is not an 18-character unified social credit code")
    if until is not None and not DATE.fullmatch(until):
        raise AdminError(f"--until {until!r} must be a date YYYY-MM-DD")
    if not reason.strip():
        raise AdminError("--reason must say why (it is shown to staff)")
    today = county_date_of(now).isoformat()
    existing = conn.execute("SELECT * FROM restrictions WHERE uscc = ?", (uscc,)).fetchone()
    if lift:
        if existing is None or existing["lifted_at"] is not None:
            raise AdminError(f"developer {uscc} is not restricted")
        conn.execute("UPDATE restrictions SET lifted_at = ? WHERE uscc = ?", (today, uscc))
        data = {"reason": reason, "since": existing["since"], "until": today}
        kind = kinds.RESTRICTION_LIFTED
    else:
        conn.execute("INSERT INTO restrictions (uscc, reason, since, until) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT(uscc) DO UPDATE SET reason = excluded.reason, "
                     "since = excluded.since, until = excluded.until, lifted_at = NULL",
                     (uscc, reason, today, until))
        data = {"reason": reason, "since": today, "until": until}
        kind = kinds.RESTRICTION_SET
    return issue(conn, keys, kind=kind, subject=uscc, data=data, audience=ALL, now=now)


def revoke(conn: Conn, keys: KeyPair, *, device_id: str, reason: str,
           now: float) -> dict[str, Any]:
    row = conn.execute("SELECT revoked_at FROM devices WHERE device_id = ?",
                       (device_id,)).fetchone()
    if row is None:
        raise AdminError(f"no enrolled device {device_id!r}", hint="see county-gateway status")
    if row["revoked_at"] is not None:
        raise AdminError(f"device {device_id} is already revoked")
    conn.execute("UPDATE devices SET revoked_at = ?, revoke_reason = ? WHERE device_id = ?",
                 (now, reason, device_id))
    return issue(conn, keys, kind=kinds.DEVICE_REVOKED, subject=device_id,
                 data={"reason": reason}, audience=device_audience(device_id), now=now)


def publish(conn: Conn, keys: KeyPair, *, kind: str, subject: str,
            data: Any, service_point: str | None, now: float) -> dict[str, Any]:
    """Master data, roster or configuration for one service point (or all)."""
    if kind not in PUBLISHABLE:
        raise AdminError(f"cannot publish items of kind {kind!r}",
                         hint=f"publishable kinds: {', '.join(sorted(PUBLISHABLE))}")
    if not isinstance(data, dict):
        raise AdminError("--data must be a JSON object")
    audience = service_point_audience(service_point) if service_point else ALL
    return issue(conn, keys, kind=kind, subject=subject, data=data, audience=audience, now=now)
