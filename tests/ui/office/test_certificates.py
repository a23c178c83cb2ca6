"""Certificates over a real kiosk: the paper stock with a pack added by its first and last serial
and a spoiled sheet voided (a supervisor's number and PIN), the low-stock warning, a bound
certificate reprinted, mailing requests with their tracking, a new mailing request made on the
Mailing tab for a holder or an agent; refusals on screen with what was typed kept."""

from __future__ import annotations

from typing import Any

from kiosk.privacy import mask_id
from kiosk.services import handover, mailing, printing
from sync.wire import kinds
from ui.qt import QApplication, QLabel
from ui.screens.office.certificates import CertificatesScreen

from .conftest import Office, visible_texts


def cert_screen(office: Office, who: str = "S001") -> CertificatesScreen:
    office.sign_in(who)
    screen: CertificatesScreen = office.nav.go("office_certificates")  # type: ignore[assignment]
    office.settle()
    QApplication.processEvents()
    return screen


def texts(screen: CertificatesScreen) -> str:
    return "\n".join(w.text() for w in screen.findChildren(QLabel) if w.isVisible())


def fill(office: Office, screen: CertificatesScreen, mode: str, first: str, last: str = "") -> None:
    office.click(screen.add_button if mode == "add" else screen.void_button)
    office.click(screen.first)
    office.write(screen.first, first)
    if last:
        office.click(screen.last)
        office.write(screen.last, last)
    office.click(screen.next_button)


def test_a_pack_is_added_and_a_sheet_voided_by_a_supervisor(office: Office) -> None:
    screen = cert_screen(office)
    assert screen.stock_line.text() == "库存空白证书纸 300 张，印制号 HN2026-0000101 至 HN2026-0000400。"
    assert screen.stock_line.property("state") == "ok"
    fill(office, screen, "add", "HN2026-0000401", "HN2026-0000410")
    assert screen.approval.isVisible() and not screen.approval.reason.isVisible(), "no reason for paper received"
    assert "10 张" in screen.approval.title.text()
    office.approve(screen.approval, "S003", "864200", "")
    QApplication.processEvents()
    assert screen.done.text() == "已登记入库 10 张证书纸。" and "310 张" in screen.stock_line.text()

    fill(office, screen, "void", "HN2026-0000101")
    assert screen.approval.reason.isVisible()
    office.approve(screen.approval, "S003", "864200", "卡纸污损作废")
    QApplication.processEvents()
    assert screen.done.text() == "证书纸 HN2026-0000101 已作废。" and "309 张" in screen.stock_line.text()
    office.qtbot.waitUntil(lambda: "原因：卡纸污损作废" in texts(screen), timeout=5000)
    assert "HN2026-0000101" in texts(screen) and "S003" in texts(screen) and "supervisor:" not in texts(screen)
    assert office.ctx.kiosk.certificates().voided[0].by == "supervisor:S003"


def test_paper_refusals(office: Office) -> None:
    screen = cert_screen(office)
    fill(office, screen, "add", "HN2026-0000420", "HN2026-0000411")
    assert screen.refusal.code == "bad_range" and "连续号码" in screen.refusal.message.text()
    assert not screen.approval.isVisible(), "refused before any supervisor is asked"
    office.click(screen.cancel_button)
    fill(office, screen, "add", "HN2026-0000400", "HN2026-0000401")
    office.approve(screen.approval, "S003", "864200", "")
    QApplication.processEvents()
    assert screen.refusal.code == "serial_known" and screen.refusal.hint.text()
    assert "300 张" in screen.stock_line.text(), "nothing of the pack was added"
    assert screen.form.isVisible() and screen.first.text() == "HN2026-0000400", "the form stays to be corrected"
    office.click(screen.cancel_button)
    fill(office, screen, "void", "XX-1")
    office.approve(screen.approval, "S003", "864200", "卡纸污损作废")
    QApplication.processEvents()
    assert screen.refusal.code == "serial_not_on_hand" and not screen.done.isVisible()


