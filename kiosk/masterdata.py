"""Developers, projects, units and buyers: writing them through a unit of work
and finding buyers by ID number without ever storing the number in clear.

A buyer row holds the name, ID number, phone and address encrypted by the
vault, a blind index of the normalised ID number for lookups, and the masked
number for display. Callers pass clear values; nothing here logs them.

A developer's credit code is checked strictly when a person enters it. One
that comes signed from the platform is authoritative even when its check
character fails (some real early codes do): it is kept, and the row's
``uscc_check_failed`` flag tells staff (``uscc_check_failed`` and
``flagged_credit_codes`` below are what the views read).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from kiosk.errors import ValidationError
from kiosk.privacy import mask_id
from kiosk.rules.idcard import Document, document_of, parse_id_number
from kiosk.rules.unitcode import UnitCodeRules, parse_unit_code
from kiosk.rules.uscc import parse_uscc
from kiosk.store import Store, UnitOfWork

Use = Literal["residential", "non-residential"]
Home = Literal["first", "second", "other"]


@dataclass(frozen=True)
class Buyer:
    """A decrypted buyer; ``repr`` shows only masked values so it is safe to log."""

    id: int
    unit_code: str
    position: int
    role: str
    name: str
    id_number: str
    phone: str | None
    address: str | None
    home: str

    def __repr__(self) -> str:
        return (f"Buyer(id={self.id}, unit_code={self.unit_code!r}, position={self.position}, "
                f"id_number={mask_id(self.id_number)!r})")

    __str__ = __repr__

    @property
    def id_masked(self) -> str:
        return mask_id(self.id_number)

    @property
    def document(self) -> Document:
        """Which identity document the buyer's number is (resident ID card, residence permit, ...)."""
        return document_of(self.id_number)


def add_developer(uow: UnitOfWork, uscc: str, name: str, *, address: str = "",
                  training: bool = False, signed: bool = False) -> str:
    """Insert or update a developer; ``signed`` (platform data) keeps a code that fails its check."""
    parsed = parse_uscc(uscc, strict=not signed)
    code, failed = parsed.normalized, int(not parsed.check_ok)
    uow.execute(
        "INSERT INTO developers (uscc, name, address, training, uscc_check_failed, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(uscc) DO UPDATE SET name = excluded.name, address = excluded.address, "
        "uscc_check_failed = excluded.uscc_check_failed, updated_at = excluded.updated_at",
        (code, name, address, int(training), failed, uow.at))
    uow.log("developer.upsert", code, {"name": name, **({"uscc_check_failed": True} if failed else {})})
    return code


@dataclass(frozen=True)
class FlaggedCode:
    """A platform-signed credit code whose check character fails, and where it is used."""

    uscc: str
    developer: str | None
    restricted: bool


def uscc_check_failed(store: Store, uscc: str) -> bool:
    """Whether the platform sent ``uscc`` (as a developer or a restriction) with a failing check character."""
    return bool(store.read(
        "SELECT 1 FROM developers WHERE uscc = ? AND uscc_check_failed = 1 UNION ALL "
        "SELECT 1 FROM restrictions WHERE uscc = ? AND uscc_check_failed = 1 LIMIT 1", (uscc, uscc)))


def flagged_credit_codes(store: Store) -> list[FlaggedCode]:
    """Every flagged credit code on this kiosk, with the developer's name where known."""
    rows = store.read(
        "SELECT c.uscc, d.name, r.uscc IS NOT NULL AND r.lifted_at IS NULL AS restricted FROM "
        "(SELECT uscc FROM developers WHERE uscc_check_failed = 1 "
        " UNION SELECT uscc FROM restrictions WHERE uscc_check_failed = 1) c "
        "LEFT JOIN developers d ON d.uscc = c.uscc LEFT JOIN restrictions r ON r.uscc = c.uscc "
        "ORDER BY c.uscc")
    return [FlaggedCode(r["uscc"], r["name"], bool(r["restricted"])) for r in rows]


def add_project(uow: UnitOfWork, project_id: str, name: str, developer_uscc: str, *,
                service_point: str = "", address: str = "", training: bool = False) -> str:
    if not project_id.strip():
        raise ValidationError("a project needs an id", field="project_id")
    uow.execute(
        "INSERT INTO projects (id, name, developer_uscc, service_point, address, training, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
        "developer_uscc = excluded.developer_uscc, service_point = excluded.service_point, "
        "address = excluded.address, updated_at = excluded.updated_at",
        (project_id, name, developer_uscc, service_point, address, int(training), uow.at))
    uow.log("project.upsert", project_id, {"name": name, "developer": developer_uscc})
    return project_id


