"""Contract signing (网签).

A contract is rendered from its template with the unit, its buyers and the
price, and hashed. Every buyer on it signs that hash on the touchscreen; the
signed record is bound with the device key and queued for filing, and the
filing number comes back as an approval. No version ever changes, a draft
included (its text and hash are in the audit log): a correction is a new
version that supersedes it, with the reason. The platform hears of a version
only when it is signed, so the signed record names the last version the
platform received as the one it replaces, with every correction's reason since.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from typing import Any

from kiosk.errors import FlowError, ValidationError
from kiosk.masterdata import buyers_of_unit
from kiosk.rules.money import format_yuan, yuan_in_words
from kiosk.rules.reason import required_reason
from kiosk.services.approvals import check_training_scope, require_field
from kiosk.services.context import Context
from kiosk.services.presence import require_identified
from kiosk.services.signatures import document_hash, record_signature, signature_summary
from kiosk.services.staff import Actor, require
from kiosk.services.states import CONTRACT
from kiosk.store import Store, UnitOfWork
from kiosk.templates import load_template
from sync.wire import kinds

__all__ = ["correct", "draft", "sign"]

TEMPLATE = "contract_sale"
CONTEXT = "contracts.content"
USE_NAMES = {"residential": "住宅", "non-residential": "非住宅"}


def render(ctx: Context, contract_id: str, unit_code: str, price_fen: int) -> str:
    """The contract text: the template filled from the unit, its project, developer and buyers."""
    store = ctx.store
    unit = store.read("SELECT u.*, p.name AS project_name, p.address AS project_address, "
                      "p.service_point, d.name AS developer_name, d.uscc, d.address AS developer_address "
                      "FROM units u JOIN projects p ON p.id = u.project_id "
                      "JOIN developers d ON d.uscc = p.developer_uscc WHERE u.code = ?", (unit_code,))
    if not unit:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit")
    u = unit[0]
    buyers = buyers_of_unit(store, unit_code)
    if not buyers:
        raise FlowError(f"unit {unit_code} has no buyers recorded", code="no_buyers",
                        hint="sync master data or record the buyers first")
    area = u["area_centi_m2"]
    today = ctx.today().isoformat()
    return load_template(TEMPLATE).render({
        "contract_no": contract_id, "unit_code": unit_code,
        "seller_name": u["developer_name"], "seller_uscc": u["uscc"], "seller_address": u["developer_address"],
        "buyers": "\n".join(f"{b.position}. {b.name}  公民身份号码 {b.id_number}" for b in buyers),
        "project_name": u["project_name"], "project_address": u["project_address"],
        "building": u["building"].lstrip("0") or "0", "room": u["room"].lstrip("0") or "0",
        "use": USE_NAMES[u["use"]], "area_m2": f"{area // 100}.{area % 100:02d}",
        "price_yuan": format_yuan(price_fen), "price_words": yuan_in_words(price_fen),
        "handover_date": today, "signed_date": today,
        "ownership": "该商品房由买受人单独所有。" if len(buyers) == 1 else
                     f"该商品房由上列{len(buyers)}名买受人共同共有。",
        "service_point": ctx.config["service_point"]["name"] or u["service_point"] or "便民服务网点",
    })


def draft(ctx: Context, actor: Actor, unit_code: str, *, price_fen: int | None = None) -> str:
    """Create version 1 of the unit's contract (refused when one exists: correct it instead)."""
    require(ctx.store, actor, now=ctx.now())
    unit = ctx.store.read("SELECT price_fen, training FROM units WHERE code = ?", (unit_code,))
    if not unit:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit")
    existing = ctx.store.read("SELECT id, state FROM contracts WHERE unit_code = ? AND state != 'superseded' "
                              "AND state != 'discarded'", (unit_code,))
    if existing:
        raise FlowError(f"unit {unit_code} already has contract {existing[0]['id']} ({existing[0]['state']})",
                        code="contract_exists", hint="open that contract, or correct it with a reason")
    price = unit[0]["price_fen"] if price_fen is None else price_fen
    return _write_version(ctx, actor, unit_code, price, version=1, supersedes=None, reason=None,
                          training=bool(unit[0]["training"]))


def _write_version(ctx: Context, actor: Actor, unit_code: str, price_fen: int, *, version: int,
                   supersedes: str | None, reason: str | None, training: bool) -> str:
    if price_fen <= 0:
        raise ValidationError("the contract price must be positive", field="price")
    contract_id = f"HT-{unit_code}-v{version}-{uuid.uuid4().hex[:6]}"
    content = render(ctx, contract_id, unit_code, price_fen)
    with ctx.store.unit_of_work(actor.label) as uow:
        if supersedes:
            old = uow.execute("SELECT state FROM contracts WHERE id = ?", (supersedes,)).fetchone()
            uow.update("contracts", {"id": supersedes},
                       {"state": CONTRACT.advance(old[0], "supersede")})
        uow.insert("contracts", {
            "id": contract_id, "unit_code": unit_code, "version": version, "state": CONTRACT.initial,
            "content_enc": uow.vault.encrypt(content, CONTEXT), "doc_hash": document_hash(content),
            "price_fen": price_fen, "supersedes": supersedes, "reason": reason,
            "training": int(training), "created_at": uow.at})
        uow.log("contract.draft", contract_id, {"unit": unit_code, "version": version,
                                                "supersedes": supersedes, "reason": reason,
                                                "doc_sha256": document_hash(content)})
    return contract_id


