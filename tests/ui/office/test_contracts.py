"""Contracts through the real screen: find the unit, draft, every buyer signs, filing, a correction."""

from __future__ import annotations

from tests.ui.office.casework import SMALL_PANEL, STAFF, Desk, Site, desk_fixture, site_fixture  # noqa: F401 (fixtures)

from PySide6.QtTest import QTest

from kiosk.masterdata import buyers_of_unit
from sync.wire import kinds
from ui.qt import QPoint, Qt
from ui.screens.office.contracts import ContractsScreen


def unit_with(site: Site, buyers: int) -> str:
    """A unit with this many buyers and no contract yet."""
    rows = site.store.read("SELECT u.code FROM units u WHERE u.training = 0 AND NOT EXISTS (SELECT 1 FROM "
                           "contracts c WHERE c.unit_code = u.code) AND (SELECT count(*) FROM buyers b "
                           "WHERE b.unit_code = u.code) = ? ORDER BY u.code", (buyers,))
    return str(rows[0]["code"])


def sign(desk: Desk, screen: ContractsScreen) -> None:
    canvas = screen.pad.canvas
    w, h = canvas.width(), canvas.height()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(w // 10, h // 2))
    for step in range(1, 21):
        QTest.mouseMove(canvas, QPoint(w // 10 + step * (w * 7 // 10) // 20, h // 2 + (step % 5) * 6))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(w * 8 // 10, h // 2))
    desk.qtbot.wait(550)  # the confirm button ignores a second tap within 500 ms
    desk.click(screen.pad.confirm_button)
    desk.settle()


def test_draft_sign_by_every_buyer_filing_and_a_correction(desk: Desk, site: Site) -> None:
    unit = unit_with(site, 2)
    desk.sign_in(*STAFF)
    screen: ContractsScreen = desk.open("office_contracts")
    # Found by a part of its code, typed on the keypad.
    desk.click(screen.finder.field)
    for char in unit[-8:]:
        desk.click(screen.finder.keypad.keys[char])
    desk.click(screen.finder.search_button)
    desk.settle()
    desk.click(screen.found.buttons[unit])
    desk.settle()
    assert screen.unit is not None and screen.unit.current is None and len(screen.unit.holders) == 2
    assert "410425" in screen.holders.text() and "*" in screen.holders.text()
    for buyer in buyers_of_unit(site.store, unit):
        assert buyer.id_number not in screen.holders.text() and buyer.name not in screen.holders.text()

    desk.click(screen.draft_button)
    desk.settle()
    assert screen.unit.current is not None and screen.unit.current.state == "draft"
    # A draft with a wrong price is corrected as a new version too, never edited in place.
    assert screen.correct_button.isVisible() and screen.sign_button.isVisible()
    desk.click(screen.correct_button)
    assert "1" in screen.form_heading.text()
    screen.reason.setText("总价录入错误")
    desk.click(screen.price)
    for char in "450000":
        desk.click(screen.finder.keypad.keys[char])
    desk.click(screen.save_button)
    desk.settle()
    assert [(v.version, v.state) for v in screen.unit.versions] == [(2, "draft"), (1, "superseded")]
    assert screen.unit.current is not None and screen.unit.current.price_fen == 45_000_000
    assert "总价录入错误" in screen.history_rows[0].text() and "450,000.00" in screen.current_line.text()
    desk.click(screen.sign_button)
    assert "第 1 位" in screen.signer_line.text() and "共 2 位" in screen.signer_line.text()
    sign(desk, screen)
    assert "第 2 位" in screen.signer_line.text() and screen.signing.isVisible()
    desk.look("office-contracts-signing")
    sign(desk, screen)
    current = screen.unit.current
    assert current is not None and current.state == "signed" and screen.correct_button.isVisible()
    assert not screen.signing.isVisible() and "备案" in screen.current_line.text()

    # The filing number arrives with the sync; the change feed shows it.
    site.pull(kinds.CONTRACT_FILED, current.contract_id, {"filing_no": "BA-2026-0417"})
    desk.qtbot.waitUntil(lambda: "BA-2026-0417" in screen.current_line.text(), timeout=10_000)

    # A correction is a new version with its reason and price; the filed one is superseded.
    desk.click(screen.correct_button)
    screen.reason.setText("面积实测后总价调整")
    # A change arriving from the sync while staff type does not reload the unit from under the form.
    screen.refresh(None)
    desk.settle()
    assert screen.correction.isVisible() and screen.reason.text() == "面积实测后总价调整"
    assert screen.save_button.isEnabled()
    desk.click(screen.price)
    for char in "440000.5":
        desk.click(screen.finder.keypad.keys[char])
    desk.click(screen.save_button)
    desk.settle()
    versions = screen.unit.versions
    assert [(v.version, v.state) for v in versions] == [(3, "draft"), (2, "superseded"), (1, "superseded")]
    assert versions[0].price_fen == 44_000_050 and versions[0].reason == "面积实测后总价调整"
    assert "面积实测后总价调整" in screen.history_rows[0].text() and "已被更正版本取代" in screen.history_rows[1].text()


def test_refusals_are_shown_with_what_to_do(desk: Desk, site: Site) -> None:
    desk.sign_in(*STAFF)
    screen: ContractsScreen = desk.open("office_contracts")
    # Too short a search, and one that matches nothing.
    screen.finder.field.setText("41")
    desk.click(screen.finder.search_button)
    desk.settle()
    assert screen.found.buttons == {} and "4" in screen.found.line.text()
    screen.finder.field.setText("ZZZZ9999")
    desk.click(screen.finder.search_button)
    desk.settle()
    assert screen.found.buttons == {} and "没有" in screen.found.line.text()
    # A unit code that is not on this kiosk.
    desk.open("office_contracts", unit_code="410425001003GB00128F99999999")
    assert screen.refusal.isVisible() and screen.refusal.code == "unknown_unit" and screen.unit is None

    # A unit without a contract has nothing to correct: drafting is the only step.
    unit = unit_with(site, 1)
    desk.open("office_contracts", unit_code=unit)
    assert screen.unit is not None and screen.unit.current is None
    assert screen.draft_button.isVisible() and not screen.correct_button.isVisible()
    assert not screen.sign_button.isVisible()

    # A signed contract corrected without a reason, or with a price that is not an amount: refused.
    unit = unit_with(site, 1)
    signed_contract(desk, screen, unit)
    desk.click(screen.correct_button)
    screen.price.setText("12.345")
    desk.click(screen.save_button)
    desk.settle()
    assert screen.refusal.code == "invalid" and screen.correction.isVisible()
    screen.price.clear()
    screen.reason.setText("   ")
    desk.click(screen.save_button)
    desk.settle()
    assert screen.refusal.code == "reason_required" and screen.correction.isVisible()
    desk.look("office-contracts-refused", SMALL_PANEL)
    assert screen.unit is not None and [v.state for v in screen.unit.versions] == ["signed"]


def signed_contract(desk: Desk, screen: ContractsScreen, unit: str) -> None:
    desk.open("office_contracts", unit_code=unit)
    desk.click(screen.draft_button)
    desk.settle()
    desk.click(screen.sign_button)
    sign(desk, screen)
    assert screen.unit is not None and screen.unit.current is not None and screen.unit.current.state == "signed"
