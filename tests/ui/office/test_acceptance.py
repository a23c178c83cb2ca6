"""Joint acceptance through the real screen: the checklist, recording, the request, the approval."""

from __future__ import annotations

from tests.ui.office.casework import SMALL_PANEL, STAFF, Desk, Site, desk_fixture, site_fixture  # noqa: F401 (fixtures)

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
    assert "郏验〔2026〕3号" in screen.details["civil_air_defence"].text()
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
