"""Staff login through the keypad, or the staff member's ID card on the (simulated) reader, over a
real kiosk: success starts the session; a wrong PIN, a locked account, an expired certification,
a card not on the roster and a buyer's card each show their plain message and what to do."""

from __future__ import annotations

from typing import Any

import pytest

from hardware.idcard.simulator import SAMPLE_CARDS, card_of
from kiosk.errors import AuthError
from kiosk.services.samples import load_samples
from kiosk.services.staff import Actor, login

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


def test_the_staff_card_names_the_staff_member_and_the_pin_is_still_asked(counter: Counter) -> None:
    slot = counter.card_reader()
    slot.place(SAMPLE_CARDS["staff_s001"])
    counter.read_card()
    screen = counter.login
    assert screen.number.text() == "S001" and screen.pin.text() == "" and not screen.refusal.isVisible()
    assert "赵雅琴" in screen.where.text() and screen.pin_label.text().startswith("▶")
    assert not screen.login_button.isEnabled() and counter.session.actor is None, "the card alone opens nothing"
    for char in "246810":
        counter.click(screen.keypad.keys[char])
    counter.click(screen.login_button)
    counter.settle()
    assert counter.session.actor == Actor("S001", "staff") and counter.nav.current is counter.queue


def test_cards_that_do_not_open_the_counter(counter: Counter, site: Any) -> None:
    slot = counter.card_reader()
    for _ in range(5):
        with pytest.raises(AuthError):
            login(site.ctx, "S002", "000000")
    buyer = load_samples().units[0].buyers[0]
    expected = [(SAMPLE_CARDS["staff_s009"], "certificate_expired", "持证上岗"),
                (SAMPLE_CARDS["staff_s002"], "locked_out", "锁定"),
                (card_of(buyer.name, buyer.id_number), "buyer_card", "购房人"),
                (SAMPLE_CARDS["wang"], "unknown_card", "名册")]
    for card, code, words in expected:
        slot.place(card)
        counter.read_card()
        got = shown(counter)
        assert got[0] == code and words in got[1], got
        assert counter.login.number.text() == "" and counter.session.actor is None
        assert card.id_number not in " ".join(got) + counter.login.refusal.detail.text()
    counter.click(counter.login.keypad.keys["1"])
    assert not counter.login.refusal.isVisible(), "typing the number instead clears the refusal"
