"""ReadSignScreen over a real kiosk: the contract read page by page and signed by each co-owner with
real mouse strokes, recorded by contracts.sign; a refusal shows its hint and a way to sign again."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.services import contracts
from kiosk.services.signatures import sample_bundle
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


def test_each_co_owner_signs_the_contract_in_turn(nav: Navigator, buyers: Any, on_store: Any, qtbot: Any,
                                                  themed: None) -> None:
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
    assert holders[0].name in screen.signer_label.text() and "1" in screen.signer_label.text()
    sign_with_mouse(qtbot, screen.pad)
    assert holders[1].name in screen.signer_label.text()
    qtbot.wait(600)  # the confirm button ignores a second tap within 500 ms (no double submit)
    sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    row = on_store(lambda k: contracts.get(k.store, contract_id))
    assert row["state"] == "signed" and row["bundle_hash"]
    log = on_store(lambda k: k.store.read("SELECT actor FROM audit WHERE action = 'contract.sign'"))
    assert [r["actor"] for r in log] == ["system:self-service"]
    assert screen.reading is None and screen.text.text() == ""  # left: nothing kept


def test_a_contract_signed_meanwhile_is_refused_with_its_hint(
        nav: Navigator, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    contract_id = buyers.draft_contract(unit)
    screen = nav.go("read_sign", unit_code=unit, document="contract")
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


def test_snapshots(nav: Navigator, buyers: Any, qtbot: Any, tmp_path: Path) -> None:
    unit = buyers.unit(co_owners=2)
    buyers.draft_contract(unit)
    screen = nav.go("read_sign", unit_code=unit, document="contract")
    assert isinstance(screen, ReadSignScreen)
    qtbot.waitUntil(lambda: screen.reading is not None, timeout=20_000)
    for phase in ("read", "sign"):
        if phase == "sign":
            screen.start_signing()
        for lang in ("zh_CN", "en"):
            for large in (False, True):
                image = render(nav, tmp_path / f"buyer-read_sign-{phase}-{lang}{'-large' if large else ''}.png",
                               lang=lang, large=large)
                assert (image.width(), image.height()) == (1920, 1080), (phase, lang, large)
                assert clipped_texts(nav) == [], (phase, lang, large)
                assert missing_glyphs(nav) == [], (phase, lang, large)
        # A portrait panel in the widest case (English, large text): the pages cut to fit its 932 px, 去签名
        # under the page buttons, and the box at ux.md's portrait 1000x400 with its buttons below it.
        render(nav, tmp_path / f"buyer-read_sign-{phase}-portrait.png", size=PORTRAIT, lang="en", large=True)
        assert [str(p) for p in overflow(nav, PORTRAIT) + clipped_texts(nav)] == [], phase
        if phase == "read":
            assert screen.sign_below
        else:
            assert screen.pad.canvas.size().toTuple() == (1000, 400) and not screen.pad.beside
            render(nav, size=(1280, 800), lang="en", large=True)  # and back beside it on a landscape panel
            assert screen.pad.canvas.size().toTuple() == (960, 360) and screen.pad.beside
            assert [str(p) for p in overflow(nav, (1280, 800)) + clipped_texts(nav)] == []


def test_each_present_co_owner_signs_both_handover_papers(
        nav: Navigator, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit(co_owners=2)
    handover_id = on_store(lambda k: buyers.checked(unit))
    holders = buyers.holders(unit)
    screen = nav.go("read_sign", unit_code=unit, document="handover")
    assert isinstance(screen, ReadSignScreen)
    read_to_the_end(qtbot, screen)
    assert screen.reading is not None and len(screen.reading.signings) == 4
    for n in range(4):
        assert holders[n // 2].name in screen.signer_label.text()
        assert ("房屋交接确认书" if n % 2 == 0 else "不动产权证书领取确认") in screen.signer_label.text()
        qtbot.wait(600)
        sign_with_mouse(qtbot, screen.pad)
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    state = on_store(lambda k: k.handover(handover_id).state)
    assert state == "signed"
    signed = on_store(lambda k: k.store.read("SELECT document FROM signatures WHERE document_id = ?", (handover_id,)))
    assert sorted(r["document"] for r in signed) == ["handover.handover"] * 2 + ["handover.receipt"] * 2