def correct(ctx: Context, actor: Actor, contract_id: str, reason: str, *, price_fen: int | None = None) -> str:
    """A correction is a new version with the reason; the old one (draft, signed or filed) is
    superseded, never edited."""
    require(ctx.store, actor, now=ctx.now())
    reason = required_reason(reason, why="the contract is corrected")
    old = get(ctx.store, contract_id)
    CONTRACT.advance(old["state"], "supersede")
    return _write_version(ctx, actor, old["unit_code"], old["price_fen"] if price_fen is None else price_fen,
                          version=old["version"] + 1, supersedes=contract_id, reason=reason,
                          training=bool(old["training"]))


def get(store: Store, contract_id: str) -> dict[str, Any]:
    rows = store.read("SELECT * FROM contracts WHERE id = ?", (contract_id,))
    if not rows:
        raise FlowError(f"no contract {contract_id}", code="unknown_contract")
    return rows[0]


def content(store: Store, contract_id: str) -> str:
    return store.vault.decrypt(get(store, contract_id)["content_enc"], CONTEXT) or ""


def sign(ctx: Context, actor: Actor, contract_id: str, bundles: dict[int, dict[str, Any]]) -> str:
    """Every buyer of the unit signs; the record is device-signed and queued for filing. At the
    self-service terminal each signature carries the proof that its signer's ID card was read there
    (``presence.require_identified``)."""
    require(ctx.store, actor, now=ctx.now())
    contract = get(ctx.store, contract_id)
    state = CONTRACT.advance(contract["state"], "sign")
    buyers = buyers_of_unit(ctx.store, contract["unit_code"])
    missing = [b for b in buyers if b.id not in bundles]
    if missing:
        raise FlowError(f"contract {contract_id}: {len(missing)} buyer(s) have not signed: "
                        + ", ".join(f"{b.position}号买受人 {b.id_masked}" for b in missing),
                        code="unsigned_buyers", hint="every buyer on the contract signs it")
    strangers = set(bundles) - {b.id for b in buyers}
    if strangers:
        raise FlowError(f"contract {contract_id}: signatures from people not on the contract",
                        code="not_a_buyer")
    for b in buyers:
        require_identified(ctx, actor, b.id, bundles[b.id])
    with ctx.store.unit_of_work(actor.label) as uow:
        hashes = [record_signature(ctx, uow, actor, document="contract", document_id=contract_id,
                                   buyer_id=b.id, bundle=bundles[b.id], doc_hash=contract["doc_hash"])
                  for b in buyers]
        bound = hashlib.sha256((contract["doc_hash"] + "".join(hashes)).encode()).hexdigest()
        device_sig = ctx.device_sign(bytes.fromhex(bound))
        uow.update("contracts", {"id": contract_id},
                   {"state": state, "bundle_hash": bound, "device_sig": device_sig, "signed_at": uow.at})
        uow.log("contract.sign", contract_id, {"unit": contract["unit_code"], "bundle_sha256": bound})
        replaces, reason = _platform_lineage(uow, contract)
        uow.push(kinds.CONTRACT_SIGNED, contract_id, {
            "contract_id": contract_id, "unit_code": contract["unit_code"], "version": contract["version"],
            "supersedes": replaces, "reason": reason,
            "price_fen": contract["price_fen"], "doc_sha256": contract["doc_hash"],
            "bundle_sha256": bound, "device_sig": base64.b64encode(device_sig).decode(),
            "signatures": signature_summary(uow, "contract", contract_id),
        }, training=bool(contract["training"]))
    return bound


def _platform_lineage(uow: UnitOfWork, contract: dict[str, Any]) -> tuple[str | None, str | None]:
    """The version the platform received (signed) that this one replaces, and the reasons of the
    corrections since, oldest first; (None, None) when no earlier version was ever signed: drafts
    never leave the kiosk, so the platform must not be told of one."""
    reasons: list[str] = []
    supersedes, reason = contract["supersedes"], contract["reason"]
    while supersedes:
        if reason:
            reasons.append(reason)
        earlier, supersedes, reason, signed_at = uow.execute(
            "SELECT id, supersedes, reason, signed_at FROM contracts WHERE id = ?", (supersedes,)).fetchone()
        if signed_at:
            return earlier, "；".join(reversed(reasons))
    return None, None


def filed_contract(store: Store, unit_code: str) -> dict[str, Any] | None:
    rows = store.read("SELECT * FROM contracts WHERE unit_code = ? AND state = 'filed' "
                      "ORDER BY version DESC LIMIT 1", (unit_code,))
    return rows[0] if rows else None


def apply_contract_filed(uow: UnitOfWork, item: dict[str, Any]) -> None:
    contract = check_training_scope(uow, item, "contracts", "id", str(item["subject"]))
    filing_no = str(require_field(item, "filing_no"))
    if contract["state"] == "filed":
        if contract["filing_no"] != filing_no:
            raise FlowError(f"contract {contract['id']} is already filed as {contract['filing_no']}, "
                            f"not {filing_no}", code="conflict")
        return
    state = CONTRACT.advance(contract["state"], "file")
    uow.update("contracts", {"id": contract["id"]}, {"state": state, "filing_no": filing_no, "filed_at": uow.at})
    # The unit lets the change feed wake the buyer's case screen, which watches units, not contracts.
    uow.log("contract.filed", contract["id"], {"unit": contract["unit_code"], "filing_no": filing_no,
                                               "item": item.get("item_id")})
