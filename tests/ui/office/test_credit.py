"""Credit restrictions over a real kiosk: the platform's restriction with its source and dates, a
unit overridden with a supervisor's number, PIN and reason, a violation recorded by the staff
member signed in; refusals (not a supervisor, too short a reason, nothing chosen) on screen."""

from __future__ import annotations

from typing import Any

from ui import i18n
from ui.qt import QApplication, QLabel
from ui.screens.office.credit import CreditScreen

from .conftest import Office

USCC = "91410425MA4KJX3T7R"


def restricted(site: Any) -> None:
    site.pull("restriction.set", USCC, {"reason": "拖欠农民工工资", "since": "2026-11-01", "until": "2027-05-01"})


def credit_screen(office: Office, who: str = "S001") -> CreditScreen:
    office.sign_in(who)
    screen: CreditScreen = office.nav.go("office_credit")  # type: ignore[assignment]
    office.settle()
    QApplication.processEvents()
    return screen


def label(screen: CreditScreen, name: str) -> str:
    found = screen.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def open_first_unit(office: Office, screen: CreditScreen) -> str:
    office.click(screen.open_buttons[USCC])
    # The list is laid out again once the area has its height for this page.
    office.qtbot.waitUntil(lambda: bool(screen.unit_buttons)
                           and all(b.isVisible() for b in screen.unit_buttons.values()), timeout=5000)
    assert screen.mode == "units"
    return next(iter(screen.unit_buttons))


def test_the_list_shows_source_dates_and_an_override_by_a_supervisor(office: Office, site: Any) -> None:
    restricted(site)
    screen = credit_screen(office)
    assert "今日有效 1 条" in screen.summary.text() and label(screen, f"credit_state_{USCC}") == "限制中"
    texts = "\n".join(w.text() for w in screen.findChildren(QLabel) if w.isVisible())
    assert "平台原因：拖欠农民工工资；自 2026-11-01 至 2027-05-01" in texts and "郏县龙城置业有限公司" in texts
    unit = open_first_unit(office, screen)
    assert label(screen, f"credit_unit_state_{unit}") == "受限制，暂不能交房"
    office.click(screen.unit_buttons[unit])
    assert screen.approval.isVisible() and unit in screen.approval.title.text() and not screen.area.isVisible()
    office.approve(screen.approval, "S003", "864200", "购房人已全额付款，准予交付")
    office.settle()
    QApplication.processEvents()
    assert screen.done.isVisible() and unit in screen.done.text() and screen.area.isVisible()
    assert label(screen, f"credit_unit_state_{unit}").startswith("已放行（S003）")
    assert unit not in screen.unit_buttons, "no second override"
    override = office.ctx.kiosk.credit().restrictions[0].units[0]
    assert (override.unit_code, override.override_by) == (unit, "supervisor:S003")


def test_an_open_approval_follows_a_language_switch(office: Office, site: Any) -> None:
    """The approval takes the list's place, page buttons included; switching the language retranslates
    them and once showed them again above the form (whose fields then overlapped its hint), and left
    what is approved in Chinese under an English heading."""
    restricted(site)
    screen = credit_screen(office)
    office.nav.resize(1280, 800)
    unit = open_first_unit(office, screen)
    office.qtbot.waitUntil(lambda: screen.pager.isVisible(), timeout=5000)
    office.click(screen.unit_buttons[unit])
    assert screen.approval.isVisible() and not screen.pager.isVisible()
    i18n.switch_language("en")
    QApplication.processEvents()
    assert screen.pager.prev_button.text() == "Previous page" and not screen.pager.isVisible()
    assert screen.approval.title.text() == f"Supervisor approval: Override the restriction for unit {unit}"
    office.click(screen.approval.cancel_button)
    QApplication.processEvents()
    assert screen.area.isVisible() and screen.pager.isVisible()


def test_an_override_refused_overrides_nothing(office: Office, site: Any) -> None:
    restricted(site)
    screen = credit_screen(office)
    unit = open_first_unit(office, screen)
    office.click(screen.unit_buttons[unit])
    office.approve(screen.approval, "S002", "135791", "购房人已全额付款")
    assert screen.approval.refusal.code == "not_permitted" and screen.approval.isVisible()
    office.approve(screen.approval, "S003", "864200", "可以")
    assert screen.approval.refusal.code == "reason_required" and screen.approval.isVisible()
    assert "书面理由" in screen.approval.refusal.message.text() and screen.approval.pin.text() == "864200"
    assert not screen.done.isVisible()
    assert all(u.override_by is None for u in office.ctx.kiosk.credit().restrictions[0].units)


def test_recording_a_violation(office: Office, site: Any) -> None:
    screen = credit_screen(office)
    assert "没有限制" in screen.summary.text()
    office.click(screen.record_button)
    assert screen.form.isVisible() and screen.developer == USCC, "the one developer is chosen"
    assert not screen.save_button.isEnabled() and "违规类型" in screen.form_hint.text()
    office.click(screen.kind_buttons["late_handover"])
    assert not screen.save_button.isEnabled() and "一句话" in screen.form_hint.text()
    office.click(screen.note)
    office.write(screen.note, "逾期三个月交付钥匙")
    office.click(screen.save_button)
    office.settle()
    QApplication.processEvents()
    assert screen.mode == "violations" and "已记录" in screen.done.text()
    texts = "\n".join(w.text() for w in screen.findChildren(QLabel) if w.isVisible())
    assert "逾期交房" in texts and "逾期三个月交付钥匙" in texts and "S001" in texts and "staff:" not in texts
    (violation,) = office.ctx.kiosk.credit().violations
    assert (violation.kind, violation.recorded_by) == ("late_handover", "staff:S001")


def test_a_lifted_restriction_holds_no_unit(office: Office, site: Any, en: None) -> None:
    restricted(site)
    site.pull("restriction.lifted", USCC, {"reason": "已整改", "since": "2026-11-01"})
    screen = credit_screen(office)
    assert label(screen, f"credit_state_{USCC}") == "lifted" and "0 in force" in screen.summary.text()
    lifted_on = office.ctx.kiosk.credit().restrictions[0].lifted_on
    assert lifted_on is not None
    # The day it ended, not the end date it was published with, nor "no end date".
    assert label(screen, f"credit_source_{USCC}") == f"Platform: 拖欠农民工工资; from 2026-11-01, lifted on {lifted_on}"
    office.click(screen.open_buttons[USCC])
    QApplication.processEvents()
    assert screen.unit_buttons == {} and screen.back_button.isVisible()
    office.click(screen.back_button)
    assert screen.mode == "restrictions"


def test_nobody_signed_in_sees_nothing(office: Office) -> None:
    screen: CreditScreen = office.nav.go("office_credit")  # type: ignore[assignment]
    assert not screen.body.isVisible() and screen.denied.isVisible()
