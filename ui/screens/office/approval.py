"""A supervisor's approval of one action (a void, a refund, a credit override): number, PIN, reason.

Embedded in the screen that asks for it: ``ask(action)`` shows what is to be approved and clears
the form; the supervisor types their staff number and PIN on the staff keypad (the PIN masked) and
writes the reason (the on-screen Pinyin keyboard). ``approved(actor, reason)`` is emitted only after
``Kiosk.supervisor_login`` accepted the number and PIN on the store thread, so the actor is a
supervisor who may act now; the screen then runs its command as that actor with that reason.
Every refusal (wrong PIN, locked, expired, not a supervisor, a reason too short for the services'
rule) stays on the panel with what to do, and a wrong PIN is typed again from scratch. ``cancelled`` when the staff member backs out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from kiosk.app import Kiosk
from kiosk.errors import ValidationError
from kiosk.rules.reason import required_reason
from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.i18n import Retranslating
from ui.qt import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget, Signal
from ui.screens.base import ACROSS, PanelTurning, turn
from ui.screens.counter.common import (STAFF_TARGET, RefusalPanel, StaffKeypad, TapField, apply_key, button, restyle,
                                       wrapped)
from ui.screens.counter.login import PIN_LIMIT, roster_letters
from ui.tasks import Task

REASON_LIMIT = 200


def approve(kiosk: Kiosk, staff_id: str, pin: str) -> Actor:
    return kiosk.supervisor_login(staff_id, pin).value


class SupervisorApproval(Retranslating, PanelTurning, QFrame):
    """The approval form; hidden until ``ask``. Personal data: the PIN being typed (cleared on hide)."""

    approved = Signal(object, str)  # the supervisor's Actor, the reason as written
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("supervisor_approval")
        self.setProperty("role", "panel")
        self.action: Callable[[], str] | str = ""
        self.wants_reason = True
        self._task: Task | None = None
        self._letters: Task | None = None
        # What is approved, in the heading itself: the form fits a 1280x800 panel in large text.
        self.title = wrapped("heading")
        self.title.setObjectName("approval_action")
        self.number_label = wrapped()
        self.number = TapField()
        self.number.setObjectName("approval_number")
        self.pin_label = wrapped()
        self.pin = TapField()
        self.pin.setObjectName("approval_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LIMIT)
        self.reason_label = wrapped()
        # Free text: the Pinyin keyboard types here, not the keypad.
        self.reason = QLineEdit()
        self.reason.setObjectName("approval_reason")
        self.reason.setMaxLength(REASON_LIMIT)
        for field in (self.number, self.pin, self.reason):
            field.setMinimumHeight(STAFF_TARGET)
            field.textChanged.connect(self._update)
        self.number.tapped.connect(lambda: self._target(self.number))
        self.pin.tapped.connect(lambda: self._target(self.pin))
        self.where = wrapped("hint")
        self.where.setObjectName("approval_where")
        self.refusal = RefusalPanel()
        self.refusal.detail_hint = False
        # Five keys a row: three rows beside the form, which fits a 1280x800 panel in large text.
        self.keypad = StaffKeypad(key_px=STAFF_TARGET, columns=5)
        self.keypad.pressed.connect(self._key)
        self.approve_button = button("primary")
        self.approve_button.setObjectName("approval_approve")
        self.approve_button.clicked.connect(self.submit)
        self.cancel_button = button()
        self.cancel_button.setObjectName("approval_cancel")
        self.cancel_button.clicked.connect(self.cancel)

        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        for row, (label, field) in enumerate(((self.number_label, self.number), (self.pin_label, self.pin),
                                              (self.reason_label, self.reason))):
            form.addWidget(label, row, 0)
            form.addWidget(field, row, 1)
        form.setColumnStretch(1, 1)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addLayout(form)
        left.addWidget(self.where)
        left.addWidget(self.refusal)
        left.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.cancel_button, 1)
        actions.addWidget(self.approve_button, 1)
        left.addLayout(actions)
        # The keypad beside the form, or under it on a portrait panel (too narrow for both).
        self.beside = beside = QBoxLayout(ACROSS)
        beside.setSpacing(32)
        beside.addLayout(left, 1)
        beside.addWidget(self.keypad)
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(beside, 1)
        # Under the keypad on a portrait panel, the room the form does not need: the fields, the buttons
        # and the keypad stay together.
        layout.addStretch(0)
        self._field: QLineEdit = self.number
        self.retranslate()
        self.hide()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.beside,))
        self.beside.setSpacing(16 if portrait else 32)
        self.column.setStretch(1, 0 if portrait else 1)
        self.column.setStretch(2, 1 if portrait else 0)

    # -- asking -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """The number and PIN are being checked."""
        return self._task is not None

    def ask(self, action: Callable[[], str] | str, *, reason: bool = True) -> None:
        """Show the form for ``action``: what the supervisor approves, in words made in the current language
        each time the form is retranslated (a language switch while the form is open changes the heading
        too); ``reason=False`` where the command takes none (e.g. recording paper received)."""
        self.action = action
        self.wants_reason = reason
        self.reason_label.setVisible(reason)
        self.reason.setVisible(reason)
        self.clear()
        if self._letters is None:
            task = self.ctx.call(roster_letters)
            task.succeeded.connect(self._got_letters)
            task.failed.connect(self._no_letters)
            self._letters = task
        self.show()
        self.retranslate()

    def action_text(self) -> str:
        """What is approved, in the current language."""
        return self.action() if callable(self.action) else self.action

    def cancel(self) -> None:
        self.dismiss()
        self.cancelled.emit()

    def dismiss(self) -> None:
        """Hide and forget what was typed (the owning screen's ``leave`` calls this too)."""
        for task in (self._task, self._letters):
            if task is not None:
                task.cancel()
        self._task = self._letters = None
        self.clear()
        self.hide()

    def clear(self) -> None:
        self.number.clear()
        self.pin.clear()
        self.reason.clear()
        self.refusal.clear()
        self._target(self.number)

    def _got_letters(self, letters: str) -> None:
        self._letters = None
        self.keypad.set_extra(letters)

    def _no_letters(self, error: BaseException) -> None:
        self._letters = None
        self.refusal.show_error(error)

    # -- typing -----------------------------------------------------------------------------

    def _target(self, field: QLineEdit) -> None:
        self._field = field
        for f in (self.number, self.pin):
            restyle(f, state="ok" if f is field else "")
        self._update()

    def _key(self, key: str) -> None:
        self.refusal.clear()
        limit = PIN_LIMIT if self._field is self.pin else 16
        self._field.setText(apply_key(self._field.text(), key, limit))

    def _mark(self, text: str, field: QLineEdit) -> str:
        # Which field the keypad types into, in words too (not by colour alone).
        return f"▶ {text}" if field is self._field else text

    def missing(self) -> str:
        """What is still to be filled in before the approval can be checked ('' when complete)."""
        if not self.number.text().strip():
            return self.tr("Type the supervisor's staff number on the keypad.")
        if len(self.pin.text()) < 6:
            return self.tr("Tap the PIN field and type the supervisor's PIN (6 to 12 digits).")
        if self.wants_reason and not self.reason.text().strip():
            return self.tr("Tap the reason field and write why, in a sentence.")
        return ""

    def _update(self) -> None:
        self.number_label.setText(self._mark(self.tr("Supervisor number"), self.number))
        self.pin_label.setText(self._mark(self.tr("PIN"), self.pin))
        self.reason_label.setText(self.tr("Reason"))
        todo = self.missing()
        self.where.setText(self.tr("Checking the supervisor's PIN…") if self.busy else
                           todo or self.tr("Tap Approve to confirm."))
        self.approve_button.setEnabled(not todo and not self.busy)
        self.cancel_button.setEnabled(not self.busy)

    def retranslate(self) -> None:
        title = self.tr("Supervisor approval")
        action = self.action_text()
        self.title.setText(self.tr("{title}: {action}").format(title=title, action=action) if action else title)
        self.reason.setPlaceholderText(self.tr("Why, in a sentence"))
        self.approve_button.setText(self.tr("Approve"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update()

    # -- checking ---------------------------------------------------------------------------

    def submit(self) -> None:
        if self.missing() or self.busy:
            return
        self.refusal.clear()
        try:
            # The services' one rule for a written reason, said here before the PIN is checked, so
            # a reason too short costs no second PIN entry.
            if self.wants_reason:
                required_reason(self.reason.text(), why=self.action_text() or "this is approved")
        except ValidationError as error:
            self.refusal.show_error(error)
            return
        task = self.ctx.call(approve, self.number.text().strip().upper(), self.pin.text())
        task.succeeded.connect(self._approved)
        task.failed.connect(self._refused)
        self._task = task
        self._update()

    def _approved(self, actor: Actor) -> None:
        self._task = None
        if self.ctx.training and not actor.training:
            # A training session acts on training data only, the approver too.
            actor = dataclasses.replace(actor, training=True)
        reason = self.reason.text().strip()
        self.dismiss()
        self.approved.emit(actor, reason)

    def _refused(self, error: BaseException) -> None:
        self._task = None
        self.pin.clear()
        self.refusal.show_error(error)
        self._target(self.pin)
