"""Staff login at the counter: staff number and PIN on the keypad (the PIN masked).

Staff ID cards are not offered: the kiosk's roster (``Kiosk.staff()``) holds no
ID numbers to match a card against, and matching one would need a query the UI
must not make. The keypad carries the digits plus the letters that begin the
roster's staff numbers (e.g. S, T), read from the roster view.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.app import Kiosk
from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.counter.common import RefusalPanel, StaffKeypad, TapField, apply_key, button, go, restyle, wrapped
from ui.screens.counter.session import staff_session
from ui.tasks import Task

PIN_LIMIT = 12


def roster_letters(kiosk: Kiosk) -> str:
    return "".join(sorted({c for row in kiosk.staff().rows for c in row.staff_id if not c.isdigit()}))


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
        self.status = wrapped("hint")
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
        # The primary action under the keypad, bottom right: the form's column keeps room for a refusal.
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.keypad, 1)
        right.addWidget(self.login_button)
        row = QHBoxLayout()
        row.setSpacing(48)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self._field: QLineEdit = self.number
        self._letters: Task | None = None
        self.retranslate()
        self._target(self.number)

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.clear()
        task = self.ctx.call(roster_letters)
        task.succeeded.connect(self.keypad.set_extra)
        self._letters = task

    def leave(self) -> None:
        for task in (self._task, self._letters):
            if task is not None:
                task.cancel()
        self._task = self._letters = None
        self.clear()

    def clear(self) -> None:
        self.number.clear()
        self.pin.clear()
        self.refusal.clear()
        self.status.clear()
        self._target(self.number)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff login"))
        self.login_button.setText(self.tr("Log in"))
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
        self._field.setText(apply_key(self._field.text(), key, PIN_LIMIT if self._field is self.pin else 16))
        self._update()

    def _update(self) -> None:
        self.number_label.setText(self._mark(self.tr("Staff number"), self.number))
        self.pin_label.setText(self._mark(self.tr("PIN"), self.pin))
        typing_pin = self._field is self.pin
        self.where.setText(self.tr("The keypad types the PIN (6 to 12 digits). Tap the staff number to change it.")
                           if typing_pin
                           else self.tr("The keypad types the staff number. Tap the PIN field next."))
        ready = bool(self.number.text().strip()) and len(self.pin.text()) >= 6 and self._task is None
        self.login_button.setEnabled(ready)
        # A refusal says what to do next: the keypad hint steps back, so the form fits a 1280x800 panel.
        self.where.setVisible(self.refusal.isHidden())
        self.status.setVisible(bool(self.status.text()))

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
