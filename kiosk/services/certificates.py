"""Certificates (不动产权证书) and the security paper they are printed on.

The platform records the registration and sends the certificate number (and,
when the registration office printed the certificate, its serial 印制号). At
handover the certificate is bound to the case either by scanning the
pre-printed certificate's QR or typing its serial, or by printing on security
paper whose serial is taken from the stock on hand. Serials are opaque text
(their format is not standardised); each is used once. Reprints and voids
consume stock and are audited.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from kiosk.errors import FlowError, ValidationError
from kiosk.rules.certno import normalize_text
from kiosk.rules.reason import required_reason
from kiosk.services.approvals import check_training_scope, is_training, require_field
from kiosk.services.context import Context
from kiosk.services.printing import create_job
from kiosk.services.staff import SUPERVISOR_ROLES, Actor, require
from kiosk.services.states import CERTIFICATE
from kiosk.store import Store, UnitOfWork
from sync.wire import kinds

__all__ = ["add_stock", "reprint", "void_serial"]

MAX_SERIAL = 64
# A pack of security paper recorded at once: its first and last serial (e.g. HN2026-0000101 to
# HN2026-0000400), at most MAX_RANGE sheets, so a mistyped last serial cannot add a million.
MAX_RANGE = 2000
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def recorded(store: Store, unit_code: str) -> dict[str, Any] | None:
    rows = store.read("SELECT * FROM certificates WHERE unit_code = ?", (unit_code,))
    return rows[0] if rows else None


# The register's entries a ``registration.recorded`` item may carry for the certificate page, each a
# single line of at most REGISTER_TEXT_MAX characters; ``other`` is up to REGISTER_OTHER_LINES of them.
REGISTER_TEXTS = ("right_type", "right_nature", "use", "term", "ownership")
REGISTER_TEXT_MAX = 64
REGISTER_OTHER_LINES = 8


def register_entries(item: dict[str, Any]) -> dict[str, Any] | None:
    """The item's ``register`` object checked, or None when it has none. Texts are kept as the office
    wrote them (no NFKC: it would print ㎡ as m2), only trimmed.

    Refused whole (the item is quarantined, nothing half-stored) when any entry is malformed: a
    certificate page printed from a wrong register entry spoils a sheet of security paper.
    """
    raw = item["data"].get("register")
    if raw is None:
        return None
    where = f"{item.get('kind')} item {item.get('item_id', '?')}"

    def bad(problem: str) -> FlowError:
        return FlowError(f"{where}: register {problem}", code="bad_item",
                         hint="the platform must send the register's entries as documented in sync/wire/kinds.py")

    if not isinstance(raw, dict):
        raise bad("is not an object")
    unknown = set(raw) - {*REGISTER_TEXTS, "other", "registered_on"}
    if unknown:
        raise bad(f"has unknown entries {sorted(unknown)}")
    entries: dict[str, Any] = {}
    for name in REGISTER_TEXTS:
        value = raw.get(name, "")
        if not isinstance(value, str) or len(value) > REGISTER_TEXT_MAX or "\n" in value:
            raise bad(f"{name!r} must be one line of at most {REGISTER_TEXT_MAX} characters")
        entries[name] = value.strip()
    other = raw.get("other", [])
    if (not isinstance(other, list) or len(other) > REGISTER_OTHER_LINES
            or not all(isinstance(line, str) and len(line) <= REGISTER_TEXT_MAX and "\n" not in line
                       for line in other)):
        raise bad(f"'other' must be at most {REGISTER_OTHER_LINES} lines of at most {REGISTER_TEXT_MAX} characters")
    entries["other"] = [line.strip() for line in other]
    registered_on = raw.get("registered_on")
    if registered_on is not None:
        try:
            entries["registered_on"] = dt.date.fromisoformat(str(registered_on)).isoformat()
        except ValueError:
            raise bad(f"'registered_on' {registered_on!r} is not a date (YYYY-MM-DD)") from None
    return entries


def apply_registration_recorded(uow: UnitOfWork, item: dict[str, Any]) -> None:
    unit = check_training_scope(uow, item, "units", "code", str(item["subject"]))
    number = normalize_text(str(require_field(item, "certificate_no")))
    data = item["data"]
    serial = data.get("serial") or None
    register = register_entries(item)
    existing = uow.execute("SELECT certificate_no, serial FROM certificates WHERE unit_code = ?",
                           (unit["code"],)).fetchone()
    if existing:
        if existing[0] != number:
            raise FlowError(f"unit {unit['code']} already has certificate {existing[0]}, the platform "
                            f"now sends {number}", code="conflict", hint="report it to the registration office")
        return
    uow.insert("certificates", {
        "unit_code": unit["code"], "certificate_no": number, "serial": serial,
        "e_cert_token": data.get("e_cert_token"), "state": CERTIFICATE.initial,
        "training": int(is_training(item)), "recorded_at": uow.at,
        "register_json": json.dumps(register, ensure_ascii=False) if register is not None else None})
    uow.log("registration.recorded", unit["code"], {"certificate_no": number, "serial": serial,
                                                    "item": item.get("item_id")})


def add_stock(ctx: Context, actor: Actor, serials: list[str]) -> int:
    """Record security paper received; already known serials are refused by name."""
    require(ctx.store, actor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    cleaned = [clean_serial(s) for s in serials]
    with ctx.store.unit_of_work(actor.label) as uow:
        for serial in cleaned:
            if uow.execute("SELECT 1 FROM certificate_stock WHERE serial = ?", (serial,)).fetchone():
                raise FlowError(f"serial {serial} is already in the stock book", code="serial_known")
            uow.insert("certificate_stock", {"serial": serial, "state": "on_hand", "updated_by": actor.label,
                                             "updated_at": uow.at})
        uow.log("stock.receive", "certificate_stock", {"count": len(cleaned), "first": cleaned[:1]})
        uow.push(kinds.CERTIFICATE_STOCK, "certificate_stock", {"received": cleaned}, training=actor.training)
    return len(cleaned)


def serial_range(first: str, last: str) -> list[str]:
    """The serials of a pack from its first to its last: the same text before a number of the same
    width (leading zeros kept), the last number not before the first (``bad_range`` otherwise)."""
    a, b = clean_serial(first), clean_serial(last)
    head, tail = _NUMBERED.match(a), _NUMBERED.match(b)
    if head is None or tail is None or head[1] != tail[1] or len(head[2]) != len(tail[2]):
        raise ValidationError(f"{a} and {b} are not the first and last serial of one pack: they must have the same "
                              "beginning and end in numbers of the same length", field="serial", code="bad_range",
                              hint="type the first and the last serial exactly as printed")
    start, end = int(head[2]), int(tail[2])
    if end < start or end - start + 1 > MAX_RANGE:
        raise ValidationError(f"{a} to {b} is {end - start + 1} sheets; a pack is 1 to {MAX_RANGE} sheets, the last "
                              "serial after the first", field="serial", code="bad_range",
                              hint="check the last serial on the pack")
    width = len(head[2])
    return [f"{head[1]}{n:0{width}d}" for n in range(start, end + 1)]


def clean_serial(text: str) -> str:
    serial = normalize_text(text).strip()
    if not serial or len(serial) > MAX_SERIAL or not serial.isprintable():
        raise ValidationError(f"a printed serial (印制号) is 1 to {MAX_SERIAL} printable characters; "
                              "type it exactly as printed on the certificate", field="serial", code="bad_serial")
    return serial


def serial_from_scan(text: str) -> tuple[str, str | None]:
    """The serial (and certificate number, when present) in a pre-printed certificate's QR.

    The QR is either JSON with ``serial`` and optionally ``certificate_no``, or the bare serial.
    """
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ValidationError("the certificate's QR code is damaged; type the printed serial instead",
                                  field="serial") from exc
        if not isinstance(data, dict) or not data.get("serial"):
            raise ValidationError("this QR code is not a certificate's; type the printed serial instead",
                                  field="serial")
        number = data.get("certificate_no")
        return clean_serial(str(data["serial"])), normalize_text(str(number)) if number else None
    return clean_serial(stripped), None


def bind(uow: UnitOfWork, unit_code: str, *, serial: str, certificate_no: str | None = None,
         actor: Actor) -> None:
    """Bind a physical certificate (by serial) to the unit's recorded certificate.

    Building block: runs inside the caller's unit of work and checks neither the actor nor the
    handover; the command is ``handover.bind_certificate``.
    """
    cert = uow.execute("SELECT certificate_no, serial, state FROM certificates WHERE unit_code = ?",
                       (unit_code,)).fetchone()
    if cert is None:
        raise FlowError(f"unit {unit_code} has no recorded certificate", code="no_certificate")
    number, expected_serial, state = cert
    if certificate_no and certificate_no != number:
        raise FlowError(f"this certificate is {certificate_no}, but unit {unit_code} is registered as "
                        f"{number}: wrong certificate", code="wrong_certificate",
                        hint="take the certificate of this unit")
    if expected_serial and serial != expected_serial:
        raise FlowError(f"the serial on this paper is {serial}, but the registration recorded "
                        f"{expected_serial}: wrong certificate paper", code="wrong_serial")
    used = uow.execute("SELECT unit_code FROM certificates WHERE serial = ? AND unit_code != ?",
                       (serial, unit_code)).fetchone()
    stock = uow.execute("SELECT state, unit_code FROM certificate_stock WHERE serial = ?", (serial,)).fetchone()
    if used or (stock and (stock[0] == "voided" or (stock[0] == "used" and stock[1] != unit_code))):
        raise FlowError(f"serial {serial} was already used" + (f" for unit {used[0]}" if used else "")
                        + (" and voided" if stock and stock[0] == "voided" else ""),
                        code="serial_used", hint="take another certificate paper and void this one")
    if stock:
        uow.update("certificate_stock", {"serial": serial},
                   {"state": "used", "unit_code": unit_code, "updated_by": actor.label, "updated_at": uow.at})
    uow.update("certificates", {"unit_code": unit_code},
               {"serial": serial, "state": CERTIFICATE.advance(state, "bind"), "bound_at": uow.at})
    uow.log("certificate.bind", unit_code, {"certificate_no": number, "serial": serial})


def take_from_stock(uow: UnitOfWork) -> str:
    """Building block: the next serial on hand, inside the caller's unit of work."""
    row = uow.execute("SELECT serial FROM certificate_stock WHERE state = 'on_hand' "
                      "ORDER BY serial LIMIT 1").fetchone()
    if row is None:
        raise FlowError("no certificate paper left in stock", code="stock_empty",
                        hint="load new security paper and record it, or bind a pre-printed certificate")
    return str(row[0])


