"""The staff roster (supervisor only) over a real kiosk: certifications expired and expiring marked
in words, adding a member, resetting a PIN and unlocking through the screen's own keypad and
buttons, each checked by logging in; every refusal shown with what to do."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kiosk.errors import AuthError
from kiosk.services import staff
from ui.qt import QApplication
from ui.screens.office.staff import StaffRosterScreen
from ui.snapshot import cut_off, render

from .conftest import Office


def roster(office: Office, supervisor: str = "S003") -> StaffRosterScreen:
    office.sign_in(supervisor)
    screen: StaffRosterScreen = office.nav.go("office_staff")  # type: ignore[assignment]
    office.settle()
    return screen


def type_keys(office: Office, screen: StaffRosterScreen, key: str, text: str) -> None:
    office.click(screen.fields[key])
    office.click(screen.keypad.clear_key)
    for char in text:
        office.click(screen.keypad.keys[char])


def test_the_roster_marks_expired_and_expiring_certifications(office: Office, site: Any) -> None:
    with site.store.unit_of_work("test") as uow:
        staff.add_staff(uow, "S020", name="郑晓", role="staff", cert_no="JXDJ-2026-0020",
                        cert_expires=site.ctx.today() + dt.timedelta(days=12), pin="135790")
    screen = roster(office)
    assert screen.body.isVisible() and not screen.denied.isVisible()
    assert "6 人" in screen.summary.text() and "1 人 30 天内到期" in screen.summary.text()
    states = {sid: screen.findChild(type(screen.summary), f"staff_state_{sid}") for sid in ("S009", "S001")}
    assert states["S009"] is not None and states["S009"].text() == "持证已过期"
    assert states["S009"].property("state") == "error"
    assert states["S001"] is not None and states["S001"].property("state") == "ok"
    # As many rows a page as the panel shows (1920x1080: all six), the rest a visible button away.
    assert list(screen.reset_buttons) == ["S001", "S002", "S009", "S020", "S003", "T001"], "by role, then number"
    office.nav.resize(1280, 420)  # a short panel: the roster pages
    office.qtbot.waitUntil(lambda: len(screen.reset_buttons) < 6)
    assert screen.pager.isVisible() and "S001" in screen.reset_buttons
    seen = list(screen.reset_buttons)
    while screen.pager.next_button.isEnabled():
        office.click(screen.pager.next_button)
        QApplication.processEvents()
        seen += list(screen.reset_buttons)
    assert seen == ["S001", "S002", "S009", "S020", "S003", "T001"], "every row once, on one page or another"
    office.nav.resize(1920, 1080)
    office.qtbot.waitUntil(lambda: len(screen.reset_buttons) == 6)
    QApplication.processEvents()
    expiring = screen.findChild(type(screen.summary), "staff_state_S020")
    assert expiring is not None and expiring.text() == "持证将于 12 天后到期" and expiring.property("state") == "warn"


@pytest.mark.parametrize("height", [640, 800, 1080])
@pytest.mark.parametrize("large", [False, True])
def test_each_row_holds_its_buttons_whole(office: Office, height: int, large: bool) -> None:
    """A page holds as many rows as there is room for with the staff buttons as the theme draws them
    (taller than the 64 px target): the rows are never squeezed, so no button's lower edge is cut off."""
    screen = roster(office)
    render(office.nav, size=(1280, height), large=large, mode="staff")
    assert screen.reset_buttons and not cut_off(screen), [str(p) for p in cut_off(screen)]


def test_the_pin_form_shows_digit_keys_only(office: Office) -> None:
    """The keypad of a new PIN has the digits alone; adding a member has the roster's letters and the dash too."""
    screen = roster(office)
    office.click(screen.reset_buttons["S001"])
    assert screen.mode == "pin" and screen.form_box.isVisible()
    QApplication.processEvents()
    shown = {char for char, key in screen.keypad.keys.items() if key.isVisible()}
    assert shown == set("1234567890")
    office.click(screen.cancel_button)
    office.click(screen.add_button)
    QApplication.processEvents()
    shown = {char for char, key in screen.keypad.keys.items() if key.isVisible()}
    assert shown >= set("1234567890ST-")


def test_only_a_supervisor_opens_the_roster(office: Office) -> None:
    screen = roster(office, "S001")
    assert not screen.body.isVisible() and screen.denied.isVisible() and "主管" in screen.denied.text()
    office.ctx.sign_out()
    office.nav.go("office_staff")
    assert not screen.body.isVisible() and "请先在窗口登录" in screen.denied.text()


