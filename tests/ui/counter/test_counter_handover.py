"""The whole counter path through the real widgets over a real kiosk, from login to delivered,
and the services' refusals on the way (unpaid, restricted developer with a supervisor override,
an unverified certificate, stale master data, a wrong person)."""

from __future__ import annotations

import datetime as dt

from kiosk.rules.idcard import make_check_char
from kiosk.services import handover, payments
from kiosk.services.printing import pending_jobs
from sync.wire import kinds

from .conftest import Counter, units


def open_queue(counter: Counter) -> None:
    counter.log_in("S001", "246810")
    assert counter.nav.current is counter.queue
    counter.settle()


def find_row(counter: Counter, unit: str, text: str = "") -> None:
    """Search on the keypad: ``text``, else the last digits of the unit code."""
    screen = counter.queue
    counter.click(screen.keypad.clear_key)
    for char in text or unit[-6:]:
        counter.click(screen.keypad.keys[char])
    counter.click(screen.search_button)
    counter.settle()


def identify_everyone(counter: Counter, site: object, unit: str) -> None:
    screen = counter.handover
    for buyer in site.buyers(unit):  # type: ignore[attr-defined]
        counter.type_id(buyer.id_number)
        counter.click(screen.typed_button)
        counter.settle()
        assert not screen.refusal.isVisible(), screen.refusal.detail.text()


def test_login_to_delivered_with_two_co_owners(counter: Counter, site: object) -> None:
    unit = units(site, 2)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    open_queue(counter)
    find_row(counter, unit)
    queue = counter.queue.queue
    assert queue is not None and [r.unit_code for r in queue.ready] == [unit]
    assert "1 个可办理" in counter.queue.summary.text() or "1" in counter.queue.summary.text()
    counter.click(counter.queue.row_buttons[unit])
    counter.settle()
    screen = counter.handover
    assert counter.nav.current is screen and screen.current_page() == "start"
    counter.click(screen.start_button)
    counter.settle()
    assert screen.current_page() == "identify" and screen.handover_id
    assert screen.people.text().count("✘") == 2
    # Where the typed number will stand says whose it is (a lone "-" said nothing).
    assert screen.id_keypad.display.text() == "权利人身份证号"
    counter.click(screen.agent_toggle)
    assert screen.id_keypad.display.text() == "代理人身份证号"
    counter.click(screen.agent_toggle)
    identify_everyone(counter, site, unit)
    assert screen.people.text().count("✔") == 2
    counter.click(screen.to_checks)
    assert screen.current_page() == "checks" and "✘" not in screen.gates_text()
    counter.click(screen.check_button)
    counter.settle()
    assert screen.current_page() == "sign"
    # Each co-owner signs both papers on the screen turned to them.
    for n in range(4):
        assert screen.turn_banner.text() and screen.turn_banner.isVisible()
        assert not screen.queue_button.isVisible()
        counter.sign()
    assert screen.current_page() == "certificate", screen.refusal.detail.text()
    counter.click(screen.bind_stock)
    counter.settle()
    assert screen.current_page() == "receipt"
    counter.click(screen.print_button)
    counter.settle()
    assert screen.current_page() == "keys", screen.receipt_info.text()
    assert not [j for j in pending_jobs(site.store) if j["kind"] == "handover_receipt"]  # type: ignore[attr-defined]
    counter.click(screen.keys_button)
    counter.settle()
    assert screen.current_page() == "deliver"
    counter.click(screen.deliver_button)
    counter.settle()
    assert screen.current_page() == "done" and "不动产权" in screen.done_info.text()
    # One way back to the queue: the page's own button, not a second one above it.
    assert screen.back_to_queue.isVisible() and not screen.queue_button.isVisible()
    row = handover.get(site.store, screen.handover_id)  # type: ignore[attr-defined]
    assert row["state"] == "delivered" and len(row["present"]) == 2
    n = site.store.read("SELECT count(*) AS n FROM signatures WHERE document_id = ?",  # type: ignore[attr-defined]
                        (screen.handover_id,))[0]["n"]
    assert n == 4
    counter.click(screen.back_to_queue)
    counter.settle()
    assert counter.nav.current is counter.queue and counter.queue.queue is not None
    assert counter.queue.queue.delivered == 1


