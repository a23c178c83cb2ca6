"""CaseOverview at every stage of a real case, blocked cases of each reason, search by buyer, masking."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import pytest

from sync.wire import kinds
from kiosk.errors import FlowError, ValidationError
from kiosk.rules.idcard import make_check_char
from kiosk.services import contracts, credit, handover, payments, registration
from kiosk.services.signatures import sample_bundle
from kiosk.views.case import CaseOverview, case_overview, cases_for_buyer

from .conftest import dataclasses_in, strings

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def project_of(site: Any, unit: str) -> str:
    return str(site.store.read("SELECT project_id FROM units WHERE code = ?", (unit,))[0]["project_id"])


def codes(view: CaseOverview) -> list[str]:
    return [m.code for m in view.missing]


def secrets(site: Any) -> list[str]:
    """Every buyer's full ID number, phone and address on this kiosk."""
    from kiosk.masterdata import buyers_of_unit
    out = []
    for row in site.store.read("SELECT code FROM units"):
        for buyer in buyers_of_unit(site.store, row["code"]):
            out += [secret for secret in (buyer.id_number, buyer.phone, buyer.address) if secret]
    assert len(out) > 100
    return out


def assert_safe(site: Any, view: Any) -> None:
    """No full ID number, phone or address of anyone anywhere in the view, nor in its repr."""
    text = "\n".join(strings(view) + [repr(view)])
    leaked = [s[:4] for s in secrets(site) if s in text]
    assert not leaked, f"leaked: {leaked}"


def check_missing_texts(view: CaseOverview) -> None:
    for m in view.missing:
        assert m.code and CHINESE.search(m.reason) and CHINESE.search(m.next_action) and m.detail, m


