"""ReadSignScreen over a real kiosk: the contract read page by page and signed by each co-owner with
real mouse strokes, recorded by contracts.sign, each signer's own ID card read on the simulated reader
first (a wrong card says whose is needed, and the counter is a way out); a refusal shows its hint and a
way to sign again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.idcard.simulator import card_of
from kiosk.rules.idcard import make_check_char
from kiosk.app import Kiosk
from kiosk.services import contracts
from kiosk.services.presence import MAX_AGE, Presence
from kiosk.services.signatures import sample_bundle
from ui.context import AppContext
from ui.navigation import Navigator
from ui import theme
from ui.qt import QApplication, QPoint, Qt
from ui.screens.buyer.my_case import MyCaseScreen
from ui.screens.buyer.read_sign import ReadSignScreen
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render
from ui.widgets.signature import SignaturePad


def sign_with_mouse(qtbot: Any, pad: SignaturePad) -> None:
    canvas = pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(100, 200))
    for x in range(120, 700, 40):
        qtbot.mouseMove(canvas, QPoint(x, 200 + (x % 80) - 40))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(700, 220))
    assert pad.confirm_button.isEnabled()
    qtbot.mouseClick(pad.confirm_button, Qt.MouseButton.LeftButton)


def read_to_the_end(qtbot: Any, screen: ReadSignScreen) -> None:
    qtbot.waitUntil(lambda: screen.reading is not None, timeout=20_000)
    assert screen.reading is not None
    assert not screen.sign_button.isEnabled() or len(screen.pages) == 1
    for _ in range(len(screen.pages) - 1):
        qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.sign_button.isEnabled()
    qtbot.mouseClick(screen.sign_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The buyer theme (32 px body): the pages are cut for the room the text has at that size."""
    theme.apply_theme(qapp, "buyer")
    yield
    qapp.setStyleSheet("")


def card_step_for(qtbot: Any, screen: ReadSignScreen, name: str) -> None:
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.card, timeout=10_000)
    assert name in screen.card.prompt.text() and not screen.pad.isVisible()


def pad_for(qtbot: Any, screen: ReadSignScreen, name: str) -> None:
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.signing_panel, timeout=20_000)
    assert name in screen.signer_label.text() and screen.pad.isVisible()


def test_each_co_owner_signs_the_contract_in_turn(nav: Navigator, kiosk_ctx: AppContext, buyers: Any,
                                                  on_store: Any, qtbot: Any, themed: None) -> None:
    unit = buyers.unit(co_owners=2)
    contract_id = buyers.draft_contract(unit)
    holders = buyers.holders(unit)
    screen = nav.go("read_sign", unit_code=unit, document="contract")
    assert isinstance(screen, ReadSignScreen)
    qtbot.waitUntil(lambda: screen.reading is not None, timeout=20_000)
    assert screen.reading is not None and len(screen.pages) > 1
    # ux.md: <= 36 CJK characters a line (Latin letters and digits count half).
    assert all(sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in line) <= 36
               for page in screen.pages for line in page)
    assert not any(h.id_number in screen.text.text() for h in holders)
    read_to_the_end(qtbot, screen)
    # Nobody was identified by card in this session: the first signer's card before the pad.
    card_step_for(qtbot, screen, holders[0].name)
    buyers.place_card(kiosk_ctx, holders[0])
    pad_for(qtbot, screen, holders[0].name)
    assert "1" in screen.signer_label.text()
    sign_with_mouse(qtbot, screen.pad)
    # The first signer's card still lies on the reader: it is not the second signer's.
    card_step_for(qtbot, screen, holders[1].name)
    qtbot.waitUntil(lambda: screen.card.message.isVisible(), timeout=10_000)
    assert screen.card.message.text() == f"这不是{holders[1].name}的身份证。请放置{holders[1].name}本人的身份证。"
    assert screen.card.staff_note.text().startswith("not_the_signer") and holders[0].id_number[-4:] not in \
        screen.card.message.text() + screen.card.staff_note.text()
    assert screen.card.counter_button.isVisible() and nav.current is screen
    buyers.place_card(kiosk_ctx, holders[1])
    pad_for(qtbot, screen, holders[1].name)
    qtbot.wait(600)  # the confirm button ignores a second tap within 500 ms (no double submit)
    sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    row = on_store(lambda k: contracts.get(k.store, contract_id))
    assert row["state"] == "signed" and row["bundle_hash"]
    # Both proofs go back to the case: the papers later in this session need no card again.
    assert sorted(b for p in nav.current.presences for b in p.buyers) == sorted(h.id for h in holders)
    log = on_store(lambda k: k.store.read("SELECT actor FROM audit WHERE action = 'contract.sign'"))
    assert [r["actor"] for r in log] == ["system:self-service"]
    assert screen.reading is None and screen.text.text() == ""  # left: nothing kept


