"""Self-service signing needs each signer's own ID card read at the terminal (kiosk.services.presence):
the core refuses a bundle without that proof, with somebody else's, a typed number's, a forged or a stale
one; the counter (a staff actor) signs as before."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from kiosk.errors import CheckFailed, ValidationError
from kiosk.rules.idcard import make_check_char
from kiosk.services import contracts, handover
from kiosk.services.presence import MAX_AGE, Presence, prove_presence, prove_signer
from kiosk.services.signatures import document_hash, sample_bundle
from kiosk.services.staff import Actor
from kiosk.store.outbox import read_pending
from sync.wire import kinds

from .conftest import Kiosk

SELF = Actor("self-service", "system")


def sent_signatures(site: Kiosk, kind: str, subject: str) -> list[dict[str, Any]]:
    """The signature summaries the platform will receive in the pending ``kind`` record of ``subject``."""
    records, unreadable = read_pending(site.store, 1000)
    assert unreadable == []
    [record] = [r for r in records if r.kind == kind and r.subject == subject]
    return list(record.payload["signatures"])


def stamped(doc: str, presence: Presence | None, seed: int = 0) -> dict[str, Any]:
    bundle = sample_bundle(doc, seed=seed)
    if presence is not None:
        bundle["identified_by"] = presence.stamp()
    return bundle


def drafted(site: Kiosk, unit: str) -> tuple[str, str]:
    project = site.store.read("SELECT project_id FROM units WHERE code = ?", (unit,))[0]["project_id"]
    site.approve_project(project)
    contract = contracts.draft(site.ctx, site.staff, unit)
    return contract, contracts.get(site.store, contract)["doc_hash"]


def refused(site: Kiosk, contract: str, bundles: dict[int, dict[str, Any]], why: str) -> None:
    with pytest.raises(CheckFailed, match=why) as caught:
        contracts.sign(site.ctx, SELF, contract, bundles)
    assert caught.value.code == "signer_not_identified" and caught.value.hint
    assert contracts.get(site.store, contract)["state"] == "draft"


def test_each_co_owner_signs_the_contract_with_their_own_card(site: Kiosk, couple: str) -> None:
    contract, doc = drafted(site, couple)
    first, second = site.buyers(couple)
    proofs = {b.id: prove_signer(site.ctx, "card", b.id_number, b.id) for b in (first, second)}
    # Nothing of the number in the proof a screen holds and a bundle keeps (only buyer ids, time, MAC).
    for proof in proofs.values():
        text = json.dumps(proof.stamp())
        assert first.id_number not in text and second.id_number not in text and first.id_number[-4:] not in text
    # Only the buyer at the terminal or staff take signatures, not another part of the system.
    with pytest.raises(CheckFailed) as caught:
        contracts.sign(site.ctx, Actor("printer", "system"), contract,
                       {b: stamped(doc, p, b) for b, p in proofs.items()})
    assert caught.value.code == "not_permitted" and caught.value.hint
    assert site.store.read("SELECT count(*) AS n FROM signatures")[0]["n"] == 0
    site.clock.now += dt.timedelta(minutes=2)
    contracts.sign(site.ctx, SELF, contract, {b: stamped(doc, p, b) for b, p in proofs.items()})
    assert contracts.get(site.store, contract)["state"] == "signed"
    actors = site.store.read("SELECT actor FROM audit WHERE action = 'contract.sign'")
    assert [r["actor"] for r in actors] == ["system:self-service"]
    recorded = site.store.read("SELECT detail FROM audit WHERE action = 'signature.record'")
    assert [json.loads(r["detail"])["identified_by"] for r in recorded] == ["card", "card"]
    # The platform learns each signer's card read and when it was, not the signing time.
    sent = sent_signatures(site, kinds.CONTRACT_SIGNED, contract)
    assert [(s["buyer"], s["identified_by"], s["identified_at"]) for s in sent] == \
        [(b, "card", proofs[b].at) for b in sorted(proofs)]
    assert all(s["identified_at"] != s["signed_at"] for s in sent)
    assert not any(b.id_number in r["detail"] for r in recorded for b in (first, second))


def test_a_signature_without_a_card_read_or_with_someone_elses_card_is_refused(
        site: Kiosk, couple: str, single: str) -> None:
    contract, doc = drafted(site, couple)
    first, second = site.buyers(couple)
    stranger = site.buyers(single)[0]
    for number in (second.id_number, stranger.id_number):
        with pytest.raises(CheckFailed) as caught:
            prove_signer(site.ctx, "card", number, first.id)
        assert caught.value.code == "not_the_signer" and caught.value.hint
        assert number not in str(caught.value)
    # The first buyer's card was read; the second signed on the pad with nobody identifying them.
    proof = prove_signer(site.ctx, "card", first.id_number, first.id)
    refused(site, contract, {first.id: stamped(doc, proof), second.id: stamped(doc, None)},
            "without reading the signer's ID card")
    # The first buyer's proof carried onto the second's signature is somebody else's card.
    refused(site, contract, {first.id: stamped(doc, proof), second.id: stamped(doc, proof)},
            "somebody else's ID card")


def test_a_typed_number_or_a_qr_code_proves_nothing(site: Kiosk, couple: str) -> None:
    contract, doc = drafted(site, couple)
    buyers = site.buyers(couple)
    for method, value in (("typed", buyers[0].id_number), ("eid_qr", f"CTID:{buyers[0].id_number}")):
        with pytest.raises(ValidationError) as caught:
            prove_presence(site.ctx, method, value)
        assert caught.value.code == "presence_not_proof"
    # A stamp that claims a typed identification, or a card the core never read, is refused too.
    real = {b.id: prove_signer(site.ctx, "card", b.id_number, b.id) for b in buyers}
    typed = {b.id: {**stamped(doc, real[b.id]), "identified_by": {**real[b.id].stamp(), "method": "typed"}}
             for b in buyers}
    refused(site, contract, typed, "identification by 'typed'")
    forged = {b.id: {**stamped(doc, real[b.id]), "identified_by": {**real[b.id].stamp(), "buyers": [b.id, 999]}}
              for b in buyers}
    refused(site, contract, forged, "did not make")
    damaged = {b.id: {**stamped(doc, real[b.id]), "identified_by": {**real[b.id].stamp(), "at": 5}}
               for b in buyers}
    refused(site, contract, damaged, "damaged")


def test_a_card_read_long_before_or_dated_ahead_is_refused(site: Kiosk, single: str) -> None:
    contract, doc = drafted(site, single)
    buyer = site.buyers(single)[0]
    # Long enough to read a contract and sign it, not long enough to leave a read card for the next person.
    assert dt.timedelta(minutes=5) <= MAX_AGE <= dt.timedelta(minutes=10)
    proof = prove_signer(site.ctx, "card", buyer.id_number, buyer.id)
    site.clock.now += MAX_AGE + dt.timedelta(seconds=1)
    refused(site, contract, {buyer.id: stamped(doc, proof)}, f"{MAX_AGE.seconds // 60} minutes before")
    ahead = prove_signer(site.ctx, "card", buyer.id_number, buyer.id)
    site.clock.now -= dt.timedelta(minutes=5)
    refused(site, contract, {buyer.id: stamped(doc, ahead)}, "in the future")
    site.clock.now += dt.timedelta(minutes=5)
    contracts.sign(site.ctx, SELF, contract, {buyer.id: stamped(doc, ahead)})


def test_the_proof_is_sealed_with_its_own_key_not_the_blind_indexs(site: Kiosk, single: str) -> None:
    contract, doc = drafted(site, single)
    buyer = site.buyers(single)[0]
    proof = prove_signer(site.ctx, "card", buyer.id_number, buyer.id)
    stamp = proof.stamp()
    payload = json.dumps({"m": stamp["method"], "at": stamp["at"], "b": stamp["buyers"], "a": stamp["agent_for"]},
                         sort_keys=True, separators=(",", ":"))
    vault = site.store.vault
    # Whoever can compute blind-index values (the same key under any label) cannot make a proof.
    assert all(proof.proof not in (vault.blind_index(payload, label).hex(), vault.blind_index(payload).hex())
               for label in ("presence.proof v1", "presence.proof v2"))
    assert len(bytes.fromhex(proof.proof)) == 32
    under_index_key = {**stamp, "proof": vault.blind_index(payload, "presence.proof v1").hex()}
    refused(site, contract, {buyer.id: {**sample_bundle(doc), "identified_by": under_index_key}}, "did not make")
    contracts.sign(site.ctx, SELF, contract, {buyer.id: stamped(doc, proof)})
    assert contracts.get(site.store, contract)["state"] == "signed"


def papers(site: Kiosk, case: str, proofs: dict[int, Presence | None]) -> dict[int, dict[str, dict[str, Any]]]:
    docs = handover.documents(site.ctx, handover.get(site.store, case))
    return {b: {name: stamped(document_hash(text), proof, b) for name, text in docs.items()}
            for b, proof in proofs.items()}


def test_handover_papers_at_the_terminal_need_each_card_and_the_counter_does_not(
        site: Kiosk, couple: str) -> None:
    site.ready(couple)
    first, second = site.buyers(couple)
    case = site.start_all_present(couple)
    handover.check(site.ctx, site.staff, case)
    # Present at the counter is not proof at the terminal: staff looked at them, the terminal did not.
    with pytest.raises(CheckFailed) as caught:
        handover.sign(site.ctx, SELF, case, papers(site, case, {first.id: None, second.id: None}))
    assert caught.value.code == "signer_not_identified"
    assert handover.get(site.store, case)["state"] == "checked"
    # The counter path is unchanged: staff sign the papers with the buyers they identified, no card stamp.
    handover.sign(site.ctx, site.staff, case, papers(site, case, {first.id: None, second.id: None}))
    assert handover.get(site.store, case)["state"] == "signed"
    kept = site.store.read("SELECT document, identified_by, identified_at FROM signatures WHERE document_id = ?",
                           (case,))
    assert sorted((r["document"], r["identified_by"], r["identified_at"]) for r in kept) == \
        [("handover.handover", "staff", None)] * 2 + [("handover.receipt", "staff", None)] * 2


def test_an_authorised_agent_signs_for_the_holder_they_represent_with_their_own_card(
        site: Kiosk, couple: str) -> None:
    site.ready(couple)
    first, second = site.buyers(couple)
    case = handover.start(site.ctx, site.staff, couple)
    handover.identify(site.ctx, site.staff, case, method="card", value=first.id_number)
    agent = "41042219850505002"
    agent += make_check_char(agent)
    handover.register_agent(site.ctx, site.staff, case, agent_id_number=agent,
                            authorisation_no="(2026)郏证字第88号", for_buyers=[second.id])
    handover.check(site.ctx, site.staff, case)
    mine = prove_signer(site.ctx, "card", first.id_number, first.id)
    # The present holder's card does not stand for the represented one; the agent's card is not the holder's.
    with pytest.raises(CheckFailed):
        handover.sign(site.ctx, SELF, case, papers(site, case, {first.id: mine, second.id: mine}))
    with pytest.raises(CheckFailed) as caught:
        prove_signer(site.ctx, "card", agent, first.id)
    assert caught.value.code == "not_the_signer"
    for_second = prove_signer(site.ctx, "card", agent, second.id, represented_at=case)
    handover.sign(site.ctx, SELF, case, papers(site, case, {first.id: mine, second.id: for_second}))
    assert handover.get(site.store, case)["state"] == "signed"
    kept = site.store.read("SELECT buyer_id, identified_by, identified_at FROM signatures WHERE document_id = ?",
                           (case,))
    assert sorted((r["buyer_id"], r["identified_by"], r["identified_at"]) for r in kept) == \
        [(first.id, "card", mine.at)] * 2 + [(second.id, "card", for_second.at)] * 2
