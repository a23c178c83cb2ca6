"""Queue: ready, in handover and blocked cases grouped by reason; search by each key; masking;
agreement with the supervision ledger and with the refusals of the handover and registration."""

from __future__ import annotations

from typing import Any

import pytest

from sync.wire import kinds
from kiosk.errors import CheckFailed
from kiosk.services import contracts, handover, payments, registration
from kiosk.services.gates import CASE_CHECKS, handover_gates
from kiosk.services.supervision import BLOCK_REASONS, supervision_report
from kiosk.views.queue import Queue, QueueRow, queue

from .conftest import strings


def units_of(site: Any, project: str) -> list[str]:
    return [r["code"] for r in site.store.read(
        "SELECT code FROM units WHERE project_id = ? AND use = 'residential' ORDER BY code", (project,))]


def cert_no(n: int) -> str:
    return f"豫(2026)郏县不动产权第{n:07d}号"


@pytest.fixture
def board(site: Any) -> dict[str, str]:
    """One real case at each stage in project JX-LSHY; JX-WMJ stays without first registration."""
    site.approve_project("JX-LSHY")
    u = units_of(site, "JX-LSHY")
    names = ["contract", "unpaid", "not_registered", "requested", "keys", "ready", "busy", "delivered", "signed"]
    c = dict(zip(names, u))
    site.sign_contract(c["signed"])                      # signed, not filed: still contract_not_filed
    site.file_contract(c["unpaid"])
    payments.create_order(site.ctx, site.staff, c["unpaid"])
    for n, name in enumerate(("not_registered", "requested", "keys", "ready", "busy", "delivered")):
        site.file_contract(c[name])
        site.pay(c[name])
        if name != "not_registered":
            registration.request_registration(site.ctx, site.staff, c[name])
        if name not in ("not_registered", "requested"):
            site.register(c[name], number=cert_no(101 + n))
        if name not in ("not_registered", "requested", "keys"):
            handover.mark_keys_ready(site.ctx, site.staff, c[name])
    site.start_all_present(c["busy"])
    case = site.start_all_present(c["delivered"])
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    handover.issue_receipt(site.ctx, site.staff, case)
    handover.hand_keys(site.ctx, site.staff, case)
    handover.deliver(site.ctx, site.staff, case)
    c["other_project"] = units_of(site, "JX-WMJ")[0]
    return c


def group(q: Queue, check: str) -> list[str]:
    found = [g for g in q.blocked if g.check == check]
    return [r.unit_code for r in found[0].rows] if found else []


def test_cases_grouped_by_first_failed_gate(site: Any, board: dict[str, str]) -> None:
    before = site.store.conn.total_changes
    q = queue(site.ctx)
    assert site.store.conn.total_changes == before
    total = site.store.read("SELECT count(*) AS n FROM units")[0]["n"]
    assert q.total == total and q.delivered == 1 and q.search is None and q.matched_by == ()
    assert [r.unit_code for r in q.ready] == [board["ready"]]
    assert [r.unit_code for r in q.in_handover] == [board["busy"]]
    assert q.in_handover[0].handover_state == "open"
    assert [g.check for g in q.blocked] == [c for c in CASE_CHECKS if c != "developer_restricted"], \
        "groups in the gates' order, empty ones left out"
    assert board["other_project"] in group(q, "project_not_eligible")
    assert board["contract"] in group(q, "contract_not_filed") and board["signed"] in group(q, "contract_not_filed")
    assert group(q, "unpaid") == [board["unpaid"]]
    assert sorted(group(q, "not_registered")) == sorted([board["not_registered"], board["requested"]])
    assert group(q, "keys_not_ready") == [board["keys"]]
    listed = [r.unit_code for g in q.blocked for r in g.rows] + [r.unit_code for r in q.ready + q.in_handover]
    assert len(listed) == len(set(listed)) == total - 1, "every case once, the delivered one only counted"
    unpaid = next(g for g in q.blocked if g.check == "unpaid")
    assert unpaid.label == "缴费未确认"
    row = unpaid.rows[0]
    assert row.code == "unpaid" and "缴费码" in row.next_action and row.reason
    requested = next(r for r in next(g for g in q.blocked if g.check == "not_registered").rows
                     if r.unit_code == board["requested"])
    assert "已于" in requested.reason


def test_restricted_developer_group_and_training_cases(site: Any, board: dict[str, str]) -> None:
    uscc = site.store.read("SELECT developer_uscc FROM projects WHERE id = 'JX-LSHY'")[0]["developer_uscc"]
    site.pull(kinds.RESTRICTION_SET, uscc, {"reason": "违规预售", "since": "2026-01-01"})
    q = queue(site.ctx)
    assert q.ready == () and group(q, "developer_restricted") == sorted([board["keys"], board["ready"]])
    assert group(q, "keys_not_ready") == [], "the restriction is checked before the keys"
    assert group(q, "unpaid") == [board["unpaid"]], "an earlier failure still comes first"
    assert not any(r.training for g in q.blocked for r in g.rows)
    assert queue(site.ctx, include_training=True).total == q.total, "no training data on this kiosk yet"


