"""Handover with certificate (交房即交证).

The buyer is identified (ID card, e-ID QR text or a typed number), matched
against the unit's holders (every co-owner present, or represented by an
agent with a recorded authorisation), then the case is checked by the
handover gates (``kiosk.services.gates``, one fixed order, stopping at the
first failure with a reason staff can act on): project registered, contract
filed, every payment item confirmed, registration recorded with a
certificate number backed by a signed approval, developer not restricted (or
overridden), keys ready, every holder present or represented. Every present buyer signs the handover confirmation and the
certificate receipt; the certificate is bound (scanned or typed serial, or
printed on stock); the receipt is queued with the e-certificate QR text; the
keys are handed; the case is delivered.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any, Literal

from kiosk.errors import CheckFailed, FlowError, IllegalTransition, ValidationError
from kiosk.masterdata import Buyer, buyers_of_unit
from kiosk.offline import master_data_freshness
from kiosk.privacy import mask_id, mask_name
from kiosk.rules.certno import CertificateTemplate, parse_certificate_number
from kiosk.rules.idcard import parse_identity_document
from kiosk.rules.reason import required_reason
from kiosk.services import certificates
from kiosk.services.context import Context
from kiosk.services.gates import handover_gates, require_passed
from kiosk.services.presence import require_identified
from kiosk.services.printing import create_job
from kiosk.services.signatures import document_hash, record_signature, signature_summary
from kiosk.services.staff import Actor, require
from kiosk.services.states import CERTIFICATE, HANDOVER
from kiosk.store import Store
from sync.wire import kinds

__all__ = ["bind_certificate", "cancel", "check", "deliver", "hand_keys", "identify", "issue_receipt",
           "mark_keys_ready", "register_agent", "sign", "start"]

Method = Literal["card", "eid_qr", "typed"]
ID_IN_TEXT = re.compile(r"(?<![0-9])([0-9]{17}[0-9Xx])(?![0-9Xx])")


def get(store: Store, handover_id: str) -> dict[str, Any]:
    rows = store.read("SELECT * FROM handovers WHERE id = ?", (handover_id,))
    if not rows:
        raise FlowError(f"no handover {handover_id}", code="unknown_handover")
    row = rows[0]
    row["present"] = json.loads(row["present"])
    row["represented"] = json.loads(row["represented"])
    return row


def start(ctx: Context, actor: Actor, unit_code: str) -> str:
    require(ctx.store, actor, now=ctx.now())
    units = ctx.store.read("SELECT training FROM units WHERE code = ?", (unit_code,))
    if not units:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit",
                        hint="check the unit code, or sync master data")
    unit = units[0]
    require_passed(handover_gates(ctx, unit_code, only=("project_not_eligible",)))
    if not unit["training"]:
        freshness = master_data_freshness(ctx.store.conn, ctx.config, ctx.now())
        if not freshness.new_handovers_allowed:
            raise CheckFailed(freshness.reason, code="master_data_stale")
    live = ctx.store.read("SELECT id, state FROM handovers WHERE unit_code = ? AND state != 'cancelled'",
                          (unit_code,))
    if live:
        raise FlowError(f"unit {unit_code} already has handover {live[0]['id']} ({live[0]['state']})",
                        code="handover_exists", hint="continue that handover instead of starting a new one")
    handover_id = f"JF-{uuid.uuid4().hex[:12]}"
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.insert("handovers", {"id": handover_id, "unit_code": unit_code, "state": HANDOVER.initial,
                                 "training": unit["training"], "started_by": actor.label, "started_at": uow.at})
        uow.log("handover.start", handover_id, {"unit": unit_code})
    return handover_id


def id_number_from(method: Method, value: str, *, today: dt.date | None = None) -> str:
    """The ID number a person presented: read from the card, found in the e-ID QR text, or typed.

    It must be a current document: an old 15-digit number is refused (``id_legacy15``).
    """
    if method == "eid_qr":
        found = ID_IN_TEXT.findall(value or "")
        if len(found) != 1:
            raise ValidationError("this QR code does not carry one identity number; "
                                  "use the ID card or type the number", field="eid_qr")
        value = found[0]
    elif method not in ("card", "typed"):
        raise ValidationError(f"unknown identification method {method!r}", field="method")
    return parse_identity_document(value, today=today).normalized


def identify(ctx: Context, actor: Actor, handover_id: str, *, method: Method, value: str) -> Buyer:
    """Mark a holder of the unit as present; anyone else is refused."""
    require(ctx.store, actor, now=ctx.now())
    number = id_number_from(method, value, today=ctx.today())
    handover = get(ctx.store, handover_id)
    _must_be(handover, "open", "checked")
    index = ctx.store.vault.blind_index(number)
    row = ctx.store.read("SELECT id FROM buyers WHERE unit_code = ? AND id_index = ?",
                         (handover["unit_code"], index))
    if not row:
        raise CheckFailed(f"the person identified ({mask_id(number)}) is not a holder of unit "
                          f"{handover['unit_code']}", code="wrong_person",
                          hint="only the buyers on the contract, or their authorised agent, can take over the unit")
    buyer_id = int(row[0]["id"])
    present = sorted(set(handover["present"]) | {buyer_id})
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.update("handovers", {"id": handover_id}, {"present": json.dumps(present)})
        uow.log("handover.identify", handover_id, {"buyer": buyer_id, "method": method, "id": mask_id(number)})
    return next(b for b in buyers_of_unit(ctx.store, handover["unit_code"]) if b.id == buyer_id)


def register_agent(ctx: Context, actor: Actor, handover_id: str, *, agent_id_number: str,
                   authorisation_no: str, for_buyers: list[int]) -> None:
    """An agent with a recorded authorisation (授权委托书) represents absent holders."""
    require(ctx.store, actor, now=ctx.now())
    number = parse_identity_document(agent_id_number, today=ctx.today()).normalized
    if not authorisation_no.strip():
        raise CheckFailed("an agent needs the number of the notarised authorisation (授权委托书)",
                          code="no_authorisation", hint="record the authorisation document first")
    handover = get(ctx.store, handover_id)
    _must_be(handover, "open", "checked")
    holders = {b.id for b in buyers_of_unit(ctx.store, handover["unit_code"])}
    unknown = set(for_buyers) - holders
    if not for_buyers or unknown:
        raise ValidationError("name the holders of this unit the agent represents", field="for_buyers")
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.update("handovers", {"id": handover_id}, {
            "agent_index": uow.vault.blind_index(number), "agent_masked": mask_id(number),
            "authorisation_no": authorisation_no.strip(),
            "represented": json.dumps(sorted(set(handover["represented"]) | set(for_buyers)))})
        uow.log("handover.agent", handover_id, {"agent": mask_id(number), "authorisation_no": authorisation_no,
                                                "for": sorted(for_buyers)})


def _must_be(handover: dict[str, Any], *states: str) -> None:
    """People can be identified only before the papers are signed."""
    if handover["state"] not in states:
        raise IllegalTransition(f"handover: cannot identify people while the case is '{handover['state']}'",
                                hint="identification happens before signing")


def run_checks(ctx: Context, handover: dict[str, Any]) -> None:
    """The handover gates (``kiosk.services.gates``) with the people identified at this handover;
    the first failure is raised as CheckFailed."""
    covered = set(handover["present"]) | set(handover["represented"])
    require_passed(handover_gates(ctx, handover["unit_code"], covered=covered))


def check(ctx: Context, actor: Actor, handover_id: str) -> None:
    require(ctx.store, actor, now=ctx.now())
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "check")
    run_checks(ctx, handover)
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.update("handovers", {"id": handover_id}, {"state": state})
        uow.log("handover.check", handover_id, {"result": "passed"})


def documents(ctx: Context, handover: dict[str, Any]) -> dict[str, str]:
    """The two papers every buyer signs, as text (their hashes are what is signed)."""
    cert = certificates.recorded(ctx.store, handover["unit_code"]) or {}
    holders = buyers_of_unit(ctx.store, handover["unit_code"])
    names = "、".join(f"{b.name}（{b.id_masked}）" for b in holders)
    common = (f"不动产单元代码：{handover['unit_code']}\n不动产权证书号：{cert.get('certificate_no', '')}\n"
              f"权利人：{names}\n办理编号：{handover['id']}\n")
    return {
        "handover": "房屋交接确认书\n" + common + "买受人确认已查验房屋并接收钥匙。\n",
        "receipt": "不动产权证书领取确认\n" + common + "买受人确认已领取上述不动产权证书。\n",
    }


def sign(ctx: Context, actor: Actor, handover_id: str, bundles: dict[int, dict[str, dict[str, Any]]]) -> None:
    """Every present (or represented) buyer signs the handover confirmation and the certificate receipt;
    at the self-service terminal each signature carries its signer's proof of presence
    (``presence.require_identified``)."""
    require(ctx.store, actor, now=ctx.now())
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "sign")
    signers = set(handover["present"]) | set(handover["represented"])
    missing = signers - set(bundles)
    if missing:
        raise CheckFailed(f"{len(missing)} buyer(s) have not signed yet", code="unsigned",
                          hint="every buyer present signs both papers")
    if set(bundles) - signers:
        raise CheckFailed("a signature came from someone who was not identified", code="not_identified")
    for buyer_id in sorted(signers):
        # An agent signs for the holders they represent: their own card is the proof for those.
        represented_at = handover_id if buyer_id in handover["represented"] else None
        for bundle in bundles[buyer_id].values():
            require_identified(ctx, actor, buyer_id, bundle, represented_at=represented_at)
    docs = documents(ctx, handover)
    with ctx.store.unit_of_work(actor.label) as uow:
        for buyer_id in sorted(signers):
            for name, text in docs.items():
                paper = bundles[buyer_id].get(name)
                if paper is None:
                    raise CheckFailed(f"the {name} paper is not signed", code="unsigned")
                record_signature(ctx, uow, actor, document=f"handover.{name}", document_id=handover_id,
                                 buyer_id=buyer_id, bundle=paper, doc_hash=document_hash(text))
        uow.update("handovers", {"id": handover_id}, {"state": state})
        uow.log("handover.sign", handover_id, {"signers": sorted(signers),
                                               "by_agent": sorted(set(handover["represented"]))})


def bind_certificate(ctx: Context, actor: Actor, handover_id: str, *, scanned: str | None = None,
                     typed_serial: str | None = None, print_on_stock: bool = False) -> str:
    """Bind the physical certificate; returns its serial."""
    require(ctx.store, actor, now=ctx.now())
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "bind_certificate")
    if [scanned is not None, typed_serial is not None, print_on_stock].count(True) != 1:
        raise ValidationError("bind by scanning the certificate, typing its serial, or printing on stock",
                              field="certificate")
    unit_code = handover["unit_code"]
    with ctx.store.unit_of_work(actor.label) as uow:
        if print_on_stock:
            cert = certificates.recorded(ctx.store, unit_code) or {}
            serial = certificates.print_on_stock(uow, unit_code, actor=actor, body={
                "certificate_no": cert.get("certificate_no"), "unit_code": unit_code, "handover": handover_id})
        else:
            if scanned is not None:
                serial, number = certificates.serial_from_scan(scanned)
            else:
                serial, number = certificates.clean_serial(typed_serial or ""), None
            if number:
                number = parse_certificate_number(
                    number, CertificateTemplate.from_config(ctx.config["certificate"]),
                    today=ctx.today()).normalized
            certificates.bind(uow, unit_code, serial=serial, certificate_no=number, actor=actor)
        uow.update("handovers", {"id": handover_id}, {"state": state})
        uow.log("handover.bind", handover_id, {"serial": serial, "printed": bool(print_on_stock)})
    return serial


def issue_receipt(ctx: Context, actor: Actor, handover_id: str) -> str:
    """Queue the handover receipt with the e-certificate verification QR text; returns the job id."""
    require(ctx.store, actor, now=ctx.now())
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "receipt")
    cert = certificates.recorded(ctx.store, handover["unit_code"]) or {}
    holders = buyers_of_unit(ctx.store, handover["unit_code"])
    with ctx.store.unit_of_work(actor.label) as uow:
        job = create_job(uow, "handover_receipt", handover["unit_code"], {
            "handover_id": handover_id, "unit_code": handover["unit_code"],
            "certificate_no": cert.get("certificate_no"), "serial": cert.get("serial"),
            "buyers": [{"name": mask_name(b.name), "id_masked": b.id_masked} for b in holders],
            "service_point": _service_point(ctx, handover["unit_code"]),
            "time": uow.at, "e_cert_qr": cert.get("e_cert_token"), "training": bool(handover["training"])})
        uow.update("handovers", {"id": handover_id}, {"state": state})
        uow.log("handover.receipt", handover_id, {"job": job})
    return job


def _service_point(ctx: Context, unit_code: str) -> str:
    """The configured service point, else the one the unit's project is served from."""
    configured = ctx.config["service_point"]
    if configured["name"] or configured["id"]:
        return str(configured["name"] or configured["id"])
    return str(ctx.store.read("SELECT p.service_point FROM units u JOIN projects p ON p.id = u.project_id "
                              "WHERE u.code = ?", (unit_code,))[0]["service_point"])