# The house use as the certificate's 用途 names it; a non-residential unit's exact use (商业, 办公…)
# is not in the master data, so it is left for the registration office's printed certificate.
HOUSE_USE = {"residential": "住宅"}


def page_fields(uow: UnitOfWork, unit_code: str) -> dict[str, Any]:
    """The certificate page's fields (``ui.documents.CertificatePage``).

    The register's entries (权利类型, 权利性质, 用途, 使用期限, 共有情况, 权利其他状况, 登记日期) come
    from the registration office with ``registration.recorded``; where a platform sends none, what the
    kiosk knows fills in (the house use, 单独所有 for a single holder) and the rest stays empty rather
    than being guessed. Building block: the caller's unit of work.
    """
    unit = uow.execute("SELECT u.building, u.room, u.area_centi_m2, u.use, u.training, p.name, p.address, "
                       "c.register_json FROM units u JOIN projects p ON p.id = u.project_id "
                       "LEFT JOIN certificates c ON c.unit_code = u.code WHERE u.code = ?",
                       (unit_code,)).fetchone()
    if unit is None:
        raise FlowError(f"no unit {unit_code}", code="unknown_unit")
    building, room, area, use, training, project, address, register_json = unit
    holders = [{"name": uow.vault.decrypt(name, "buyers.name") or "",
                "id_number": uow.vault.decrypt(number, "buyers.id_number") or ""}
               for name, number in uow.execute("SELECT name_enc, id_number_enc FROM buyers WHERE unit_code = ? "
                                               "ORDER BY position", (unit_code,)).fetchall()]

    def number(part: str) -> str:
        return str(int(part)) if part.isdigit() else part

    place = f"{project}{number(building)}幢{number(room)}室" if building and room else project
    known = {
        "unit_code": unit_code, "holders": holders, "ownership": "单独所有" if len(holders) == 1 else "",
        "location": f"{address} {place}".strip(), "use": HOUSE_USE.get(use, ""),
        "area": f"房屋建筑面积 {area // 100}.{area % 100:02d}㎡",
        "right_type": "", "right_nature": "", "term": "", "other": [], "registered_on": None,
        "training": bool(training),
    }
    register = json.loads(register_json) if register_json else {}
    return {**known, **{k: v for k, v in register.items() if v}}