def test_search_by_each_key(site: Any, board: dict[str, str]) -> None:
    ready = board["ready"]
    by_code = queue(site.ctx, ready)
    assert [r.unit_code for r in by_code.ready] == [ready] and by_code.matched_by == ("unit_code",)
    assert by_code.total == 1 and by_code.search == ready
    part = queue(site.ctx, ready[-8:].lower())
    assert ready in [r.unit_code for r in part.ready] and part.total >= 1
    number = site.store.read("SELECT certificate_no FROM certificates WHERE unit_code = ?", (ready,))[0]["certificate_no"]
    by_cert = queue(site.ctx, number)
    assert [r.unit_code for r in by_cert.ready] == [ready] and by_cert.matched_by == ("certificate_no",)
    assert by_cert.ready[0].certificate_no == number
    spaced = queue(site.ctx, " " + number.replace("(", "（").replace(")", "）") + " ")
    assert [r.unit_code for r in spaced.ready] == [ready], "full-width brackets and spaces are folded"
    owner = site.buyers(ready)[0]
    by_id = queue(site.ctx, owner.id_number)
    assert [r.unit_code for r in by_id.ready] == [ready] and by_id.matched_by == ("id_number",)
    assert by_id.search == owner.id_masked and owner.id_number not in repr(by_id)
    assert owner.id_number[6:8] == "19", "the sample owner was born in the 1900s"
    legacy = owner.id_number[:6] + owner.id_number[8:17]
    by_old = queue(site.ctx, legacy)
    assert [r.unit_code for r in by_old.ready] == [ready], "an old 15-digit number matches old records"
    assert by_old.search == owner.id_number[:6] + "*****" + legacy[-4:] and legacy not in repr(by_old)
    couple = next(u for u in board.values() if len(site.buyers(u)) == 2)
    co_owner = site.buyers(couple)[1]
    assert queue(site.ctx, co_owner.id_number).total == 1
    delivered = queue(site.ctx, board["delivered"])
    assert (delivered.total, delivered.delivered, delivered.ready) == (1, 1, ())


def test_search_without_a_match(site: Any, board: dict[str, str]) -> None:
    stranger = "410425198001010019"
    for text in (stranger, "ZZZZ-NO-SUCH", "410425001003GB99999F99999999"):
        q = queue(site.ctx, text)
        assert (q.total, q.ready, q.blocked, q.in_handover, q.matched_by) == (0, (), (), (), ())
    assert queue(site.ctx, stranger).search == "410425********0019", "an ID number is echoed masked"
    assert queue(site.ctx, "12").total == 0, "too short a part matches nothing rather than everything"
    assert queue(site.ctx, "   ").total == queue(site.ctx).total


def test_rows_hold_masked_names_and_numbers_only(site: Any, board: dict[str, str]) -> None:
    q = queue(site.ctx)
    rows: list[QueueRow] = [r for g in q.blocked for r in g.rows] + list(q.ready + q.in_handover)
    text = "\n".join(strings(q))
    for row in rows:
        for buyer in site.buyers(row.unit_code):
            assert buyer.id_number not in text and buyer.name not in text and buyer.phone not in text
            assert any(h.startswith(buyer.name[0]) and buyer.id_masked in h for h in row.holders)


def test_queue_ledger_and_refusals_agree(site: Any, board: dict[str, str]) -> None:
    """The queue, the supervision ledger, the handover and the registration request judge alike."""
    q = queue(site.ctx)
    ledger = supervision_report(site.ctx)["totals"]["blocked"]
    for reason in BLOCK_REASONS:
        assert ledger[reason] == len(group(q, reason)), reason
    assert set(BLOCK_REASONS) == set(CASE_CHECKS) - {"project_not_eligible"}
    for g in q.blocked:
        for row in g.rows:
            first = next(x for x in handover_gates(site.ctx, row.unit_code) if not x.passed)
            assert (first.check, first.code) == (g.check, row.code)
            if g.check in ("contract_not_filed", "unpaid"):
                with pytest.raises(CheckFailed) as err:
                    registration.request_registration(site.ctx, site.staff, row.unit_code)
                assert (err.value.code, err.value.hint) == (first.code, first.hint)
    with pytest.raises(CheckFailed) as err:
        handover.start(site.ctx, site.staff, board["other_project"])
    assert err.value.code == "project_not_eligible"
    for name in ("keys", "ready"):
        case = site.start_all_present(board[name])
        gates = handover_gates(site.ctx, board[name], covered=[b.id for b in site.buyers(board[name])])
        if name == "ready":
            assert all(g.passed for g in gates)
            handover.check(site.ctx, site.staff, case)
            continue
        with pytest.raises(CheckFailed) as err:
            handover.check(site.ctx, site.staff, case)
        failed = next(g for g in gates if not g.passed)
        assert (err.value.code, err.value.message, err.value.hint) == (failed.code, failed.message, failed.hint)


def test_contracts_of_two_versions_count_once(site: Any, board: dict[str, str]) -> None:
    contract = site.store.read("SELECT id FROM contracts WHERE unit_code = ?", (board["signed"],))[0]["id"]
    contracts.correct(site.ctx, site.staff, contract, "价格录入错误，更正")
    q = queue(site.ctx)
    assert group(q, "contract_not_filed").count(board["signed"]) == 1
