"""Staff login through the keypad over a real kiosk: success starts the session; a wrong PIN,
a locked account and an expired certification each show their plain message and what to do."""

from __future__ import annotations

from typing import Any

from kiosk.services.staff import Actor

from .conftest import Counter


def test_login_starts_the_session_and_shows_the_queue(counter: Counter) -> None:
    seen: list[Actor | None] = []
    counter.session.changed.connect(lambda: seen.append(counter.session.actor))
    counter.log_in("S001", "246810")
    assert counter.session.actor == Actor("S001", "staff") and seen == [Actor("S001", "staff")]
    assert counter.session.staff_name == "赵雅琴" and counter.session.logged_in_at is not None
    assert counter.nav.current is counter.queue
    assert counter.login.pin.text() == "" and counter.login.number.text() == ""


def test_the_pin_is_masked(counter: Counter) -> None:
    counter.click(counter.login.pin)
    counter.click(counter.login.keypad.keys["2"])
    assert counter.login.pin.displayText() != "2" and counter.login.pin.text() == "2"


def shown(counter: Counter) -> tuple[str, str, str]:
    panel = counter.login.refusal
    assert panel.isVisible()
    return panel.code, panel.message.text(), panel.hint.text()


def test_wrong_pin_then_lockout(counter: Counter) -> None:
    counter.log_in("S002", "000000")
    code, message, hint = shown(counter)
    assert (code, message) == ("wrong_pin", "PIN 不正确。") and "锁定" in hint
    assert counter.session.actor is None and counter.nav.current is counter.login
    assert counter.login.pin.text() == "" and counter.login.number.text() == "S002"
    for _ in range(4):
        counter.click(counter.login.pin)
        for char in "000000":
            counter.click(counter.login.keypad.keys[char])
        counter.click(counter.login.login_button)
        counter.settle()
    code, message, hint = shown(counter)
    assert code == "locked_out" and "锁定" in message and "主管" in hint
    # The right PIN no longer helps while the lock lasts.
    counter.click(counter.login.pin)
    for char in "135791":
        counter.click(counter.login.keypad.keys[char])
    counter.click(counter.login.login_button)
    counter.settle()
    assert shown(counter)[0] == "locked_out" and counter.session.actor is None


def test_expired_certification(counter: Counter) -> None:
    counter.log_in("S009", "112358")
    code, message, hint = shown(counter)
    assert code == "certificate_expired" and "持证上岗" in message and hint
    assert "JXDJ-2023-0041" in counter.login.refusal.detail.text()
    assert counter.session.actor is None


def test_unknown_staff_number(counter: Counter, qtbot: Any) -> None:
    counter.log_in("S404", "123456")
    assert shown(counter)[0] == "unknown_staff"
