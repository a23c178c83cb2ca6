"""The supervisor's approval form over a real kiosk: a supervisor's number, PIN and reason approve;
a wrong PIN, a staff member who is not a supervisor, an expired certification, an unknown number
and a missing reason are each refused on the form with what to do, and nothing is approved."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.services.staff import Actor
from ui.qt import QVBoxLayout, QWidget
from ui.screens.office.approval import SupervisorApproval

from .conftest import Office


@pytest.fixture
def form(office: Office) -> Iterator[tuple[SupervisorApproval, list[Any]]]:
    host = QWidget()
    form = SupervisorApproval(office.ctx)
    QVBoxLayout(host).addWidget(form)
    office.qtbot.addWidget(host)
    host.resize(1280, 700)
    host.show()
    seen: list[Any] = []
    form.approved.connect(lambda actor, reason: seen.append((actor, reason)))
    form.cancelled.connect(lambda: seen.append("cancelled"))
    form.ask("作废证书纸 JX-000101")
    office.settle()
    yield form, seen
    form.dismiss()


def test_a_supervisor_approves_with_a_reason(office: Office, form: tuple[SupervisorApproval, list[Any]]) -> None:
    approval, seen = form
    assert approval.isVisible() and approval.title.text() == "主管审批：作废证书纸 JX-000101"
    assert "S" in approval.keypad.keys, "the roster's letters are on the keypad"
    office.approve(approval, "S003", "864200", "打印错位，纸张作废")
    assert seen == [(Actor("S003", "supervisor"), "打印错位，纸张作废")]
    assert not approval.isVisible() and approval.pin.text() == "" and approval.reason.text() == ""


def refusal(approval: SupervisorApproval) -> tuple[str, str, str]:
    assert approval.isVisible() and approval.refusal.isVisible()
    return approval.refusal.code, approval.refusal.message.text(), approval.refusal.hint.text()


@pytest.mark.parametrize(("staff_id", "pin", "code", "said"), [
    ("S003", "000000", "wrong_pin", "PIN 不正确。"),
    ("S001", "246810", "not_permitted", "只能由主管办理"),
    ("S009", "112358", "certificate_expired", "持证上岗"),
    ("S777", "123456", "unknown_staff", "没有"),
])
def test_refusals_stay_on_the_form(office: Office, form: tuple[SupervisorApproval, list[Any]], staff_id: str,
                                   pin: str, code: str, said: str) -> None:
    approval, seen = form
    office.approve(approval, staff_id, pin, "核对无误")
    got, message, hint = refusal(approval)
    assert got == code and said in message and hint, (got, message, hint)
    assert seen == [], "nothing is approved"
    # The PIN is typed again from scratch; the number and the reason stay.
    assert approval.pin.text() == "" and approval.number.text() == staff_id and approval.reason.text() == "核对无误"
    assert approval._field is approval.pin and "▶" in approval.pin_label.text()


def test_nothing_is_checked_until_number_pin_and_reason_are_there(
        office: Office, form: tuple[SupervisorApproval, list[Any]]) -> None:
    approval, seen = form
    assert not approval.approve_button.isEnabled() and "工号" in approval.where.text()
    office.approve(approval, "S003", "864200", "")
    assert not approval.approve_button.isEnabled() and "原因" in approval.where.text()
    office.write(approval.reason, "   ")
    assert not approval.approve_button.isEnabled(), "blank is no reason"
    office.click(approval.pin)
    office.click(approval.keypad.clear_key)
    assert "PIN 码" in approval.where.text()
    assert seen == [] and approval.isVisible()


def test_cancel_hides_and_forgets(office: Office, form: tuple[SupervisorApproval, list[Any]]) -> None:
    approval, seen = form
    office.click(approval.number)
    office.click(approval.keypad.keys["3"])
    office.click(approval.cancel_button)
    assert seen == ["cancelled"] and not approval.isVisible() and approval.number.text() == ""


def test_a_training_session_approves_as_a_training_actor(
        office: Office, form: tuple[SupervisorApproval, list[Any]]) -> None:
    approval, seen = form
    office.ctx.training = True
    office.approve(approval, "S003", "864200", "培训演示")
    assert seen == [(Actor("S003", "supervisor", training=True), "培训演示")]


def test_english(office: Office, form: tuple[SupervisorApproval, list[Any]], en: None) -> None:
    approval, _ = form
    assert approval.approve_button.text() == "Approve" and approval.title.text().startswith("Supervisor approval: ")
    office.approve(approval, "S001", "246810", "checked")
    assert refusal(approval)[1] == "Only a supervisor may do this."