def _insert_unit(uow: UnitOfWork, code: str, project_id: str, *, area_centi_m2: int, price_fen: int,
                 use: Use, rules: UnitCodeRules | None, training: bool) -> tuple[str, dict[str, Any]]:
    unit = parse_unit_code(code, rules)
    if area_centi_m2 <= 0:
        raise ValidationError("the floor area must be positive", field="area")
    if price_fen < 0:
        raise ValidationError("the price cannot be negative", field="price")
    uow.insert("units", {
        "code": unit.code, "project_id": project_id, "building": unit.building or "",
        "room": unit.room or "", "area_centi_m2": area_centi_m2, "use": use,
        "price_fen": price_fen, "training": int(training), "updated_at": uow.at})
    return unit.code, {"project": project_id, "area_centi_m2": area_centi_m2, "price_fen": price_fen, "use": use}


def _insert_buyer(uow: UnitOfWork, unit_code: str, *, name: str, id_number: str, position: int,
                  phone: str | None, address: str | None, home: Home, training: bool) -> tuple[int, str]:
    if not name.strip():
        raise ValidationError("the buyer's name is empty", field="name")
    number = parse_id_number(id_number).normalized
    vault = uow.vault
    row_id = uow.insert("buyers", {
        "unit_code": unit_code, "position": position,
        "role": "owner" if position == 1 else "co-owner",
        "name_enc": vault.encrypt(name.strip(), "buyers.name"),
        "id_number_enc": vault.encrypt(number, "buyers.id_number"),
        "id_index": vault.blind_index(number),
        "id_masked": mask_id(number),
        "phone_enc": vault.encrypt(phone, "buyers.phone"),
        "address_enc": vault.encrypt(address, "buyers.address"),
        "home": home, "training": int(training), "updated_at": uow.at})
    return row_id, mask_id(number)


def add_unit(uow: UnitOfWork, code: str, project_id: str, *, area_centi_m2: int, price_fen: int,
             use: Use = "residential", rules: UnitCodeRules | None = None,
             training: bool = False) -> str:
    unit_code, detail = _insert_unit(uow, code, project_id, area_centi_m2=area_centi_m2,
                                     price_fen=price_fen, use=use, rules=rules, training=training)
    uow.log("unit.add", unit_code, detail)
    return unit_code


def add_buyer(uow: UnitOfWork, unit_code: str, *, name: str, id_number: str, position: int = 1,
              phone: str | None = None, address: str | None = None, home: Home = "first",
              training: bool = False) -> int:
    """Add a holder of ``unit_code``; position 1 is the owner, the others co-owners."""
    row_id, masked = _insert_buyer(uow, unit_code, name=name, id_number=id_number, position=position,
                                   phone=phone, address=address, home=home, training=training)
    uow.log("buyer.add", unit_code, {"buyer": row_id, "position": position, "id": masked})
    return row_id


@dataclass(frozen=True)
class NewBuyer:
    name: str
    id_number: str
    phone: str | None = None
    address: str | None = None
    home: Home = "first"


def register_unit(uow: UnitOfWork, code: str, project_id: str, buyers: list[NewBuyer], *,
                  area_centi_m2: int, price_fen: int, use: Use = "residential",
                  rules: UnitCodeRules | None = None, training: bool = False) -> str:
    """A unit and its holders as one change with one audit entry (how master data arrives)."""
    unit_code, detail = _insert_unit(uow, code, project_id, area_centi_m2=area_centi_m2,
                                     price_fen=price_fen, use=use, rules=rules, training=training)
    detail["buyers"] = [
        _insert_buyer(uow, unit_code, name=b.name, id_number=b.id_number, position=n, phone=b.phone,
                      address=b.address, home=b.home, training=training)[1]
        for n, b in enumerate(buyers, start=1)]
    uow.log("unit.register", unit_code, detail)
    return unit_code


def _buyer(store: Store, row: dict[str, Any]) -> Buyer:
    v = store.vault
    return Buyer(id=row["id"], unit_code=row["unit_code"], position=row["position"], role=row["role"],
                 name=v.decrypt(row["name_enc"], "buyers.name") or "",
                 id_number=v.decrypt(row["id_number_enc"], "buyers.id_number") or "",
                 phone=v.decrypt(row["phone_enc"], "buyers.phone"),
                 address=v.decrypt(row["address_enc"], "buyers.address"), home=row["home"])


def buyers_of_unit(store: Store, unit_code: str) -> list[Buyer]:
    rows = store.read("SELECT * FROM buyers WHERE unit_code = ? ORDER BY position", (unit_code,))
    return [_buyer(store, r) for r in rows]


def find_buyers(store: Store, id_number: str) -> list[Buyer]:
    """Every holding of the person with this ID number, found by blind index."""
    number = parse_id_number(id_number).normalized
    rows = store.read("SELECT * FROM buyers WHERE id_index = ? ORDER BY unit_code, position",
                      (store.vault.blind_index(number),))
    return [_buyer(store, r) for r in rows]


def get_unit(store: Store, code: str) -> dict[str, Any] | None:
    rows = store.read("SELECT * FROM units WHERE code = ?", (code,))
    return rows[0] if rows else None