def test_low_stock_is_a_warning(office: Office, site: Any) -> None:
    with site.store.unit_of_work("test") as uow:
        # Sheets printed on in earlier handovers: ten are left.
        uow.execute("UPDATE certificate_stock SET state = 'used' WHERE serial > 'HN2026-0000110'")
        uow.log("test.stock_used", "certificate_stock")
    screen = cert_screen(office)
    assert screen.stock_line.property("state") == "warn" and "库存偏低" in screen.stock_line.text()


def test_reprint_and_mailing(office: Office, site: Any, single: str) -> None:
    site.ready(single)
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    first = handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    screen = cert_screen(office)
    office.click(screen.tabs["reprint"])
    QApplication.processEvents()
    assert list(screen.reprint_buttons) == [single]
    office.qtbot.waitUntil(lambda: first in texts(screen), timeout=5000)
    office.click(screen.reprint_buttons[single])
    office.approve(screen.approval, "S001", "246810", "卡纸打印错位")
    assert screen.approval.refusal.code == "not_permitted"
    office.approve(screen.approval, "S003", "864200", "卡纸打印错位")
    QApplication.processEvents()
    assert screen.done.isVisible() and "HN2026-0000102" in screen.done.text()

    other = next(u for u in flows_units(site) if u != single)
    site.register(other, number="豫(2026)郏县不动产权第0000102号")
    buyer = site.buyers(other)[0]
    request = mailing.request_mailing(site.ctx, site.staff, other, requester_id_number=buyer.id_number,
                                      identified_by="in_person", recipient="王某", phone="13800001111",
                                      address="河南省郑州市金水区某路1号")
    office.click(screen.tabs["mail"])
    office.ctx.poll()  # the change feed reports the request, as its timer would
    office.settle()
    QApplication.processEvents()
    state = screen.findChild(QLabel, f"certificates_mail_state_{request}")
    assert state is not None and state.text() == "已申请，等待运单号"
    assert "王某" not in texts(screen) and "13800001111" not in texts(screen), "the recipient stays private"
    site.pull(kinds.MAIL_TRACKING, request, {"tracking_no": "EMS1234567890", "carrier": "EMS"})
    office.ctx.poll()
    office.qtbot.waitUntil(lambda: "EMS1234567890" in texts(screen), timeout=5000)


def flows_units(site: Any) -> list[str]:
    return [r["code"] for r in site.store.read("SELECT code FROM units WHERE training = 0 ORDER BY code LIMIT 5")]


def type_id(office: Office, screen: CertificatesScreen, number: str) -> None:
    for char in number:
        office.click(screen.mail_form.id_keypad.keys[char])


def fill_mail(office: Office, screen: CertificatesScreen, unit: str, id_number: str, *, agent: bool = False,
              authorisation: str = "", phone: str = "13800001111") -> None:
    """The Mailing tab's new request for ``unit``, filled through the real widgets (not yet sent)."""
    office.click(screen.tabs["mail"])
    office.click(screen.new_mail_button)
    QApplication.processEvents()
    office.qtbot.waitUntil(lambda: unit in screen.mailable_buttons, timeout=5000)
    office.click(screen.mailable_buttons[unit])
    form = screen.mail_form
    assert form.isVisible() and unit in form.unit_line.text()
    if agent:
        office.click(form.agent_button)
    type_id(office, screen, id_number)
    for name, text in (("authorisation", authorisation), ("recipient", "王某"), ("phone", phone),
                       ("address", "河南省郑州市金水区某路1号")):
        if form.fields[name].isVisible():
            office.click(form.fields[name])
            office.write(form.fields[name], text)


def slips(site: Any, unit: str) -> list[Any]:
    return [j for j in printing.pending_jobs(site.store) if j["kind"] == "mailing_slip" and j["subject"] == unit]


