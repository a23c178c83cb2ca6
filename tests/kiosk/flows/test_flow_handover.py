"""Handover with certificate: the happy path and every refusal, in the order the checks run."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kiosk import audit
from sync.wire import kinds
from kiosk.errors import AuthError, CheckFailed, FlowError, IllegalTransition, ValidationError
from kiosk.rules.idcard import make_check_char
from kiosk.services import credit, handover
from kiosk.services.printing import job_body, pending_jobs

from .conftest import Kiosk


def deliver_all(site: Kiosk, case: str, **bind: object) -> None:
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    handover.bind_certificate(site.ctx, site.staff, case, **(bind or {"print_on_stock": True}))
    handover.issue_receipt(site.ctx, site.staff, case)
    handover.hand_keys(site.ctx, site.staff, case)
    handover.deliver(site.ctx, site.staff, case)


def outbox_kinds(site: Kiosk) -> list[str]:
    return [r["kind"] for r in site.store.read("SELECT kind FROM outbox ORDER BY seq")]


def test_happy_path_with_co_owners(site: Kiosk, couple: str) -> None:
    site.ready(couple)
    case = site.start_all_present(couple)
    deliver_all(site, case)
    row = handover.get(site.store, case)
    assert row["state"] == "delivered" and len(row["present"]) == 2
    cert = site.store.read("SELECT * FROM certificates WHERE unit_code = ?", (couple,))[0]
    assert cert["state"] == "delivered" and cert["serial"]
    assert site.store.read("SELECT state FROM certificate_stock WHERE serial = ?", (cert["serial"],))[0]["state"] == "used"
    assert site.store.read("SELECT count(*) AS n FROM signatures WHERE document_id = ?", (case,))[0]["n"] == 4
    receipt = [j for j in pending_jobs(site.store) if j["kind"] == "handover_receipt"][0]
    body = job_body(site.store, receipt["id"])
    assert body["e_cert_qr"] == "ECERT-TOKEN-1" and body["certificate_no"] == cert["certificate_no"]
    assert all("*" in b["id_masked"] for b in body["buyers"])
    assert kinds.HANDOVER_DELIVERED in outbox_kinds(site)
    assert audit.verify(site.store.conn).ok


REGISTER = {"right_type": "国有建设用地使用权/房屋所有权", "right_nature": "出让/市场化商品房",
            "use": "城镇住宅用地/住宅", "term": "2095年06月30日止", "ownership": "共同共有",
            "other": ["专有建筑面积 76.20㎡", "分摊建筑面积 13.30㎡"], "registered_on": "2026-11-28"}


def test_the_certificate_job_carries_the_register_entries_and_what_the_kiosk_knows(
        site: Kiosk, couple: str, single: str) -> None:
    site.ready(couple, number="豫(2026)郏县不动产权第0000101号", entries=REGISTER)
    site.ready(single, number="豫(2026)郏县不动产权第0000102号")
    for unit in (couple, single):
        deliver_all(site, site.start_all_present(unit))
    bodies = {j["subject"]: job_body(site.store, j["id"]) for j in pending_jobs(site.store)
              if j["kind"] == "certificate"}
    unit = site.store.read("SELECT u.*, p.name AS project, p.address FROM units u JOIN projects p "
                           "ON p.id = u.project_id WHERE u.code = ?", (couple,))[0]
    body = bodies[couple]
    cert = site.store.read("SELECT * FROM certificates WHERE unit_code = ?", (couple,))[0]
    assert (body["certificate_no"], body["serial"], body["unit_code"]) == (cert["certificate_no"], cert["serial"], couple)
    buyers = site.store.read("SELECT id_masked FROM buyers WHERE unit_code = ? ORDER BY position", (couple,))
    assert [h["id_number"][:6] + "********" + h["id_number"][-4:] for h in body["holders"]] == \
        [b["id_masked"] for b in buyers]
    assert len(body["holders"]) == 2 and all(h["name"] for h in body["holders"])
    assert body["location"].startswith(unit["address"]) and unit["project"] in body["location"]
    assert body["location"].endswith("室")
    area = unit["area_centi_m2"]
    assert body["area"] == f"房屋建筑面积 {area // 100}.{area % 100:02d}㎡"
    # The registration office's entries win, the use included.
    assert {k: body[k] for k in REGISTER} == REGISTER
    # A platform that sends no register: what the kiosk knows, the rest empty, never guessed.
    plain = bodies[single]
    assert (plain["ownership"], plain["use"]) == ("单独所有", "住宅")
    assert (plain["right_type"], plain["right_nature"], plain["term"], plain["other"], plain["registered_on"]) == \
        ("", "", "", [], None)


@pytest.mark.parametrize("entries, problem", [
    ("flat", "is not an object"),
    ({"right_type": "x" * 65}, "'right_type' must be one line"),
    ({"term": "2095年\n06月30日止"}, "'term' must be one line"),
    ({"other": ["a"] * 9}, "'other' must be at most 8 lines"),
    ({"registered_on": "2026-02-30"}, "'registered_on' '2026-02-30' is not a date"),
    ({"seal": "郏县自然资源局"}, "unknown entries \\['seal'\\]"),
])
def test_a_malformed_register_is_refused_whole(site: Kiosk, single: str, entries: object, problem: str) -> None:
    project = site.store.read("SELECT project_id FROM units WHERE code = ?", (single,))[0]["project_id"]
    site.approve_project(project)
    site.file_contract(single)
    site.pay(single)
    with pytest.raises(FlowError, match=problem) as err:
        site.register(single, entries=entries)  # type: ignore[arg-type]
    assert err.value.code == "bad_item" and "kinds.py" in (err.value.hint or "")
    assert site.store.read("SELECT count(*) AS n FROM certificates WHERE unit_code = ?", (single,))[0]["n"] == 0


def test_bind_preprinted_certificate_by_scan(site: Kiosk, single: str) -> None:
    site.ready(single, serial="HN-PRE-0001")
    case = site.start_all_present(single)
    scanned = json.dumps({"serial": "HN-PRE-0001", "certificate_no": "豫（2026）郏县不动产权第0000101号"},
                         ensure_ascii=False)
    deliver_all(site, case, scanned=scanned)
    assert handover.get(site.store, case)["state"] == "delivered"


def test_wrong_preprinted_paper_is_refused(site: Kiosk, single: str) -> None:
    site.ready(single, serial="HN-PRE-0001")
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    with pytest.raises(FlowError, match="wrong certificate paper"):
        handover.bind_certificate(site.ctx, site.staff, case, typed_serial="HN-PRE-0002")
    assert handover.get(site.store, case)["state"] == "signed"


def test_serial_already_used_is_refused(site: Kiosk) -> None:
    first, second = [u for u in _units(site)][:2]
    for unit in (first, second):
        site.ready(unit, number=f"豫(2026)郏县不动产权第000{first == unit and 1 or 2}101号")
    case = site.start_all_present(first)
    deliver_all(site, case, typed_serial="PRE-777")
    other = site.start_all_present(second)
    handover.check(site.ctx, site.staff, other)
    site.sign_papers(other)
    with pytest.raises(FlowError, match="already used") as err:
        handover.bind_certificate(site.ctx, site.staff, other, typed_serial="PRE-777")
    assert err.value.code == "serial_used"


def _units(site: Kiosk) -> list[str]:
    return [r["code"] for r in site.store.read(
        "SELECT code FROM units WHERE use = 'residential' ORDER BY code")]


def test_wrong_person_is_refused(site: Kiosk, single: str) -> None:
    site.ready(single)
    case = handover.start(site.ctx, site.staff, single)
    stranger = "41042519800101001"
    stranger += make_check_char(stranger)
    with pytest.raises(CheckFailed, match="not a holder") as err:
        handover.identify(site.ctx, site.staff, case, method="typed", value=stranger)
    assert err.value.code == "wrong_person" and stranger not in str(err.value)


def test_missing_co_owner_then_agent(site: Kiosk, couple: str) -> None:
    site.ready(couple)
    owner, co_owner = site.buyers(couple)
    case = handover.start(site.ctx, site.staff, couple)
    handover.identify(site.ctx, site.staff, case, method="card", value=owner.id_number)
    with pytest.raises(CheckFailed, match="not every holder") as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == "holder_missing" and co_owner.id_number not in str(err.value)
    agent = "41042219850505002"
    agent += make_check_char(agent)
    with pytest.raises(CheckFailed, match="authorisation"):
        handover.register_agent(site.ctx, site.staff, case, agent_id_number=agent, authorisation_no=" ",
                                for_buyers=[co_owner.id])
    handover.register_agent(site.ctx, site.staff, case, agent_id_number=agent,
                            authorisation_no="(2026)郏证字第88号", for_buyers=[co_owner.id])
    deliver_all(site, case)
    assert handover.get(site.store, case)["agent_masked"].startswith("410422")


def test_identification_by_eid_qr_and_bad_qr(site: Kiosk, single: str) -> None:
    site.ready(single)
    buyer = site.buyers(single)[0]
    case = handover.start(site.ctx, site.staff, single)
    with pytest.raises(ValidationError, match="does not carry one identity number"):
        handover.identify(site.ctx, site.staff, case, method="eid_qr", value="https://example.invalid/x")
    got = handover.identify(site.ctx, site.staff, case, method="eid_qr", value=f"CTID:{buyer.id_number}:T")
    assert got.id == buyer.id


@pytest.mark.parametrize("missing, code", [
    ("registration", "not_registered"),
    ("payment", "unpaid"),
    ("contract", "contract_not_filed"),
    ("keys", "keys_not_ready"),
])
def test_each_check_stops_with_its_reason(site: Kiosk, single: str, missing: str, code: str) -> None:
    project = site.store.read("SELECT project_id FROM units WHERE code = ?", (single,))[0]["project_id"]
    site.approve_project(project)
    if missing != "contract":
        site.file_contract(single)
    if missing != "payment":
        site.pay(single)
    if missing != "registration":
        site.register(single)
    if missing != "keys":
        handover.mark_keys_ready(site.ctx, site.staff, single)
    case = site.start_all_present(single)
    with pytest.raises(CheckFailed) as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == code and err.value.hint
    assert handover.get(site.store, case)["state"] == "open"


def test_unpaid_item_is_named(site: Kiosk, single: str) -> None:
    project = site.store.read("SELECT project_id FROM units WHERE code = ?", (single,))[0]["project_id"]
    site.approve_project(project)
    site.file_contract(single)
    site.register(single)
    handover.mark_keys_ready(site.ctx, site.staff, single)
    from kiosk.services import payments
    order = payments.create_order(site.ctx, site.staff, single)
    first = site.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ? ORDER BY payee",
                            (order,))[0]
    site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": first["payee"], "amount_fen": first["amount_fen"],
                                               "channel_serial": "C1", "receipt_no": "R1"})
    case = site.start_all_present(single)
    with pytest.raises(CheckFailed, match="not yet confirmed") as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == "unpaid"


def test_restricted_developer_without_and_with_override(site: Kiosk, single: str) -> None:
    site.ready(single)
    uscc = site.store.read("SELECT p.developer_uscc FROM units u JOIN projects p ON p.id = u.project_id "
                           "WHERE u.code = ?", (single,))[0]["developer_uscc"]
    site.pull(kinds.RESTRICTION_SET, uscc, {"reason": "拖欠农民工工资", "since": "2026-01-01"})
    case = site.start_all_present(single)
    with pytest.raises(CheckFailed, match="restriction list") as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == "developer_restricted"
    with pytest.raises(AuthError, match="supervisor"):
        credit.override(site.ctx, site.staff, single, "购房人已全额付款，经研究同意交付")
    with pytest.raises(ValidationError, match="written reason"):
        credit.override(site.ctx, site.supervisor, single, "ok")
    credit.override(site.ctx, site.supervisor, single, "购房人已全额付款，经研究同意交付")
    deliver_all(site, case)
    assert kinds.RESTRICTION_OVERRIDDEN in outbox_kinds(site)


def test_restriction_arriving_before_delivery_stops_it(site: Kiosk, single: str) -> None:
    site.ready(single)
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    handover.issue_receipt(site.ctx, site.staff, case)
    handover.hand_keys(site.ctx, site.staff, case)
    uscc = site.store.read("SELECT developer_uscc FROM projects")[0]["developer_uscc"]
    site.pull(kinds.RESTRICTION_SET, uscc, {"reason": "违规预售", "since": "2026-01-01"})
    with pytest.raises(CheckFailed) as err:
        handover.deliver(site.ctx, site.staff, case)
    assert err.value.code == "developer_restricted"
    assert handover.get(site.store, case)["state"] == "keys_handed"
    site.pull(kinds.RESTRICTION_LIFTED, uscc, {"reason": "整改完成"})
    handover.deliver(site.ctx, site.staff, case)


def test_double_delivery_and_illegal_steps(site: Kiosk, single: str) -> None:
    site.ready(single)
    case = site.start_all_present(single)
    with pytest.raises(IllegalTransition, match="cannot 'sign' while the case is 'open'"):
        site.sign_papers(case)
    with pytest.raises(IllegalTransition, match="'deliver'"):
        handover.deliver(site.ctx, site.staff, case)
    deliver_all(site, case)
    with pytest.raises(IllegalTransition, match="cannot 'deliver' while the case is 'delivered'"):
        handover.deliver(site.ctx, site.staff, case)
    with pytest.raises(FlowError, match="already has handover") as err:
        handover.start(site.ctx, site.staff, single)
    assert err.value.code == "handover_exists"


def test_every_present_buyer_signs_both_papers(site: Kiosk, couple: str) -> None:
    site.ready(couple)
    case = site.start_all_present(couple)
    handover.check(site.ctx, site.staff, case)
    owner, other = site.buyers(couple)
    with pytest.raises(CheckFailed, match="not signed"):
        site.sign_papers(case, signers=[owner.id])
    papers = handover.documents(site.ctx, handover.get(site.store, case))
    from kiosk.services.signatures import document_hash, sample_bundle
    wrong = {b.id: {"handover": sample_bundle(document_hash("another paper")),
                    "receipt": sample_bundle(document_hash(papers["receipt"]))} for b in (owner, other)}
    with pytest.raises(ValidationError, match="another document"):
        handover.sign(site.ctx, site.staff, case, wrong)
    assert site.store.read("SELECT count(*) AS n FROM signatures WHERE document_id = ?", (case,))[0]["n"] == 0


def test_expired_staff_cannot_act(site: Kiosk, single: str) -> None:
    site.ready(single)
    with site.store.unit_of_work("test") as uow:
        uow.update("staff", {"id": site.staff.id}, {"cert_expires": "2026-11-19"})
        uow.log("test.expire", site.staff.id)
    with pytest.raises(AuthError, match="expired") as err:
        handover.start(site.ctx, site.staff, single)
    assert err.value.code == "certificate_expired"


def test_stale_master_data_stops_new_real_handovers(site: Kiosk, single: str) -> None:
    site.ready(single)
    site.clock.now += dt.timedelta(hours=100)
    with pytest.raises(CheckFailed) as err:
        handover.start(site.ctx, site.staff, single)
    assert err.value.code == "master_data_stale"


def test_training_approval_cannot_make_a_real_case_deliverable(site: Kiosk, single: str) -> None:
    with pytest.raises(FlowError, match="training") as err:
        site.pull(kinds.REGISTRATION_RECORDED, single, {"certificate_no": "豫(2026)郏县不动产权第0000009号"},
                  training=True)
    assert err.value.code == "training_scope"
    assert site.store.read("SELECT count(*) AS n FROM certificates")[0]["n"] == 0


def test_project_not_yet_eligible(site: Kiosk, single: str) -> None:
    with pytest.raises(CheckFailed, match="not yet registered") as err:
        handover.start(site.ctx, site.staff, single)
    assert err.value.code == "project_not_eligible"


def test_certificate_row_without_a_signed_approval_is_not_handed_over(site: Kiosk, single: str) -> None:
    site.ready(single)
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    with site.store.unit_of_work("intruder") as uow:
        uow.execute("UPDATE certificates SET certificate_no = '豫(2026)郏县不动产权第9999999号' WHERE unit_code = ?",
                    (single,))
        uow.log("tamper", single)
    with pytest.raises(CheckFailed) as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == "unverified_certificate"


def test_approval_signed_by_another_key_does_not_back_the_certificate(site: Kiosk, single: str) -> None:
    from sync import wire

    site.platform = wire.KeyPair.generate()
    site.ready(single)
    case = site.start_all_present(single)
    with pytest.raises(CheckFailed) as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == "unverified_certificate"
