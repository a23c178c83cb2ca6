"""DoneScreen over a real kiosk: a handover delivered through the services, the e-certificate QR, the
好差评 evaluation stored and queued, its refusal, and the mailing form where the services allow it."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from kiosk.store import outbox
from sync.wire import kinds
from qr_pictures import read_qr
from ui import i18n
from ui.navigation import Navigator
from ui.qt import Qt
from ui.screens.buyer.done import DoneScreen
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render


def test_the_certificate_code_and_an_evaluation_with_a_reason(
        nav: Navigator, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    on_store(lambda k: buyers.delivered(unit))
    token = on_store(lambda k: k.store.read("SELECT e_cert_token FROM certificates WHERE unit_code = ?",
                                            (unit,))[0]["e_cert_token"])
    screen = nav.go("done", unit_code=unit)
    assert isinstance(screen, DoneScreen)
    qtbot.waitUntil(lambda: screen.closing is not None, timeout=20_000)
    assert read_qr(screen.qr.pixmap()) == [token] and not screen.mail_button.isVisible()
    assert "窗口" in screen.mail_note.text()
    # The evaluation is a page of its own, opened from beside the code; back there without rating.
    assert not screen.level_buttons["satisfied"].isVisible() and screen.rate_button.isEnabled()
    qtbot.mouseClick(screen.rate_button, Qt.MouseButton.LeftButton)
    assert screen.level_buttons["satisfied"].isVisible() and not screen.qr.isVisible()
    assert not screen.send_button.isEnabled() and not screen.reason.isVisible()
    qtbot.mouseClick(screen.rating_back, Qt.MouseButton.LeftButton)
    assert screen.qr.isVisible() and not screen.level_buttons["satisfied"].isVisible()
    qtbot.wait(550)  # past the rate button's double-tap guard (ux.md)
    qtbot.mouseClick(screen.rate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.level_buttons["satisfied"], Qt.MouseButton.LeftButton)
    assert not screen.reason.isVisible() and screen.send_button.isVisible() and screen.send_button.isEnabled()
    # A lower level: the reason on a step of its own, the level named; the level can be changed.
    qtbot.mouseClick(screen.level_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
    assert screen.reason.isVisible() and not screen.level_buttons["satisfied"].isVisible()
    assert screen.chosen.text() == "您的评价：不满意" and screen.send_button.isVisible()
    qtbot.keyClicks(screen.reason, "wait too long")
    qtbot.mouseClick(screen.change_level, Qt.MouseButton.LeftButton)
    assert screen.level_buttons["dissatisfied"].isChecked() and not screen.reason.isVisible()
    qtbot.mouseClick(screen.level_buttons["very_dissatisfied"], Qt.MouseButton.LeftButton)
    assert screen.reason.text() == "wait too long" and screen.chosen.text() == "您的评价：非常不满意"
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.thanks.text()), timeout=20_000)
    assert "谢谢" in screen.thanks.text() and not screen.send_button.isEnabled()
    # Back beside the code, the thanks in its words, and nothing left to rate.
    assert screen.thanks.isVisible() and screen.qr.isVisible() and not screen.rate_button.isEnabled()
    # The thanks stands where the rate button was (nothing is left to rate), in the language chosen.
    assert not screen.rate_button.isVisible()
    i18n.switch_language("en")
    assert screen.thanks.text() == "Thank you. Your evaluation is recorded."
    i18n.switch_language("zh_CN")
    rows = on_store(lambda k: k.store.read("SELECT level, training FROM evaluations WHERE unit_code = ?", (unit,)))
    assert [(r["level"], r["training"]) for r in rows] == [("very_dissatisfied", 1)]
    records = on_store(lambda k: outbox.read_pending(k.store, 10_000)[0])
    [record] = [r for r in records if r.kind == kinds.EVALUATION_RECORDED]
    assert record.payload["reason"] == "wait too long" and record.payload["level_label"] == "非常不满意"
    report = on_store(lambda k: k.supervision_report(include_training=True))
    assert report["totals"]["evaluations"]["very_dissatisfied"] == 1
    nav.home()
    assert screen.closing is None and screen.qr.pixmap().isNull() and screen.reason.text() == ""


def test_a_second_evaluation_is_refused_with_its_hint(nav: Navigator, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    on_store(lambda k: buyers.delivered(unit))
    screen = nav.go("done", unit_code=unit)
    assert isinstance(screen, DoneScreen)
    qtbot.waitUntil(lambda: screen.closing is not None, timeout=20_000)
    qtbot.mouseClick(screen.rate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.level_buttons["very_satisfied"], Qt.MouseButton.LeftButton)
    # Meanwhile the same handover is evaluated elsewhere (another session).
    from kiosk.services import evaluations
    from ui.screens.buyer.common import self_service_actor
    on_store(lambda k: k.run(evaluations.record_evaluation, self_service_actor(screen.ctx), unit, "satisfied"))
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert screen.staff_note.text().startswith("already_evaluated: one evaluation per handover")
    assert "工作人员" in screen.message.text()
    nav.go("done", unit_code=unit)  # coming back: the evaluation is already there, nothing to send
    qtbot.waitUntil(lambda: screen.closing is not None, timeout=20_000)
    assert "谢谢" in screen.thanks.text() and not screen.send_button.isEnabled()
    assert not any(b.isEnabled() for b in screen.level_buttons.values()) and not screen.rate_button.isEnabled()


def test_mailing_for_an_absent_co_owner_where_the_services_allow_it(
        nav: Navigator, buyers: Any, on_store: Any, qtbot: Any) -> None:
    unit = buyers.unit(co_owners=2)
    on_store(lambda k: buyers.registered(unit))
    holder = buyers.holders(unit)[0]
    screen = nav.go("done", unit_code=unit)
    assert isinstance(screen, DoneScreen)
    qtbot.waitUntil(lambda: screen.closing is not None, timeout=20_000)
    assert screen.mail_button.isVisible()
    qtbot.mouseClick(screen.mail_button, Qt.MouseButton.LeftButton)
    # Two steps: the requester's own ID number first; the next step waits for a complete one.
    assert screen.mail_next.isVisible() and not screen.mail_next.isEnabled() and not screen.recipient.isVisible()
    assert "身份证号" in screen.mail_heading.text()
    for char in holder.id_number[:-1]:
        qtbot.mouseClick(screen.requester.keys[char], Qt.MouseButton.LeftButton)
    assert not screen.mail_next.isEnabled()
    qtbot.mouseClick(screen.requester.keys[holder.id_number[-1]], Qt.MouseButton.LeftButton)
    assert holder.id_number not in screen.requester.display.text().replace(" ", "")
    qtbot.mouseClick(screen.mail_next, Qt.MouseButton.LeftButton)
    assert screen.recipient.isVisible() and not screen.requester.isVisible()
    qtbot.mouseClick(screen.mail_back, Qt.MouseButton.LeftButton)  # back to the number, which is kept
    assert screen.requester.isVisible() and screen.requester.number() == holder.id_number
    qtbot.wait(600)  # the next button ignores a second tap within 500 ms (ux.md)
    qtbot.mouseClick(screen.mail_next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.recipient, "Xiong")
    qtbot.keyClicks(screen.phone, "13800000000")
    qtbot.keyClicks(screen.address, "Henan Jia County Longshan Road 1")
    qtbot.wait(600)
    qtbot.mouseClick(screen.mail_send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.mailed or bool(screen.staff_note.text()), timeout=20_000)
    assert screen.mailed, screen.staff_note.text()
    assert "短信" in screen.mail_note.text() and screen.recipient.text() == ""
    state = on_store(lambda k: k.store.read("SELECT state FROM certificates WHERE unit_code = ?", (unit,))[0]["state"])
    assert state == "mail_requested"


def test_snapshots(nav: Navigator, buyers: Any, on_store: Any, qtbot: Any, tmp_path: Path) -> None:
    unit = buyers.unit(co_owners=2)
    on_store(lambda k: buyers.registered(unit))
    screen = nav.go("done", unit_code=unit)
    assert isinstance(screen, DoneScreen)
    qtbot.waitUntil(lambda: screen.closing is not None, timeout=20_000)
    for phase in ("code", "evaluate", "reason", "mail", "mail_fields"):
        if phase == "evaluate":
            screen.open_rating()
        if phase == "reason":
            screen.choose("dissatisfied")
        if phase == "mail":
            screen.open_mailing()
        if phase == "mail_fields":
            for char in buyers.holders(unit)[0].id_number:
                screen.requester.press(char)
            screen.mailing_fields()
        for lang in ("zh_CN", "en"):
            for large in (False, True):
                image = render(nav, tmp_path / f"buyer-done-{phase}-{lang}{'-large' if large else ''}.png",
                               lang=lang, large=large)
                assert (image.width(), image.height()) == (1920, 1080), (phase, lang, large)
                assert [str(p) for p in clipped_texts(nav)] == [], (phase, lang, large)
                assert missing_glyphs(nav) == [], (phase, lang, large)
        if phase in ("code", "mail"):
            # A portrait panel (1080 px wide, English in large text the widest): the code above its words,
            # the keys above their buttons, and no page of the screen wider than the panel.
            render(nav, tmp_path / f"buyer-done-{phase}-portrait.png", size=(1080, 1920), lang="en", large=True)
            assert [str(p) for p in overflow(nav, (1080, 1920)) + clipped_texts(nav)] == [], phase
            assert screen.code_row.direction() == screen.code_row.Direction.TopToBottom
            if phase == "code":  # the code drawn large across the panel's width (it stood small at the left)
                assert screen.qr.pixmap().width() >= 300 and screen.qr.width() >= 900
