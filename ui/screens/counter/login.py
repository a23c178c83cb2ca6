"""Staff login at the counter: staff number, or the staff member's ID card, and PIN (masked).

"ID card" reads the card on the reader (one wait of ``CARD_SECONDS``, started by a tap, so a
card left on the reader never answers for whoever comes next): ``Kiosk.staff_card`` names its
staff member, whose number then fills the number field, and the PIN is asked as for a typed
number, so a lost card alone opens nothing and the lockout and certificate expiry apply alike.
A card not on the roster, a buyer's card, an expired certification or a locked account is
refused on the spot with its own message. The keypad carries the digits plus the letters that
begin the roster's staff numbers (e.g. S, T), read from the roster view.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.app import Kiosk
from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QBoxLayout, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.counter.common import (RefusalPanel, StaffKeypad, TapField, apply_key, button, go, read_id_card,
                                       restyle, wrapped)
from ui.screens.counter.session import staff_session
from ui.tasks import Task

PIN_LIMIT = 12


def roster_letters(kiosk: Kiosk) -> str:
    return "".join(sorted({c for row in kiosk.staff().rows for c in row.staff_id if not c.isdigit()}))


def card_holder(kiosk: Kiosk, id_number: str) -> tuple[str, str]:
    """The staff number and name of the staff member whose ID card this is (refusals raise)."""
    staff_id = kiosk.staff_card(id_number)
    return staff_id, next((r.name for r in kiosk.staff().rows if r.staff_id == staff_id), "")


def log_in(kiosk: Kiosk, staff_id: str, pin: str) -> tuple[Actor, dt.datetime, str]:
    """The actor, the moment and the staff member's name (for the status strip)."""
    actor = kiosk.login(staff_id, pin).value
    name = next((r.name for r in kiosk.staff().rows if r.staff_id == actor.id), "")
    return actor, kiosk.now(), name