def test_every_stage_of_a_case(site: Any, single: str) -> None:
    seen: list[tuple[str, list[str]]] = []

    def look() -> CaseOverview:
        before = site.store.conn.total_changes
        view = case_overview(site.ctx, single)
        assert site.store.conn.total_changes == before, "building a view only reads"
        assert_safe(site, view)
        check_missing_texts(view)
        seen.append((view.stage, codes(view)))
        return view

    view = look()
    assert view.stage == "blocked" and codes(view)[0] == "project_not_eligible"
    assert codes(view) == ["project_not_eligible", "contract_not_filed", "unpaid", "not_registered",
                           "keys_not_ready"], "every failed gate, in the gates' order"
    assert [g.check for g in view.gates] == ["project_not_eligible", "contract_not_filed", "unpaid",
                                              "not_registered", "developer_restricted", "keys_not_ready"]
    assert view.contract is None and view.order is None and view.handover is None
    assert view.registration.certificate_no is None and view.registration.requested_at is None
    [owner] = view.holders
    assert owner.name == site.buyers(single)[0].name and owner.name_masked.startswith(owner.name[0])
    assert "*" in owner.id_masked and owner.role == "owner" and owner.role_label == "买受人"

    site.approve_project(project_of(site, single))
    assert codes(look())[0] == "contract_not_filed"

    contract = contracts.draft(site.ctx, site.staff, single)
    doc = contracts.get(site.store, contract)["doc_hash"]
    view = look()
    assert (view.contract and view.contract.state, view.contract and view.contract.version) == ("draft", 1)
    contracts.sign(site.ctx, site.staff, contract, {b.id: sample_bundle(doc, seed=b.id) for b in site.buyers(single)})
    view = look()
    assert view.contract is not None and view.contract.state == "signed" and view.contract.doc_hash == doc
    assert codes(view)[0] == "contract_awaiting_filing", "signed: the buyer is not sent back to sign again"
    assert view.gates[1].check == "contract_not_filed" and "已签署" in view.missing[0].reason
    assert "无需操作" in view.missing[0].next_action
    site.pull(kinds.CONTRACT_FILED, contract, {"filing_no": "BA-2026-0042"})
    view = look()
    assert view.contract is not None and (view.contract.state, view.contract.filing_no) == ("filed", "BA-2026-0042")
    assert codes(view)[0] == "unpaid" and "缴费单" in view.missing[0].reason

    order = payments.create_order(site.ctx, site.staff, single)
    view = look()
    assert view.order is not None and view.order.order_id == order and len(view.order.items) >= 2
    assert view.order.payment_code in view.missing[0].next_action
    assert {i.state for i in view.order.items} == {"due"}
    first = view.order.items[0]
    site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": first.payee, "amount_fen": first.amount_fen,
                                               "channel_serial": "CH-1", "receipt_no": "R1"})
    view = look()
    assert view.order is not None and [i.state for i in view.order.items][0] == "confirmed"
    assert codes(view)[0] == "unpaid" and first.payee_name not in view.missing[0].reason
    for item in view.order.items[1:]:
        site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": item.payee, "amount_fen": item.amount_fen,
                                                   "channel_serial": f"CH-{item.payee}", "receipt_no": "R2"})
    view = look()
    assert view.order is not None and view.order.all_confirmed and view.order.outstanding_fen == 0
    assert codes(view)[0] == "not_registered" and "申请" in view.missing[0].next_action

    registration.request_registration(site.ctx, site.staff, single)
    view = look()
    assert view.registration.requested_at and codes(view)[0] == "not_registered"
    assert "已于" in view.missing[0].reason
    site.register(single)
    view = look()
    assert view.registration.certificate_no == "豫(2026)郏县不动产权第0000101号"
    assert view.registration.certificate_state == "recorded" and view.registration.e_certificate
    assert codes(view) == ["keys_not_ready"]

    handover.mark_keys_ready(site.ctx, site.staff, single)
    view = look()
    assert (view.stage, codes(view)) == ("ready", ["handover_not_started"])
    assert all(g.passed for g in view.gates)

    case = handover.start(site.ctx, site.staff, single)
    view = look()
    assert view.stage == "in_handover" and view.handover is not None and view.handover.handover_id == case
    assert codes(view) == ["holder_missing", "handover_not_checked"]
    assert owner.id_masked in view.missing[0].reason and owner.name not in view.missing[0].reason
    handover.identify(site.ctx, site.staff, case, method="card", value=site.buyers(single)[0].id_number)
    assert codes(look()) == ["handover_not_checked"]
    handover.check(site.ctx, site.staff, case)
    assert codes(look()) == ["papers_not_signed"]
    site.sign_papers(case)
    assert codes(look()) == ["certificate_not_bound"]
    handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    view = look()
    assert codes(view) == ["receipt_not_issued"] and view.registration.certificate_state == "bound"
    handover.issue_receipt(site.ctx, site.staff, case)
    assert codes(look()) == ["keys_not_handed"]
    handover.hand_keys(site.ctx, site.staff, case)
    assert codes(look()) == ["delivery_not_confirmed"]
    handover.deliver(site.ctx, site.staff, case)
    view = look()
    assert (view.stage, view.missing, view.handover, view.delivered_handover_id) == ("delivered", (), None, case)
    assert view.registration.certificate_state == "delivered" and view.registration.serial
    assert len(seen) == 19


def test_views_are_frozen_and_slotted(site: Any, couple: str) -> None:
    site.ready(couple)
    handover.start(site.ctx, site.staff, couple)
    view = case_overview(site.ctx, couple)
    parts = dataclasses_in(view)
    assert {type(p).__name__ for p in parts} >= {"CaseOverview", "HolderView", "ContractView", "OrderView",
                                                "PaymentItemView", "RegistrationView", "HandoverView", "Gate",
                                                "Missing", "StepView", "HandoverPerson"}
    for part in parts:
        assert not hasattr(part, "__dict__"), type(part).__name__
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(part, dataclasses.fields(part)[0].name, None)
    assert not any(isinstance(v, dict) for p in parts for v in (getattr(p, f.name) for f in dataclasses.fields(p)))


def test_restricted_developer_then_override(site: Any, single: str) -> None:
    site.ready(single)
    uscc = site.store.read("SELECT p.developer_uscc FROM units u JOIN projects p ON p.id = u.project_id "
                           "WHERE u.code = ?", (single,))[0]["developer_uscc"]
    site.pull(kinds.RESTRICTION_SET, uscc, {"reason": "拖欠农民工工资", "since": "2026-01-01"})
    view = case_overview(site.ctx, single)
    assert view.stage == "blocked" and codes(view) == ["developer_restricted"]
    assert "拖欠农民工工资" in view.missing[0].reason and "主管" in view.missing[0].next_action
    credit.override(site.ctx, site.supervisor, single, "购房人已全额付款，经研究同意交付")
    assert codes(case_overview(site.ctx, single)) == ["handover_not_started"]