def test_unpaid_case_is_blocked_and_the_checks_say_which_item(counter: Counter, site: object) -> None:
    unit = units(site, 1)[0]
    project = site.store.read("SELECT project_id FROM units WHERE code = ?", (unit,))[0]["project_id"]  # type: ignore[attr-defined]
    site.approve_project(project)  # type: ignore[attr-defined]
    site.file_contract(unit)  # type: ignore[attr-defined]
    order = payments.create_order(site.ctx, site.staff, unit)  # type: ignore[attr-defined]
    site.register(unit)  # type: ignore[attr-defined]
    handover.mark_keys_ready(site.ctx, site.staff, unit)  # type: ignore[attr-defined]
    open_queue(counter)
    buyer = site.buyers(unit)[0]  # type: ignore[attr-defined]
    find_row(counter, unit, buyer.id_number)
    queue = counter.queue.queue
    assert queue is not None and not queue.ready and queue.matched_by == ("id_number",)
    assert buyer.id_number not in counter.queue.summary.text() and buyer.id_number[:6] in counter.queue.summary.text()
    assert [(g.check, [r.unit_code for r in g.rows]) for g in queue.blocked] == [("unpaid", [unit])]
    assert unit not in counter.queue.row_buttons  # a blocked case offers no start
    counter.nav.go("handover", unit_code=unit)
    counter.settle()
    screen = counter.handover
    counter.click(screen.start_button)
    counter.settle()
    identify_everyone(counter, site, unit)
    counter.click(screen.to_checks)
    assert "✘" in screen.gates_text()
    counter.click(screen.check_button)
    counter.settle()
    panel = screen.refusal
    assert panel.isVisible() and panel.code == "unpaid" and panel.hint.text()
    assert panel.message.text() == next(g.reason for g in screen.view.gates if g.code == "unpaid")  # type: ignore[union-attr]
    assert screen.current_page() == "checks"
    # The platform's confirmations arrive by sync; the checks page refreshes and the case goes on.
    for item in site.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ?",  # type: ignore[attr-defined]
                                (order,)):
        site.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": item["payee"], "amount_fen": item["amount_fen"],  # type: ignore[attr-defined]
                                                   "channel_serial": f"CH-{item['payee']}", "receipt_no": "R1"})
    counter.ctx.poll()
    counter.settle()
    assert "✘" not in screen.gates_text()
    counter.click(screen.check_button)
    counter.settle()
    assert screen.current_page() == "sign" and not panel.isVisible()


def test_restricted_developer_needs_a_supervisor_and_a_reason(counter: Counter, site: object) -> None:
    unit = units(site, 1)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    uscc = site.store.read("SELECT p.developer_uscc FROM units u JOIN projects p ON p.id = u.project_id "  # type: ignore[attr-defined]
                           "WHERE u.code = ?", (unit,))[0]["developer_uscc"]
    site.pull(kinds.RESTRICTION_SET, uscc, {"reason": "拖欠农民工工资", "since": "2026-01-01"})  # type: ignore[attr-defined]
    open_queue(counter)
    counter.nav.go("handover", unit_code=unit)
    counter.settle()
    screen = counter.handover
    counter.click(screen.start_button)
    counter.settle()
    identify_everyone(counter, site, unit)
    counter.click(screen.to_checks)
    counter.click(screen.check_button)
    counter.settle()
    assert screen.refusal.code == "developer_restricted" and "拖欠农民工工资" in screen.refusal.message.text()
    assert "主管" in screen.refusal.hint.text()
    counter.click(screen.override_toggle)
    counter.settle()
    assert screen.current_page() == "override"
    counter.qtbot.waitUntil(lambda: "S" in screen.sup_keypad.keys and screen.sup_keypad.keys["S"].isVisible())

    def override(staff: str, pin: str, reason: str) -> None:
        counter.click(screen.supervisor_number)
        counter.click(screen.sup_keypad.clear_key)
        for char in staff:
            counter.click(screen.sup_keypad.keys[char])
        counter.click(screen.supervisor_pin)
        for char in pin:
            counter.click(screen.sup_keypad.keys[char])
        screen.override_reason.setText(reason)
        counter.click(screen.override_button)
        counter.settle()

    override("S001", "246810", "购房人已全额付款，经研究同意交付")
    assert screen.refusal.code == "not_permitted" and screen.refusal.hint.text()
    assert screen.supervisor_pin.text() == ""
    override("S003", "000000", "购房人已全额付款，经研究同意交付")
    assert screen.refusal.code == "wrong_pin"
    override("S003", "864200", "ok")
    assert screen.refusal.code == "reason_required"
    override("S003", "864200", "购房人已全额付款，经研究同意交付")
    assert not screen.refusal.isVisible() and "✘" not in screen.gates_text()
    assert not screen.override_toggle.isVisible()
    counter.click(screen.check_button)
    counter.settle()
    assert screen.current_page() == "sign"
    assert site.store.read("SELECT supervisor FROM overrides WHERE unit_code = ?",  # type: ignore[attr-defined]
                           (unit,))[0]["supervisor"] == "supervisor:S003"