def test_a_holder_asks_for_mailing_at_the_office(office: Office, site: Any, single: str) -> None:
    site.register(single)
    buyer = site.buyers(single)[0]
    screen = cert_screen(office)
    fill_mail(office, screen, single, buyer.id_number)
    form = screen.mail_form
    assert buyer.id_number not in visible_texts(screen), "the ID number is masked as it is typed"
    assert mask_id(buyer.id_number).replace("*", "")[:6] in form.id_keypad.display.text()
    assert form.send_button.isEnabled() and form.missing() == ""
    office.click(form.send_button)
    office.settle()
    QApplication.processEvents()
    assert screen.mail_form.refusal.isHidden(), screen.mail_form.refusal.message.text()
    assert not form.isVisible() and screen.mode == "mail" and "邮寄单" in screen.done.text()
    (request,) = office.ctx.kiosk.certificates().mail
    assert (request.unit_code, request.state, request.requested_by) == (single, "requested", mask_id(buyer.id_number))
    office.qtbot.waitUntil(lambda: screen.findChild(QLabel, f"certificates_mail_state_{request.id}") is not None,
                           timeout=5000)
    assert mask_id(buyer.id_number) in texts(screen) and buyer.id_number not in texts(screen)
    assert len(slips(site, single)) == 1, "the mailing slip is queued for the printer"
    assert form.values() is None and not form.fields["recipient"].text(), "nothing typed is left behind"


def test_mailing_refusals_keep_what_was_typed(office: Office, site: Any, single: str) -> None:
    site.register(single)
    buyer = site.buyers(single)[0]
    screen = cert_screen(office)
    fill_mail(office, screen, single, buyer.id_number, agent=True)
    form = screen.mail_form
    assert form.fields["authorisation"].isVisible() and "授权委托书" in form.hint.text()
    office.click(form.send_button)
    office.settle()
    assert screen.mail_form.refusal.code == "no_authorisation" and "授权委托书" in screen.mail_form.refusal.hint.text()
    assert form.isVisible() and form.fields["authorisation"].property("state") == "error"
    assert form.fields["recipient"].text() == "王某" and form.values() is not None, "the form is kept"

    office.click(form.in_person_button)
    office.click(form.fields["phone"])
    form.fields["phone"].clear()
    office.write(form.fields["phone"], "12")
    office.click(form.send_button)
    office.settle()
    assert screen.mail_form.refusal.code == "invalid" and "电话" in screen.mail_form.refusal.message.text()
    assert form.fields["phone"].property("state") == "error" and "▶" in form.labels["phone"].text()
    assert (form.fields["phone"].text(), form.fields["recipient"].text(), form.values()["requester_id_number"]) == (
        "12", "王某", buyer.id_number), "every field keeps what was typed"
    assert office.ctx.kiosk.certificates().mail == () and not slips(site, single)


def test_a_bound_certificate_is_not_offered_and_refused(office: Office, site: Any, single: str) -> None:
    site.ready(single)
    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    screen = cert_screen(office)
    office.click(screen.tabs["mail"])
    office.click(screen.new_mail_button)
    QApplication.processEvents()
    assert single not in screen.mailable_buttons and "不能邮寄" in screen.summary.text()
    # Opened on it all the same (as the snapshot entry opens a unit): the services refuse it in plain words.
    screen.choose_unit(single)
    type_id(office, screen, site.buyers(single)[0].id_number)
    for name in ("recipient", "phone", "address"):
        office.write(screen.mail_form.fields[name], {"recipient": "王某", "phone": "13800001111",
                                                     "address": "河南省郑州市金水区某路1号"}[name])
    office.click(screen.mail_form.send_button)
    office.settle()
    assert screen.mail_form.refusal.code == "illegal_transition" and "不能再邮寄" in screen.mail_form.refusal.message.text()
    assert screen.mail_form.isVisible() and not slips(site, single)
