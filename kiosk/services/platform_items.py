"""Master data, the staff roster and device notices pulled from the platform.

Rows arrive whole; applying one is an upsert through the same functions the
kiosk uses itself, so every field is validated (USCC, unit code, ID number)
and personal data is encrypted on the way in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk import masterdata
from kiosk.errors import FlowError, ValidationError
from kiosk.privacy import mask_id
from kiosk.rules.idcard import parse_id_number
from kiosk.services.approvals import is_training, item_data, require_field
from kiosk.services.staff import REPLACED_BY_ROSTER, card_index, open_additions
from kiosk.store import UnitOfWork
from sync.wire.roster import ROLES

__all__: list[str] = []


def _real_only(item: dict[str, Any]) -> None:
    if is_training(item):
        raise FlowError(f"master data ({item.get('kind')}) never comes from training items",
                        code="training_scope")


def apply_master_developer(uow: UnitOfWork, item: dict[str, Any]) -> None:
    _real_only(item)
    masterdata.add_developer(uow, str(item["subject"]), str(require_field(item, "name")),
                             address=str(item_data(item).get("address", "")), signed=True)


def apply_master_project(uow: UnitOfWork, item: dict[str, Any]) -> None:
    _real_only(item)
    data = item_data(item)
    masterdata.add_project(uow, str(item["subject"]), str(require_field(item, "name")),
                           str(require_field(item, "developer_uscc")),
                           service_point=str(data.get("service_point", "")), address=str(data.get("address", "")))


def apply_master_unit(uow: UnitOfWork, item: dict[str, Any]) -> None:
    _real_only(item)
    data = item_data(item)
    code = str(item["subject"])
    area, price = int(require_field(item, "area_centi_m2")), int(require_field(item, "price_fen"))
    use = str(data.get("use", "residential"))
    if uow.execute("SELECT 1 FROM units WHERE code = ?", (code,)).fetchone():
        uow.update("units", {"code": code}, {"area_centi_m2": area, "price_fen": price, "use": use,
                                             "keys_ready": int(bool(data.get("keys_ready", False))),
                                             "updated_at": uow.at})
        uow.log("unit.update", code, {"area_centi_m2": area, "price_fen": price, "use": use})
        return
    masterdata.add_unit(uow, code, str(require_field(item, "project_id")), area_centi_m2=area,
                        price_fen=price, use=use)  # type: ignore[arg-type]
    if data.get("keys_ready"):
        uow.update("units", {"code": code}, {"keys_ready": 1})


def apply_master_buyer(uow: UnitOfWork, item: dict[str, Any]) -> None:
    _real_only(item)
    data = item_data(item)
    unit_code = str(require_field(item, "unit_code"))
    position = int(require_field(item, "position"))
    number = parse_id_number(str(require_field(item, "id_number"))).normalized
    name = str(require_field(item, "name"))
    existing = uow.execute("SELECT id FROM buyers WHERE unit_code = ? AND position = ?",
                           (unit_code, position)).fetchone()
    if existing is None:
        masterdata.add_buyer(uow, unit_code, name=name, id_number=number, position=position,
                             phone=data.get("phone"), address=data.get("address"),
                             home=data.get("home", "first"))
        return
    v = uow.vault
    uow.update("buyers", {"id": existing[0]}, {
        "name_enc": v.encrypt(name, "buyers.name"), "id_number_enc": v.encrypt(number, "buyers.id_number"),
        "id_index": v.blind_index(number), "id_masked": mask_id(number),
        "phone_enc": v.encrypt(data.get("phone"), "buyers.phone"),
        "address_enc": v.encrypt(data.get("address"), "buyers.address"),
        "home": data.get("home", "first"), "updated_at": uow.at})
    uow.log("buyer.update", unit_code, {"buyer": existing[0], "position": position, "id": mask_id(number)})


def apply_staff_roster(uow: UnitOfWork, item: dict[str, Any]) -> None:
    _real_only(item)
    staff = require_field(item, "staff")
    if not isinstance(staff, list):
        raise FlowError("staff.roster data.staff must be a list", code="bad_item")
    open_here = open_additions(uow)
    for member in staff:
        if member.get("role") not in ROLES:
            raise FlowError(f"roster entry {member.get('id')!r} has an unknown role", code="bad_item")
        dt.date.fromisoformat(str(member["cert_expires"]))
        # An entry without a PIN hash leaves this kiosk's PIN as it is (one a supervisor reset here, or
        # set when adding the member here); a member new to this kiosk gets none until a supervisor sets
        # one (``login`` says so). PINs set at a terminal never travel (kiosk.services.staff).
        pin_hash = member.get("pin_hash")
        if pin_hash is not None and not str(pin_hash).startswith("scrypt$"):
            raise FlowError(f"roster entry {member['id']!r}: PINs arrive hashed with scrypt", code="bad_item")
        # A member added here whose addition the platform has not taken may be another person than
        # the one this entry names (the same number given twice while offline): their PIN must not
        # open this entry's account, so it goes and a supervisor sets the named person's PIN here.
        other_person = False
        if member.get("id") in open_here:
            other_person = not _same_person(uow, member)
            # From now on the roster's entry is the member: a later refusal of the addition leaves it be.
            uow.log(REPLACED_BY_ROSTER, str(member["id"]), {"origin": member.get("origin"), "pin_dropped": other_person})
        uow.execute(
            "INSERT INTO staff (id, name_enc, role, cert_no, cert_expires, pin_hash, active, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name_enc = excluded.name_enc, "
            "role = excluded.role, cert_no = excluded.cert_no, cert_expires = excluded.cert_expires, "
            "pin_hash = CASE WHEN ? THEN excluded.pin_hash ELSE staff.pin_hash END, active = excluded.active, "
            "updated_at = excluded.updated_at",
            (member["id"], uow.vault.encrypt(str(member.get("name", "")), "staff.name"), member["role"],
             member["cert_no"], member["cert_expires"], str(pin_hash or ""), int(member.get("active", True)),
             uow.at, pin_hash is not None or other_person))
        if member.get("id_number"):
            # The card's number arrives sealed in the item and is kept as its keyed digest only.
            try:
                index = card_index(uow, str(member["id"]), str(member["id_number"]))
            except ValidationError as exc:
                raise FlowError(f"roster entry {member['id']!r}: {exc.message}", code="bad_item") from None
            uow.execute("UPDATE staff SET id_index = ? WHERE id = ?", (index, member["id"]))
    uow.log("staff.roster", str(item["subject"]), {"count": len(staff)})


def _same_person(uow: UnitOfWork, member: dict[str, Any]) -> bool:
    """Whether the entry names the member held here: same name and certification number (the echo of
    this kiosk's own addition whose acknowledgement was lost, or the platform taking that person on)."""
    row = uow.execute("SELECT name_enc, cert_no FROM staff WHERE id = ?", (member["id"],)).fetchone()
    return row is not None and row[1] == member["cert_no"] and \
        uow.vault.decrypt(row[0], "staff.name") == str(member.get("name", ""))


def apply_device_revoked(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Kept in the audit log; the sync agent itself stops syncing when it sees its own revocation."""
    _real_only(item)
    uow.log("device.revoked", str(item["subject"]), {"reason": item_data(item).get("reason")})


def refuse_config(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Remote configuration is refused on purpose: a technician changes kiosk.toml on site."""
    raise FlowError("this kiosk does not take configuration from the platform; a technician changes "
                    "kiosk.toml on site", code="config_not_applied")
