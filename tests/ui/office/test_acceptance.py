"""Joint acceptance through the real screen: the checklist, recording, the request, the approval."""

from __future__ import annotations

from tests.ui.office.casework import SMALL_PANEL, STAFF, Desk, Site, desk_fixture, site_fixture  # noqa: F401 (fixtures)

import dataclasses

from hardware.devices import ScannerDevice
from kiosk.services.acceptance import ITEMS
from sync.wire import kinds
from ui.screens.office.acceptance import AcceptanceScreen

LSHY, WMJ = "JX-LSHY", "JX-WMJ"


def record(desk: Desk, screen: AcceptanceScreen, item: str, number: str) -> None:
    desk.click(screen.record_buttons[item])
    assert screen.form.isVisible() and screen.document_no.isVisible()
    screen.document_no.setText(number)
    desk.click(screen.save_button)
    desk.settle()


def test_recording_every_item_requests_the_first_registration_and_the_approval_shows(
        desk: Desk, site: Site) -> None:
    desk.sign_in(*STAFF)
    screen: AcceptanceScreen = desk.open("office_acceptance", project_id=LSHY)
    assert set(screen.project_buttons) == {LSHY, WMJ}
    assert "还有 5 项未录入" in screen.registration.text() and screen.registration.property("state") == "warn"
    assert set(screen.record_buttons) == set(ITEMS)

    for n, item in enumerate(ITEMS):
        record(desk, screen, item, f"郏验〔2026〕{n + 1}号")
        assert screen.checklist.isVisible() and not screen.refusal.isVisible()
    desk.look("office-acceptance-requested")
    project = screen.current()
    assert project is not None and project.first_registration == "requested" and not project.missing
    assert all(i.recorded_by == "staff:S001" and i.recorded_at for i in project.items)
    # Who recorded it by staff number, as the roster and the badge show it (not the audit label staff:S001).
    assert screen.details["civil_air_defence"].text().startswith("郏验〔2026〕3号 · S001 · ")
    assert "申请首次登记" in screen.registration.text() and screen.record_buttons == {}  # nothing changes any more

    # The platform approves; the change feed brings it onto the screen without a tap.
    site.pull(kinds.FIRST_REGISTRATION_APPROVED, LSHY, {})
    desk.qtbot.waitUntil(lambda: "已批准" in screen.registration.text(), timeout=10_000)
    assert screen.current() is not None and screen.current().eligible  # type: ignore[union-attr]
    assert screen.registration.property("state") == "ok"


def test_refusals_are_shown_with_what_to_do(desk: Desk, site: Site) -> None:
    screen: AcceptanceScreen = desk.open("office_acceptance")
    # Nobody signed in: the screen says where to log in and shows no checklist.
    assert screen.no_staff.isVisible() and not screen.body.isVisible()
    assert "登录" in screen.no_staff.text()

    desk.sign_in(*STAFF)
    screen = desk.open("office_acceptance", project_id=WMJ)
    desk.click(screen.project_buttons[WMJ])
    # Neither a document number nor a scan: refused, the form stays open with the hint.
    desk.click(screen.record_buttons["fire"])
    desk.click(screen.save_button)
    desk.settle()
    assert screen.refusal.isVisible() and screen.refusal.code == "invalid"
    assert screen.form.isVisible()
    # No scanner fitted: the refusal says so, the form stays.
    desk.click(screen.scan_button)
    desk.settle()
    assert screen.refusal.isVisible() and "扫描" not in screen.scanned.text()
    assert "[LookupError]" in screen.refusal.detail.text()
    desk.look("office-acceptance-refused", SMALL_PANEL)
    # Cancel leaves the checklist as it was.
    desk.click(screen.cancel_button)
    project = screen.current()
    assert project is not None and len(project.missing) == len(ITEMS)
    assert screen.checklist.isVisible()


def test_a_scanned_qr_code_is_recorded_with_the_item(desk: Desk, site: Site) -> None:
    """The simulated scan engine (sim://, on a real pseudo-terminal) reads the code presented to it."""
    scanner = ScannerDevice("sim://")
    assert scanner.tray is not None
    desk.ctx.devices = dataclasses.replace(desk.ctx.devices, scanner=scanner)
    desk.sign_in(*STAFF)
    screen: AcceptanceScreen = desk.open("office_acceptance", project_id=WMJ)
    desk.click(screen.record_buttons["planning"])

    # Bytes that are no text: the scanner's setting is wrong, and the refusal says so; nothing is read.
    scanner.tray.present(b"\xff\xfe\x81\x00\xc3")
    desk.click(screen.scan_button)
    desk.qtbot.waitUntil(lambda: screen.refusal.isVisible(), timeout=10_000)
    assert screen.refusal.code == "device_protocol" and "无法识别" in screen.refusal.message.text()
    assert "UTF-8" in screen.refusal.hint.text()
    assert screen.qr_text == "" and not screen.scanned.isVisible()

    code = "郏规验字〔2026〕047号|JX-WMJ|planning|https://zwfw.jiaxian.gov.cn/v/8F3K2Q"
    scanner.tray.present(code)
    desk.qtbot.wait(550)  # the scan button ignores a second tap within 500 ms
    desk.click(screen.scan_button)
    desk.qtbot.waitUntil(lambda: screen.scanned.isVisible(), timeout=10_000)
    assert not screen.refusal.isVisible() and screen.qr_text == code
    assert "已读取二维码" in screen.scanned.text() and screen.document_no.text() == ""
    desk.click(screen.save_button)
    desk.settle()
    assert screen.checklist.isVisible() and "已扫码录入" in screen.details["planning"].text()
    item = next(i for i in screen.current().items if i.item == "planning")  # type: ignore[union-attr]
    assert item.scanned and item.recorded_by == "staff:S001"
    row = site.store.read("SELECT qr_text, document_no FROM acceptances WHERE project_id = ? AND item = ?",
                          (WMJ, "planning"))
    assert [(r["qr_text"], r["document_no"]) for r in row] == [(code, None)]
