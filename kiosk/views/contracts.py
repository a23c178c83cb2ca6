"""ContractsView: one unit's sale contract (网签) with every version, as the back office sees it.

The versions newest first: state, price, who corrected it and why (the reason of a correction is
on the version it made), when it was drafted, signed and filed, and the filing number. The
holders appear masked (name and ID number): the office screen is turned to each buyer to sign.
The contract's text stays in the store; the buyers read it on the signing screen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kiosk.errors import FlowError
from kiosk.masterdata import buyers_of_unit
from kiosk.privacy import mask_id, mask_name
from kiosk.rules.money import format_yuan
from kiosk.services.context import Context

__all__ = ["CONTRACT_STATE_NAMES", "ContractHolder", "ContractVersion", "UnitContracts", "UnitMatch",
           "find_units", "unit_contracts"]

CONTRACT_STATE_NAMES = {"draft": "草稿，待签署", "signed": "已签署，待备案", "filed": "已备案",
                        "superseded": "已被更正版本取代", "discarded": "已作废"}
# A search shows at most this many units: a longer list means the search is too short.
MATCH_LIMIT = 6


@dataclass(frozen=True, slots=True)
class ContractHolder:
    buyer_id: int
    position: int
    name_masked: str
    id_masked: str


@dataclass(frozen=True, slots=True)
class ContractVersion:
    contract_id: str
    version: int
    state: str
    state_label: str
    price_fen: int
    price_text: str
    reason: str | None
    supersedes: str | None
    doc_sha256: str
    created_at: str
    signed_at: str | None
    filed_at: str | None
    filing_no: str | None


@dataclass(frozen=True, slots=True)
class UnitContracts:
    """``current`` is the version in force (not superseded nor discarded), None before a draft."""

    unit_code: str
    project_name: str
    building: str
    room: str
    price_fen: int
    training: bool
    holders: tuple[ContractHolder, ...]
    versions: tuple[ContractVersion, ...]
    current: ContractVersion | None


@dataclass(frozen=True, slots=True)
class UnitMatch:
    unit_code: str
    project_name: str
    building: str
    room: str
    contract_state: str | None


def _code(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


def unit_contracts(ctx: Context, unit_code: str) -> UnitContracts:
    """The unit's contract versions; ``FlowError`` ``unknown_unit`` when the kiosk has no such unit."""
    code = _code(unit_code)
    rows = ctx.store.read("SELECT u.code, u.building, u.room, u.price_fen, u.training, p.name AS project_name "
                          "FROM units u JOIN projects p ON p.id = u.project_id WHERE u.code = ?", (code,))
    if not rows:
        raise FlowError(f"no unit {code} on this kiosk", code="unknown_unit",
                        hint="check the unit code, or sync master data")
    u = rows[0]
    versions = tuple(ContractVersion(
        contract_id=r["id"], version=int(r["version"]), state=r["state"],
        state_label=CONTRACT_STATE_NAMES.get(r["state"], r["state"]), price_fen=int(r["price_fen"]),
        price_text=format_yuan(int(r["price_fen"])), reason=r["reason"], supersedes=r["supersedes"],
        doc_sha256=r["doc_hash"], created_at=r["created_at"], signed_at=r["signed_at"], filed_at=r["filed_at"],
        filing_no=r["filing_no"])
        for r in ctx.store.read("SELECT * FROM contracts WHERE unit_code = ? ORDER BY version DESC", (code,)))
    holders = tuple(ContractHolder(buyer_id=b.id, position=b.position, name_masked=mask_name(b.name),
                                   id_masked=mask_id(b.id_number)) for b in buyers_of_unit(ctx.store, code))
    current = next((v for v in versions if v.state not in ("superseded", "discarded")), None)
    return UnitContracts(unit_code=code, project_name=u["project_name"], building=u["building"], room=u["room"],
                         price_fen=int(u["price_fen"]), training=bool(u["training"]), holders=holders,
                         versions=versions, current=current)


def find_units(ctx: Context, search: str, *, training: bool = False) -> tuple[UnitMatch, ...]:
    """Units whose code contains ``search`` (at least 4 characters), in the data scope, by code."""
    text = _code(search)
    if len(text) < 4:
        return ()
    rows = ctx.store.read(
        "SELECT u.code, u.building, u.room, p.name AS project_name, (SELECT c.state FROM contracts c "
        "WHERE c.unit_code = u.code ORDER BY c.version DESC LIMIT 1) AS contract_state FROM units u "
        "JOIN projects p ON p.id = u.project_id WHERE u.training = ? AND instr(u.code, ?) > 0 "
        "ORDER BY u.code LIMIT ?", (int(training), text, MATCH_LIMIT))
    return tuple(UnitMatch(unit_code=r["code"], project_name=r["project_name"], building=r["building"],
                           room=r["room"], contract_state=r["contract_state"]) for r in rows)