def test_a_contract_signed_meanwhile_is_refused_with_its_hint(
        nav: Navigator, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    contract_id = buyers.draft_contract(unit)
    holder = buyers.holders(unit)[0]
    proof = on_store(lambda k: k.prove_presence("card", holder.id_number))
    screen = nav.go("read_sign", unit_code=unit, document="contract", presences=[proof])
    assert isinstance(screen, ReadSignScreen)
    read_to_the_end(qtbot, screen)
    doc = on_store(lambda k: contracts.get(k.store, contract_id)["doc_hash"])
    on_store(lambda k: contracts.sign(k.ctx, buyers.sim.staff, contract_id,
                                      {h.id: sample_bundle(doc, seed=h.id) for h in buyers.holders(unit)}))
    sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert "已经办完" in screen.message.text()
    assert screen.staff_note.text().startswith("illegal_transition")
    assert screen.again_button.isVisible() and nav.current is screen


def test_nothing_to_sign_says_so(nav: Navigator, buyers: Any, qtbot: Any) -> None:
    screen = nav.go("read_sign", unit_code=buyers.unit(), document="handover")
    assert isinstance(screen, ReadSignScreen)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert screen.staff_note.text().startswith("illegal_transition") and not screen.again_button.isVisible()


PORTRAIT = (1080, 1920)


def test_snapshots(nav: Navigator, kiosk_ctx: AppContext, buyers: Any, qtbot: Any, tmp_path: Path) -> None:
    unit = buyers.unit(co_owners=2)
    buyers.draft_contract(unit)
    first = buyers.holders(unit)[0]
    screen = nav.go("read_sign", unit_code=unit, document="contract")
    assert isinstance(screen, ReadSignScreen)
    qtbot.waitUntil(lambda: screen.reading is not None, timeout=20_000)
    every = [("zh_CN", False), ("zh_CN", True), ("en", False), ("en", True)]
    # The card step: current text size and language first, then the longest (English, large text).
    for phase, combos in (("read", every), ("card", [("zh_CN", False), ("en", True)]), ("sign", every)):
        if phase == "card":
            screen.start_signing()
            assert screen.stack.currentWidget() is screen.card
            assert first.name in screen.card.prompt.text()
        if phase == "sign":
            buyers.place_card(kiosk_ctx, first)
            qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.signing_panel, timeout=20_000)
        for lang, large in combos:
            image = render(nav, tmp_path / f"buyer-read_sign-{phase}-{lang}{'-large' if large else ''}.png",
                           lang=lang, large=large)
            assert (image.width(), image.height()) == (1920, 1080), (phase, lang, large)
            assert clipped_texts(nav) == [], (phase, lang, large)
            assert missing_glyphs(nav) == [], (phase, lang, large)
        if phase == "card":
            assert screen.card.counter_button.height() >= 80
        # A portrait panel in the widest case (English, large text): the pages cut to fit its 932 px, 去签名
        # under the page buttons, and the box at ux.md's portrait 1000x400 with its buttons below it.
        render(nav, tmp_path / f"buyer-read_sign-{phase}-portrait.png", size=PORTRAIT, lang="en", large=True)
        assert [str(p) for p in overflow(nav, PORTRAIT) + clipped_texts(nav)] == [], phase
        if phase == "read":
            assert screen.sign_below
        elif phase == "sign":
            assert screen.pad.canvas.size().toTuple() == (1000, 400) and not screen.pad.beside
            render(nav, size=(1280, 800), lang="en", large=True)  # and back beside it on a landscape panel
            assert screen.pad.canvas.size().toTuple() == (960, 360) and screen.pad.beside
            assert [str(p) for p in overflow(nav, (1280, 800)) + clipped_texts(nav)] == []