def test_a_tampered_certificate_is_shown_as_unverified(site: Any, single: str) -> None:
    site.ready(single)
    with site.store.unit_of_work("intruder") as uow:
        uow.execute("UPDATE certificates SET certificate_no = '豫(2026)郏县不动产权第9999999号' WHERE unit_code = ?",
                    (single,))
        uow.log("tamper", single)
    view = case_overview(site.ctx, single)
    assert view.stage == "blocked" and codes(view) == ["unverified_certificate"]
    assert [g.check for g in view.gates if not g.passed] == ["not_registered"]


def test_a_partly_refunded_order_says_so(site: Any, single: str) -> None:
    site.approve_project(project_of(site, single))
    site.file_contract(single)
    order = site.pay(single)
    payee = site.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ? ORDER BY payee",
                            (order,))[0]
    site.pull(kinds.PAYMENT_REFUNDED, order, {"payee": payee["payee"], "amount_fen": payee["amount_fen"],
                                              "channel_serial": f"CH-{payee['payee']}"})
    view = case_overview(site.ctx, single)
    assert codes(view)[0] == "unpaid" and "退款" in view.missing[0].reason
    assert view.order is not None and view.order.state == "refunded"
    assert [i.state for i in view.order.items][0] == "refunded"


def test_couple_with_one_present_names_the_absent_masked(site: Any, couple: str) -> None:
    site.ready(couple)
    owner, other = site.buyers(couple)
    case = handover.start(site.ctx, site.staff, couple)
    handover.identify(site.ctx, site.staff, case, method="card", value=owner.id_number)
    view = case_overview(site.ctx, couple)
    assert codes(view) == ["holder_missing", "handover_not_checked"]
    assert other.id_masked in view.missing[0].reason and owner.id_masked not in view.missing[0].reason
    assert other.name not in view.missing[0].reason
    assert_safe(site, view)


def test_unknown_unit_is_a_clear_error(site: Any) -> None:
    with pytest.raises(FlowError) as err:
        case_overview(site.ctx, "410425001003GB00999F99990101")
    assert err.value.code == "unknown_unit" and err.value.hint


def test_cases_for_buyer_by_id_number(site: Any, single: str, couple: str) -> None:
    owner = site.buyers(single)[0]
    co_owner = site.buyers(couple)[1]
    [view] = cases_for_buyer(site.ctx, owner.id_number)
    assert view.unit_code == single
    assert [v.unit_code for v in cases_for_buyer(site.ctx, co_owner.id_number.lower())] == [couple]
    stranger = "41042519800101001"
    assert cases_for_buyer(site.ctx, stranger + make_check_char(stranger)) == []
    wrong = owner.id_number[:17] + ("0" if owner.id_number[17] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        cases_for_buyer(site.ctx, wrong)
    assert wrong not in str(err.value) and owner.id_number not in str(err.value)


def test_a_buyer_with_two_units_gets_both(site: Any, single: str) -> None:
    owner = site.buyers(single)[0]
    other = next(u for u in site.store.read("SELECT code FROM units WHERE code != ? ORDER BY code", (single,)))
    from kiosk import masterdata
    with site.store.unit_of_work("system:sync") as uow:
        masterdata.add_buyer(uow, other["code"], name=owner.name, id_number=owner.id_number, position=9)
    views = cases_for_buyer(site.ctx, owner.id_number)
    assert sorted(v.unit_code for v in views) == sorted([single, other["code"]])
    assert all(isinstance(v, CaseOverview) for v in views)
    for view in views:
        assert_safe(site, view)
        assert owner.id_number not in json.dumps([s for s in strings(view)], ensure_ascii=False)


def test_the_leak_check_catches_a_planted_number(site: Any, single: str) -> None:
    view = case_overview(site.ctx, single)
    planted = dataclasses.replace(view.holders[0], id_masked=site.buyers(single)[0].id_number)
    with pytest.raises(AssertionError, match="leaked"):
        assert_safe(site, dataclasses.replace(view, holders=(planted,)))
