"""The back-office hub: reached from the counter's queue by a signed-in staff member; one button per
section the role may open (the staff roster for supervisors only); nobody signed in, or a role with
no back-office work, is told why and where to go instead."""

from __future__ import annotations

from ui.navigation import Navigator
from ui.qt import QApplication
from ui.screens.office.hub import SECTIONS, OfficeScreen
from ui.screens.office.staff import StaffRosterScreen

from .conftest import Office


def with_sections(office: Office) -> OfficeScreen:
    hub: OfficeScreen = office.screen("office")
    return hub


def tiles(hub: OfficeScreen) -> dict[str, str]:
    """The section buttons shown (Qt shows a new child of a shown widget on the next event loop)."""
    QApplication.processEvents()
    return {name: tile.text() for name, tile in hub.buttons.items() if tile.isVisible()}


def test_staff_reach_the_hub_from_the_queue(office: Office) -> None:
    hub = with_sections(office)
    office.log_in("S001", "246810")
    office.click(office.queue.office_button)
    assert office.nav.current is hub
    assert tiles(hub) == {"office_credit": "信用限制", "office_certificates": "证书与证书纸",
                          "office_supervision": "督查台账"}, "no staff roster"
    assert hub.who.text() == "已登录：赵雅琴（窗口人员）" and not hub.denied.isVisible()
    office.click(hub.buttons["office_certificates"])
    assert office.nav.current is not None and office.nav.current.name == "office_certificates"
    office.nav.go("office")
    office.click(hub.queue_button)
    assert office.nav.current is office.queue


def test_a_supervisor_also_sees_the_staff_roster(office: Office, en: None) -> None:
    hub = with_sections(office)
    office.sign_in("S003")
    office.nav.go("office")
    assert tiles(hub) == {"office_credit": "Credit restrictions", "office_certificates": "Certificates",
                          "office_staff": "Staff roster", "office_supervision": "Supervision ledger"}
    assert hub.who.text() == "Signed in: 钱慧敏 (supervisor)"


def test_nobody_signed_in_is_sent_to_the_login(office: Office) -> None:
    hub = with_sections(office)
    office.nav.go("office")
    assert tiles(hub) == {} and hub.denied.isVisible() and "请先在窗口登录" in hub.denied.text()
    assert not hub.queue_button.isVisible()
    office.click(hub.login_button)
    assert office.nav.current is office.login


def test_signing_out_empties_the_hub_at_once(office: Office) -> None:
    hub = with_sections(office)
    office.sign_in("S001")
    office.nav.go("office")
    assert len(tiles(hub)) == 3
    office.ctx.sign_out()
    assert tiles(hub) == {} and hub.login_button.isVisible() and not hub.who.isVisible()


def test_a_technician_has_no_back_office_work(office: Office) -> None:
    hub = with_sections(office)
    office.sign_in("T001")
    office.nav.go("office")
    assert tiles(hub) == {} and "没有后台业务" in hub.denied.text() and hub.queue_button.isVisible()


def test_a_section_not_installed_shows_no_button(office: Office) -> None:
    nav = Navigator(office.ctx)
    hub = OfficeScreen(office.ctx)
    nav.add(hub, home=True)
    nav.add(StaffRosterScreen(office.ctx))
    office.qtbot.addWidget(nav)
    nav.show()
    office.sign_in("S003")
    nav.go("office")
    assert tiles(hub) == {"office_staff": "人员名册"}
    assert {s.screen_name for s in SECTIONS} == {"office_staff", "office_credit", "office_certificates",
                                                 "office_acceptance", "office_contracts", "office_payments",
                                                 "office_supervision"}
