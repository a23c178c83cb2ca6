"""One real (non-training) case from joint acceptance to delivery, every approval coming
from the county gateway over HTTP: the kiosk pushes, the county decides, the kiosk pulls
and can deliver. Nothing is applied by hand on the kiosk side. The buyers sign their contract
at the self-service terminal, each with their own ID card, and the handover papers at the
counter; the gateway keeps both ways of identifying them. The gateway runs on each engine."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from gateway_harness import ENGINES
from sync_gateway import LiveGateway
from sync_kiosk import make_agent, open_store

from county import signatures
from kiosk import audit
from sync.wire import kinds
from kiosk.config import load_config
from kiosk.masterdata import buyers_of_unit
from kiosk.services import acceptance, certificates, contracts, handover, payments, registration
from kiosk.services.context import Context
from kiosk.services.presence import prove_signer
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.signatures import document_hash, sample_bundle
from kiosk.services.staff import Actor
from kiosk.store.outbox import counts as outbox_counts

pytestmark = ENGINES

APPROVABLE = (kinds.FIRST_REGISTRATION_REQUESTED, kinds.CONTRACT_SIGNED, kinds.PAYMENT_ORDER,
              kinds.REGISTRATION_REQUESTED)


def county_decides(gateway: LiveGateway) -> int:
    """What county clerks do: decide every record waiting for them."""
    marks = ", ".join("?" for _ in APPROVABLE)
    waiting = gateway.query(f"SELECT record_id FROM records WHERE state = 'received' AND kind IN ({marks})",
                            APPROVABLE)
    for (record_id,) in waiting:
        gateway.approve(record_id)
    return len(waiting)


def test_real_case_from_acceptance_to_delivery(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    ctx = Context(store, load_config(enrolled))
    install_samples(ctx, Actor("installer", "system"), load_samples(), training=False)
    staff = Actor("S001", "staff")
    agent = make_agent(enrolled, store)

    def round_trip() -> None:
        assert agent.cycle().errors == []
        assert county_decides(gateway) >= 1
        assert agent.cycle().errors == []

    unit = store.read("SELECT u.code, u.project_id FROM units u WHERE u.use = 'residential' AND "
                      "(SELECT count(*) FROM buyers b WHERE b.unit_code = u.code) = 2 ORDER BY u.code")[0]
    code = unit["code"]
    buyers = buyers_of_unit(store, code)

    for n, item in enumerate(acceptance.ITEMS):
        acceptance.record_acceptance(ctx, staff, unit["project_id"], item, document_no=f"郏验〔2026〕{n}号")
    round_trip()
    assert store.read("SELECT eligible FROM projects WHERE id = ?", (unit["project_id"],))[0]["eligible"] == 1

    contract = contracts.draft(ctx, staff, code)
    doc = contracts.get(store, contract)["doc_hash"]
    read_cards = {b.id: prove_signer(ctx, "card", b.id_number, b.id) for b in buyers}
    contracts.sign(ctx, Actor("self-service", "system"), contract, {
        b.id: {**sample_bundle(doc, seed=b.id), "identified_by": read_cards[b.id].stamp()} for b in buyers})
    round_trip()
    assert contracts.get(store, contract)["filing_no"].startswith("郏房备")

    payments.create_order(ctx, staff, code)
    round_trip()
    assert payments.payment_status(store, code).all_confirmed

    registration.request_registration(ctx, staff, code)
    round_trip()
    cert = certificates.recorded(store, code)
    assert cert and cert["certificate_no"].startswith("豫(") and cert["serial"]
    # The register's entries for the certificate page come with it, as the gateway recorded them.
    register = json.loads(cert["register_json"])
    assert register["right_type"] == "国有建设用地使用权/房屋所有权"
    assert register["ownership"] == ("单独所有" if len(buyers) == 1 else "共同共有")
    assert dt.date.fromisoformat(register["registered_on"])

    handover.mark_keys_ready(ctx, staff, code)
    case = handover.start(ctx, staff, code)
    for buyer in buyers:
        handover.identify(ctx, staff, case, method="card", value=buyer.id_number)
    handover.check(ctx, staff, case)
    papers = handover.documents(ctx, handover.get(store, case))
    handover.sign(ctx, staff, case, {b.id: {name: sample_bundle(document_hash(text), seed=b.id)
                                            for name, text in papers.items()} for b in buyers})
    handover.bind_certificate(ctx, staff, case, typed_serial=cert["serial"])
    handover.issue_receipt(ctx, staff, case)
    handover.hand_keys(ctx, staff, case)
    handover.deliver(ctx, staff, case)
    assert agent.cycle().errors == []

    assert outbox_counts(store)["pending"] == 0
    status = gateway.status()
    assert status["duplicates"] == 0 and status["rejected"] == 0
    assert status["records_by_kind"][kinds.HANDOVER_DELIVERED] == 1
    with gateway.gateway.locked() as conn:
        [signed] = signatures.summaries(conn, subject=contract)
        [delivered] = signatures.summaries(conn, subject=code, kind=kinds.HANDOVER_DELIVERED)
    assert signed["kind"] == kinds.CONTRACT_SIGNED
    assert [(s["buyer"], s["identified_by"], s["identified_at"]) for s in signed["signatures"]] == \
        [(b.id, "card", read_cards[b.id].at) for b in sorted(buyers, key=lambda b: b.id)]
    assert sorted((s["buyer"], s["identified_by"], s["identified_at"]) for s in delivered["signatures"]) == \
        sorted([(b.id, "staff", None) for b in buyers] * 2)
    rejected = store.read("SELECT kind, error FROM approvals WHERE status = 'rejected'")
    assert rejected == []
    assert audit.verify(store.conn).ok
    store.close()
