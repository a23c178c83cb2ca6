"""IdentifyScreen over a real kiosk: typed numbers (good, bad check, legacy 15), the card reader's
simulator on a real pty (a sample buyer's card, a stranger's card, a card moved away), the camera."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import segno

from hardware.devices import CameraDevice, CardReaderDevice
from hardware.idcard.simulator import SAMPLE_CARDS, CardReaderSimulator, Fault
from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import Qt
from ui.screens.buyer.identify import IdentifyScreen
from ui.screens.buyer.my_case import MyCaseScreen
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render




def type_number(qtbot: Any, screen: IdentifyScreen, number: str) -> None:
    qtbot.mouseClick(screen.way_buttons["keypad"], Qt.MouseButton.LeftButton)
    for char in number:
        qtbot.mouseClick(screen.keypad.keys[char], Qt.MouseButton.LeftButton)


def shown_texts(widget: Any) -> str:
    from ui.qt import QAbstractButton, QLabel
    return " ".join(w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton))


def test_a_typed_number_finds_the_buyers_case_and_nothing_of_it_stays(
        nav: Navigator, buyers: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    holder = buyers.holders(unit)[0]
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    type_number(qtbot, screen, holder.id_number)
    assert screen.keypad_continue.isEnabled()
    qtbot.mouseClick(screen.keypad_continue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: nav.current is not screen, timeout=20_000)
    case_screen = nav.current
    assert isinstance(case_screen, MyCaseScreen)
    assert [c.unit_code for c in case_screen.cases] == [unit]
    assert holder.id_number not in shown_texts(screen) and screen.keypad.typed_length() == 0
    assert holder.id_number not in shown_texts(case_screen)


def test_a_legacy_15_digit_number_is_refused_in_plain_words(nav: Navigator, buyers: Any, qtbot: Any) -> None:
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    said: list[str] = []
    screen.spoken.connect(said.append)
    # The keypad only completes 18 characters; the card or a QR may still carry an old number.
    screen._look_up("typed", "410425850312003")
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert "15" in screen.message.text() and "18" in screen.message.text()
    assert said == ["refusal.id_legacy15"]  # the voice says the same sentence
    assert screen.staff_note.text().startswith("id_legacy15: ask for the current 18-character card")
    assert nav.current is screen


def test_a_wrong_check_character_is_shown_while_typing(nav: Navigator, buyers: Any, qtbot: Any) -> None:
    holder = buyers.holders(buyers.unit())[0]
    wrong = holder.id_number[:17] + ("0" if holder.id_number[17] != "0" else "1")
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    type_number(qtbot, screen, wrong)
    assert screen.keypad.status == "bad_check" and not screen.keypad_continue.isEnabled()
    assert "不符" in screen.keypad.feedback.text() or "对" in screen.keypad.feedback.text()


def test_a_number_without_a_case_says_so_and_stays_ready(nav: Navigator, buyers: Any, qtbot: Any) -> None:
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    said: list[str] = []
    screen.spoken.connect(said.append)
    type_number(qtbot, screen, SAMPLE_CARDS["zhao"].id_number)
    qtbot.mouseClick(screen.keypad_continue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert "工作人员" in screen.message.text() and nav.current is screen
    assert said == ["identify.keypad", "identify.not_found"]
    assert screen.keypad_continue.isEnabled()  # the same number can be tried again, or changed


def reader_for(ctx: AppContext, sim: CardReaderSimulator) -> None:
    ctx.devices = dataclasses.replace(ctx.devices, card_reader=CardReaderDevice(f"serial://{sim.port}"))


def test_the_card_of_a_buyer_on_the_real_reader_protocol(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    holder = buyers.holders(unit)[0]
    number = holder.id_number
    card = dataclasses.replace(SAMPLE_CARDS["wang"], name=holder.name, id_number=number,
                               birth_date=dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
                               sex_code="1" if int(number[16]) % 2 else "2")
    with CardReaderSimulator(None) as sim:
        reader_for(kiosk_ctx, sim)
        screen = nav.go("identify")
        assert isinstance(screen, IdentifyScreen)
        screen.prompt_seconds = 0.3
        screen.alternatives_seconds = 0.9
        screen.choose("card")
        qtbot.waitUntil(lambda: screen.prompts >= 1, timeout=10_000)
        qtbot.waitUntil(screen.alternatives_offered, timeout=10_000)
        assert "输入" in screen.card_alternatives.text()
        sim.place_card(card, Fault.LIFTED)
        qtbot.waitUntil(lambda: "移开" in screen.message.text() or "移动" in screen.message.text(), timeout=10_000)
        assert screen.staff_note.text().startswith("idcard_card_removed")
        sim.place_card(card)
        qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    current = nav.current
    assert isinstance(current, MyCaseScreen) and current.cases[0].unit_code == unit


def test_a_qr_code_without_an_id_number_says_so_and_keeps_looking(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, qtbot: Any, tmp_path: Path) -> None:
    picture = tmp_path / "menu.png"
    segno.make("https://example.org/menu", micro=False).save(str(picture), scale=10, border=6)
    kiosk_ctx.devices = dataclasses.replace(kiosk_ctx.devices, camera=CameraDevice(f"sim://{picture}"))
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    qtbot.mouseClick(screen.way_buttons["qr"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert "二维码" in screen.message.text() and screen.staff_note.text().startswith("invalid")
    assert not screen.preview.pixmap().isNull() and nav.current is screen


def test_the_camera_reads_an_e_id_qr_and_outlines_it(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, qtbot: Any, tmp_path: Path) -> None:
    unit = buyers.unit()
    holder = buyers.holders(unit)[0]
    picture = tmp_path / "eid.png"
    segno.make(f"EID|{holder.name}|{holder.id_number}", micro=False).save(str(picture), scale=8, border=6)
    frame = np.full((720, 1280, 3), 200, np.uint8)
    code = cv2.imread(str(picture))
    assert code is not None
    # The code held up in a grey scene, off centre, as a phone would be.
    frame[100:100 + code.shape[0], 400:400 + code.shape[1]] = np.asarray(code, np.uint8)
    cv2.imwrite(str(picture), frame)
    kiosk_ctx.devices = dataclasses.replace(kiosk_ctx.devices, camera=CameraDevice(f"sim://{picture}"))
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    qtbot.mouseClick(screen.way_buttons["qr"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    assert screen.preview.pixmap().isNull()  # cleared on leave


def test_the_prompt_repeats_each_round(nav: Navigator, qtbot: Any) -> None:
    screen = nav.screen_named("identify")
    assert isinstance(screen, IdentifyScreen)
    screen.prompt_seconds = 0.2
    with qtbot.waitSignals([screen.prompt_repeated, screen.prompt_repeated], timeout=10_000):
        nav.go("identify")
    assert screen.prompts >= 2 and "等待" in screen.card_alternatives.text()


def test_snapshots(nav: Navigator, kiosk_ctx: AppContext, qtbot: Any, tmp_path: Path) -> None:
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    screen.leave()  # no device rounds while rendering
    for way in ("card", "qr", "keypad", "card-trouble"):
        screen._show_way(way.split("-")[0])
        if way == "card-trouble":
            screen._waited = screen.alternatives_seconds
            screen._render_alternatives()
            screen._show_error(*screen._card_problem(LookupError("no reader")), LookupError("no reader"))
        for lang in ("zh_CN", "en"):
            for large in (False, True):
                image = render(nav, tmp_path / f"buyer-identify-{way}-{lang}{'-large' if large else ''}.png",
                               lang=lang, large=large)
                assert (image.width(), image.height()) == (1920, 1080), "the layout grew past the panel"
                assert clipped_texts(nav) == [], (way, lang, large)
                assert missing_glyphs(nav) == [], (way, lang, large)
        if way == "keypad":
            # A portrait panel in the widest case (English, large text): the ways above the keypad's page.
            render(nav, tmp_path / "buyer-identify-keypad-portrait.png", size=(1080, 1920), lang="en", large=True)
            assert [str(p) for p in overflow(nav, (1080, 1920)) + clipped_texts(nav)] == []
            assert screen.body.direction() == screen.body.Direction.TopToBottom