def fill_member(office: Office, screen: StaffRosterScreen, staff_id: str, expires: str) -> None:
    office.click(screen.add_button)
    assert screen.form_box.isVisible() and not screen.list_box.isVisible()
    type_keys(office, screen, "staff_id", staff_id)
    office.click(screen.fields["name"])
    office.write(screen.fields["name"], "李新")
    office.click(screen.fields["cert_no"])
    office.write(screen.fields["cert_no"], "JXDJ-2026-0100")
    type_keys(office, screen, "cert_expires", expires)
    type_keys(office, screen, "pin", "135790")
    type_keys(office, screen, "pin_again", "135790")
    assert list(screen.role_buttons) == list(staff.ADDABLE_ROLES) == ["staff"], "only what the core lets a terminal add"
    office.click(screen.role_buttons["staff"])


def test_a_supervisor_adds_a_member_who_then_logs_in(office: Office) -> None:
    screen = roster(office)
    fill_member(office, screen, "S010", "2027-06-30")
    assert screen.save_button.isEnabled() and screen.form_hint.text() == "请点“保存”。"
    office.click(screen.save_button)
    office.settle()
    assert screen.done.isVisible() and "S010 李新" in screen.done.text() and screen.list_box.isVisible()
    assert office.ctx.kiosk.login("S010", "135790").value == staff.Actor("S010", "staff")


@pytest.mark.parametrize(("staff_id", "expires", "said"), [
    ("S001", "2027-06-30", "该工号已在名册中。"),
    ("S010", "2026-01-01", "该上岗证已经过期。"),
])
def test_a_member_refused_keeps_the_form(office: Office, staff_id: str, expires: str, said: str) -> None:
    screen = roster(office)
    fill_member(office, screen, staff_id, expires)
    office.click(screen.save_button)
    office.settle()
    assert screen.refusal.isVisible() and screen.refusal.message.text() == said and screen.refusal.hint.text()
    assert screen.form_box.isVisible() and screen.fields["name"].text() == "李新", "the form stays"
    assert screen.fields["pin"].text() == "", "the PIN is typed again"
    assert not screen.done.isVisible()


def test_the_form_says_what_is_missing(office: Office) -> None:
    screen = roster(office)
    office.click(screen.add_button)
    assert not screen.save_button.isEnabled() and "工号" in screen.form_hint.text()
    office.click(screen.cancel_button)
    fill_member(office, screen, "S010", "2027-02-30")
    assert not screen.save_button.isEnabled() and "YYYY-MM-DD" in screen.form_hint.text(), "no such day"
    type_keys(office, screen, "cert_expires", "2027-02-28")
    type_keys(office, screen, "pin_again", "135791")
    assert not screen.save_button.isEnabled() and "再输入一次" in screen.form_hint.text()
    office.click(screen.cancel_button)
    assert screen.list_box.isVisible() and not screen.form_box.isVisible()


def test_reset_pin_and_unlock(office: Office, site: Any) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            staff.login(site.ctx, "S002", "000000")
    screen = roster(office)
    locked = screen.findChild(type(screen.summary), "staff_state_S002")
    assert locked is not None and locked.text().startswith("PIN 码错误次数过多，已锁定至")
    QApplication.processEvents()
    assert set(screen.unlock_buttons) == {"S002"}, "only a locked account has the unlock button"
    supervisor = office.ctx.actor
    assert supervisor is not None
    office.ctx.training = True
    office.ctx.sign_in(supervisor)  # as a training session signs the supervisor in
    office.click(screen.unlock_buttons["S002"])
    office.settle()
    assert screen.refusal.message.text() == "员工账号是真实的：培训模式下不能更改。", "accounts are real"
    with pytest.raises(AuthError):
        office.ctx.kiosk.login("S002", "135791").value
    office.ctx.training = False
    office.ctx.sign_in(supervisor)
    office.qtbot.wait(550)  # the unlock button's double-tap guard
    office.click(screen.unlock_buttons["S002"])
    office.settle()
    assert "S002 已解锁" in screen.done.text()
    assert office.ctx.kiosk.login("S002", "135791").value.id == "S002"

    QApplication.processEvents()
    assert screen.unlock_buttons == {}
    office.click(screen.reset_buttons["S002"])
    assert "S002 孙浩然" in screen.form_title.text() and not screen.fields["staff_id"].isVisible()
    type_keys(office, screen, "pin", "800800")
    type_keys(office, screen, "pin_again", "800800")
    office.click(screen.save_button)
    office.settle()
    assert "S002 的新 PIN 码已生效" in screen.done.text()
    assert office.ctx.kiosk.login("S002", "800800").value.id == "S002"
    with pytest.raises(AuthError):
        office.ctx.kiosk.login("S002", "135791")
