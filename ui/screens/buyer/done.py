"""办结: the e-certificate QR to keep, mailing for an absent co-owner, and the 好差评 evaluation.

``enter(unit_code=...)``.

- The e-certificate: the verification code the registration office issued
  with the certificate (``certificates.recorded``), shown as a QR to photograph
  or scan into the e-certificate app; never printed on screen as text.
- 好差评 (评价本次服务 opens it, a page of its own): five levels (非常满意 满意
  基本满意 不满意 非常不满意); for the two lower ones a step follows where a
  reason may be typed (optional). Sent with
  ``evaluations.record_evaluation`` as the self-service actor: stored, audited,
  synced as ``evaluation.recorded`` and counted in the supervision ledger.
- Mailing: a holder present asks for the certificate to be mailed to an absent
  co-owner (``mailing.request_mailing``, identified in person by typing their own
  ID number on the keypad; recipient, phone and address in line edits). The
  services allow it while the certificate is only recorded (one certificate per
  unit in the store's state machine); once it has been bound or delivered the
  form is not offered and the screen says mailing is arranged at the counter.
  Free text uses the system input method: the Pinyin keyboard panel is the
  shell's (ui/widgets/pinyin.py); the phone field asks it for its phone pad.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.app import Kiosk
from kiosk.services import evaluations, mailing
from kiosk.services.staff import Actor

from ui.context import AppContext
from ui.qt import (
    QApplication, QBoxLayout, QButtonGroup, QEvent, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QResizeEvent, QSizePolicy, QStackedWidget,
    Qt, QVBoxLayout, QWidget,
)
from ui.screens.base import Screen, on_portrait_panel
from ui.screens.buyer.common import (
    Panel,
    label,
    note,
    plain_refusal,
    refusal_prompt,
    scrolling,
    self_service_actor,
    set_state,
    staff_line,
)
from ui.screens.buyer.pay import WIDGET_SIZE_MAX, QrLabel
from ui.tasks import Task
from ui.widgets.boxes import packed
from ui.widgets.guard import GuardedButton
from ui.widgets.keypad import IdKeypad

LEVEL_CODES: tuple[str, ...] = tuple(code for code, _ in evaluations.LEVELS)
QR_PX = 480  # as large as the room allows up to this; a 1280x800 panel leaves it about 330
MAIL_KEY_ROWS = ("1234567", "890X<<<")  # a wide delete key
MAIL_KEY_PX = 96
MAIL_FORM_MIN_PX = 1080  # within a 1280 px panel's width less the screen's margins
EVALUATION_MARGINS_PX = 32  # the evaluation panel's left and right content margins, together


@dataclass(frozen=True)
class Closing:
    """What the screen shows: the certificate number, the e-certificate token, whether mailing is possible."""

    unit_code: str
    certificate_no: str
    e_cert_token: str
    can_mail: bool
    evaluated: bool


def load_closing(kiosk: Kiosk, unit_code: str) -> Closing:
    case = kiosk.case(unit_code)
    cert = kiosk.recorded_certificate(unit_code) or {}
    evaluated = kiosk.evaluated(unit_code)
    return Closing(unit_code, str(cert.get("certificate_no") or ""), str(cert.get("e_cert_token") or ""),
                   case.registration.certificate_state == "recorded", evaluated)


def send_evaluation(kiosk: Kiosk, actor: Actor, unit_code: str, level: str, reason: str) -> str:
    return kiosk.run(evaluations.record_evaluation, actor, unit_code, level, reason or None).value


def send_mailing(kiosk: Kiosk, actor: Actor, unit_code: str, requester: str, recipient: str, phone: str,
                 address: str) -> str:
    return kiosk.run(mailing.request_mailing, actor, unit_code, requester_id_number=requester,
                     identified_by="in_person", recipient=recipient, phone=phone, address=address).value


class DoneScreen(Screen):
    """``enter(unit_code=str)``."""

    name = "done"
    audience = "buyer"
    holds_personal_data = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.unit_code = ""
        self.closing: Closing | None = None
        self.level = ""
        self.evaluated = False
        self.mailed = False
        self._task: Task | None = None

        self.title = label("title")
        self.qr = QrLabel(QR_PX)
        self.qr.setObjectName("e_certificate_qr")
        # Level with the words beside it, not adrift in the middle of a tall panel.
        self.qr.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.qr_hint = label()
        self.certificate = label(wrap=True)
        self.mail_note = label("hint")
        self.thanks = note(state="ok")
        self.thanks.setObjectName("thanks")
        self.mail_button = GuardedButton()
        self.mail_button.setMinimumSize(320, 80)
        self.mail_button.clicked.connect(self.open_mailing)
        self.rate_button = GuardedButton()
        self.rate_button.setObjectName("rate")
        self.rate_button.setProperty("role", "primary")
        self.rate_button.clicked.connect(self.open_rating)
        # What the code is for is always whole beside it; the certificate number and the notes below
        # it scroll on a short panel.
        about = QWidget()
        packed(QVBoxLayout(about), self.certificate, self.mail_note, spacing=4)
        words = QVBoxLayout()
        words.setSpacing(8)
        words.addWidget(self.qr_hint)
        words.addWidget(scrolling(about, "e_certificate_about"), 1)
        code_row = self.code_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        code_row.setSpacing(32)
        code_row.addWidget(self.qr, 1)
        code_row.addLayout(words, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.mail_button)
        actions.addStretch(1)
        # Once rated, the thanks stands where 评价本次服务 was (a button that can no longer be used
        # said nothing, and the thanks in the words above pushed the mailing note out of sight).
        actions.addWidget(self.thanks)
        actions.addWidget(self.rate_button)
        overview = Panel()
        overview.box.setContentsMargins(24, 8, 24, 8)
        overview.box.setSpacing(8)
        overview.box.addLayout(code_row, 1)
        overview.box.addLayout(actions)

        # The evaluation, a page of its own (with the code beside it, five large levels and the reason
        # are taller than a 1280x800 panel): the levels and 提交评价, or, for the lower two, the reason.
        self.question = label("heading")
        self.rating_back = GuardedButton()
        self.rating_back.setObjectName("rating_back")
        self.rating_back.clicked.connect(self.close_rating)
        self.levels = QButtonGroup(self)
        self.level_buttons: dict[str, QPushButton] = {}
        grid = self.level_grid = QGridLayout()
        grid.setSpacing(16)
        self.level_columns = 2
        for n, code in enumerate(LEVEL_CODES):
            button = GuardedButton()
            button.setCheckable(True)
            button.setMinimumSize(200, 80)
            button.setProperty("compact", "true")
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            self.levels.addButton(button)
            self.level_buttons[code] = button
            grid.addWidget(button, n // self.level_columns, n % self.level_columns)
        self.send_button = GuardedButton()
        self.send_button.setProperty("role", "primary")
        self.send_button.setMinimumSize(240, 96)
        self.send_button.clicked.connect(self.send)
        levels_step = QWidget()
        levels_box = QVBoxLayout(levels_step)
        levels_box.setContentsMargins(0, 0, 0, 0)
        levels_box.addLayout(grid)
        levels_box.addStretch(1)
        self.chosen = label()
        self.chosen.setObjectName("chosen_level")
        self.reason_label = label()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(evaluations.MAX_REASON)
        self.reason.setMinimumHeight(80)
        self.change_level = GuardedButton()
        self.change_level.setObjectName("change_level")
        self.change_level.clicked.connect(self.levels_step_shown)
        reason_step = QWidget()
        reason_box = QVBoxLayout(reason_step)
        reason_box.setContentsMargins(0, 0, 0, 0)
        reason_box.setSpacing(8)
        reason_box.addWidget(self.chosen)
        reason_box.addWidget(self.reason_label)
        reason_box.addWidget(self.reason)
        reason_box.addStretch(1)
        self.reason_row = QHBoxLayout()
        self.reason_row.addWidget(self.change_level)
        self.reason_row.addStretch(1)
        reason_box.addLayout(self.reason_row)
        self.rating_steps = QStackedWidget()
        self.rating_steps.setProperty("role", "flat")
        self.rating_steps.addWidget(levels_step)
        self.rating_steps.addWidget(reason_step)
        self.levels_step, self.reason_step = levels_step, reason_step
        self._place_send()
        question_row = QHBoxLayout()
        question_row.addWidget(self.question, 1)
        question_row.addWidget(self.rating_back, 0, Qt.AlignmentFlag.AlignTop)
        rating = Panel()
        rating.box.setContentsMargins(EVALUATION_MARGINS_PX // 2, 16, EVALUATION_MARGINS_PX // 2, 16)
        rating.box.addLayout(question_row)
        rating.box.addWidget(self.rating_steps, 1)

        # The mailing form in two steps, one thing each (the keypad and the fields together are taller
        # than a 1280x800 panel): the requester's own ID number, then recipient, phone and address.
        self.mail_heading = label("heading")
        # Two rows of ux.md's smallest keys (96 px), and no clear key beside them (delete and cancel
        # remain): with the next step beside the keys, the step fits a 1280x800 panel in large text.
        self.requester = IdKeypad(masked=True, rows=MAIL_KEY_ROWS, key_px=MAIL_KEY_PX)
        self.requester.clear_button.hide()
        self.mail_next = GuardedButton()
        self.mail_next.setObjectName("mail_next")
        self.mail_next.setProperty("role", "primary")
        self.mail_next.setMinimumSize(240, 96)
        self.mail_next.setEnabled(False)
        self.mail_next.clicked.connect(self.mailing_fields)
        self.requester.valid_changed.connect(self.mail_next.setEnabled)
        self.mail_back = GuardedButton()
        self.mail_back.setObjectName("mail_back")
        self.mail_back.setMinimumSize(200, 96)
        self.mail_back.clicked.connect(self.mailing_requester)
        self.recipient = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.field_labels = [label(wrap=False) for _ in range(3)]
        for edit in (self.recipient, self.phone, self.address):
            edit.setMinimumHeight(80)
        # The on-screen keyboard shows its large phone pad for this field, not letters.
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.mail_send = GuardedButton()
        self.mail_send.setProperty("role", "primary")
        self.mail_send.setMinimumSize(280, 96)
        self.mail_send.clicked.connect(self.send_mailing)
        self.mail_cancel = GuardedButton()
        self.mail_cancel.setObjectName("mail_cancel")
        self.mail_cancel.setMinimumSize(200, 96)
        self.mail_cancel.clicked.connect(self.close_mailing)
        # Never narrower than their text: the theme's min-width would otherwise let a short row squeeze them.
        for button in (self.mail_cancel, self.mail_next, self.mail_back, self.mail_send):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        who = QWidget()
        who_row = self.who_row = QBoxLayout(QBoxLayout.Direction.LeftToRight, who)
        who_row.setContentsMargins(0, 0, 0, 0)
        who_row.setSpacing(16)
        # The keypad takes the width: its hint stays on one line, which the panel's height needs.
        who_row.addWidget(self.requester, 1)
        # Cancel above the primary action, 32 px apart (destructive); the next step bottom right.
        who_actions = self.who_actions = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        who_actions.addStretch(1)
        who_actions.addWidget(self.mail_cancel)
        who_actions.addSpacing(32)
        who_actions.addWidget(self.mail_next)
        who_row.addLayout(who_actions)
        who_row.addStretch(0)  # a portrait panel's spare height, under the keys rather than in them
        # Recipient and phone side by side, the address below over both.
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        places = ((0, 0, 1), (0, 1, 1), (2, 0, 2))
        for caption, edit, (row, column, span) in zip(self.field_labels, (self.recipient, self.phone, self.address),
                                                      places, strict=True):
            grid.addWidget(caption, row, column, 1, span)
            grid.addWidget(edit, row + 1, column, 1, span)
        where = QWidget()
        fields = QVBoxLayout(where)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setSpacing(8)
        fields.addLayout(grid)
        fields.addStretch(1)
        # Back to the ID number bottom left, the send bottom right.
        mail_buttons = QHBoxLayout()
        mail_buttons.addWidget(self.mail_back)
        mail_buttons.addStretch(1)
        mail_buttons.addWidget(self.mail_send)
        fields.addLayout(mail_buttons)
        self.mail_steps = QStackedWidget()
        self.mail_steps.setProperty("role", "flat")
        self.mail_steps.addWidget(who)
        self.mail_steps.addWidget(where)
        self.mail_who, self.mail_where = who, where
        form = Panel()
        form.box.addWidget(self.mail_heading)
        form.box.addWidget(self.mail_steps, 1)

        # Three pages over the whole width, one thing each: the code, the evaluation, the mailing form.
        self.right = QStackedWidget()
        self.right.addWidget(overview)
        self.right.addWidget(rating)
        self.right.addWidget(form)
        self.overview_panel, self.rating_panel, self.mailing_panel = overview, rating, form

        self.message = note(state="error")
        self.message.setObjectName("message")
        self.staff_note = note("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.right, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.staff_note)
        self.retranslate()

    # -- moments ---------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.unit_code = str(args["unit_code"])
        self._clear()
        self._task = self.ctx.call(load_closing, self.unit_code)
        self._task.succeeded.connect(self.show_closing)
        self._task.failed.connect(self._refused)

    def leave(self) -> None:
        self._clear()
        self.unit_code = ""

    def _clear(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.closing = None
        self.level = ""
        self.evaluated = self.mailed = False
        self.mail_button.setEnabled(True)
        self.qr.forget()
        self.reason.clear()
        self.requester.clear()
        for edit in (self.recipient, self.phone, self.address):
            edit.clear()
        self.thanks.setText("")
        self.message.setText("")
        self.staff_note.setText("")
        self.levels.setExclusive(False)
        for button in self.level_buttons.values():
            button.setChecked(False)
            button.setEnabled(True)
        self.levels.setExclusive(True)
        self._show_step(self.rating_steps, self.levels_step)
        self._show_page(self.overview_panel)
        self._render()

    def subjects(self) -> set[str] | None:
        return {self.unit_code} if self.unit_code else set()

    def _show_page(self, page: QWidget) -> None:
        # Only the shown page sets the minimum size (a stacked widget otherwise takes its largest page's).
        for other in (self.overview_panel, self.rating_panel, self.mailing_panel):
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.right.setCurrentWidget(page)
        self._form_width()
        # The evaluation and the form say what they are for: the page title's room goes to them.
        self.title.setVisible(page is self.overview_panel)

    def show_closing(self, closing: Closing) -> None:
        self._task = None
        self.closing = closing
        if closing.e_cert_token:
            self.qr.show_code(closing.e_cert_token)
        if closing.evaluated:
            self._evaluated()
        self._render()
        if not closing.evaluated:
            self.say("done.congratulations")

    # -- the evaluation ----------------------------------------------------------------------

    def open_rating(self) -> None:
        self.message.setText("")
        self.staff_note.setText("")
        self.levels_step_shown()
        self._show_page(self.rating_panel)

    def close_rating(self) -> None:
        self._show_page(self.overview_panel)

    def levels_step_shown(self) -> None:
        """The five levels (the level chosen stays chosen, the reason typed stays typed)."""
        self._show_step(self.rating_steps, self.levels_step, self.rating_back)

    def choose(self, level: str) -> None:
        self.level = level
        self.message.setText("")
        if level in evaluations.REASON_LEVELS:
            self._show_step(self.rating_steps, self.reason_step, self.change_level)
        self._render()

    def send(self) -> None:
        if not self.level or self.closing is None:
            return
        reason = self.reason.text().strip() if self.level in evaluations.REASON_LEVELS else ""
        self._task = self.ctx.call(send_evaluation, self_service_actor(self.ctx), self.unit_code, self.level, reason)
        self._task.succeeded.connect(self._sent_evaluation)
        self._task.failed.connect(self._refused)

    def _sent_evaluation(self, _evaluation_id: object) -> None:
        self._evaluated()
        self.say("done.evaluated")

    def _evaluated(self) -> None:
        self._task = None
        self.evaluated = True
        for button in self.level_buttons.values():
            button.setEnabled(False)
        self.reason.clear()
        self.send_button.setEnabled(False)
        self.rate_button.setEnabled(False)
        if self.right.currentWidget() is self.rating_panel:
            self._show_page(self.overview_panel)
        self._render()

    # -- mailing ----------------------------------------------------------------------------

    def open_mailing(self) -> None:
        self.message.setText("")
        self.staff_note.setText("")
        self.mailing_requester()
        self._show_page(self.mailing_panel)
        self.say("done.mail_id")

    def mailing_requester(self) -> None:
        """The first step: the requester types their own ID number."""
        self._show_step(self.mail_steps, self.mail_who, self.mail_cancel)

    def mailing_fields(self) -> None:
        """The second step, once the ID number is complete: to whom and where."""
        if self.requester.number() is not None:
            self._show_step(self.mail_steps, self.mail_where, self.mail_back)

    def _show_step(self, steps: QStackedWidget, step: QWidget, focus: QWidget | None = None) -> None:
        # As with the pages: only the shown step sets the minimum size.
        for n in range(steps.count()):
            other = steps.widget(n)
            if other is None:
                continue
            policy = QSizePolicy.Policy.Preferred if other is step else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        # The tapped button is hidden with its step, and Qt would pass its focus on to the next text
        # field and call up the keyboard unasked (or not, by timing): the focus leaves it first and
        # lands on the new step's own button. The buyer taps a field when ready to type.
        focused = QApplication.focusWidget()
        if focused is not None and steps.isAncestorOf(focused):
            focused.clearFocus()
        steps.setCurrentWidget(step)
        if focus is not None:
            focus.setFocus()
        if steps is self.rating_steps:
            self._place_send()
        else:
            self._mail_heading()

    def _mail_heading(self) -> None:
        self.mail_heading.setText(self.tr("Mailing: first type your own ID number")
                                  if self.mail_steps.currentWidget() is self.mail_who
                                  else self.tr("Mailing: to whom, and where"))

    def close_mailing(self) -> None:
        self.requester.clear()
        for edit in (self.recipient, self.phone, self.address):
            edit.clear()
        self._show_page(self.overview_panel)

    def send_mailing(self) -> None:
        number = self.requester.number()
        if number is None:
            self.message.setText(self.tr("Please type your own ID number first."))
            self.say("done.mail_id")
            return
        self._task = self.ctx.call(send_mailing, self_service_actor(self.ctx), self.unit_code, number,
                                   self.recipient.text(), self.phone.text(), self.address.text())
        self._task.succeeded.connect(self._mailed)
        self._task.failed.connect(self._refused)

    def _mailed(self, _request_id: object) -> None:
        self._task = None
        self.close_mailing()
        self.mailed = True
        self.mail_button.setEnabled(False)
        self._render()
        self.say("done.mail_sent")

    def _refused(self, error: object) -> None:
        self._task = None
        assert isinstance(error, BaseException)
        self.message.setText(plain_refusal(error))
        self.say(refusal_prompt(error))
        self.staff_note.setText(staff_line(error))

    # -- texts -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange_levels()
        self._form_width()

    def _form_width(self) -> None:
        """Minimum heights are taken at minimum widths: on a landscape panel a narrow form would wrap its
        heading and the keypad's hint into more lines than a 1280x800 panel has room for. Only while the
        form is shown (a width set on a page counts even where the page is not), and not on a portrait
        panel: 1080 px less the screen's margins is narrower than that width, and there is height to spare.
        A portrait panel also puts the code above its words (beside them it was a third of the width) and
        the form's buttons under its keys (beside them the step was 1334 px wide)."""
        landscape = not on_portrait_panel(self)
        width = MAIL_FORM_MIN_PX if landscape and self.right.currentWidget() is self.mailing_panel else 0
        if self.mailing_panel.minimumWidth() != width:
            self.mailing_panel.setMinimumWidth(width)
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        # The same on the mailing form's first step: the keys, and their buttons below them, side by side.
        for box, direction in ((self.code_row, across if landscape else down),
                               (self.who_row, across if landscape else down),
                               (self.who_actions, down if landscape else across)):
            if box.direction() != direction:
                box.setDirection(direction)
        # Above its words the code is drawn as wide as the panel allows up to its largest, centred (kept
        # no wider than high, as beside them, it stood small at the left of a 1080 px panel).
        if self.qr.portrait == landscape:
            self.qr.portrait = not landscape
            self.qr.setMaximumSize(WIDGET_SIZE_MAX, WIDGET_SIZE_MAX)  # squared again at its next resize
        self.code_row.setStretch(1, 2 if landscape else 1)
        self.who_row.setStretch(0, 1 if landscape else 0)
        self.who_row.setStretch(2, 0 if landscape else 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # large text on or off
            self._arrange_levels()

    def _arrange_levels(self) -> None:
        """Three levels a row where the widest name fits (two rows, not three, on a short panel); else
        two a row (English in large text on a 1280x800 panel)."""
        widest = max(b.sizeHint().width() for b in self.level_buttons.values())
        # The panel's width less its margins and border (the page is as wide as the screen's room).
        room = self.right.width() - EVALUATION_MARGINS_PX - 4
        columns = 3 if 3 * (widest + 8) + 2 * self.level_grid.spacing() <= room else 2  # 8 px to spare a button
        if columns == self.level_columns:
            return
        self.level_columns = columns
        for n, button in enumerate(self.level_buttons.values()):
            self.level_grid.removeWidget(button)
            self.level_grid.addWidget(button, n // columns, n % columns)
        self._place_send()

    def _place_send(self) -> None:
        # 提交评价 bottom right: with the levels, in the last cell of their last row (five levels leave it
        # free in two or three columns, and it takes no row of its own); with the reason, under it.
        self.level_grid.removeWidget(self.send_button)
        self.reason_row.removeWidget(self.send_button)
        if self.rating_steps.currentWidget() is self.reason_step:
            self.reason_row.addWidget(self.send_button)
        else:
            columns = self.level_columns
            self.level_grid.addWidget(self.send_button, (len(self.level_buttons) - 1) // columns, columns - 1)
        # A widget moved to another parent is hidden until Qt's next pass shows it: shown now, so the
        # tap that moved it sees it in place.
        self.send_button.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Congratulations on your new home"))
        self.qr_hint.setText(self.tr("Keep this code: photograph it or scan it into the e-certificate app "
                                     "to check your electronic certificate."))
        self.mail_button.setText(self.tr("Mail the certificate"))
        self.question.setText(self.tr("Please rate this service."))
        self.rate_button.setText(self.tr("Rate this service"))
        self.rating_back.setText(self.tr("Back to the code"))
        self.change_level.setText(self.tr("Change the rating"))
        names = {"very_satisfied": self.tr("Very satisfied"), "satisfied": self.tr("Satisfied"),
                 "basically_satisfied": self.tr("Basically satisfied"), "dissatisfied": self.tr("Dissatisfied"),
                 "very_dissatisfied": self.tr("Very dissatisfied")}
        for code, button in self.level_buttons.items():
            button.setText(names[code])
        self.reason_label.setText(self.tr("What went wrong? (optional)"))
        self.send_button.setText(self.tr("Send evaluation"))
        self._mail_heading()
        self.mail_next.setText(self.tr("Next"))
        self.mail_back.setText(self.tr("Back to the ID number"))
        for caption, text in zip(self.field_labels, (self.tr("Recipient"), self.tr("Phone"),
                                                     self.tr("Full postal address")), strict=True):
            caption.setText(text)
        self.mail_send.setText(self.tr("Send request"))
        self.mail_cancel.setText(self.tr("Cancel"))
        self._arrange_levels()
        self._render()

    def _render(self) -> None:
        closing = self.closing
        self.certificate.setText(self.tr("Certificate {number}").format(number=closing.certificate_no)
                                 if closing and closing.certificate_no else "")
        if closing is not None and not closing.e_cert_token:
            self.qr.setText(self.tr("No e-certificate code yet"))
        can_mail = bool(closing and closing.can_mail)
        self.mail_button.setVisible(can_mail)
        if self.mailed:
            self.mail_note.setText(self.tr("The mailing request is sent. The tracking number comes by text message."))
        elif can_mail or closing is None:
            self.mail_note.setText("")
        else:
            self.mail_note.setText(self.tr("Mailing a certificate to an absent co-owner is arranged at the counter."))
        names = {code: button.text() for code, button in self.level_buttons.items()}
        self.chosen.setText(self.tr("Your rating: {level}").format(level=names[self.level])
                            if self.level in names else "")
        self.send_button.setEnabled(bool(self.level) and not self.evaluated and closing is not None)
        self.rate_button.setEnabled(not self.evaluated and closing is not None)
        self.rate_button.setVisible(not self.evaluated)
        self.thanks.setText(self.tr("Thank you. Your evaluation is recorded.") if self.evaluated else "")
        for code, button in self.level_buttons.items():
            button.setProperty("role", "primary" if code == self.level else "")
            set_state(button, "")
