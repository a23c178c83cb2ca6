"""Acceptance, contracts, certificates and stock, mailing, staff and print jobs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from hardware.printer.layout import PAPERS, Line
from kiosk import audit
from hardware.printer.jobs import mailing_ops
from kiosk.errors import AuthError, CheckFailed, FlowError, IllegalTransition, ValidationError
from kiosk.services import acceptance, certificates, contracts, handover, mailing, printing, staff
from kiosk.services.context import Context
from kiosk.services.signatures import sample_bundle
from kiosk.store.outbox import read_pending
from sync.wire import kinds

from .conftest import NOW, Kiosk


def project_of(site: Kiosk, unit: str) -> str:
    return site.store.read("SELECT project_id FROM units WHERE code = ?", (unit,))[0]["project_id"]


def outbox(site: Kiosk, kind: str) -> list[dict]:
    return site.store.read("SELECT * FROM outbox WHERE kind = ?", (kind,))


def test_acceptance_queues_first_registration_when_complete(site: Kiosk, single: str) -> None:
    project = project_of(site, single)
    items = list(acceptance.ITEMS)
    with pytest.raises(ValidationError, match="document number or scan"):
        acceptance.record_acceptance(site.ctx, site.staff, project, items[0])
    with pytest.raises(ValidationError, match="unknown acceptance item"):
        acceptance.record_acceptance(site.ctx, site.staff, project, "paint", document_no="x")
    for item in items[:-1]:
        assert acceptance.record_acceptance(site.ctx, site.staff, project, item, document_no="D") != []
    assert not outbox(site, kinds.FIRST_REGISTRATION_REQUESTED)
    assert acceptance.record_acceptance(site.ctx, site.staff, project, items[-1], qr_text="QR:fire:ok") == []
    assert len(outbox(site, kinds.FIRST_REGISTRATION_REQUESTED)) == 1
    assert site.store.read("SELECT first_registration FROM projects WHERE id = ?",
                           (project,))[0]["first_registration"] == "requested"
    with pytest.raises(FlowError, match="no longer change"):
        acceptance.record_acceptance(site.ctx, site.staff, project, items[0], document_no="E")
    site.pull(kinds.FIRST_REGISTRATION_APPROVED, project, {})
    assert site.store.read("SELECT eligible FROM projects WHERE id = ?", (project,))[0]["eligible"] == 1
    assert all(v is not None for v in acceptance.checklist(site.store, project).values())


def test_contract_signed_once_and_corrected_as_new_version(site: Kiosk, couple: str) -> None:
    contract = contracts.draft(site.ctx, site.staff, couple)
    text = contracts.content(site.store, contract)
    owner, other = site.buyers(couple)
    assert owner.id_number in text and "商品房买卖合同" in text and "共同共有" in text and "元整" in text
    doc = contracts.get(site.store, contract)["doc_hash"]
    with pytest.raises(FlowError, match="have not signed") as err:
        contracts.sign(site.ctx, site.staff, contract, {owner.id: sample_bundle(doc)})
    assert err.value.code == "unsigned_buyers" and other.id_number not in str(err.value)
    contracts.sign(site.ctx, site.staff, contract, {b.id: sample_bundle(doc) for b in (owner, other)})
    pushed = outbox(site, kinds.CONTRACT_SIGNED)
    assert len(pushed) == 1
    with pytest.raises(IllegalTransition, match="cannot 'sign' while the case is 'signed'"):
        contracts.sign(site.ctx, site.staff, contract, {b.id: sample_bundle(doc) for b in (owner, other)})
    with pytest.raises(FlowError, match="already has contract"):
        contracts.draft(site.ctx, site.staff, couple)
    with pytest.raises(ValidationError, match="say why"):
        contracts.correct(site.ctx, site.staff, contract, "")
    second = contracts.correct(site.ctx, site.staff, contract, "面积实测后调整价款", price_fen=123_456_00)
    assert contracts.get(site.store, contract)["state"] == "superseded"
    new = contracts.get(site.store, second)
    assert (new["version"], new["supersedes"], new["price_fen"]) == (2, contract, 123_456_00)
    assert "123,456.00" in contracts.content(site.store, second)
    assert "壹拾贰万叁仟肆佰伍拾陆元整" in contracts.content(site.store, second)


def signed_payloads(site: Kiosk) -> dict[str, dict]:
    records, unreadable = read_pending(site.store, 1000)
    assert unreadable == []
    return {r.subject: r.payload for r in records if r.kind == kinds.CONTRACT_SIGNED}


def test_a_draft_is_corrected_as_a_new_version_and_the_platform_hears_only_of_signed_ones(
        site: Kiosk, couple: str, single: str) -> None:
    first = contracts.draft(site.ctx, site.staff, couple)
    with pytest.raises(ValidationError, match="say why") as err:
        contracts.correct(site.ctx, site.staff, first, "  ")
    assert (err.value.field, err.value.code) == ("reason", "reason_required")
    with pytest.raises(FlowError, match="no contract") as unknown:
        contracts.correct(site.ctx, site.staff, f"HT-{single}-v1-000000", "价款录入错误")
    assert unknown.value.code == "unknown_contract"
    assert contracts.get(site.store, first)["state"] == "draft"

    # The draft is never edited: it stays, superseded, with its text; the new version has the reason.
    text = contracts.content(site.store, first)
    second = contracts.correct(site.ctx, site.staff, first, "价款录入错误", price_fen=98_765_00)
    old, new = contracts.get(site.store, first), contracts.get(site.store, second)
    assert old["state"] == "superseded" and contracts.content(site.store, first) == text
    assert (new["state"], new["version"], new["supersedes"], new["reason"]) == ("draft", 2, first, "价款录入错误")
    with pytest.raises(IllegalTransition, match="cannot 'supersede' while the case is 'superseded'"):
        contracts.correct(site.ctx, site.staff, first, "再改一次")
    with pytest.raises(IllegalTransition, match="cannot 'sign' while the case is 'superseded'"):
        contracts.sign(site.ctx, site.staff, first, {b.id: sample_bundle(old["doc_hash"]) for b in site.buyers(couple)})
    logged = site.store.read("SELECT detail FROM audit WHERE action = 'contract.draft' AND subject = ?", (second,))
    assert [json.loads(r["detail"])["reason"] for r in logged] == ["价款录入错误"]

    # Drafts never leave the kiosk: the first signed version names no earlier one to the platform.
    doc = new["doc_hash"]
    contracts.sign(site.ctx, site.staff, second, {b.id: sample_bundle(doc, seed=b.id) for b in site.buyers(couple)})
    assert (signed_payloads(site)[second]["supersedes"], signed_payloads(site)[second]["reason"]) == (None, None)

    # Signed, then corrected twice as drafts: the next signed version names the signed one it replaces
    # and carries both reasons, oldest first.
    third = contracts.correct(site.ctx, site.staff, second, "面积实测后调整价款")
    fourth = contracts.correct(site.ctx, site.staff, third, "补充车位条款")
    assert contracts.get(site.store, second)["state"] == "superseded"
    doc = contracts.get(site.store, fourth)["doc_hash"]
    contracts.sign(site.ctx, site.staff, fourth, {b.id: sample_bundle(doc, seed=b.id) for b in site.buyers(couple)})
    pushed = signed_payloads(site)[fourth]
    assert (pushed["version"], pushed["supersedes"], pushed["reason"]) == (4, second, "面积实测后调整价款；补充车位条款")
    assert third not in signed_payloads(site)


def test_contract_filing_is_idempotent_and_conflicts_are_refused(site: Kiosk, single: str) -> None:
    contract = site.sign_contract(single)
    site.pull(kinds.CONTRACT_FILED, contract, {"filing_no": "BA-1"})
    site.pull(kinds.CONTRACT_FILED, contract, {"filing_no": "BA-1"})
    with pytest.raises(FlowError, match="already filed") as err:
        site.pull(kinds.CONTRACT_FILED, contract, {"filing_no": "BA-2"})
    assert err.value.code == "conflict"
    assert contracts.filed_contract(site.store, single)["filing_no"] == "BA-1"


def test_reprint_consumes_stock_and_void_is_audited(site: Kiosk, single: str) -> None:
    site.ready(single)
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    first = handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    with pytest.raises(AuthError):
        certificates.reprint(site.ctx, site.staff, single, "卡纸打印错位")
    second = certificates.reprint(site.ctx, site.supervisor, single, "卡纸打印错位")
    stock = {r["serial"]: r for r in site.store.read("SELECT * FROM certificate_stock")}
    assert first != second and stock[first]["state"] == "voided" and stock[second]["state"] == "used"
    assert stock[first]["reason"] == "卡纸打印错位"
    on_hand = [s for s, r in stock.items() if r["state"] == "on_hand"][0]
    certificates.void_serial(site.ctx, site.supervisor, on_hand, "污损作废")
    with pytest.raises(FlowError, match="not unused paper"):
        certificates.void_serial(site.ctx, site.supervisor, on_hand, "污损作废")
    actions = [r["action"] for r in site.store.read("SELECT action FROM audit")]
    assert actions.count("stock.void") == 2 and "certificate.reprint" in actions
    assert audit.verify(site.store.conn).ok


def test_stock_runs_out_with_a_clear_message(site: Kiosk, single: str) -> None:
    site.ready(single)
    with site.store.unit_of_work("test") as uow:
        uow.execute("UPDATE certificate_stock SET state = 'voided'")
        uow.log("test.empty_stock", "stock")
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    with pytest.raises(FlowError, match="no certificate paper left") as err:
        handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    assert err.value.code == "stock_empty"


def test_mailing_for_an_absent_buyer(site: Kiosk, single: str) -> None:
    buyer = site.buyers(single)[0]
    with pytest.raises(CheckFailed, match="no recorded certificate"):
        mailing.request_mailing(site.ctx, site.staff, single, requester_id_number=buyer.id_number,
                                identified_by="in_person", recipient="王某", phone="13800001111",
                                address="河南省郑州市金水区某路1号")
    site.register(single)
    with pytest.raises(ValidationError, match="phone"):
        mailing.request_mailing(site.ctx, site.staff, single, requester_id_number=buyer.id_number,
                                identified_by="in_person", recipient="王某", phone="12",
                                address="河南省郑州市金水区某路1号")
    with pytest.raises(CheckFailed, match="authorisation"):
        mailing.request_mailing(site.ctx, site.staff, single, requester_id_number=buyer.id_number,
                                identified_by="agent", recipient="王某", phone="13800001111",
                                address="河南省郑州市金水区某路1号")
    request = mailing.request_mailing(site.ctx, site.staff, single, requester_id_number=buyer.id_number,
                                      identified_by="in_person", recipient="王某", phone="13800001111",
                                      address="河南省郑州市金水区某路1号")
    assert len(outbox(site, kinds.MAIL_REQUESTED)) == 1
    slips = [j for j in printing.pending_jobs(site.store) if j["kind"] == "mailing_slip"]
    assert [j["subject"] for j in slips] == [single], "one slip, and none for the refused requests"
    body = printing.job_body(site.store, slips[0]["id"])
    assert (body["request_id"], body["recipient"], body["phone"], body["address"]) == (
        request, "王某", "13800001111", "河南省郑州市金水区某路1号")
    certificate_no = site.store.read("SELECT certificate_no FROM certificates WHERE unit_code = ?",
                                     (single,))[0]["certificate_no"]
    assert body["certificate_no"] == certificate_no and body["training"] is False
    text = "\n".join(op.text for op in mailing_ops(body, PAPERS[80]) if isinstance(op, Line))
    assert "王某" in text and "13800001111" in text and certificate_no in text
    site.pull(kinds.MAIL_TRACKING, request, {"tracking_no": "EMS1234567890", "carrier": "EMS"})
    row = site.store.read("SELECT * FROM mail_requests WHERE id = ?", (request,))[0]
    assert (row["state"], row["tracking_no"]) == ("shipped", "EMS1234567890")
    assert site.store.read("SELECT state FROM certificates WHERE unit_code = ?", (single,))[0]["state"] == "mailed"
    raw = site.store.path.read_bytes() + (site.store.path.parent / (site.store.path.name + "-wal")).read_bytes()
    assert "13800001111".encode() not in raw and "金水区".encode() not in raw


def at(site: Kiosk, moment: dt.datetime) -> Context:
    return dataclasses.replace(site.ctx, clock=lambda: moment)


def test_login_lockout_and_recovery(site: Kiosk) -> None:
    pin = "135790"
    with site.store.unit_of_work("test") as uow:
        staff.add_staff(uow, "S900", name="测试员", role="staff", cert_no="JX-900",
                        cert_expires=dt.date(2027, 1, 1), pin=pin)
    site.clock.now = NOW
    for attempt in range(4):
        with pytest.raises(AuthError, match="wrong PIN") as err:
            staff.login(site.ctx, "S900", "000000")
        assert err.value.code == "wrong_pin"
    with pytest.raises(AuthError, match="locked") as err:
        staff.login(site.ctx, "S900", "000000")
    assert err.value.code == "locked_out"
    site.clock.now = NOW + dt.timedelta(minutes=14)
    with pytest.raises(AuthError, match="locked"):
        staff.login(site.ctx, "S900", pin)
    site.clock.now = NOW + dt.timedelta(minutes=16)
    actor = staff.login(site.ctx, "S900", pin)
    assert actor.label == "staff:S900"
    # The certification runs through 2027-01-01 in the county: 2026-12-31 16:30 UTC is already
    # 00:30 on 2027-01-01 there (still valid), 16:00 UTC on 2027-01-01 is the next county day.
    site.clock.now = dt.datetime(2026, 12, 31, 16, 30, tzinfo=dt.timezone.utc)
    assert staff.login(site.ctx, "S900", pin).label == "staff:S900"
    site.clock.now = dt.datetime(2027, 1, 1, 16, 0, tzinfo=dt.timezone.utc)
    with pytest.raises(AuthError, match="expired"):
        staff.login(site.ctx, "S900", pin)
    site.clock.now = NOW
    with pytest.raises(AuthError) as err:
        staff.login(site.ctx, "NOBODY", pin)
    assert err.value.code == "unknown_staff"
    with pytest.raises(ValidationError, match="6 to 12 digits"):
        staff.hash_pin("12ab")
    assert site.store.read("SELECT pin_hash FROM staff WHERE id = 'S900'")[0]["pin_hash"].startswith("scrypt$")


def test_print_failure_keeps_the_job_and_reprint_is_audited(site: Kiosk, single: str) -> None:
    with site.store.unit_of_work("staff:x") as uow:
        job = printing.create_job(uow, "payment_receipt", single, {"total_fen": 8000})
    printing.mark_result(site.ctx, site.staff, job, "paper out")
    pending = {j["id"]: j for j in printing.pending_jobs(site.store)}
    assert pending[job]["state"] == "failed" and pending[job]["last_error"] == "paper out"
    with pytest.raises(ValidationError, match="reason") as err:
        printing.request_reprint(site.ctx, site.staff, job, " ")
    assert err.value.code == "reason_required"
    printing.request_reprint(site.ctx, site.staff, job, "换纸后重打")
    printing.mark_result(site.ctx, site.staff, job, None)
    assert job not in {j["id"] for j in printing.pending_jobs(site.store)}
    assert printing.job_body(site.store, job) == {"total_fen": 8000}
    assert [r["action"] for r in site.store.read("SELECT action FROM audit WHERE subject = ?", (job,))] == \
        ["print.failed", "print.reprint", "print.done"]


def test_unknown_item_kind_is_refused_not_dropped(site: Kiosk) -> None:
    with pytest.raises(FlowError, match="does not know") as err:
        site.pull("weather.report", "x", {})
    assert err.value.code == "unknown_kind"


def test_registration_request_needs_filing_and_payment_and_is_sent_once(site: Kiosk, single: str) -> None:
    from kiosk.services import registration

    site.approve_project(project_of(site, single))
    with pytest.raises(CheckFailed) as err:
        registration.request_registration(site.ctx, site.staff, single)
    assert err.value.code == "contract_not_filed"
    site.file_contract(single)
    with pytest.raises(CheckFailed) as err:
        registration.request_registration(site.ctx, site.staff, single)
    assert err.value.code == "unpaid"
    site.pay(single)
    registration.request_registration(site.ctx, site.staff, single)
    assert len(outbox(site, kinds.REGISTRATION_REQUESTED)) == 1
    with pytest.raises(FlowError) as err:
        registration.request_registration(site.ctx, site.staff, single)
    assert err.value.code == "already_requested"


def test_violation_is_recorded_and_pushed(site: Kiosk, single: str) -> None:
    from kiosk.services import credit

    uscc = site.store.read("SELECT developer_uscc FROM projects LIMIT 1")[0]["developer_uscc"]
    with pytest.raises(ValidationError, match="unknown violation"):
        credit.record_violation(site.ctx, site.staff, uscc, "rudeness", "x")
    with pytest.raises(ValidationError, match="describe"):
        credit.record_violation(site.ctx, site.staff, uscc, "late_handover", " ")
    credit.record_violation(site.ctx, site.staff, uscc, "late_handover", "约定交房日逾期30天", unit_code=single)
    pushed = outbox(site, kinds.VIOLATION_RECORDED)
    assert len(pushed) == 1 and pushed[0]["subject"] == uscc