def test_unverified_certificate_is_refused_with_its_reason(counter: Counter, site: object) -> None:
    unit = units(site, 1)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    case = site.start_all_present(unit)  # type: ignore[attr-defined]
    with site.store.unit_of_work("intruder") as uow:  # type: ignore[attr-defined]
        uow.execute("UPDATE certificates SET certificate_no = '豫(2026)郏县不动产权第9999999号' WHERE unit_code = ?",
                    (unit,))
        uow.log("tamper", unit)
    open_queue(counter)
    find_row(counter, unit)
    counter.click(counter.queue.row_buttons[unit])  # in a handover: continue it
    counter.settle()
    screen = counter.handover
    assert screen.handover_id == case and screen.current_page() == "identify"
    counter.click(screen.to_checks)
    counter.click(screen.check_button)
    counter.settle()
    panel = screen.refusal
    assert panel.code == "unverified_certificate" and panel.message.text() and panel.hint.text()
    assert handover.get(site.store, case)["state"] == "open"  # type: ignore[attr-defined]


def test_stale_master_data_and_a_stranger_are_refused(counter: Counter, site: object) -> None:
    first, second = units(site, 1)[:2]
    site.ready(first)  # type: ignore[attr-defined]
    site.ready(second, number="豫(2026)郏县不动产权第0000202号")  # type: ignore[attr-defined]
    open_queue(counter)
    counter.nav.go("handover", unit_code=first)
    counter.settle()
    screen = counter.handover
    counter.click(screen.start_button)
    counter.settle()
    stranger = "41042519800101001"
    stranger += make_check_char(stranger)
    counter.type_id(stranger)
    counter.click(screen.typed_button)
    counter.settle()
    assert screen.refusal.code == "wrong_person" and screen.refusal.hint.text()
    assert stranger not in screen.refusal.detail.text() and "✘" in screen.people.text()
    site.clock.now += dt.timedelta(days=60)  # type: ignore[attr-defined]
    counter.nav.go("handover", unit_code=second)
    counter.settle()
    counter.click(screen.start_button)
    counter.settle()
    assert screen.refusal.code == "master_data_stale" and screen.refusal.hint.text()
    assert screen.current_page() == "start" and not screen.handover_id


def test_an_agent_represents_the_absent_co_owner_and_signs_for_them(counter: Counter, site: object) -> None:
    unit = units(site, 2)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    owner, co_owner = site.buyers(unit)  # type: ignore[attr-defined]
    open_queue(counter)
    counter.nav.go("handover", unit_code=unit)
    counter.settle()
    screen = counter.handover
    counter.click(screen.start_button)
    counter.settle()
    counter.type_id(owner.id_number)
    counter.click(screen.typed_button)
    counter.settle()
    counter.click(screen.agent_toggle)
    assert screen.agent_panel.isVisible() and not screen.card_button.isVisible()
    agent = "41042219850505002"
    agent += make_check_char(agent)
    counter.type_id(agent)
    counter.click(screen.agent_for[co_owner.id])
    screen.authorisation.setText(" ")
    counter.click(screen.agent_button)
    counter.settle()
    assert screen.refusal.code == "no_authorisation" and screen.refusal.hint.text()
    screen.authorisation.setText("(2026)郏证字第88号")
    counter.click(screen.agent_button)
    counter.settle()
    assert not screen.refusal.isVisible() and not screen.agent_panel.isVisible()
    assert "由代理人办理" in screen.people.text() and "代理人 410422" in screen.people.text()
    assert agent not in screen.people.text()
    counter.click(screen.to_checks)
    counter.click(screen.check_button)
    counter.settle()
    assert screen.current_page() == "sign"
    signers = []
    for _ in range(4):
        signers.append(screen.pad.signer)
        counter.sign()
    assert signers[0] == owner.name and "代理人" in signers[2] and co_owner.name in signers[2]
    assert screen.current_page() == "certificate"
    row = handover.get(site.store, screen.handover_id)  # type: ignore[attr-defined]
    assert row["represented"] == [co_owner.id] and row["state"] == "signed"


