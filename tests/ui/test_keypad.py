"""The ID keypad, typed with real clicks on its keys."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.rules.idcard import make_check_char
from ui import theme
from ui.qt import Qt
from ui.widgets.keypad import BAD_CHECK, EMPTY, INCOMPLETE, INVALID, VALID, IdKeypad

BODY = "41042519900307123"
GOOD = BODY + make_check_char(BODY)
WRONG = BODY + ("0" if GOOD[-1] != "0" else "1")


@pytest.fixture
def keypad(qapp: Any, qtbot: QtBot) -> Iterator[IdKeypad]:
    theme.apply_theme(qapp)
    pad = IdKeypad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    yield pad
    qapp.setStyleSheet("")


def tap(qtbot: QtBot, pad: IdKeypad, chars: str) -> None:
    for c in chars:
        qtbot.mouseClick(pad.keys[c], Qt.MouseButton.LeftButton)


def test_keys_are_at_least_96_px_and_there_is_an_x_key(keypad: IdKeypad) -> None:
    assert set(keypad.keys) == set("0123456789X<")
    for key in keypad.keys.values():
        assert key.width() >= 96 and key.height() >= 96, key.text()


def test_feedback_follows_typing_in_plain_words(keypad: IdKeypad, qtbot: QtBot) -> None:
    statuses: list[str] = []
    keypad.status_changed.connect(statuses.append)
    assert keypad.status == EMPTY and keypad.feedback.text() == "请输入18位身份证号码。"
    tap(qtbot, keypad, GOOD[:5])
    assert keypad.status == INCOMPLETE and keypad.feedback.text() == "还差 13 位。"
    assert keypad.number() is None
    tap(qtbot, keypad, GOOD[5:])
    assert keypad.status == VALID
    assert keypad.feedback.text() == "号码已输完，校验位正确。"
    assert keypad.feedback.property("state") == "ok"
    assert keypad.number() == GOOD
    assert statuses == [INCOMPLETE, VALID]


def test_a_wrong_check_character_is_named(keypad: IdKeypad, qtbot: QtBot) -> None:
    valid: list[bool] = []
    keypad.valid_changed.connect(valid.append)
    tap(qtbot, keypad, GOOD)
    tap(qtbot, keypad, "<")
    assert keypad.status == INCOMPLETE and keypad.feedback.text() == "还差 1 位。"
    tap(qtbot, keypad, WRONG[-1])
    assert keypad.status == BAD_CHECK
    assert "最后一位" in keypad.feedback.text()
    assert keypad.feedback.property("state") == "error"
    assert keypad.number() is None
    assert valid == [True, False]


def test_an_impossible_number_is_refused(keypad: IdKeypad, qtbot: QtBot) -> None:
    body = "41042519901307123"  # month 13, with a matching check character
    tap(qtbot, keypad, body + make_check_char(body))
    assert keypad.status == INVALID and keypad.number() is None


def test_x_only_in_the_last_place_and_no_19th_character(keypad: IdKeypad, qtbot: QtBot) -> None:
    assert not keypad.keys["X"].isEnabled()
    tap(qtbot, keypad, "X")
    assert keypad.typed_length() == 0
    tap(qtbot, keypad, "1" * 17)
    assert keypad.keys["X"].isEnabled()
    tap(qtbot, keypad, "X")
    assert keypad.typed_length() == 18
    assert not keypad.keys["5"].isEnabled()
    keypad.press("5")
    assert keypad.typed_length() == 18


def test_clear_and_masked_display(keypad: IdKeypad, qtbot: QtBot) -> None:
    tap(qtbot, keypad, GOOD)
    assert keypad.display.text() == f"{GOOD[:6]} {GOOD[6:14]} {GOOD[14:]}"
    keypad.set_masked(True)
    assert keypad.display.text() == f"{GOOD[:6]} ******** {GOOD[14:]}"
    assert GOOD[6:14] not in keypad.display.text()
    qtbot.mouseClick(keypad.clear_button, Qt.MouseButton.LeftButton)
    assert keypad.status == EMPTY and keypad.typed_length() == 0
    tap(qtbot, keypad, GOOD[:9])
    assert keypad.display.text() == f"{GOOD[:6]} ***"


def test_english(keypad: IdKeypad, qtbot: QtBot) -> None:
    from ui import i18n

    tap(qtbot, keypad, GOOD[:16])
    i18n.switch_language("en")
    assert keypad.feedback.text() == "2 more to type."
    assert keypad.keys["<"].text() == "Delete"