def hand_keys(ctx: Context, actor: Actor, handover_id: str) -> None:
    require(ctx.store, actor, now=ctx.now())
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "hand_keys")
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.update("handovers", {"id": handover_id}, {"state": state})
        uow.log("handover.keys", handover_id)


def deliver(ctx: Context, actor: Actor, handover_id: str) -> None:
    """Close the case. The checks run again: a restriction may have arrived meanwhile."""
    require(ctx.store, actor, now=ctx.now())
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "deliver")
    run_checks(ctx, handover)
    unit_code = handover["unit_code"]
    with ctx.store.unit_of_work(actor.label) as uow:
        cert = uow.execute("SELECT certificate_no, serial, state FROM certificates WHERE unit_code = ?",
                           (unit_code,)).fetchone()
        uow.update("certificates", {"unit_code": unit_code},
                   {"state": CERTIFICATE.advance(cert[2], "deliver"), "delivered_at": uow.at})
        uow.update("handovers", {"id": handover_id}, {"state": state, "delivered_at": uow.at})
        uow.update("units", {"code": unit_code}, {"state": "delivered", "updated_at": uow.at})
        uow.log("handover.deliver", handover_id, {"unit": unit_code, "certificate_no": cert[0], "serial": cert[1]})
        signed = [s for doc in ("handover.handover", "handover.receipt")
                  for s in signature_summary(uow, doc, handover_id)]
        uow.push(kinds.HANDOVER_DELIVERED, unit_code, {
            "handover_id": handover_id, "unit_code": unit_code, "certificate_no": cert[0], "serial": cert[1],
            "present": handover["present"], "represented": handover["represented"],
            "agent": handover["agent_masked"], "authorisation_no": handover["authorisation_no"],
            "signatures": signed, "delivered_at": uow.at}, training=bool(handover["training"]))


def cancel(ctx: Context, actor: Actor, handover_id: str, reason: str) -> None:
    require(ctx.store, actor, now=ctx.now())
    reason = required_reason(reason, why="the handover is cancelled")
    handover = get(ctx.store, handover_id)
    state = HANDOVER.advance(handover["state"], "cancel")
    with ctx.store.unit_of_work(actor.label) as uow:
        uow.update("handovers", {"id": handover_id}, {"state": state})
        uow.log("handover.cancel", handover_id, {"reason": reason})


def mark_keys_ready(ctx: Context, actor: Actor, unit_code: str) -> None:
    require(ctx.store, actor, now=ctx.now())
    with ctx.store.unit_of_work(actor.label) as uow:
        if not uow.update("units", {"code": unit_code}, {"keys_ready": 1, "updated_at": uow.at}):
            raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit")
        uow.log("unit.keys_ready", unit_code)