def test_a_buyer_identified_by_card_signs_at_once_and_a_co_owner_without_a_card_goes_to_the_counter(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit(co_owners=2)
    contract_id = buyers.draft_contract(unit)
    holders = buyers.holders(unit)
    buyers.place_card(kiosk_ctx, holders[0])
    nav.go("identify")
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    case = nav.current
    assert isinstance(case, MyCaseScreen) and [p.buyers for p in case.presences] == [(holders[0].id,)]
    qtbot.mouseClick(case.action_buttons["contract"], Qt.MouseButton.LeftButton)
    screen = nav.current
    assert isinstance(screen, ReadSignScreen)
    read_to_the_end(qtbot, screen)
    pad_for(qtbot, screen, holders[0].name)  # the card read at the start of the session is the proof
    sign_with_mouse(qtbot, screen.pad)
    card_step_for(qtbot, screen, holders[1].name)
    qtbot.waitUntil(lambda: screen.card.message.isVisible(), timeout=10_000)
    # The wrong card's message fits the smallest panel in the longest language and text size, and the
    # largest one as a buyer first meets it (PNGs for a person to look at when BUYER_SNAPSHOTS names a folder).
    out = Path(os.environ["BUYER_SNAPSHOTS"]) if os.environ.get("BUYER_SNAPSHOTS") else None
    for size, lang, large in (((1920, 1080), "zh_CN", False), ((1280, 800), "en", True)):
        path = out / f"read_sign-wrong-card-{size[0]}x{size[1]}-{lang}.png" if out else None
        render(nav, path, size=size, lang=lang, large=large)
        assert clipped_texts(nav) == [] and missing_glyphs(nav) == [], (size, lang)
        assert holders[1].name in screen.card.message.text() and screen.card.counter_button.isVisible()
    assert screen.card.message.text().startswith("This ID card is not")
    render(nav, lang="zh_CN")
    qtbot.wait(600)
    qtbot.mouseClick(screen.card.counter_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.reading_panel and not screen.card.active
    assert screen.message.text() == "请与每位签名人携带身份证到服务窗口，工作人员核验身份后在窗口签署。"
    assert screen.again_button.isVisible() and nav.current is screen
    assert on_store(lambda k: contracts.get(k.store, contract_id))["state"] == "draft"


def test_the_present_holder_and_the_agent_of_the_absent_one_sign_both_handover_papers(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit(co_owners=2)
    agent = "41042219850505002"
    agent += make_check_char(agent)
    handover_id = on_store(lambda k: buyers.checked(unit, agent=agent))
    present, absent = buyers.holders(unit)
    screen = nav.go("read_sign", unit_code=unit, document="handover")
    assert isinstance(screen, ReadSignScreen)
    # Identified at the counter by staff, but the terminal reads each signer's card itself.
    buyers.place_card(kiosk_ctx, present)
    read_to_the_end(qtbot, screen)
    assert screen.reading is not None and len(screen.reading.signings) == 4
    for n in range(4):
        if n == 2:
            # The absent holder's turn: their agent's card; the present holder's, still lying there, is not it.
            card_step_for(qtbot, screen, absent.name)
            assert "代理人" in screen.card.prompt.text()
            qtbot.waitUntil(lambda: screen.card.message.isVisible(), timeout=10_000)
            assert screen.card.message.text() == f"这不是{absent.name}或其代理人的身份证。请放置{absent.name}本人或代理人本人的身份证。"
            kiosk_ctx.devices.card_reader.card_slot.place(card_of("代理人", agent))  # type: ignore[union-attr]
        pad_for(qtbot, screen, (present, absent)[n // 2].name)
        assert ("房屋交接确认书" if n % 2 == 0 else "不动产权证书领取确认") in screen.signer_label.text()
        qtbot.wait(600)
        sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    state = on_store(lambda k: k.handover(handover_id).state)
    assert state == "signed"
    signed = on_store(lambda k: k.store.read("SELECT document FROM signatures WHERE document_id = ?", (handover_id,)))
    assert sorted(r["document"] for r in signed) == ["handover.handover"] * 2 + ["handover.receipt"] * 2


def read_long_ago(kiosk: Kiosk, id_number: str) -> Presence:
    """The card read just over ``MAX_AGE`` ago (the kiosk's clock set back while it is read)."""
    clock = kiosk.ctx.clock
    kiosk.ctx.clock = lambda: clock() - MAX_AGE - dt.timedelta(seconds=30)
    try:
        return kiosk.prove_presence("card", id_number)
    finally:
        kiosk.ctx.clock = clock


@pytest.mark.parametrize("proof", ["forged", "stale"])
def test_a_proof_the_core_refuses_asks_for_the_card_again(
        nav: Navigator, kiosk_ctx: AppContext, buyers: Any, on_store: Any, qtbot: Any, proof: str) -> None:
    unit = buyers.unit()
    contract_id = buyers.draft_contract(unit)
    holder = buyers.holders(unit)[0]
    if proof == "forged":
        # A proof this core did not seal (its MAC changed): the screen trusts it, the core does not.
        real = on_store(lambda k: k.prove_presence("card", holder.id_number))
        given = dataclasses.replace(real, proof="0" * len(real.proof))
    else:
        # The card read on the identify screen, and the buyer came back to sign after the proof ran out.
        given = on_store(lambda k: read_long_ago(k, holder.id_number))
        assert dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(given.at) > MAX_AGE
    screen = nav.go("read_sign", unit_code=unit, document="contract", presences=[given])
    assert isinstance(screen, ReadSignScreen)
    read_to_the_end(qtbot, screen)
    pad_for(qtbot, screen, holder.name)
    sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert screen.message.text() == "签名前没有读取签名人本人的身份证。请重新签名：每位签名人先放置自己的身份证。"
    assert screen.staff_note.text().startswith("signer_not_identified") and screen.presences == []
    assert on_store(lambda k: contracts.get(k.store, contract_id))["state"] == "draft"
    qtbot.wait(600)
    qtbot.mouseClick(screen.again_button, Qt.MouseButton.LeftButton)
    card_step_for(qtbot, screen, holder.name)
    buyers.place_card(kiosk_ctx, holder)
    pad_for(qtbot, screen, holder.name)
    qtbot.wait(600)
    sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    assert on_store(lambda k: contracts.get(k.store, contract_id))["state"] == "signed"