def print_on_stock(uow: UnitOfWork, unit_code: str, *, actor: Actor, body: dict[str, Any]) -> str:
    """Take the next serial from stock, bind it and queue the certificate page with the fields the
    kiosk knows (``page_fields``).

    Building block: runs inside the caller's unit of work (``handover.bind_certificate``).
    """
    serial = take_from_stock(uow)
    bind(uow, unit_code, serial=serial, actor=actor)
    create_job(uow, "certificate", unit_code, {**page_fields(uow, unit_code), **body, "serial": serial})
    return serial


def reprint(ctx: Context, supervisor: Actor, unit_code: str, reason: str) -> str:
    """Void the paper of a bound certificate and print it again on a new serial."""
    require(ctx.store, supervisor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    reason = required_reason(reason, why="the certificate is reprinted")
    with ctx.store.unit_of_work(supervisor.label) as uow:
        cert = uow.execute("SELECT certificate_no, serial, state FROM certificates WHERE unit_code = ?",
                           (unit_code,)).fetchone()
        if cert is None or cert[2] != "bound":
            raise FlowError(f"unit {unit_code} has no bound, undelivered certificate to reprint",
                            code="nothing_to_reprint")
        _void(uow, cert[1], reason, supervisor)
        uow.update("certificates", {"unit_code": unit_code},
                   {"serial": None, "state": CERTIFICATE.advance(cert[2], "unbind")})
        serial = print_on_stock(uow, unit_code, actor=supervisor,
                                body={"certificate_no": cert[0], "unit_code": unit_code, "reprint": True})
        uow.log("certificate.reprint", unit_code, {"old_serial": cert[1], "new_serial": serial,
                                                   "reason": reason})
    return serial


def void_serial(ctx: Context, supervisor: Actor, serial: str, reason: str) -> None:
    """Void a spoiled sheet of security paper (never used for a certificate)."""
    require(ctx.store, supervisor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    reason = required_reason(reason, why="the paper is voided")
    with ctx.store.unit_of_work(supervisor.label) as uow:
        row = uow.execute("SELECT state FROM certificate_stock WHERE serial = ?", (serial,)).fetchone()
        if row is None or row[0] != "on_hand":
            raise FlowError(f"serial {serial} is not unused paper in stock "
                            f"({'unknown' if row is None else row[0]})", code="serial_not_on_hand")
        _void(uow, serial, reason, supervisor)


def _void(uow: UnitOfWork, serial: str, reason: str, actor: Actor) -> None:
    uow.execute("INSERT INTO certificate_stock (serial, state, reason, updated_by, updated_at) "
                "VALUES (?, 'voided', ?, ?, ?) ON CONFLICT(serial) DO UPDATE SET state = 'voided', "
                "reason = excluded.reason, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                (serial, reason, actor.label, uow.at))
    uow.log("stock.void", serial, {"reason": reason})
    uow.push(kinds.CERTIFICATE_STOCK, serial, {"voided": serial, "reason": reason}, training=actor.training)