class StaffLoginScreen(Screen):
    """``staff_login``: enter() takes no arguments; on success the session starts and the queue shows."""

    name = "staff_login"
    audience = "staff"
    holds_personal_data = True  # the PIN being typed
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle (the shell locks and ends the session)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = staff_session(ctx)
        self._task: Task | None = None
        self.title = wrapped("title")
        self.number_label = wrapped()
        self.number = TapField()
        self.number.setObjectName("staff_number")
        self.pin_label = wrapped()
        self.pin = TapField()
        self.pin.setObjectName("staff_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LIMIT)
        for field in (self.number, self.pin):
            field.setMinimumHeight(64)
            field.textChanged.connect(self._update)
        self.number.tapped.connect(lambda: self._target(self.number))
        self.pin.tapped.connect(lambda: self._target(self.pin))
        self.where = wrapped("hint")
        # Four keys a row: digits and the roster's letters in three rows, so the login fits a 1280x800
        # panel below the shell's header, training banner and status strip, in large text too.
        self.keypad = StaffKeypad(columns=4)
        self.keypad.pressed.connect(self._key)
        self.login_button = button("primary")
        self.login_button.setObjectName("login")
        self.login_button.clicked.connect(self.submit)
        self.refusal = RefusalPanel()
        # Its words say what to do: the staff line keeps the service's finding (a 1280x800 panel in large text).
        self.refusal.detail_hint = False
        self.status = wrapped("hint")
        self.card_button = button()
        self.card_button.setObjectName("staff_card")
        self.card_button.clicked.connect(self.read_card)
        self._card: Task | None = None
        # Whose card was read, shown until the number is changed by hand.
        self.card_name: str | None = None
        # Each label beside its field: the form stays short enough for a 1280x800 panel in large text.
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(16)
        form.addWidget(self.number_label, 0, 0)
        form.addWidget(self.number, 0, 1)
        form.addWidget(self.pin_label, 1, 0)
        form.addWidget(self.pin, 1, 1)
        form.setColumnStretch(1, 1)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addLayout(form)
        left.addWidget(self.where)
        left.addWidget(self.refusal)
        left.addStretch(1)
        left.addWidget(self.status)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.keypad, 1)
        # The card beside the primary action, which stays bottom right: the form's column keeps its
        # height for a refusal, which a 1280x800 panel in large text needs.
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.card_button, 1)
        actions.addWidget(self.login_button, 1)
        right.addLayout(actions)
        # The keypad beside the form on a landscape panel; under it on a portrait one, at its own height
        # (beside the form it was too narrow for the card's button in English large text, and its keys
        # stretched to the panel's height).
        self.row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(48)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self._field: QLineEdit = self.number
        self._letters: Task | None = None
        self.retranslate()
        self._target(self.number)

    def on_panel_turned(self, portrait: bool) -> None:
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            self.row.setStretch(1, 0 if portrait else 1)

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.clear()
        task = self.ctx.call(roster_letters)
        task.succeeded.connect(self.keypad.set_extra)
        self._letters = task

    def leave(self) -> None:
        for task in (self._task, self._letters, self._card):
            if task is not None:
                task.cancel()
        self._task = self._letters = self._card = None
        self.clear()

    def clear(self) -> None:
        self.number.clear()
        self.pin.clear()
        self.refusal.clear()
        self.status.clear()
        self.card_name = None
        self._target(self.number)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff login"))
        self.login_button.setText(self.tr("Log in"))
        self.card_button.setText(self.tr("Use my ID card"))
        self._update()

    # -- input ------------------------------------------------------------------------------

    def _target(self, field: QLineEdit) -> None:
        self._field = field
        for f in (self.number, self.pin):
            restyle(f, state="ok" if f is field else "")
        self._update()

    def _mark(self, text: str, field: QLineEdit) -> str:
        # The field the keypad types into is marked in words too, not by colour alone.
        return f"▶ {text}" if field is self._field else text

    def _key(self, key: str) -> None:
        self.refusal.clear()
        if self._field is self.number:
            self.card_name = None
        self._field.setText(apply_key(self._field.text(), key, PIN_LIMIT if self._field is self.pin else 16))
        self._update()

    def _update(self) -> None:
        self.number_label.setText(self._mark(self.tr("Staff number"), self.number))
        self.pin_label.setText(self._mark(self.tr("PIN"), self.pin))
        typing_pin = self._field is self.pin
        if self._card is not None:
            where = self.tr("Place your ID card on the reader now.")
        elif self.card_name is not None and typing_pin:
            where = self.tr("ID card of {name}. The keypad types your PIN (6 to 12 digits).").format(
                name=self.card_name)
        elif typing_pin:
            where = self.tr("The keypad types the PIN (6 to 12 digits). Tap the staff number to change it.")
        else:
            where = self.tr("The keypad types the staff number, or use your ID card. Tap the PIN field next.")
        self.where.setText(where)
        ready = bool(self.number.text().strip()) and len(self.pin.text()) >= 6 and self._task is None
        self.login_button.setEnabled(ready)
        self.card_button.setEnabled(self._card is None and self._task is None)
        # A refusal says what to do next: the keypad hint steps back, so the form fits a 1280x800 panel.
        self.where.setVisible(self.refusal.isHidden())
        self.status.setVisible(bool(self.status.text()))

    # -- the ID card -------------------------------------------------------------------------

    def read_card(self) -> None:
        """Wait for the staff member's card on the reader; its holder fills the staff number."""
        if self._card is not None or self._task is not None:
            return
        self.refusal.clear()
        self.card_name = None
        task = self.ctx.device("card_reader", read_id_card)
        task.succeeded.connect(self._card_read)
        task.failed.connect(self._card_refused)
        self._card = task
        self._update()

    def _card_read(self, number: object) -> None:
        task = self.ctx.call(card_holder, str(number))
        task.succeeded.connect(self._card_known)
        task.failed.connect(self._card_refused)
        self._card = task

    def _card_known(self, holder: tuple[str, str]) -> None:
        self._card = None
        staff_id, name = holder
        self.number.setText(staff_id)
        self.pin.clear()
        self.card_name = name or staff_id
        self._target(self.pin)

    def _card_refused(self, error: BaseException) -> None:
        self._card = None
        self.number.clear()
        self.pin.clear()
        self.refusal.show_error(error)
        self._target(self.number)

    def submit(self) -> None:
        staff_id, pin = self.number.text().strip().upper(), self.pin.text()
        if not staff_id or not pin or self._task is not None:
            return
        self.refusal.clear()
        self.status.setText(self.tr("Checking…"))
        self.status.show()
        task = self.ctx.call(log_in, staff_id, pin)
        task.succeeded.connect(self._logged_in)
        task.failed.connect(self._refused)
        self._task = task
        self._update()

    def _logged_in(self, result: tuple[Actor, dt.datetime, str]) -> None:
        self._task = None
        actor, at, name = result
        self.session.start(actor, at, name)
        self.clear()
        go(self, "queue")

    def _refused(self, error: BaseException) -> None:
        self._task = None
        self.status.clear()
        # A wrong PIN is typed again from scratch; the number stays.
        self.pin.clear()
        self.refusal.show_error(error)
        self._target(self.pin)