def test_card_reader_and_missing_scanner_each_say_what_happened(counter: Counter, site: object) -> None:
    unit = units(site, 1)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    open_queue(counter)
    counter.nav.go("handover", unit_code=unit)
    counter.settle()
    screen = counter.handover
    counter.click(screen.start_button)
    counter.settle()
    # The simulated reader holds a sample card of someone who is not a holder of this unit.
    counter.click(screen.card_button)
    counter.settle()
    assert screen.refusal.code == "wrong_person" and screen.refusal.hint.text()
    # No scan engine is configured by default: a plain message, and the other ways stay open.
    counter.click(screen.qr_button)
    counter.settle()
    assert screen.refusal.isVisible() and screen.refusal.message.text() and screen.refusal.hint.text()
    assert "[devices] scanner" in screen.refusal.detail.text()
    assert screen.card_button.isEnabled() and screen.qr_button.isEnabled()


def test_a_failed_receipt_print_stays_queued_and_is_shown(counter: Counter, site: object) -> None:
    import dataclasses

    unit = units(site, 1)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    case = site.start_all_present(unit)  # type: ignore[attr-defined]
    handover.check(site.ctx, site.staff, case)  # type: ignore[attr-defined]
    site.sign_papers(case)  # type: ignore[attr-defined]
    handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)  # type: ignore[attr-defined]
    # A receipt printer that cannot be reached: a TCP port nothing listens on.
    printer = counter.ctx.devices.printer
    assert printer is not None
    broken = type(printer)(dataclasses.replace(printer.settings, uri="tcp://127.0.0.1:9"))
    counter.ctx.devices = dataclasses.replace(counter.ctx.devices, printer=broken)
    open_queue(counter)
    counter.nav.go("handover", handover_id=case)
    counter.settle()
    screen = counter.handover
    assert screen.current_page() == "receipt"
    counter.click(screen.print_button)
    counter.settle()
    assert screen.current_page() == "receipt" and "没有打印出来" in screen.receipt_info.text()
    assert [j["kind"] for j in pending_jobs(site.store)].count("handover_receipt") == 1  # type: ignore[attr-defined]
    assert screen.to_keys.isEnabled() and screen.print_button.isEnabled()
    counter.click(screen.to_keys)
    assert screen.current_page() == "keys"


def test_a_pre_printed_certificate_is_bound_by_its_typed_serial(counter: Counter, site: object) -> None:
    unit = units(site, 1)[0]
    site.ready(unit, serial="HN-PRE-0001")  # type: ignore[attr-defined]
    case = site.start_all_present(unit)  # type: ignore[attr-defined]
    handover.check(site.ctx, site.staff, case)  # type: ignore[attr-defined]
    site.sign_papers(case)  # type: ignore[attr-defined]
    open_queue(counter)
    counter.nav.go("handover", handover_id=case)
    counter.settle()
    screen = counter.handover
    assert screen.current_page() == "certificate" and "HN-PRE-0001" in screen.cert_info.text()
    keypad = screen.serial_keypad
    counter.qtbot.waitUntil(lambda: all(keypad.keys.get(c) is not None and keypad.keys[c].isVisible()
                                        for c in "HNPRE-"))

    def type_serial(serial: str) -> None:
        if screen.serial.text():
            counter.click(keypad.clear_key)
        for char in serial:
            counter.click(keypad.keys[char])

    type_serial("HN-PRE-0002")
    counter.click(screen.bind_typed)
    counter.settle()
    assert screen.refusal.isVisible() and screen.refusal.hint.text() and screen.current_page() == "certificate"
    assert screen.refusal.code == "wrong_serial" and "wrong certificate paper" in screen.refusal.detail.text()
    type_serial("HN-PRE-0001")
    counter.click(screen.bind_typed)
    counter.settle()
    assert screen.current_page() == "receipt" and not screen.refusal.isVisible()
    assert handover.get(site.store, case)["state"] == "certificate_bound"  # type: ignore[attr-defined]


def test_staff_can_stop_signing_and_continue_later(counter: Counter, site: object) -> None:
    unit = units(site, 1)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    case = site.start_all_present(unit)  # type: ignore[attr-defined]
    handover.check(site.ctx, site.staff, case)  # type: ignore[attr-defined]
    open_queue(counter)
    counter.nav.go("handover", handover_id=case)
    counter.settle()
    screen = counter.handover
    assert screen.current_page() == "sign" and not screen.title.isVisible()
    counter.sign()
    assert "第 2 个，共 2 个" in screen.turn_banner.text()
    counter.click(screen.stop_signing)
    counter.settle()
    assert counter.nav.current is counter.queue and not screen.bundles
    assert handover.get(site.store, case)["state"] == "checked"  # type: ignore[attr-defined]
    counter.click(counter.queue.row_buttons[unit])
    counter.settle()
    assert screen.current_page() == "sign" and "第 1 个，共 2 个" in screen.turn_banner.text()
    counter.sign()
    counter.sign()
    assert screen.current_page() == "certificate"
